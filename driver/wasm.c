/* wasm.c: a reader for the parts of WebAssembly binaries that the wrap step checks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "fileio.h"
#include "wasm.h"

static const unsigned char magic[4] = {0, 'a', 's', 'm'};
static const unsigned char module_version[4] = {1, 0, 0, 0};
static const unsigned char component_version[4] = {0x0d, 0, 1, 0};

/*
 * A cursor over untrusted bytes: every read checks that it stays before
 * end. The first failure sets *err (with the offset from base, as wasm
 * tools report it) and every read after that fails too.
 */
struct cur {
	const unsigned char *base, *p, *end;
	char **err;
};

__attribute__((format(printf, 2, 3))) static int fail(struct cur *c, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (*c->err)
		return -1;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	*c->err = xasprintf("malformed at offset 0x%zx: %s", (size_t)(c->p - c->base), msg);
	free(msg);
	return -1;
}

static size_t left(const struct cur *c)
{
	return (size_t)(c->end - c->p);
}

static int byte(struct cur *c, unsigned *v)
{
	*v = 0;
	if (c->p >= c->end)
		return fail(c, "unexpected end");
	*v = *c->p++;
	return 0;
}

/* Unsigned LEB128 of at most bits bits (32 or 64), as the binary format bounds it. */
static int leb(struct cur *c, unsigned bits, uint64_t *v)
{
	unsigned shift = 0, b;

	*v = 0;
	for (;;) {
		if (byte(c, &b) < 0)
			return -1;
		if (shift + 7 > bits && (b & 0x7f) >> (bits - shift))
			return fail(c, "integer too large");
		*v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return 0;
		shift += 7;
		if (shift >= bits)
			return fail(c, "integer representation too long");
	}
}

static int u32(struct cur *c, uint32_t *v)
{
	uint64_t w;

	if (leb(c, 32, &w) < 0)
		return -1;
	*v = (uint32_t)w;
	return 0;
}

/* A vector's length; each element takes a byte at least, so a longer one cannot fit. */
static int count(struct cur *c, uint32_t *n)
{
	if (u32(c, n) < 0)
		return -1;
	if (*n > left(c))
		return fail(c, "%u elements cannot fit in %zu bytes", *n, left(c));
	return 0;
}

static int name(struct cur *c, struct wasm_name *n)
{
	uint32_t len;

	if (u32(c, &len) < 0)
		return -1;
	if (len > left(c))
		return fail(c, "name of %u bytes runs past the end", len);
	n->p = (const char *)c->p;
	n->len = len;
	c->p += len;
	return 0;
}

/* Value types of one byte: numbers, vectors, funcref and externref. */
static int is_valtype(unsigned t)
{
	return (t >= 0x7b && t <= 0x7f) || t == 0x70 || t == 0x6f;
}

static int valtypes(struct cur *c, uint32_t *n, const unsigned char **types)
{
	if (count(c, n) < 0)
		return -1;
	*types = c->p;
	for (uint32_t i = 0; i < *n; i++) {
		unsigned t = c->p[i];

		if (!is_valtype(t))
			return fail(c, "value type 0x%02x is not supported", t);
	}
	c->p += *n;
	return 0;
}

static int limits(struct cur *c, unsigned *flags)
{
	uint64_t v;

	if (byte(c, flags) < 0)
		return -1;
	if (*flags & ~0x0fu)
		return fail(c, "limits flags 0x%02x are not supported", *flags);
	if (leb(c, *flags & WASM_LIMITS_64 ? 64 : 32, &v) < 0)
		return -1;
	if ((*flags & WASM_LIMITS_MAX) && leb(c, *flags & WASM_LIMITS_64 ? 64 : 32, &v) < 0)
		return -1;
	if ((*flags & WASM_LIMITS_PAGESIZE) && leb(c, 32, &v) < 0)
		return -1;
	return 0;
}

/*
 * Appends a zeroed element to the array a of n elements and yields it: for
 * imports, memories and custom sections, which modules have few of
 * (function_section grows its array once, by its count).
 */
#define PUSH(a, n) \
	((a) = xreallocarray((a), (size_t)(n) + 1, sizeof(*(a))), memset(&(a)[(n)], 0, sizeof(*(a))), &(a)[(n)++])

