/* dylink.c: the two-level namespace of dlls and dynamic executables, fixed after the link. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "util.h"
#include "wasm.h"

/*
 * wasm-ld imports everything a position-independent module leaves
 * undefined from `env` (functions) or `GOT.mem`/`GOT.func` (addresses), and
 * records the dlls it linked against (NEEDED, in dylink.0) by file name.
 * This step rewrites, in the linked module:
 *
 *  - each import of a symbol from `env` to the module name of the library
 *    that defines it: "." when the module defines it itself (wasm-ld imports
 *    weak and default-visibility definitions so that they could be
 *    preempted; here they are not), else the soname of the first dll on the
 *    link line that exports it;
 *  - each `GOT.mem` and `GOT.func` import likewise, to "GOT.mem/PROVIDER"
 *    and "GOT.func/PROVIDER" (PROVIDER being "." or a soname);
 *  - NEEDED, to the dlls' sonames.
 *
 * What the loader itself provides stays in `env`: memory,
 * __indirect_function_table, __stack_pointer, __memory_base, __table_base,
 * __heap_base, __heap_end. A weak symbol nobody defines stays in `env` too
 * (the loader resolves it to null: address 0, or a function that traps).
 * Any other symbol nobody defines is an error. Imports from other modules
 * (WASM_IMPORT, wasi_snapshot_preview1) are left alone.
 *
 * A dll's soname is recorded in a custom section "wasm32-wasi-cc.soname"
 * (a name), the output's basename unless the link words say -soname NAME;
 * a dll without that section is known by its file's basename.
 */
#define SONAME_SECTION "wasm32-wasi-cc.soname"

static const char *const loader_provides[] = {
	"memory", "__indirect_function_table", "__stack_pointer", "__memory_base",
	"__table_base", "__heap_base", "__heap_end",
};

struct buf {
	unsigned char *p;
	size_t len, cap;
};

static void put(struct buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void put_u32(struct buf *b, uint32_t v)
{
	unsigned char tmp[5];

	put(b, tmp, wasm_put_u32(tmp, v));
}

static void put_name(struct buf *b, const char *p, size_t n)
{
	put_u32(b, (uint32_t)n);
	put(b, p, n);
}

int read_whole_file(const char *path, unsigned char **p, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 0;

	*p = NULL;
	*len = 0;
	if (!f)
		return -1;
	for (;;) {
		size_t n;

		if (cap - *len < 65536) {
			cap = cap * 2 + 65536;
			*p = xreallocarray(*p, cap, 1);
		}
		n = fread(*p + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		free(*p);
		*p = NULL;
		return -1;
	}
	fclose(f);
	return 0;
}

/* A bounds-checked cursor over bytes[pos, end). */
struct cur {
	const unsigned char *p;
	size_t pos, end;
	int bad;
};

static uint32_t u32(struct cur *c)
{
	uint32_t v = 0;

	for (unsigned shift = 0; shift < 35; shift += 7) {
		unsigned char b;

		if (c->pos >= c->end) {
			c->bad = 1;
			return 0;
		}
		b = c->p[c->pos++];
		v |= (uint32_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
	}
	c->bad = 1;
	return 0;
}

/* Skips a LEB128 of up to 64 bits (memory64 limits). */
static void skip_leb(struct cur *c)
{
	for (int i = 0; i < 10; i++) {
		if (c->pos >= c->end) {
			c->bad = 1;
			return;
		}
		if (!(c->p[c->pos++] & 0x80))
			return;
	}
	c->bad = 1;
}

static unsigned u8(struct cur *c)
{
	if (c->pos >= c->end) {
		c->bad = 1;
		return 0;
	}
	return c->p[c->pos++];
}

static struct wasm_name name(struct cur *c)
{
	struct wasm_name n = {NULL, 0};
	uint32_t len = u32(c);

	if (c->bad || len > c->end - c->pos) {
		c->bad = 1;
		return n;
	}
	n.p = (const char *)c->p + c->pos;
	n.len = len;
	c->pos += len;
	return n;
}

/* A section of a core module. */
struct section {
	unsigned id;
	size_t start, payload, end; /* id byte, contents, one past */
	struct wasm_name custom;    /* a custom section's name */
	size_t custom_payload;      /* where a custom section's contents follow its name */
};

/* The sections of a core module; -1 when malformed. */
static int sections(const unsigned char *b, size_t len, struct section **out, size_t *n)
{
	static const unsigned char magic[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};
	struct cur c = {b, 8, len, 0};
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (len < 8 || memcmp(b, magic, 8) != 0)
		return -1;
	while (c.pos < c.end) {
		struct section s = {0};
		uint32_t size;

		s.start = c.pos;
		s.id = u8(&c);
		size = u32(&c);
		if (c.bad || size > c.end - c.pos)
			return -1;
		s.payload = c.pos;
		s.end = c.pos + size;
		if (s.id == 0) {
			struct cur cc = {b, s.payload, s.end, 0};

			s.custom = name(&cc);
			if (cc.bad)
				return -1;
			s.custom_payload = cc.pos;
		}
		if (*n == cap) {
			cap = cap * 2 + 16;
			*out = xreallocarray(*out, cap, sizeof(**out));
		}
		(*out)[(*n)++] = s;
		c.pos = s.end;
	}
	return 0;
}

static const struct section *find_custom(const struct section *s, size_t n, const char *nm)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].id == 0 && wasm_name_is(s[i].custom, nm))
			return &s[i];
	return NULL;
}

