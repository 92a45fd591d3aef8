## runtime/porting.mk: what ported code and the component adapter expect beyond
## wasi-libc: setjmp/longjmp, temporary files, headers, cabi_realloc.
wasmlib_DATA += runtime/libporting.a runtime/cabi_realloc.o
CLEANFILES += runtime/libporting.a runtime/setjmp.o runtime/longjmp.o runtime/tmpfile.o runtime/system.o runtime/cabi_realloc.o
# Headers for the target, installed apart from the host's includes.
targetincludedir = $(pkgdatadir)/include
targetinclude_HEADERS = runtime/include/setjmp.h runtime/include/dlfcn.h
targetincludewasidir = $(targetincludedir)/wasi
targetincludewasi_HEADERS = runtime/include/wasi/toolchain.h
EXTRA_DIST += runtime/setjmp.c runtime/longjmp.S runtime/tmpfile.c runtime/system.c runtime/cabi_realloc.c


runtime/setjmp.o: runtime/setjmp.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -c -o $@ $(srcdir)/runtime/setjmp.c
runtime/longjmp.o: runtime/longjmp.S
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -mexception-handling -c -o $@ $(srcdir)/runtime/longjmp.S
runtime/cabi_realloc.o: runtime/cabi_realloc.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -c -o $@ $(srcdir)/runtime/cabi_realloc.c
runtime/tmpfile.o: runtime/tmpfile.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -c -o $@ $(srcdir)/runtime/tmpfile.c
runtime/system.o: runtime/system.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -c -o $@ $(srcdir)/runtime/system.c
runtime/libporting.a: runtime/setjmp.o runtime/longjmp.o runtime/tmpfile.o runtime/system.o
	$(AM_V_AR)rm -f $@ && $(WASM_AR) rcs $@ runtime/setjmp.o runtime/longjmp.o runtime/tmpfile.o runtime/system.o
