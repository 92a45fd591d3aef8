/* module.c: the reader of a core module's declarations: types, imports, functions, tables, memories, globals, exports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

/* Value types of one byte: numbers, vectors, funcref and externref. */
static int is_valtype(unsigned t)
{
	return (t >= 0x7b && t <= 0x7f) || t == 0x70 || t == 0x6f;
}

static void valtypes(struct wasm_cursor *c, uint32_t *n, const unsigned char **types)
{
	*n = wasm_count(c);
	*types = c->base + c->pos;
	for (uint32_t i = 0; i < *n && !wasm_failed(c); i++) {
		unsigned t = c->base[c->pos];

		if (!is_valtype(t)) {
			wasm_fail(c, "value type 0x%02x is not supported", t);
			return;
		}
		c->pos++;
	}
}

static void limits(struct wasm_cursor *c, struct wasm_limits *l)
{
	l->flags = wasm_byte(c);
	if (l->flags & ~0x0fu) {
		c->pos--;
		wasm_fail(c, "limits flags 0x%02x are not supported", l->flags);
		return;
	}
	l->min = l->flags & WASM_LIMITS_64 ? wasm_u64(c) : wasm_u32(c);
	if (l->flags & WASM_LIMITS_MAX)
		l->max = l->flags & WASM_LIMITS_64 ? wasm_u64(c) : wasm_u32(c);
	if (l->flags & WASM_LIMITS_PAGESIZE)
		l->page_log2 = wasm_u32(c);
}

static void type_section(struct wasm_cursor *c, struct wasm_module *m)
{
	uint32_t n = wasm_count(c);

	m->types = wasm_xrealloc(NULL, n, sizeof(*m->types));
	for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
		struct wasm_functype *t = &m->types[i];
		unsigned form = wasm_byte(c);

		if (!wasm_failed(c) && form != 0x60) {
			c->pos--;
			wasm_fail(c, "type %u: form 0x%02x is not supported (only function types)", i, form);
			return;
		}
		valtypes(c, &t->nparams, &t->params);
		valtypes(c, &t->nresults, &t->results);
		if (!wasm_failed(c))
			m->ntypes++;
	}
}

static uint32_t type_index(struct wasm_cursor *c, const struct wasm_module *m)
{
	uint32_t t = wasm_u32(c);

	if (!wasm_failed(c) && t >= m->ntypes)
		wasm_fail(c, "type index %u out of range", t);
	return t;
}

/* A global's type: a value type, then a mutability byte. */
static void global_type(struct wasm_cursor *c, unsigned *valtype, unsigned *mut)
{
	*valtype = wasm_byte(c);
	*mut = wasm_byte(c);
	if (wasm_failed(c))
		return;
	if (!is_valtype(*valtype))
		wasm_fail(c, "value type 0x%02x is not supported", *valtype);
	else if (*mut > 1)
		wasm_fail(c, "global mutability 0x%02x is not valid", *mut);
}

static void table_type(struct wasm_cursor *c, unsigned *elem, struct wasm_limits *l)
{
	*elem = wasm_byte(c);
	if (!wasm_failed(c) && *elem != 0x70 && *elem != 0x6f) {
		c->pos--;
		wasm_fail(c, "table element type 0x%02x is not supported", *elem);
		return;
	}
	limits(c, l);
}

static void import_section(struct wasm_cursor *c, struct wasm_module *m)
{
	uint32_t n = wasm_count(c);

	m->imports = wasm_xrealloc(NULL, n, sizeof(*m->imports));
	for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
		struct wasm_import *im = memset(&m->imports[i], 0, sizeof(*im));
		unsigned kind;

		im->module = wasm_get_name(c);
		im->name = wasm_get_name(c);
		kind = wasm_byte(c);
		im->kind = (enum wasm_kind)kind;
		switch (kind) {
		case WASM_FUNC:
			im->type = type_index(c, m);
			*WASM_PUSH(m->func_types, m->nfuncs) = im->type;
			m->nimported_funcs++;
			break;
		case WASM_TABLE:
			table_type(c, &im->valtype, &im->limits);
			*WASM_PUSH(m->tables, m->ntables) = im->limits;
			break;
		case WASM_MEMORY:
			limits(c, &im->limits);
			*WASM_PUSH(m->mems, m->nmems) = im->limits;
			break;
		case WASM_GLOBAL:
			global_type(c, &im->valtype, &im->mut);
			*WASM_PUSH(m->globals, m->nglobals) = (struct wasm_global){im->valtype, im->mut, 0, 0};
			break;
		case WASM_TAG:
			wasm_byte(c);
			im->type = wasm_u32(c);
			break;
		default:
			if (!wasm_failed(c)) {
				c->pos--;
				wasm_fail(c, "import kind 0x%02x is not supported", kind);
			}
		}
		if (!wasm_failed(c))
			m->nimports++;
	}
}