/* A dll on the link line: its soname and the names it exports. */
struct dll {
	char *soname;
	unsigned char *bytes;
	struct wasm_module m;
};

static int exports_name(const struct wasm_module *m, struct wasm_name n)
{
	for (uint32_t i = 0; i < m->nexports; i++)
		if (wasm_name_equal(m->exports[i].name, n))
			return 1;
	return 0;
}

/* Reads path as a dll when it is one (a core module with dylink.0): 1, 0 when not, -1 on error. */
static int read_dll(const char *path, struct dll *d, char **err)
{
	struct section *s;
	size_t n, len;
	const struct section *so;

	memset(d, 0, sizeof(*d));
	if (read_whole_file(path, &d->bytes, &len) < 0)
		return 0;
	if (sections(d->bytes, len, &s, &n) < 0 || !find_custom(s, n, "dylink.0")) {
		free(s);
		free(d->bytes);
		return 0;
	}
	if (wasm_read_module(&d->m, d->bytes, len, err) < 0) {
		char *e = *err;

		*err = xasprintf("%s: %s", path, e);
		free(e);
		free(s);
		free(d->bytes);
		return -1;
	}
	if ((so = find_custom(s, n, SONAME_SECTION))) {
		struct cur c = {d->bytes, so->custom_payload, so->end, 0};
		struct wasm_name nm = name(&c);

		if (c.bad) {
			*err = xasprintf("%s: malformed custom section '%s'", path, SONAME_SECTION);
			wasm_module_free(&d->m);
			free(d->bytes);
			free(s);
			return -1;
		}
		d->soname = xstrndup(nm.p, nm.len);
	} else {
		d->soname = xstrdup(base_name(path));
	}
	free(s);
	return 1;
}

/* -lNAME through the -L directories: libNAME.so, then libNAME.wasm, as wasm-ld searches. */
static char *find_library(const char *lib, const struct strvec *dirs)
{
	static const char *const suffixes[] = {".so", ".wasm"};

	for (size_t i = 0; i < dirs->len; i++)
		for (size_t k = 0; k < LEN(suffixes); k++) {
			char *p = xasprintf("%s/lib%s%s", dirs->v[i], lib, suffixes[k]);
			FILE *f = fopen(p, "rb");

			if (f) {
				fclose(f);
				return p;
			}
			free(p);
		}
	return NULL;
}

/*
 * The IMPORT_INFO flags of (module, field) in a dylink.0 payload; 0 when not
 * listed. wasm-ld lists a weak symbol reached through GOT.mem or GOT.func
 * under env.
 */
static uint32_t import_flags(const unsigned char *b, const struct section *dy,
                             struct wasm_name module, struct wasm_name field)
{
	struct cur c = {b, dy->custom_payload, dy->end, 0};

	while (c.pos < c.end && !c.bad) {
		unsigned type = u8(&c);
		uint32_t size = u32(&c);
		struct cur sub;

		if (c.bad || size > c.end - c.pos)
			return 0;
		sub = (struct cur){b, c.pos, c.pos + size, 0};
		c.pos += size;
		if (type != 4)
			continue;
		for (uint32_t n = u32(&sub), i = 0; i < n && !sub.bad; i++) {
			struct wasm_name m = name(&sub), f = name(&sub);
			uint32_t flags = u32(&sub);

			if (!sub.bad && wasm_name_equal(m, module) && wasm_name_equal(f, field))
				return flags;
		}
	}
	return 0;
}

