/* scan-env.c: the scan-env step: the names a linked module passes to getenv as string literals (Typed Main level 0 from the source). */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "wasm/wasm.h"

/*
 * Right after the link, while the name section still says which function
 * is getenv (the link keeps it for this step: --keep-section=name), and
 * before wasm-opt inlines it away. A call to getenv or secure_getenv
 * (defined, by the name section, or imported by a dll or a dynamic
 * executable) whose argument is a constant address of a NUL-terminated
 * string in a data segment declares that string. The argument is followed
 * through straight-line code only, as the compilers leave it at any level:
 *
 *   i32.const ADDR; call getenv                          (a static command)
 *   global.get __memory_base; i32.const OFF; i32.add; call getenv   (PIC)
 *
 * and -O0's trips of each value through a local (set before a block or
 * a try, read inside it). Values are unknown, a constant, or
 * __memory_base plus a constant; where control flow joins, the locals are
 * forgotten (is_join), and any instruction modelled here by nothing more
 * than "the stack is unknown" forgets the stack. The rest of a function
 * from an instruction the reader does not know is skipped. So a name is
 * found only when it is certainly the argument; a name computed at run
 * time is never found (it needs --env=).
 *
 * The names go into the module as a custom section, sorted, for
 * declare-env (declare-env.c) to add to the --env names, in the command itself
 * or, for a dll, in each command that embeds it:
 *
 *   section id 0, size, name "wasm32-wasi-cc.env-source", vec(name)
 */

enum kind { UNKNOWN, CONST, BASE };
struct val {
	enum kind kind;
	uint32_t v; /* the constant, or the offset from __memory_base */
};

struct local {
	struct val v;
	unsigned gen; /* the value holds while this is the scan's generation */
};

struct scan {
	const unsigned char *bytes;
	struct wasm_module m;
	struct val *globals;
	unsigned char *is_getenv; /* per function */
	struct wasm_data *data;
	size_t ndata;
	struct val *data_at; /* each segment's address */
	struct strvec names;
};

static struct val add(struct val a, struct val b)
{
	if (a.kind == UNKNOWN || b.kind == UNKNOWN || (a.kind == BASE && b.kind == BASE))
		return (struct val){UNKNOWN, 0};
	return (struct val){a.kind == BASE || b.kind == BASE ? BASE : CONST, a.v + b.v};
}

/* The value of a constant expression (a data segment's offset): i32.const, global.get, i32.add. */
static struct val const_expr(const struct scan *s, size_t at, size_t end)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(s->bytes, at, end, &e);
	struct val st[2] = {{UNKNOWN, 0}, {UNKNOWN, 0}}, r = {UNKNOWN, 0};
	unsigned sp = 0;
	struct wasm_instr in;

	while (wasm_read_instr(&c, &in) == 0 && in.op != 0x0b) {
		if (in.op == 0x41 && sp < 2)
			st[sp++] = (struct val){CONST, (uint32_t)in.value};
		else if (in.op == 0x23 && sp < 2)
			st[sp++] = in.index < s->m.nglobals ? s->globals[in.index] : (struct val){UNKNOWN, 0};
		else if (in.op == 0x6a && sp == 2)
			st[0] = add(st[0], st[1]), sp = 1;
		else
			sp = 0, st[0].kind = UNKNOWN;
	}
	if (!e.msg && sp == 1)
		r = st[0];
	wasm_error_free(&e);
	return r;
}

/* The string at address a, if a data segment holds it whole, NUL included. */
static void found(struct scan *s, struct val a)
{
	if (a.kind == UNKNOWN)
		return;
	for (size_t i = 0; i < s->ndata; i++) {
		const struct wasm_data *d = &s->data[i];
		uint32_t off = a.v - s->data_at[i].v;
		const unsigned char *nul;
		char *name;

		if (!d->active || d->memory != 0 || s->data_at[i].kind != a.kind || off >= d->len)
			continue;
		nul = memchr(d->bytes + off, 0, d->len - off);
		if (!nul)
			return;
		name = xstrndup((const char *)d->bytes + off, (size_t)(nul - (d->bytes + off)));
		for (size_t k = 0; k < s->names.len; k++)
			if (strcmp(s->names.v[k], name) == 0) {
				free(name);
				return;
			}
		if (env_name_problem(name)) { /* getenv(""), say: nothing a runner could pass */
			free(name);
			return;
		}
		strvec_push(&s->names, name);
		return;
	}
}

struct stack {
	struct val *v;
	size_t len, cap;
};

static void push(struct stack *st, struct val v)
{
	if (st->len == st->cap) {
		st->cap = st->cap ? 2 * st->cap : 16;
		st->v = xreallocarray(st->v, st->cap, sizeof(*st->v));
	}
	st->v[st->len++] = v;
}

static struct val pop(struct stack *st)
{
	return st->len ? st->v[--st->len] : (struct val){UNKNOWN, 0};
}

