/* envdecl.c: the --env declaration, a custom section naming the variables a command may read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "wasm/wasm.h"

/*
 * Typed Main Level 0: the environment variables a command reads are fixed
 * at link time. The names go into a custom section at the top level of the
 * artifact, core module or component alike (both allow custom sections
 * anywhere), so that any tool can read them without knowing the layout:
 *
 *   section id 0, size, name "wasm32-wasi-cc.env", vec(name)
 *
 * where vec and name are the binary format's own: a LEB128 count, then per
 * name a LEB128 length and UTF-8 bytes (wasm/custom.c writes it).
 */

/* Is s well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF)? */
static int utf8_valid(const unsigned char *s)
{
	while (*s) {
		unsigned c = *s, n, cp;

		if (c < 0x80) {
			s++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		for (unsigned i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return 0;
		s += n + 1;
	}
	return 1;
}

char *env_name_printable(const char *s)
{
	int high = !utf8_valid((const unsigned char *)s);
	char *out = xmalloc(strlen(s) * 4 + 1), *o = out;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f || (high && *p >= 0x80))
			o += sprintf(o, "\\x%02x", *p);
		else
			*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

/*
 * A declared name is a name in wasm's sense (UTF-8), and one that the
 * environment and the runner can hold and print on one line: not empty,
 * no '=' (nor NUL, which argv cannot hold), no control character.
 */
const char *env_name_problem(const char *name)
{
	if (!*name)
		return "is empty";
	if (strchr(name, '='))
		return "contains '='";
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "contains a control character";
	if (!utf8_valid((const unsigned char *)name))
		return "is not UTF-8";
	return NULL;
}

/* declare-env INPUT OUTPUT [NAME...]: OUTPUT is INPUT with the section appended. */
int builtin_declare_env(int argc, char **argv, char **err)
{
	struct wasm_buf module = {0};
	struct wasm_buf out = {0};
	int r = -1;

	if (argc < 3) {
		*err = xstrdup("usage: declare-env INPUT OUTPUT [NAME...]");
		return -1;
	}
	if (file_read(argv[1], &module, err) < 0)
		goto out;
	if (wasm_binary_kind(module.p, module.len) == WASM_NOT_WASM) {
		*err = xasprintf("%s: not a WebAssembly module or component", argv[1]);
		goto out;
	}
	for (int i = 3; i < argc; i++) {
		const char *why = env_name_problem(argv[i]);

		if (why) {
			char *name = env_name_printable(argv[i]);

			*err = xasprintf("environment variable name '%s' %s", name, why);
			free(name);
			goto out;
		}
	}
	wasm_put(&out, module.p, module.len);
	wasm_put_env_section(&out, argv + 3, (size_t)(argc - 3));
	r = file_write(argv[2], out.p, out.len, err);
out:
	free(module.p);
	wasm_buf_free(&out);
	return r;
}