/* dylink.0 with NEEDED replaced by the sonames; -1 when malformed. */
static int rewrite_dylink(const unsigned char *b, const struct section *dy, const struct dll *dlls,
                          size_t ndlls, struct buf *out)
{
	struct cur c = {b, dy->custom_payload, dy->end, 0};
	struct buf payload = {0};
	int needed_done = 0;

	put_name(&payload, "dylink.0", 8);
	while (c.pos < c.end) {
		unsigned type = u8(&c);
		uint32_t size = u32(&c);
		size_t start = c.pos;

		if (c.bad || size > c.end - c.pos) {
			free(payload.p);
			return -1;
		}
		c.pos += size;
		if (type == 2 || (type > 2 && !needed_done)) {
			struct buf needed = {0};

			put_u32(&needed, (uint32_t)ndlls);
			for (size_t i = 0; i < ndlls; i++)
				put_name(&needed, dlls[i].soname, strlen(dlls[i].soname));
			if (ndlls) {
				put(&payload, "\2", 1);
				put_u32(&payload, (uint32_t)needed.len);
				put(&payload, needed.p, needed.len);
			}
			free(needed.p);
			needed_done = 1;
			if (type == 2)
				continue;
		}
		put(&payload, (unsigned char[]){(unsigned char)type}, 1);
		put_u32(&payload, size);
		put(&payload, b + start, size);
	}
	if (!needed_done && ndlls) {
		struct buf needed = {0};

		put_u32(&needed, (uint32_t)ndlls);
		for (size_t i = 0; i < ndlls; i++)
			put_name(&needed, dlls[i].soname, strlen(dlls[i].soname));
		put(&payload, "\2", 1);
		put_u32(&payload, (uint32_t)needed.len);
		put(&payload, needed.p, needed.len);
		free(needed.p);
	}
	put(out, "", 1);
	put_u32(out, (uint32_t)payload.len);
	put(out, payload.p, payload.len);
	free(payload.p);
	return 0;
}

static int provided_by_loader(struct wasm_name n)
{
	for (size_t i = 0; i < LEN(loader_provides); i++)
		if (wasm_name_is(n, loader_provides[i]))
			return 1;
	return 0;
}

/* The module name for an import of symbol n, or NULL when nobody defines it. */
static const char *provider(const struct wasm_module *self, const struct dll *dlls, size_t ndlls,
                            struct wasm_name n)
{
	if (exports_name(self, n))
		return ".";
	for (size_t i = 0; i < ndlls; i++)
		if (exports_name(&dlls[i].m, n))
			return dlls[i].soname;
	return NULL;
}

/* The import section rewritten; -1 with *err set on an undefined symbol or a malformed section. */
static int rewrite_imports(const unsigned char *b, const struct section *imp,
                           const struct section *dy, const struct wasm_module *self,
                           const struct dll *dlls, size_t ndlls,
                           const char *needed_by, struct buf *out, char **err)
{
	struct cur c = {b, imp->payload, imp->end, 0};
	struct buf payload = {0};
	uint32_t n = u32(&c);

	put_u32(&payload, n);
	for (uint32_t i = 0; i < n && !c.bad; i++) {
		struct wasm_name module = name(&c), field = name(&c);
		size_t desc = c.pos;
		unsigned kind = u8(&c), flags;
		const char *who;
		char *newmod = NULL;

		switch (kind) {
		case WASM_FUNC:
			u32(&c);
			break;
		case WASM_TABLE:
		case WASM_MEMORY:
			if (kind == WASM_TABLE)
				u8(&c); /* the reference type, then limits */
			flags = u8(&c);
			skip_leb(&c);
			if (flags & WASM_LIMITS_MAX)
				skip_leb(&c);
			if (flags & WASM_LIMITS_PAGESIZE)
				u32(&c);
			break;
		case WASM_GLOBAL:
			u8(&c);
			u8(&c);
			break;
		case WASM_TAG:
			u8(&c);
			u32(&c);
			break;
		default:
			c.bad = 1;
		}
		if (c.bad)
			break;
		if (wasm_name_is(module, "env") || wasm_name_is(module, "GOT.mem") ||
		    wasm_name_is(module, "GOT.func")) {
			int env = wasm_name_is(module, "env");

			if (!(env && provided_by_loader(field)) &&
			    !(wasm_name_is(module, "GOT.mem") && provided_by_loader(field))) {
				who = provider(self, dlls, ndlls, field);
				if (who && env)
					newmod = xstrdup(who);
				else if (who)
					newmod = xasprintf("%.*s/%s", (int)module.len, module.p, who);
				else if (!(dy && ((import_flags(b, dy, module, field) |
				                   import_flags(b, dy, (struct wasm_name){"env", 3}, field)) & 1))) {
					char *s = wasm_name_str(field);

					*err = xasprintf("undefined symbol '%s' (needed by %s)", s, needed_by);
					free(s);
					free(payload.p);
					return -1;
				}
			}
		}
		if (newmod) {
			put_name(&payload, newmod, strlen(newmod));
			free(newmod);
		} else {
			put_name(&payload, module.p, module.len);
		}
		put_name(&payload, field.p, field.len);
		put(&payload, b + desc, c.pos - desc);
	}
	if (c.bad || c.pos != c.end) {
		*err = xstrdup("malformed import section");
		free(payload.p);
		return -1;
	}
	put(out, "\2", 1);
	put_u32(out, (uint32_t)payload.len);
	put(out, payload.p, payload.len);
	free(payload.p);
	return 0;
}

