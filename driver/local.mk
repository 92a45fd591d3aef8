## driver/local.mk: the wasm32-wasi-cc program.
bin_PROGRAMS += driver/wasm32-wasi-cc
driver_wasm32_wasi_cc_CPPFLAGS = $(AM_CPPFLAGS) -DSPECDIR='"$(specsdir)"'
driver_wasm32_wasi_cc_SOURCES = \
	driver/main.c \
	driver/info.c driver/info.h \
	driver/builtins.c driver/builtins.h \
	driver/envdecl.c \
	driver/exports.c \
	driver/fileio.c driver/fileio.h \
	driver/dllexports.c \
	driver/dlls.c driver/dlls.h \
	driver/complink.c driver/complink.h driver/compglue.c driver/compsplice.c \
	driver/dylink.c \
	driver/options.c driver/options.h driver/options.def \
	driver/respfile.c \
	driver/spec.c driver/spec.h \
	driver/template.c driver/template.h \
	driver/plan.c driver/plan.h \
	driver/linkargs.c \
	driver/tempfiles.c driver/tempfiles.h \
	driver/run.c driver/run.h \
	driver/util.c driver/util.h \
	driver/wrap.c driver/wrap.h
driver_wasm32_wasi_cc_LDADD = wasm/libwasm.a

# Target-prefixed tools, so that ./configure --host=wasm32-wasi finds them
# without CC=: the driver under the names c++ and cpp, and the LLVM tools.
# They are made in driver/ too, for the tests.
driver_aliases = wasm32-wasi-c++ wasm32-wasi-cpp
tool_links = ar=$(WASM_AR) ranlib=$(WASM_RANLIB) nm=$(WASM_NM) strip=$(WASM_STRIP) ld=$(WASM_LD)

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

# The man page, made from --help (the option table) by help2man.
man1_MANS = driver/wasm32-wasi-cc.1
EXTRA_DIST += driver/wasm32-wasi-cc.h2m
CLEANFILES += driver/wasm32-wasi-cc.1
driver/wasm32-wasi-cc.1: driver/wasm32-wasi-cc driver/wasm32-wasi-cc.h2m specs/toolchain.yaml
	$(AM_V_GEN)WASM32_WASI_CC_SPECDIR='$(abs_top_srcdir)/specs:$(abs_top_builddir)/specs' \
	$(HELP2MAN) --no-info --no-discard-stderr --include=$(srcdir)/driver/wasm32-wasi-cc.h2m \
	  --output=$@ driver/wasm32-wasi-cc
