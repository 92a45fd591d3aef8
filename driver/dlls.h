/* dlls.h: the libraries of dynamic programs (dlls and the allocator), as the dylink and component-link steps read them. */
#ifndef DLLS_H
#define DLLS_H

#include <stddef.h>

#include "util.h"
#include "wasm/wasm.h"

/* A library: a dll (a core module with dylink.0) or the allocator (none, and it exports its memory). */
struct dll {
	char *path, *soname;
	unsigned char *bytes;
	size_t len;
	struct wasm_module m;
	struct wasm_dylink dy; /* empty for the allocator */
	int allocator;
};

/* Whether m, a module without dylink.0, is an allocator: it exports its memory. */
int dll_is_allocator(const struct wasm_module *m);

/*
 * Reads path as a library when it is one: 1, 0 when it is not (unreadable,
 * no module, a relocatable object, neither a dll nor an allocator), -1 with
 * *err set when it is a malformed dll.
 */
int dll_read(const char *path, struct dll *d, char **err);
void dll_free(struct dll *d);

/* -lNAME through the -L directories: libNAME.so, then libNAME.wasm, as wasm-ld searches; NULL when none. */
char *dll_find_lib(const char *lib, const struct strvec *dirs);

#endif