/*
 * dylink [--dll] -o OUTPUT INPUT WORD...: OUTPUT is the linked INPUT with
 * its imports and NEEDED rewritten; the WORDs are the link's (dlls, -L, -l,
 * -soname). With --dll, OUTPUT also gets its soname section.
 */
int builtin_dylink(int argc, char **argv, char **err)
{
	struct dll *dlls = NULL;
	size_t ndlls = 0, nsec = 0, len = 0;
	struct strvec dirs = {0};
	struct section *secs = NULL;
	struct wasm_module self = {0};
	struct buf out = {0};
	unsigned char *bytes = NULL;
	const char *soname = NULL, *output, *input;
	const struct section *dy;
	int is_dll = 0, i = 1, r = -1;
	FILE *f;

	if (i < argc && strcmp(argv[i], "--dll") == 0) {
		is_dll = 1;
		i++;
	}
	if (argc - i < 3 || strcmp(argv[i], "-o") != 0) {
		*err = xstrdup("usage: dylink [--dll] -o OUTPUT INPUT [WORD...]");
		return -1;
	}
	output = argv[i + 1];
	input = argv[i + 2];
	for (int k = i + 3; k < argc; k++) {
		const char *w = argv[k];

		if (strcmp(w, "-L") == 0 && k + 1 < argc)
			strvec_push(&dirs, argv[++k]);
		else if (has_prefix(w, "-L"))
			strvec_push(&dirs, w + 2);
		else if ((strcmp(w, "-soname") == 0 || strcmp(w, "--soname") == 0) && k + 1 < argc)
			soname = argv[++k];
		else if (has_prefix(w, "-soname="))
			soname = w + 8;
		else if (has_prefix(w, "--soname="))
			soname = w + 9;
	}
	for (int k = i + 3; k < argc; k++) {
		const char *w = argv[k];
		char *path = NULL;
		int got;

		if (strcmp(w, "-L") == 0 || strcmp(w, "-soname") == 0 || strcmp(w, "--soname") == 0 ||
		    strcmp(w, "-o") == 0) {
			k++;
			continue;
		}
		if (has_prefix(w, "-l") && w[2])
			path = find_library(w + 2, &dirs);
		else if (w[0] != '-')
			path = xstrdup(w);
		if (!path)
			continue;
		dlls = xreallocarray(dlls, ndlls + 1, sizeof(*dlls));
		got = read_dll(path, &dlls[ndlls], err);
		free(path);
		if (got < 0)
			goto out;
		if (got > 0)
			ndlls++;
	}
	if (read_whole_file(input, &bytes, &len) < 0) {
		*err = xasprintf("%s: %s", input, strerror(errno));
		goto out;
	}
	if (sections(bytes, len, &secs, &nsec) < 0 || wasm_read_module(&self, bytes, len, err) < 0) {
		char *e = *err;

		*err = e ? xasprintf("%s: %s", input, e) : xasprintf("%s: malformed module", input);
		free(e);
		goto out;
	}
	dy = find_custom(secs, nsec, "dylink.0");
	put(&out, bytes, 8);
	for (size_t k = 0; k < nsec; k++) {
		const struct section *s = &secs[k];

		if (s == dy) {
			if (rewrite_dylink(bytes, s, dlls, ndlls, &out) < 0) {
				*err = xasprintf("%s: malformed custom section 'dylink.0'", input);
				goto out;
			}
		} else if (s->id == WASM_SEC_IMPORT) {
			if (rewrite_imports(bytes, s, dy, &self, dlls, ndlls, base_name(output), &out, err) < 0)
				goto out;
		} else if (!(s->id == 0 && wasm_name_is(s->custom, SONAME_SECTION))) {
			put(&out, bytes + s->start, s->end - s->start);
		}
	}
	if (is_dll) {
		struct buf sec = {0};
		const char *so = soname ? soname : base_name(output);

		put_name(&sec, SONAME_SECTION, strlen(SONAME_SECTION));
		put_name(&sec, so, strlen(so));
		put(&out, "", 1);
		put_u32(&out, (uint32_t)sec.len);
		put(&out, sec.p, sec.len);
		free(sec.p);
	}
	if (!(f = fopen(output, "wb"))) {
		*err = xasprintf("%s: %s", output, strerror(errno));
		goto out;
	}
	if ((fwrite(out.p, 1, out.len, f) != out.len) | (fclose(f) != 0)) {
		*err = xasprintf("%s: %s", output, strerror(errno));
		goto out;
	}
	r = 0;
out:
	for (size_t k = 0; k < ndlls; k++) {
		free(dlls[k].soname);
		free(dlls[k].bytes);
		wasm_module_free(&dlls[k].m);
	}
	free(dlls);
	strvec_free(&dirs);
	free(secs);
	wasm_module_free(&self);
	free(bytes);
	free(out.p);
	return r;
}
