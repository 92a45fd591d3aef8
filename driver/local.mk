## driver/local.mk: the wasm32-wasi-cc program, the front end: flags, specs, the plan, running it.
bin_PROGRAMS += driver/wasm32-wasi-cc
driver_wasm32_wasi_cc_CPPFLAGS = $(AM_CPPFLAGS) $(YAML_CPPFLAGS) -DSPECDIR='"$(specsdir)"'
driver_wasm32_wasi_cc_SOURCES = \
	driver/main.c \
	driver/artifacts.c driver/artifacts.h \
	driver/info.c driver/info.h \
	driver/options.c driver/options.h driver/options.def \
	driver/respfile.c \
	driver/schema.c driver/schema.h \
	driver/spec.c driver/spec.h \
	driver/speccache.c driver/speccache.h \
	driver/template.c driver/template.h \
	driver/plan.c driver/plan.h \
	driver/hostdirs.c driver/hostdirs.h \
	driver/ports.c driver/ports.h \
	driver/pcfile.c driver/pcfile.h \
	driver/linkargs.c \
	driver/tempfiles.c driver/tempfiles.h \
	driver/run.c driver/run.h
driver_wasm32_wasi_cc_LDADD = steps/libsteps.a lib/libcommon.a wasm/libwasm.a
if BUILD_LIBYAML
driver_wasm32_wasi_cc_LDADD += lib/libyaml.a
endif
# static where configure found it works (configure.ac says why)
driver_wasm32_wasi_cc_LDFLAGS = $(DRIVER_LDFLAGS)

# Target-prefixed tools, so that ./configure --host=wasm32-wasi finds them
# without CC=: the driver under the names c++ and cpp, and the LLVM tools.
# They are made in driver/ too, for the tests.
driver_aliases = wasm32-wasi-c++ wasm32-wasi-cpp
tool_links = ar=$(WASM_AR) ranlib=$(WASM_RANLIB) strip=$(WASM_STRIP) ld=$(WASM_LD) \
	readelf=$(LLVM_READELF) objdump=$(LLVM_OBJDUMP) objcopy=$(LLVM_OBJCOPY) \
	size=$(LLVM_SIZE) strings=$(LLVM_STRINGS)

all-local: driver-aliases
driver-aliases: driver/wasm32-wasi-cc
	$(AM_V_GEN)for a in $(driver_aliases); do ln -sf wasm32-wasi-cc driver/$$a; done; \
	for t in $(tool_links); do ln -sf "$${t#*=}" "driver/wasm32-wasi-$${t%%=*}"; done
clean-driver-aliases:
	for a in $(driver_aliases); do rm -f driver/$$a; done; \
	for t in $(tool_links); do rm -f "driver/wasm32-wasi-$${t%%=*}"; done

install-driver-aliases:
	cd '$(DESTDIR)$(bindir)' && \
	for a in $(driver_aliases); do rm -f $$a && $(LN_S) wasm32-wasi-cc $$a; done && \
	for t in $(tool_links); do rm -f "wasm32-wasi-$${t%%=*}" && $(LN_S) "$${t#*=}" "wasm32-wasi-$${t%%=*}"; done
uninstall-driver-aliases:
	cd '$(DESTDIR)$(bindir)' && \
	for a in $(driver_aliases); do rm -f $$a; done && \
	for t in $(tool_links); do rm -f "wasm32-wasi-$${t%%=*}"; done

# The man page, made from --help (the option table and the specs) by
# help2man, and shipped in the tarball: it lives in the source tree and
# depends on the sources --help shows, not on the binary, so that a
# tarball's page is used as it is where help2man is missing (GNU hello's way).
if HAVE_MAN_PAGE
dist_man1_MANS = driver/wasm32-wasi-cc.1
endif
EXTRA_DIST += driver/wasm32-wasi-cc.h2m
MAINTAINERCLEANFILES = $(srcdir)/driver/wasm32-wasi-cc.1
# The driver is an order-only prerequisite: built first (a recursive make
# would race the parallel one building it), never a reason to remake the page.
$(srcdir)/driver/wasm32-wasi-cc.1: $(srcdir)/driver/wasm32-wasi-cc.h2m $(srcdir)/driver/options.def \
		$(srcdir)/driver/info.c $(static_specs:%=$(srcdir)/%) $(srcdir)/configure.ac \
		| driver/wasm32-wasi-cc specs/toolchain.yaml
if HAVE_HELP2MAN
	$(AM_V_GEN)WASM32_WASI_CC_SPECDIR='$(abs_top_srcdir)/specs:$(abs_top_builddir)/specs' \
	$(HELP2MAN) --no-info --no-discard-stderr --include=$(srcdir)/driver/wasm32-wasi-cc.h2m \
	  --output=$@ driver/wasm32-wasi-cc
else
	@echo "warning: help2man is missing, so $@ is not remade (install the Debian package help2man)" >&2
endif