static void function_section(struct wasm_cursor *c, struct wasm_module *m)
{
	uint32_t n = wasm_count(c);

	m->func_types = wasm_xrealloc(m->func_types, (size_t)m->nfuncs + n, sizeof(*m->func_types));
	for (uint32_t i = 0; i < n && !wasm_failed(c); i++)
		m->func_types[m->nfuncs++] = type_index(c, m);
}

static void table_section(struct wasm_cursor *c, struct wasm_module *m)
{
	uint32_t n = wasm_count(c);

	for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
		unsigned elem;

		table_type(c, &elem, WASM_PUSH(m->tables, m->ntables));
	}
}

static void memory_section(struct wasm_cursor *c, struct wasm_module *m)
{
	uint32_t n = wasm_count(c);

	for (uint32_t i = 0; i < n && !wasm_failed(c); i++)
		limits(c, WASM_PUSH(m->mems, m->nmems));
}

/*
 * A constant expression, up to its end: its value when it is one
 * i32.const or i64.const, else only skipped (global.get, ref.*, the
 * extended-const arithmetic).
 */
static void const_expr(struct wasm_cursor *c, struct wasm_global *g)
{
	struct wasm_instr in;
	unsigned ops = 0;

	g->has_value = 0;
	while (!wasm_failed(c) && wasm_read_instr(c, &in) == 0 && in.op != 0x0b) {
		ops++;
		switch (in.op) {
		case 0x41: case 0x42:             /* i32.const i64.const */
			g->value = in.value;
			break;
		case 0x43: case 0x44:             /* f32.const f64.const */
		case 0x23: case 0xd0: case 0xd2:  /* global.get ref.null ref.func */
		case 0x6a: case 0x6b: case 0x6c: /* i32 add sub mul */
		case 0x7c: case 0x7d: case 0x7e: /* i64 add sub mul */
			break;
		default:
			c->pos = in.at;
			wasm_fail(c, "opcode 0x%02x is not constant", in.op);
		}
	}
	if (ops == 1 && (g->valtype == WASM_I32 || g->valtype == WASM_I64))
		g->has_value = 1;
}

static void global_section(struct wasm_cursor *c, struct wasm_module *m)
{
	uint32_t n = wasm_count(c);

	for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
		struct wasm_global *g = WASM_PUSH(m->globals, m->nglobals);

		global_type(c, &g->valtype, &g->mut);
		const_expr(c, g);
	}
}

static void export_section(struct wasm_cursor *c, struct wasm_module *m)
{
	uint32_t n = wasm_count(c);

	m->exports = wasm_xrealloc(NULL, n, sizeof(*m->exports));
	for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
		struct wasm_export *e = &m->exports[i];
		unsigned kind;

		e->name = wasm_get_name(c);
		kind = wasm_byte(c);
		e->index = wasm_u32(c);
		if (wasm_failed(c))
			return;
		if (kind > WASM_TAG) {
			wasm_fail(c, "export kind 0x%02x is not supported", kind);
			return;
		}
		e->kind = (enum wasm_kind)kind;
		if ((kind == WASM_FUNC && e->index >= m->nfuncs) || (kind == WASM_MEMORY && e->index >= m->nmems) ||
		    (kind == WASM_TABLE && e->index >= m->ntables) || (kind == WASM_GLOBAL && e->index >= m->nglobals)) {
			wasm_fail(c, "export %u: index %u out of range", i, e->index);
			return;
		}
		m->nexports++;
	}
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

	return id < sizeof(rank) ? rank[id] : -1;
}

static void section(struct wasm_cursor *c, unsigned id, struct wasm_module *m)
{
	switch (id) {
	case WASM_SEC_TYPE:
		type_section(c, m);
		break;
	case WASM_SEC_IMPORT:
		import_section(c, m);
		break;
	case WASM_SEC_FUNCTION:
		function_section(c, m);
		break;
	case WASM_SEC_TABLE:
		table_section(c, m);
		break;
	case WASM_SEC_MEMORY:
		memory_section(c, m);
		break;
	case WASM_SEC_GLOBAL:
		global_section(c, m);
		break;
	case WASM_SEC_EXPORT:
		export_section(c, m);
		break;
	default:
		c->pos = c->end; /* contents no reader here depends on */
	}
}

int wasm_read_module(struct wasm_module *m, const unsigned char *bytes, size_t len, char **err)
{
	struct wasm_error e = {0};
	int last = 0;

	memset(m, 0, sizeof(*m));
	if (wasm_sections(bytes, len, WASM_CORE_MODULE, &m->sections, &m->nsections, err) < 0)
		return -1;
	for (size_t i = 0; i < m->nsections && !e.msg; i++) {
		const struct wasm_section *s = &m->sections[i];
		struct wasm_cursor c = wasm_cursor(bytes, s->payload, s->end, &e);

		if (s->id == WASM_SEC_CUSTOM) {
			*WASM_PUSH(m->customs, m->ncustoms) = s->name;
			continue;
		}
		if (section_rank(s->id) < 0) {
			c.pos = s->start;
			wasm_fail(&c, "unknown section id %u", s->id);
			break;
		}
		if (section_rank(s->id) <= last) {
			wasm_fail(&c, "section %u is out of order or repeated", s->id);
			break;
		}
		last = section_rank(s->id);
		section(&c, s->id, m);
		if (!wasm_failed(&c) && c.pos != c.end)
			wasm_fail(&c, "section %u has %zu bytes left over", s->id, wasm_left(&c));
	}
	if (e.msg) {
		*err = wasm_error_str(&e);
		wasm_error_free(&e);
		wasm_module_free(m);
		return -1;
	}
	*err = NULL;
	return 0;
}