static int type_section(struct cur *c, struct wasm_module *m)
{
	uint32_t n;
	unsigned form;

	if (count(c, &n) < 0)
		return -1;
	m->types = xcalloc(n, sizeof(*m->types));
	for (uint32_t i = 0; i < n; i++) {
		struct wasm_functype *t = &m->types[i];

		if (byte(c, &form) < 0)
			return -1;
		if (form != 0x60)
			return fail(c, "type %u: form 0x%02x is not supported (only function types)", i, form);
		if (valtypes(c, &t->nparams, &t->params) < 0 || valtypes(c, &t->nresults, &t->results) < 0)
			return -1;
		m->ntypes++;
	}
	return 0;
}

static int func_type_index(struct cur *c, struct wasm_module *m)
{
	uint32_t t;

	if (u32(c, &t) < 0)
		return -1;
	if (t >= m->ntypes)
		return fail(c, "type index %u out of range", t);
	*PUSH(m->func_types, m->nfuncs) = t;
	return 0;
}

/* A global's type is one value type then a mutability byte. */
static int global_type(struct cur *c)
{
	unsigned t, mut;

	if (byte(c, &t) < 0 || byte(c, &mut) < 0)
		return -1;
	if (!is_valtype(t))
		return fail(c, "value type 0x%02x is not supported", t);
	if (mut > 1)
		return fail(c, "global mutability 0x%02x is not valid", mut);
	return 0;
}

static int import_section(struct cur *c, struct wasm_module *m)
{
	uint32_t n, v;
	unsigned kind, b;

	if (count(c, &n) < 0)
		return -1;
	m->imports = xcalloc(n, sizeof(*m->imports));
	for (uint32_t i = 0; i < n; i++) {
		struct wasm_import *im = &m->imports[i];

		if (name(c, &im->module) < 0 || name(c, &im->name) < 0 || byte(c, &kind) < 0)
			return -1;
		im->kind = (enum wasm_kind)kind;
		switch (kind) {
		case WASM_FUNC:
			if (func_type_index(c, m) < 0)
				return -1;
			im->type = m->func_types[m->nfuncs - 1];
			break;
		case WASM_TABLE:
			if (byte(c, &b) < 0)
				return -1;
			if (b != 0x70 && b != 0x6f)
				return fail(c, "table element type 0x%02x is not supported", b);
			if (limits(c, &b) < 0)
				return -1;
			break;
		case WASM_MEMORY:
			if (limits(c, PUSH(m->mem_flags, m->nmems)) < 0)
				return -1;
			break;
		case WASM_GLOBAL:
			if (global_type(c) < 0)
				return -1;
			break;
		case WASM_TAG:
			if (byte(c, &b) < 0 || u32(c, &v) < 0)
				return -1;
			break;
		default:
			return fail(c, "import kind 0x%02x is not supported", kind);
		}
		m->nimports++;
	}
	return 0;
}

static int function_section(struct cur *c, struct wasm_module *m)
{
	uint32_t n;

	if (count(c, &n) < 0)
		return -1;
	m->func_types = xreallocarray(m->func_types, (size_t)m->nfuncs + n, sizeof(*m->func_types));
	for (uint32_t i = 0; i < n; i++) {
		uint32_t t;

		if (u32(c, &t) < 0)
			return -1;
		if (t >= m->ntypes)
			return fail(c, "type index %u out of range", t);
		m->func_types[m->nfuncs++] = t;
	}
	return 0;
}

static int memory_section(struct cur *c, struct wasm_module *m)
{
	uint32_t n;

	if (count(c, &n) < 0)
		return -1;
	for (uint32_t i = 0; i < n; i++)
		if (limits(c, PUSH(m->mem_flags, m->nmems)) < 0)
			return -1;
	return 0;
}

static int export_section(struct cur *c, struct wasm_module *m)
{
	uint32_t n;
	unsigned kind;

	if (count(c, &n) < 0)
		return -1;
	m->exports = xcalloc(n, sizeof(*m->exports));
	for (uint32_t i = 0; i < n; i++) {
		struct wasm_export *e = &m->exports[i];

		if (name(c, &e->name) < 0 || byte(c, &kind) < 0 || u32(c, &e->index) < 0)
			return -1;
		if (kind > WASM_TAG)
			return fail(c, "export kind 0x%02x is not supported", kind);
		e->kind = (enum wasm_kind)kind;
		if ((kind == WASM_FUNC && e->index >= m->nfuncs) || (kind == WASM_MEMORY && e->index >= m->nmems))
			return fail(c, "export %u: index %u out of range", i, e->index);
		m->nexports++;
	}
	return 0;
}

