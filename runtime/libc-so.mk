## runtime/libc-so.mk: libc.so, the C library as a dll, from wasi-libc's source built position-independent.
# configure finds the source (--with-wasi-libc-source=DIR; install-deps.sh
# fetches Debian's into /usr/local/src/wasi-libc). Without it there is no
# libc.so, and no dlls or dynamic executables.
if HAVE_WASI_LIBC_SOURCE
wasmlib_DATA += runtime/libc.so runtime/libc_nonshared.a runtime/crt1-command-pic.o
CLEANFILES += runtime/libc.so runtime/libc_nonshared.a runtime/libc-pic.a runtime/crt1-command-pic.o

# command-rt for dynamic executables: the same start file, position-independent.
runtime/crt1-command-pic.o: runtime/crt1-command.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(ROLES_CFLAGS) -fPIC -c -o $@ $(srcdir)/runtime/crt1-command.c

LIBC_PIC = $(abs_top_builddir)/runtime/libc-pic
LIBC_PIC_A = $(LIBC_PIC)/sysroot/lib/wasm32-wasi/libc.a
# -fvisibility=default: libc.so exports its public symbols (newer wasi-libc
# builds its PIC copies so too). Only the final symbol check of wasi-libc's
# own Makefile fails for a PIC build (PIC adds __memory_base and the like),
# so the archive is made by name rather than by the default target.
LIBC_PIC_MAKE = $(MAKE) -C '$(WASI_LIBC_SOURCE)' CC='$(WASM_CLANG)' AR='$(WASM_AR)' NM='$(WASM_NM)' \
	EXTRA_CFLAGS='-O2 -DNDEBUG -fPIC -fvisibility=default' \
	OBJDIR='$(LIBC_PIC)/build' SYSROOT='$(LIBC_PIC)/sysroot'
# The start-up objects that call main stay in each executable (glibc's
# libc_nonshared.a, in spirit): a dll cannot import from the program.
LIBC_NONSHARED_OBJECTS = __main_void.o __main_argc_argv.o __original_main.o

$(LIBC_PIC_A):
	$(AM_V_GEN)$(LIBC_PIC_MAKE) include_dirs > /dev/null && $(LIBC_PIC_MAKE) '$@' > /dev/null

runtime/libc_nonshared.a: $(LIBC_PIC_A)
	$(AM_V_GEN)rm -rf $@ $@.d && $(MKDIR_P) $@.d && \
	(cd $@.d && $(WASM_AR) x '$(LIBC_PIC_A)' $(LIBC_NONSHARED_OBJECTS)) && \
	$(WASM_AR) crs $@ $(addprefix $@.d/,$(LIBC_NONSHARED_OBJECTS)) && rm -rf $@.d
runtime/libc-pic.a: $(LIBC_PIC_A)
	$(AM_V_GEN)rm -f $@ && cp '$(LIBC_PIC_A)' $@ && $(WASM_AR) d $@ $(LIBC_NONSHARED_OBJECTS)
# Linked by the driver itself, as a dll of no user objects: libc's public
# symbols are exported, its imports get the two-level namespace. All of libc
# is in it (a dll cannot know what its users need): 558 KB stripped (-s),
# 576 KB with its names.
runtime/libc.so: runtime/libc-pic.a driver/wasm32-wasi-cc $(specs_DATA)
	$(AM_V_GEN)WASM32_WASI_CC_SPECDIR='$(abs_top_srcdir)/specs:$(abs_top_builddir)/specs' \
	driver/wasm32-wasi-cc -shared -nodefaultlibs -s -o $@ \
	  -Wl,--whole-archive runtime/libc-pic.a -Wl,--no-whole-archive '$(CLANG_BUILTINS)'
endif

# The PIC build of wasi-libc, under the build tree.
clean-libc-pic:
	rm -rf runtime/libc-pic