void wasm_module_free(struct wasm_module *m)
{
	free(m->types);
	free(m->imports);
	free(m->func_types);
	free(m->tables);
	free(m->mems);
	free(m->globals);
	free(m->exports);
	free(m->customs);
	free(m->sections);
	memset(m, 0, sizeof(*m));
}

const struct wasm_functype *wasm_func_type(const struct wasm_module *m, uint32_t f)
{
	if (f >= m->nfuncs || m->func_types[f] >= m->ntypes)
		return NULL;
	return &m->types[m->func_types[f]];
}

int wasm_functype_equal(const struct wasm_functype *a, const struct wasm_functype *b)
{
	/* A type without parameters or results may hold null arrays: memcmp
	 * must not see them, even for zero bytes. */
	return a->nparams == b->nparams && a->nresults == b->nresults &&
	       (a->nparams == 0 || memcmp(a->params, b->params, a->nparams) == 0) &&
	       (a->nresults == 0 || memcmp(a->results, b->results, a->nresults) == 0);
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
	char *s = wasm_xrealloc(NULL, (size_t)n * 10 + 3, 1), *q = s;

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
	char *s = wasm_xasprintf("%s -> %s", p, r);

	free(p);
	free(r);
	return s;
}

void wasm_put_functype(struct wasm_buf *b, const struct wasm_functype *t)
{
	wasm_put_byte(b, 0x60);
	wasm_put_u32(b, t->nparams);
	wasm_put(b, t->params, t->nparams);
	wasm_put_u32(b, t->nresults);
	wasm_put(b, t->results, t->nresults);
}

const struct wasm_export *wasm_find_export_name(const struct wasm_module *m, struct wasm_name name)
{
	for (uint32_t i = 0; i < m->nexports; i++)
		if (wasm_name_equal(m->exports[i].name, name))
			return &m->exports[i];
	return NULL;
}

const struct wasm_export *wasm_find_export(const struct wasm_module *m, const char *name)
{
	return wasm_find_export_name(m, (struct wasm_name){name, strlen(name)});
}

void wasm_put_limits(struct wasm_buf *b, const struct wasm_limits *l)
{
	wasm_put_byte(b, l->flags);
	wasm_put_u64(b, l->min);
	if (l->flags & WASM_LIMITS_MAX)
		wasm_put_u64(b, l->max);
	if (l->flags & WASM_LIMITS_PAGESIZE)
		wasm_put_u32(b, l->page_log2);
}

void wasm_put_tabletype(struct wasm_buf *b, unsigned elem, const struct wasm_limits *l)
{
	wasm_put_byte(b, elem);
	wasm_put_limits(b, l);
}

void wasm_put_import_desc(struct wasm_buf *b, const struct wasm_import *im)
{
	wasm_put_byte(b, im->kind);
	switch (im->kind) {
	case WASM_FUNC:
		wasm_put_u32(b, im->type);
		break;
	case WASM_TABLE:
		wasm_put_tabletype(b, im->valtype, &im->limits);
		break;
	case WASM_MEMORY:
		wasm_put_limits(b, &im->limits);
		break;
	case WASM_GLOBAL:
		wasm_put_byte(b, im->valtype);
		wasm_put_byte(b, im->mut);
		break;
	case WASM_TAG:
		wasm_put_byte(b, 0);
		wasm_put_u32(b, im->type);
		break;
	default:
		break;
	}
}

void wasm_put_import(struct wasm_buf *b, struct wasm_name module, const struct wasm_import *im)
{
	wasm_put_name(b, module.p, module.len);
	wasm_put_name(b, im->name.p, im->name.len);
	wasm_put_import_desc(b, im);
}

int wasm_read_elem_head(struct wasm_cursor *c, uint32_t *global, int32_t *addend)
{
	unsigned next;

	*addend = 0;
	if (wasm_u32(c) != 0 || wasm_byte(c) != WASM_OP_GLOBAL_GET)
		return -1;
	*global = wasm_u32(c);
	if ((next = wasm_byte(c)) == WASM_OP_I32_CONST) {
		*addend = wasm_s32(c);
		if (wasm_byte(c) != WASM_OP_I32_ADD)
			return -1;
		next = wasm_byte(c);
	}
	return next == WASM_OP_END && !wasm_failed(c) ? 0 : -1;
}
