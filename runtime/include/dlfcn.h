/*
 * dlfcn.h: dlopen and its family for wasm32-wasi. wasi-libc has none. In a
 * dynamic executable they stay `env` imports (steps/dylink.c): the loader
 * of wasm32-wasi-run provides them to a core module, and in a component a
 * module of the component link does, over the libraries named by
 * -Wl,--dl-openable (steps/complink/dl.c, doc/dynamic-linking.md). A static
 * command has neither, so linking one that calls them fails with
 * "undefined symbol".
 *
 * In the loader, dlopen(NAME) searches a NAME without '/' as NEEDED
 * entries are searched (the program's directory, $WASM32_WASI_LIBRARY_PATH,
 * the installed libdir); a NAME with '/' is a path in the program's file
 * system. The
 * libraries it needs are loaded with it, and its constructors run. Every
 * symbol is global and bound at once, so the modes change nothing, and
 * dlclose keeps the library loaded (POSIX allows both).
 */
#ifndef _DLFCN_H
#define _DLFCN_H

#ifdef __cplusplus
extern "C" {
#endif

#define RTLD_LAZY 1
#define RTLD_NOW 2
#define RTLD_NOLOAD 4
#define RTLD_NODELETE 4096
#define RTLD_GLOBAL 256
#define RTLD_LOCAL 0

#define RTLD_DEFAULT ((void *)0)

void *dlopen(const char *, int);
void *dlsym(void *__restrict, const char *__restrict);
int dlclose(void *);
char *dlerror(void);

#ifdef __cplusplus
}
#endif

#endif
