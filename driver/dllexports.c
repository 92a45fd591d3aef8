/* dllexports.c: the export rule of dlls, read from the symbol tables of the user's objects. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "wasm.h"

/*
 * clang-19 gives wasm symbols hidden visibility by default, so a dll linked
 * as is exports nothing. The rule: if the user's objects define any symbol
 * of default visibility (WASM_PUBLIC, WASM_EXPORT, a visibility attribute)
 * or one marked for export (export_name), the linker exports exactly those
 * (wasm-ld does, for -shared); otherwise, for unannotated code such as
 * zlib, every global (not static) function and data symbol the user's
 * objects define is exported, as an ELF linker would. This step writes the
 * linker's words for the second case into a response file (nothing for the
 * first). Archives and other files on the link line are not the user's
 * objects and are skipped, as are words that name no readable file.
 *
 * A wasm object's symbol table is in its custom section "linking"
 * (tool-conventions Linking.md): version 2, then subsections (id, size);
 * subsection 8 is the table: count, then per symbol a kind byte, LEB128
 * flags, then for functions, globals, tags and tables an index and (when
 * defined or explicitly named) a name; for data a name and (when defined)
 * segment index, offset and size; for sections an index.
 */
enum {
	SYM_FUNCTION = 0,
	SYM_DATA = 1,
	SYM_GLOBAL = 2,
	SYM_SECTION = 3,
	SYM_TAG = 4,
	SYM_TABLE = 5,
};
enum {
	SYM_WEAK = 0x1,
	SYM_LOCAL = 0x2,
	SYM_HIDDEN = 0x4,
	SYM_UNDEFINED = 0x10,
	SYM_EXPORTED = 0x20,
	SYM_EXPLICIT_NAME = 0x40,
};
#define LINKING_SYMBOL_TABLE 8

struct symbols {
	struct strvec global;   /* defined, not local: exported under the ELF-like rule */
	int annotated;          /* some defined symbol is of default visibility or exported */
};

/* The symbol table of the object in bytes; 0 when it is not a wasm object, -1 when malformed. */
static int scan_object(const unsigned char *bytes, size_t len, struct symbols *s)
{
	static const unsigned char magic[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};
	struct wasm_cursor r = {bytes, 8, len, 0};

	if (len < 8 || memcmp(bytes, magic, 8) != 0)
		return 0;
	while (r.pos < r.end) {
		unsigned id = wasm_get_byte(&r);
		uint32_t size = wasm_get_u32(&r);
		size_t next;
		struct wasm_name sname;

		if (r.bad || size > r.end - r.pos)
			return -1;
		next = r.pos + size;
		if (id != 0) {
			r.pos = next;
			continue;
		}
		struct wasm_cursor sec = {bytes, r.pos, next, 0};

		sname = wasm_get_name(&sec);
		r.pos = next;
		if (sec.bad)
			return -1;
		if (!wasm_name_is(sname, "linking"))
			continue;
		if (wasm_get_u32(&sec) != 2)
			return -1;
		while (sec.pos < sec.end) {
			unsigned sub = wasm_get_byte(&sec);
			uint32_t sublen = wasm_get_u32(&sec);
			struct wasm_cursor t;

			if (sec.bad || sublen > sec.end - sec.pos)
				return -1;
			t = (struct wasm_cursor){bytes, sec.pos, sec.pos + sublen, 0};
			sec.pos += sublen;
			if (sub != LINKING_SYMBOL_TABLE)
				continue;
			for (uint32_t n = wasm_get_u32(&t), i = 0; i < n && !t.bad; i++) {
				unsigned kind = wasm_get_byte(&t);
				uint32_t flags = wasm_get_u32(&t);
				struct wasm_name nm = {NULL, 0};
				int defined = !(flags & SYM_UNDEFINED);

				switch (kind) {
				case SYM_FUNCTION:
				case SYM_GLOBAL:
				case SYM_TAG:
				case SYM_TABLE:
					wasm_get_u32(&t);
					if (defined || (flags & SYM_EXPLICIT_NAME))
						nm = wasm_get_name(&t);
					break;
				case SYM_DATA:
					nm = wasm_get_name(&t);
					if (defined) {
						wasm_get_u32(&t);
						wasm_get_u32(&t);
						wasm_get_u32(&t);
					}
					break;
				case SYM_SECTION:
					wasm_get_u32(&t);
					break;
				default:
					return -1;
				}
				if (t.bad)
					return -1;
				if (!defined || (flags & SYM_LOCAL) || !nm.p ||
				    (kind != SYM_FUNCTION && kind != SYM_DATA))
					continue;
				if (!(flags & SYM_HIDDEN) || (flags & SYM_EXPORTED))
					s->annotated = 1;
				strvec_push(&s->global, xstrndup(nm.p, nm.len));
			}
			if (t.bad)
				return -1;
		}
		return sec.bad ? -1 : 1;
	}
	return r.bad ? -1 : 1;
}

/* dll-exports -o OUTPUT WORD...: the export words for the objects among the words. */
int builtin_dll_exports(int argc, char **argv, char **err)
{
	struct symbols s = {0};
	FILE *out;
	int r = -1;

	if (argc < 3 || strcmp(argv[1], "-o") != 0) {
		*err = xstrdup("usage: dll-exports -o OUTPUT [WORD...]");
		return -1;
	}
	for (int i = 3; i < argc; i++) {
		struct bytes object;
		char *why = NULL;

		if (argv[i][0] == '-')
			continue;
		if (file_read(argv[i], &object, &why) < 0) {
			free(why); /* a library named by -l, say: not one of the user's objects */
			continue;
		}
		if (scan_object(object.p, object.len, &s) < 0) {
			*err = xasprintf("%s: malformed symbol table (custom section 'linking')", argv[i]);
			free(object.p);
			goto out;
		}
		free(object.p);
	}
	if (!(out = fopen(argv[2], "w"))) {
		*err = xasprintf("%s: %s", argv[2], strerror(errno));
		goto out;
	}
	for (size_t i = 0; !s.annotated && i < s.global.len; i++)
		fprintf(out, "--export=%s\n", s.global.v[i]);
	if (fclose(out) != 0) {
		*err = xasprintf("%s: %s", argv[2], strerror(errno));
		goto out;
	}
	r = 0;
out:
	for (size_t i = 0; i < s.global.len; i++)
		free((char *)s.global.v[i]);
	strvec_free(&s.global);
	return r;
}
