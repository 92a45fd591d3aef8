/* dllexports.c: the export rule of dlls, read from the symbol tables of the user's objects. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "util.h"

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

struct reader {
	const unsigned char *p;
	size_t pos, end;
	int bad;
};

static uint32_t leb(struct reader *r)
{
	uint32_t v = 0;

	for (unsigned shift = 0; shift < 35; shift += 7) {
		unsigned char c;

		if (r->pos >= r->end) {
			r->bad = 1;
			return 0;
		}
		c = r->p[r->pos++];
		v |= (uint32_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	r->bad = 1;
	return 0;
}

static unsigned char byte(struct reader *r)
{
	if (r->pos >= r->end) {
		r->bad = 1;
		return 0;
	}
	return r->p[r->pos++];
}

/* A name: its bytes stay in the file; *len set. */
static const char *name(struct reader *r, uint32_t *len)
{
	*len = leb(r);
	if (r->bad || *len > r->end - r->pos) {
		r->bad = 1;
		return NULL;
	}
	r->pos += *len;
	return (const char *)r->p + r->pos - *len;
}

struct symbols {
	struct strvec global;   /* defined, not local: exported under the ELF-like rule */
	int annotated;          /* some defined symbol is of default visibility or exported */
};

/* The symbol table of the object in bytes; 0 when it is not a wasm object, -1 when malformed. */
static int scan_object(const unsigned char *bytes, size_t len, struct symbols *s)
{
	static const unsigned char magic[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};
	struct reader r = {bytes, 8, len, 0};

	if (len < 8 || memcmp(bytes, magic, 8) != 0)
		return 0;
	while (r.pos < r.end) {
		unsigned id = byte(&r);
		uint32_t size = leb(&r), nlen;
		size_t next;
		const char *sname;

		if (r.bad || size > r.end - r.pos)
			return -1;
		next = r.pos + size;
		if (id != 0) {
			r.pos = next;
			continue;
		}
		struct reader sec = {bytes, r.pos, next, 0};

		sname = name(&sec, &nlen);
		r.pos = next;
		if (sec.bad)
			return -1;
		if (nlen != 7 || memcmp(sname, "linking", 7) != 0)
			continue;
		if (leb(&sec) != 2)
			return -1;
		while (sec.pos < sec.end) {
			unsigned sub = byte(&sec);
			uint32_t sublen = leb(&sec);
			struct reader t;

			if (sec.bad || sublen > sec.end - sec.pos)
				return -1;
			t = (struct reader){bytes, sec.pos, sec.pos + sublen, 0};
			sec.pos += sublen;
			if (sub != LINKING_SYMBOL_TABLE)
				continue;
			for (uint32_t n = leb(&t), i = 0; i < n && !t.bad; i++) {
				unsigned kind = byte(&t);
				uint32_t flags = leb(&t), l = 0;
				const char *nm = NULL;
				int defined = !(flags & SYM_UNDEFINED);

				switch (kind) {
				case SYM_FUNCTION:
				case SYM_GLOBAL:
				case SYM_TAG:
				case SYM_TABLE:
					leb(&t);
					if (defined || (flags & SYM_EXPLICIT_NAME))
						nm = name(&t, &l);
					break;
				case SYM_DATA:
					nm = name(&t, &l);
					if (defined) {
						leb(&t);
						leb(&t);
						leb(&t);
					}
					break;
				case SYM_SECTION:
					leb(&t);
					break;
				default:
					return -1;
				}
				if (t.bad)
					return -1;
				if (!defined || (flags & SYM_LOCAL) || !nm ||
				    (kind != SYM_FUNCTION && kind != SYM_DATA))
					continue;
				if (!(flags & SYM_HIDDEN) || (flags & SYM_EXPORTED))
					s->annotated = 1;
				strvec_push(&s->global, xstrndup(nm, l));
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
		unsigned char *bytes;
		size_t len;

		if (argv[i][0] == '-' || read_whole_file(argv[i], &bytes, &len) < 0)
			continue;
		if (scan_object(bytes, len, &s) < 0) {
			*err = xasprintf("%s: malformed symbol table (custom section 'linking')", argv[i]);
			free(bytes);
			goto out;
		}
		free(bytes);
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