/*
 * Where control flow joins: the start of a loop (its branches come back),
 * an end (the branches to it), else, catch and the like (they start from
 * the state the block began with, which is forgotten), and what follows
 * br, br_table, return and the throws (nothing reaches it but a join).
 * Entering a block, an if or a try keeps what the locals hold, as br_if's
 * fall-through does.
 */
static int is_join(unsigned op)
{
	switch (op) {
	case 0x00: /* unreachable */
	case 0x03: /* loop */
	case 0x05: /* else */
	case 0x07: /* catch */
	case 0x08: /* throw */
	case 0x09: /* rethrow */
	case 0x0a: /* throw_ref */
	case 0x0b: /* end */
	case 0x0c: /* br */
	case 0x0e: /* br_table */
	case 0x0f: /* return */
	case 0x12: /* return_call */
	case 0x13: /* return_call_indirect */
	case 0x15: /* return_call_ref */
	case 0x18: /* delegate */
	case 0x19: /* catch_all */
		return 1;
	default:
		return 0;
	}
}

/* A call to f: a getenv's argument is found; the parameters go, unknown results come. */
static void call(struct scan *s, struct stack *st, uint32_t f)
{
	const struct wasm_functype *t = wasm_func_type(&s->m, f);

	if (!t) {
		st->len = 0;
		return;
	}
	if (s->is_getenv[f] && t->nparams == 1)
		found(s, st->len ? st->v[st->len - 1] : (struct val){UNKNOWN, 0});
	for (uint32_t i = 0; i < t->nparams; i++)
		pop(st);
	for (uint32_t i = 0; i < t->nresults; i++)
		push(st, (struct val){UNKNOWN, 0});
}

static void scan_body(struct scan *s, uint32_t f, const struct wasm_body *b)
{
	const struct wasm_functype *t = wasm_func_type(&s->m, f);
	size_t nlocals = (size_t)(t ? t->nparams : 0) + b->nlocals;
	struct local *loc = xcalloc(nlocals ? nlocals : 1, sizeof(*loc));
	struct stack st = {0};
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(s->bytes, b->code, b->end, &e);
	struct wasm_instr in;
	unsigned gen = 1;

	while (c.pos < c.end && wasm_read_instr(&c, &in) == 0) {
		struct val v;

		switch (in.op) {
		case 0x41: /* i32.const */
			push(&st, (struct val){CONST, (uint32_t)in.value});
			break;
		case 0x23: /* global.get */
			push(&st, in.index < s->m.nglobals ? s->globals[in.index] : (struct val){UNKNOWN, 0});
			break;
		case 0x20: /* local.get */
			push(&st, in.index < nlocals && loc[in.index].gen == gen ? loc[in.index].v : (struct val){UNKNOWN, 0});
			break;
		case 0x21: /* local.set */
		case 0x22: /* local.tee */
			v = pop(&st);
			if (in.index < nlocals)
				loc[in.index] = (struct local){v, gen};
			if (in.op == 0x22)
				push(&st, v);
			break;
		case 0x6a: /* i32.add */
			v = pop(&st);
			push(&st, add(pop(&st), v));
			break;
		case 0x1a: /* drop */
		case 0x24: /* global.set */
			pop(&st);
			break;
		case 0x01: /* nop */
			break;
		case 0x10: /* call */
			call(s, &st, in.index);
			break;
		case 0x12: /* return_call */
			call(s, &st, in.index);
			st.len = 0;
			gen++;
			break;
		default:
			st.len = 0; /* what it takes and gives is not modelled: the stack is unknown */
			if (is_join(in.op))
				gen++; /* every local forgotten */
		}
	}
	wasm_error_free(&e); /* an instruction not known here: the rest of this function is skipped */
	free(st.v);
	free(loc);
}

static int is_getenv_name(struct wasm_name n)
{
	return wasm_name_is(n, "getenv") || wasm_name_is(n, "secure_getenv");
}