/* Where each known section may appear: the binary format's order, tags after memories. */
static int section_rank(unsigned id)
{
	static const signed char rank[] = {
		[WASM_SEC_TYPE] = 1,      [WASM_SEC_IMPORT] = 2,  [WASM_SEC_FUNCTION] = 3,
		[WASM_SEC_TABLE] = 4,     [WASM_SEC_MEMORY] = 5,  [WASM_SEC_TAG] = 6,
		[WASM_SEC_GLOBAL] = 7,    [WASM_SEC_EXPORT] = 8,  [WASM_SEC_START] = 9,
		[WASM_SEC_ELEMENT] = 10,  [WASM_SEC_DATACOUNT] = 11, [WASM_SEC_CODE] = 12,
		[WASM_SEC_DATA] = 13,
	};

	return id < LEN(rank) ? rank[id] : -1;
}

static int section(struct cur *c, unsigned id, struct wasm_module *m)
{
	switch (id) {
	case WASM_SEC_CUSTOM:
		if (name(c, PUSH(m->customs, m->ncustoms)) < 0)
			return -1;
		c->p = c->end; /* the contents are the custom section's own */
		return 0;
	case WASM_SEC_TYPE:
		return type_section(c, m);
	case WASM_SEC_IMPORT:
		return import_section(c, m);
	case WASM_SEC_FUNCTION:
		return function_section(c, m);
	case WASM_SEC_MEMORY:
		return memory_section(c, m);
	case WASM_SEC_EXPORT:
		return export_section(c, m);
	default:
		c->p = c->end; /* contents the wrap does not depend on */
		return 0;
	}
}

int wasm_read_module(struct wasm_module *m, const unsigned char *bytes, size_t len, char **err)
{
	struct cur c = {bytes, bytes, bytes + len, err};
	int last = 0;

	memset(m, 0, sizeof(*m));
	*err = NULL;
	if (len < 8 || memcmp(bytes, magic, 4) != 0) {
		*err = xstrdup("is not a WebAssembly module");
		return -1;
	}
	if (memcmp(bytes + 4, component_version, 4) == 0) {
		*err = xstrdup("is a component, not a core module");
		return -1;
	}
	if (memcmp(bytes + 4, module_version, 4) != 0) {
		*err = xasprintf("has WebAssembly version 0x%02x%02x%02x%02x, not 1", bytes[7], bytes[6], bytes[5],
		                 bytes[4]);
		return -1;
	}
	c.p += 8;
	while (c.p < c.end) {
		unsigned id;
		uint32_t size;
		struct cur s;

		if (byte(&c, &id) < 0 || u32(&c, &size) < 0)
			goto fail;
		if (size > left(&c)) {
			fail(&c, "section %u of %u bytes ends past the end of the file (%zu bytes left)", id, size,
			     left(&c));
			goto fail;
		}
		if (id != WASM_SEC_CUSTOM) {
			int rank = section_rank(id);

			if (rank < 0) {
				c.p--;
				fail(&c, "unknown section id %u", id);
				goto fail;
			}
			if (rank <= last) {
				fail(&c, "section %u is out of order or repeated", id);
				goto fail;
			}
			last = rank;
		}
		s = (struct cur){bytes, c.p, c.p + size, err};
		if (section(&s, id, m) < 0)
			goto fail;
		if (s.p != s.end) {
			fail(&s, "section %u has %zu bytes left over", id, left(&s));
			goto fail;
		}
		c.p = s.end;
	}
	return 0;
fail:
	wasm_module_free(m);
	return -1;
}

void wasm_module_free(struct wasm_module *m)
{
	free(m->types);
	free(m->imports);
	free(m->func_types);
	free(m->mem_flags);
	free(m->exports);
	free(m->customs);
	memset(m, 0, sizeof(*m));
}

