## runtime/porting.mk: what ported code expects beyond wasi-libc: setjmp/longjmp, headers.
wasmlib_DATA += runtime/libsjlj.a
CLEANFILES += runtime/libsjlj.a runtime/setjmp.o runtime/longjmp.o
# Headers for the target, installed apart from the host's includes.
targetincludedir = $(pkgdatadir)/include
targetinclude_HEADERS = runtime/include/setjmp.h
targetincludewasidir = $(targetincludedir)/wasi
targetincludewasi_HEADERS = runtime/include/wasi/toolchain.h
EXTRA_DIST += runtime/setjmp.c runtime/longjmp.S

PORTING_CFLAGS = --target=wasm32-wasi -nostdinc -isystem $(CLANG_RESOURCE_DIR)/include \
	-isystem $(WASI_SYSROOT)/include/wasm32-wasi -O2 -Wall -Wextra -Werror

runtime/setjmp.o: runtime/setjmp.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(PORTING_CFLAGS) -c -o $@ $(srcdir)/runtime/setjmp.c
runtime/longjmp.o: runtime/longjmp.S
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(PORTING_CFLAGS) -mexception-handling -c -o $@ $(srcdir)/runtime/longjmp.S
runtime/libsjlj.a: runtime/setjmp.o runtime/longjmp.o
	$(AM_V_AR)rm -f $@ && $(WASM_AR) rcs $@ runtime/setjmp.o runtime/longjmp.o
