/* dlls.h: the libraries of dynamic programs (dlls and the allocator), as the dylink and component-link steps read them. */
#ifndef DLLS_H
#define DLLS_H

#include <stddef.h>

#include "util.h"
#include "wasm/wasm.h"

/* A library (libraries.h says what one is): a dll, a dynamic executable, or the allocator. */
struct dll {
	char *path, *soname;
	unsigned char *bytes;
	size_t len;
	struct wasm_module m;
	struct wasm_dylink dy; /* empty for the allocator */
	int allocator;
};

/*
 * Reads path as a library when it is one: 1, 0 when it is not (unreadable,
 * or LIBRARY_NONE), -1 with *err set when it is a malformed dll.
 */
int dll_read(const char *path, struct dll *d, char **err);
void dll_free(struct dll *d);

#endif