int wasm_component_find(const unsigned char *bytes, size_t len, unsigned id, struct wasm_span *s,
                        char **err)
{
	struct cur c = {bytes, bytes, bytes + len, err};

	*err = NULL;
	if (len < 8 || memcmp(bytes, magic, 4) != 0 || memcmp(bytes + 4, component_version, 4) != 0) {
		*err = xstrdup("is not a WebAssembly component");
		return -1;
	}
	c.p += 8;
	while (c.p < c.end) {
		size_t start = (size_t)(c.p - bytes);
		unsigned sid;
		uint32_t size;

		if (byte(&c, &sid) < 0 || u32(&c, &size) < 0)
			return -1;
		if (size > left(&c))
			return fail(&c, "section %u of %u bytes ends past the end of the file", sid, size);
		if (sid == id) {
			s->start = start;
			s->payload = (size_t)(c.p - bytes);
			s->size = size;
			return 1;
		}
		c.p += size;
	}
	return 0;
}

const struct wasm_functype *wasm_func_type(const struct wasm_module *m, uint32_t f)
{
	if (f >= m->nfuncs || m->func_types[f] >= m->ntypes)
		return NULL;
	return &m->types[m->func_types[f]];
}

int wasm_functype_equal(const struct wasm_functype *a, const struct wasm_functype *b)
{
	return a->nparams == b->nparams && a->nresults == b->nresults &&
	       memcmp(a->params, b->params, a->nparams) == 0 &&
	       memcmp(a->results, b->results, a->nresults) == 0;
}

static const char *valtype_name(unsigned t)
{
	switch (t) {
	case 0x7f:
		return "i32";
	case 0x7e:
		return "i64";
	case 0x7d:
		return "f32";
	case 0x7c:
		return "f64";
	case 0x7b:
		return "v128";
	case 0x70:
		return "funcref";
	case 0x6f:
		return "externref";
	default:
		return "?";
	}
}

static char *valtypes_str(const unsigned char *t, uint32_t n)
{
	char *s = xmalloc((size_t)n * 10 + 3), *q = s;

	*q++ = '[';
	for (uint32_t i = 0; i < n; i++)
		q += sprintf(q, "%s%s", i ? " " : "", valtype_name(t[i]));
	*q++ = ']';
	*q = '\0';
	return s;
}

char *wasm_functype_str(const struct wasm_functype *t)
{
	char *p = valtypes_str(t->params, t->nparams), *r = valtypes_str(t->results, t->nresults);
	char *s = xasprintf("%s -> %s", p, r);

	free(p);
	free(r);
	return s;
}

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
	char *s = xmalloc(n.len * 4 + 1), *q = s;

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

const struct wasm_export *wasm_find_export(const struct wasm_module *m, const char *name)
{
	for (uint32_t i = 0; i < m->nexports; i++)
		if (wasm_name_is(m->exports[i].name, name))
			return &m->exports[i];
	return NULL;
}

size_t wasm_put_u32(unsigned char out[5], uint32_t v)
{
	size_t n = 0;

	do {
		out[n] = v & 0x7f;
		v >>= 7;
		if (v)
			out[n] |= 0x80;
		n++;
	} while (v);
	return n;
}

unsigned wasm_get_byte(struct wasm_cursor *c)
{
	if (c->bad || c->pos >= c->end) {
		c->bad = 1;
		return 0;
	}
	return c->p[c->pos++];
}

uint32_t wasm_get_u32(struct wasm_cursor *c)
{
	uint32_t v = 0;

	for (unsigned shift = 0; shift < 35; shift += 7) {
		unsigned b = wasm_get_byte(c);

		v |= (uint32_t)(b & 0x7f) << shift;
		if (c->bad || !(b & 0x80))
			return c->bad ? 0 : v;
	}
	c->bad = 1;
	return 0;
}

void wasm_skip_leb(struct wasm_cursor *c)
{
	for (int i = 0; i < 10; i++)
		if (!(wasm_get_byte(c) & 0x80))
			return;
	c->bad = 1;
}

struct wasm_name wasm_get_name(struct wasm_cursor *c)
{
	struct wasm_name n = {NULL, 0};
	uint32_t len = wasm_get_u32(c);

	if (c->bad || len > c->end - c->pos) {
		c->bad = 1;
		return n;
	}
	n.p = (const char *)c->p + c->pos;
	n.len = len;
	c->pos += len;
	return n;
}

void wasm_emit_u32(struct bytes *b, uint32_t v)
{
	unsigned char tmp[5];

	bytes_put(b, tmp, wasm_put_u32(tmp, v));
}

void wasm_emit_name(struct bytes *b, const char *p, size_t n)
{
	wasm_emit_u32(b, (uint32_t)n);
	bytes_put(b, p, n);
}