/* What the scan knows of the globals and the functions, the data segments and their addresses. */
static int scan_setup(struct scan *s, char **why)
{
	const struct wasm_section *sec;
	struct wasm_func_name *fn = NULL;
	size_t nfn = 0;
	uint32_t g = 0, f = 0;

	s->globals = xcalloc(s->m.nglobals + 1, sizeof(*s->globals));
	s->is_getenv = xcalloc(s->m.nfuncs + 1, 1);
	for (uint32_t i = 0; i < s->m.nimports; i++) {
		const struct wasm_import *im = &s->m.imports[i];

		if (im->kind == WASM_GLOBAL && g < s->m.nglobals) {
			if (wasm_name_is(im->name, "__memory_base") && im->valtype == WASM_I32)
				s->globals[g] = (struct val){BASE, 0};
			g++;
		} else if (im->kind == WASM_FUNC && f < s->m.nfuncs) {
			s->is_getenv[f++] = (unsigned char)is_getenv_name(im->name);
		}
	}
	for (; g < s->m.nglobals; g++) {
		const struct wasm_global *gl = &s->m.globals[g];

		if (!gl->mut && gl->has_value && gl->valtype == WASM_I32)
			s->globals[g] = (struct val){CONST, (uint32_t)gl->value};
	}
	sec = wasm_find_custom(s->m.sections, s->m.nsections, "name");
	if (sec && wasm_read_func_names(s->bytes, sec, &fn, &nfn, why) < 0)
		return -1;
	for (size_t i = 0; i < nfn; i++)
		if (fn[i].index >= s->m.nimported_funcs && fn[i].index < s->m.nfuncs && is_getenv_name(fn[i].name))
			s->is_getenv[fn[i].index] = 1;
	free(fn);
	sec = wasm_find_section(s->m.sections, s->m.nsections, WASM_SEC_DATA);
	if (sec && wasm_read_data(s->bytes, sec, &s->data, &s->ndata, why) < 0)
		return -1;
	s->data_at = xcalloc(s->ndata + 1, sizeof(*s->data_at));
	for (size_t i = 0; i < s->ndata; i++)
		if (s->data[i].active)
			s->data_at[i] = const_expr(s, s->data[i].offset, sec->end);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the module in bytes, sorted, into *names (each allocated). -1 with *why set. */
static int scan_module(const unsigned char *bytes, size_t len, struct strvec *names, char **why)
{
	struct scan s = {.bytes = bytes};
	const struct wasm_section *code;
	struct wasm_body *bodies = NULL;
	size_t nbodies = 0;
	int r = -1;

	if (wasm_read_module(&s.m, bytes, len, why) < 0)
		return -1;
	if (scan_setup(&s, why) < 0)
		goto out;
	code = wasm_find_section(s.m.sections, s.m.nsections, WASM_SEC_CODE);
	if (code && wasm_read_bodies(bytes, code, &bodies, &nbodies, why) < 0)
		goto out;
	for (size_t i = 0; i < nbodies && s.m.nimported_funcs + i < s.m.nfuncs; i++)
		scan_body(&s, s.m.nimported_funcs + (uint32_t)i, &bodies[i]);
	if (s.names.len)
		qsort(s.names.v, s.names.len, sizeof(*s.names.v), by_name);
	*names = s.names;
	s.names = (struct strvec){0};
	r = 0;
out:
	for (size_t i = 0; i < s.names.len; i++)
		free(s.names.v[i]);
	strvec_free(&s.names);
	free(bodies);
	free(s.globals);
	free(s.is_getenv);
	free(s.data);
	free(s.data_at);
	wasm_module_free(&s.m);
	return r;
}

/*
 * scan-env [LINK-STRIP-FLAG...] -o OUTPUT INPUT: OUTPUT is INPUT with the
 * names found in the section (none when there are none). The flags are the
 * link's: after --strip-all, the name section that the link kept only for
 * this step goes.
 */
int builtin_scan_env(int argc, char **argv, char **err)
{
	struct wasm_buf in = {0};
	struct wasm_buf out = {0};
	struct wasm_section *s = NULL;
	struct strvec names = {0};
	const char *output = NULL, *input = NULL;
	int strip_all = 0, r = -1;
	size_t n = 0;
	char *why = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			output = argv[++i];
		else if (strcmp(argv[i], "--strip-all") == 0)
			strip_all = 1;
		else if (argv[i][0] == '-')
			continue; /* the link's other strip flags */
		else if (!input)
			input = argv[i];
		else
			output = NULL, i = argc; /* two inputs: the usage */
	}
	if (!output || !input) {
		*err = xstrdup("usage: scan-env [LINK-STRIP-FLAG...] -o OUTPUT INPUT");
		return -1;
	}
	if (file_read(input, &in, err) < 0)
		return -1;
	if (scan_module(in.p, in.len, &names, &why) < 0 ||
	    wasm_sections(in.p, in.len, WASM_CORE_MODULE, &s, &n, &why) < 0) {
		*err = xasprintf("%s: %s", input, why);
		goto out;
	}
	wasm_put(&out, in.p, WASM_HEADER_SIZE);
	for (size_t i = 0; i < n; i++) {
		if (s[i].id == WASM_SEC_CUSTOM && ((strip_all && wasm_name_is(s[i].name, "name")) ||
		                                   wasm_name_is(s[i].name, WASM_ENV_SOURCE_SECTION)))
			continue;
		wasm_put(&out, in.p + s[i].start, s[i].end - s[i].start);
	}
	if (names.len)
		wasm_put_env_source_section(&out, names.v, names.len);
	r = file_write(output, out.p, out.len, err);
out:
	for (size_t i = 0; i < names.len; i++)
		free(names.v[i]);
	strvec_free(&names);
	free(why);
	free(s);
	free(in.p);
	wasm_buf_free(&out);
	return r;
}
