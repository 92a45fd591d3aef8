/* names.c: comparing and printing the names of binaries, which are bytes, not C strings. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

int wasm_name_is(struct wasm_name n, const char *s)
{
	return n.len == strlen(s) && memcmp(n.p, s, n.len) == 0;
}

int wasm_name_has_prefix(struct wasm_name n, const char *prefix)
{
	size_t len = strlen(prefix);

	return n.len >= len && memcmp(n.p, prefix, len) == 0;
}

int wasm_name_equal(struct wasm_name a, struct wasm_name b)
{
	return a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
}

char *wasm_name_str(struct wasm_name n)
{
	char *s = wasm_xrealloc(NULL, n.len * 4 + 1, 1), *q = s;

	for (size_t i = 0; i < n.len; i++) {
		unsigned char b = (unsigned char)n.p[i];

		if (b < 0x20 || b == 0x7f || b == '\\')
			q += sprintf(q, "\\x%02x", b);
		else
			*q++ = (char)b;
	}
	*q = '\0';
	return s;
}

char *wasm_name_dup(struct wasm_name n)
{
	char *s;

	if (memchr(n.p, '\0', n.len))
		return NULL;
	s = wasm_xrealloc(NULL, n.len + 1, 1);
	memcpy(s, n.p, n.len);
	s[n.len] = '\0';
	return s;
}
