/* internal.h: allocation that cannot fail and formatting, for the wasm library alone. */
#ifndef WASM_INTERNAL_H
#define WASM_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

void *wasm_xrealloc(void *p, size_t n, size_t size);
char *wasm_xvasprintf(const char *fmt, va_list ap);
char *wasm_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Appends a zeroed element to the array a of n elements and yields it. */
#define WASM_PUSH(a, n) \
	((a) = wasm_xrealloc((a), (size_t)(n) + 1, sizeof(*(a))), memset(&(a)[(n)], 0, sizeof(*(a))), &(a)[(n)++])

#endif
