/* witc.c: a world's C bindings in wit-bindgen's conventions: the header the user includes, the glue the link compiles. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wit.h"

/*
 * The header is what wit-bindgen's C generator (crates/c) would write for
 * the world's exports, so that code written for it compiles unchanged:
 *   - a world `greet` prefixes every name with `greet_`; strings are
 *     greet_string_t {uint8_t *ptr; size_t len;}, with greet_string_set,
 *     _dup, _dup_n and _free;
 *   - named types are greet_NAME_t; anonymous ones are named after their
 *     structure (greet_list_string_t, greet_option_style_t,
 *     greet_result_string_string_t, greet_tuple2_u32_string_t);
 *   - records and tuples are structs; lists {T *ptr; size_t len;}; options
 *     {bool is_some; T val;}; results {bool is_err; union {T ok; E err;} val;};
 *     variants {uintN_t tag; union {...} val;} with a #define per case;
 *     enums and flags are integers with a #define per case or bit;
 *   - each type that owns memory has PREFIX_free;
 *   - the user implements exports_greet_NAME: parameters of strings, lists,
 *     records, tuples, variants and results by pointer, options as a
 *     pointer to the payload or NULL (maybe_NAME), others by value; a
 *     result<T, E> return is a bool (true: ok) with out-parameters ret and
 *     err, an option<T> a bool with ret, strings and aggregates go to ret,
 *     scalars are returned.
 * Ownership is wit-bindgen's too: the function owns its parameters (it frees
 * them with the _free functions); what it returns is freed after the host
 * has read it (post-return), so it must be allocated (greet_string_dup, malloc).
 *
 * The glue is C that the link compiles with the program: the header, the
 * helpers, and per function the core export the canonical ABI calls. Its C
 * types have the canonical ABI's memory layout (CanonicalABI.md: natural
 * alignment, discriminants of the smallest size, payloads at the largest
 * alignment), so values in memory are read and written whole; flat
 * parameters are read from an array of unions, which reinterprets a joined
 * variant slot as the case's own type, as the ABI does.
 */

#define MAX_FLAT_PARAMS 16
#define MAX_FLAT_RESULTS 1

struct gen {
	const struct wit_world *w;
	char *snake, *shout;         /* the world's name as a C prefix */
	struct wasm_buf *b;
	struct strvec defined;       /* C type names already defined */
};

__attribute__((format(printf, 2, 3))) static void out(struct gen *g, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	wasm_put(g->b, s, strlen(s));
	free(s);
}

static void docs(struct gen *g, const char *d, const char *indent)
{
	const char *line = d;

	while (line && *line) {
		size_t n = strcspn(line, "\n");

		out(g, "%s//%s%.*s\n", indent, n ? " " : "", (int)n, line);
		line += n;
		if (*line)
			line++;
	}
}

/* ------------------------------------------------------------------- names */

static char *snake(const char *s)
{
	return wit_c_ident(s, 0);
}

/* The part of an anonymous type's name for t (wit-bindgen's push_ty_name). */
static void ty_name(const struct wit_type *t, struct wasm_buf *b)
{
	static const char *const prims[] = {"bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64",
	                                    "f32", "f64", "char32", "string"};
	char *s;

	if (WIT_PRIMITIVE(t->kind)) {
		wasm_put(b, prims[t->kind], strlen(prims[t->kind]));
		return;
	}
	if (t->name) {
		s = wit_c_ident(t->name, 0);
		/* no keyword escape inside a longer name */
		if (s[strlen(s) - 1] == '_' && t->name[strlen(t->name) - 1] != '_')
			s[strlen(s) - 1] = '\0';
		wasm_put(b, s, strlen(s));
		free(s);
		return;
	}
	switch (t->kind) {
	case WIT_LIST:
		wasm_put(b, "list_", 5);
		ty_name(t->elem, b);
		break;
	case WIT_OPTION:
		wasm_put(b, "option_", 7);
		ty_name(t->elem, b);
		break;
	case WIT_RESULT:
		wasm_put(b, "result_", 7);
		if (t->elem)
			ty_name(t->elem, b);
		else
			wasm_put(b, "void", 4);
		wasm_put_byte(b, '_');
		if (t->err)
			ty_name(t->err, b);
		else
			wasm_put(b, "void", 4);
		break;
	default: { /* WIT_TUPLE */
		char n[32];

		snprintf(n, sizeof(n), "tuple%zu", t->nfields);
		wasm_put(b, n, strlen(n));
		for (size_t i = 0; i < t->nfields; i++) {
			wasm_put_byte(b, '_');
			ty_name(t->fields[i].type, b);
		}
	}
	}
}

/* WORLD_NAME without _t: the prefix of the type's helpers (allocated). */
/*
 * The namespace of a named type: the world's name, or for a type of an
 * interface the package's and the interface's (example_greet_types), as
 * wit-bindgen names an imported interface; upper: in SHOUTY_CASE.
 */
static char *owner(const struct gen *g, const struct wit_type *t, int upper)
{
	char *pkg, *iface, *s, *c;

	if (!t->iface)
		return xstrdup(upper ? g->shout : g->snake);
	pkg = xstrdup(g->w->package);
	if ((c = strchr(pkg, '@')))
		*c = '\0';
	for (c = pkg; *c; c++)
		if (*c == ':')
			*c = '_';
	s = wit_c_ident(pkg, upper);
	free(pkg);
	iface = wit_c_ident(t->iface->name, upper);
	if (!upper && iface[strlen(iface) - 1] == '_' && t->iface->name[strlen(t->iface->name) - 1] != '_')
		iface[strlen(iface) - 1] = '\0';
	pkg = xasprintf("%s_%s", s, iface);
	free(s);
	free(iface);
	return pkg;
}

static char *type_prefix(const struct gen *g, const struct wit_type *t)
{
	struct wasm_buf b = {0};
	char *s, *o;

	if (t->kind == WIT_STRING)
		return xasprintf("%s_string", g->snake);
	ty_name(t, &b);
	wasm_put_byte(&b, 0);
	o = owner(g, t, 0);
	s = xasprintf("%s_%s", o, (char *)b.p);
	free(o);
	wasm_buf_free(&b);
	return s;
}

/* The C type of t (allocated). */
static char *c_type(const struct gen *g, const struct wit_type *t)
{
	static const char *const prims[] = {"bool", "int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t",
	                                    "uint32_t", "int64_t", "uint64_t", "float", "double", "uint32_t"};
	char *p, *s;

	if (t->kind < WIT_STRING)
		return xstrdup(prims[t->kind]);
	p = type_prefix(g, t);
	s = xasprintf("%s_t", p);
	free(p);
	return s;
}

static const char *int_of_size(uint32_t size)
{
	return size == 1 ? "uint8_t" : size == 2 ? "uint16_t" : "uint32_t";
}

/* ------------------------------------------------------------------- types */

static int defined(struct gen *g, const char *name)
{
	for (size_t i = 0; i < g->defined.len; i++)
		if (strcmp(g->defined.v[i], name) == 0)
			return 1;
	strvec_push(&g->defined, xstrdup(name));
	return 0;
}

static void forget_defined(struct gen *g)
{
	for (size_t i = 0; i < g->defined.len; i++)
		free(g->defined.v[i]);
	strvec_free(&g->defined);
}

static void define(struct gen *g, const struct wit_type *t);

/* A member "T name;" of a struct or union. */
static void member(struct gen *g, const struct wit_type *t, const char *name, const char *indent)
{
	char *ct = c_type(g, t);

	out(g, "%s%s %s;\n", indent, ct, name);
	free(ct);
}

/* The #defines of an enum's, a variant's or flags' cases. */
static void case_defines(struct gen *g, const struct wit_type *t)
{
	char *tn = wit_c_ident(t->name, 1), *ns = owner(g, t, 1);

	for (size_t i = 0; i < t->nfields; i++) {
		char *cn = wit_c_ident(t->fields[i].name, 1);

		docs(g, t->fields[i].docs, "");
		if (t->kind == WIT_FLAGS)
			out(g, "#define %s_%s_%s (1 << %zu)\n", ns, tn, cn, i);
		else
			out(g, "#define %s_%s_%s %zu\n", ns, tn, cn, i);
		free(cn);
	}
	free(tn);
	free(ns);
}

static void define(struct gen *g, const struct wit_type *t)
{
	char *name;

	if (t->kind == WIT_STRING) {
		if (!defined(g, "string"))
			out(g, "\ntypedef struct %s_string_t {\n  uint8_t *ptr;\n  size_t len;\n} %s_string_t;\n",
			    g->snake, g->snake);
		return;
	}
	if (WIT_PRIMITIVE(t->kind))
		return;
	/* what it uses first */
	if (t->elem)
		define(g, t->elem);
	if (t->err)
		define(g, t->err);
	for (size_t i = 0; i < t->nfields; i++)
		if (t->fields[i].type)
			define(g, t->fields[i].type);
	name = c_type(g, t);
	if (defined(g, name)) {
		free(name);
		return;
	}
	out(g, "\n");
	docs(g, t->docs, "");
	switch (t->kind) {
	case WIT_RECORD:
	case WIT_TUPLE:
		out(g, "typedef struct %s {\n", name);
		for (size_t i = 0; i < t->nfields; i++) {
			char *fn = t->kind == WIT_RECORD ? wit_c_ident(t->fields[i].name, 0) : xasprintf("f%zu", i);

			docs(g, t->fields[i].docs, "  ");
			member(g, t->fields[i].type, fn, "  ");
			free(fn);
		}
		out(g, "} %s;\n", name);
		break;
	case WIT_LIST: {
		char *et = c_type(g, t->elem);

		out(g, "typedef struct %s {\n  %s *ptr;\n  size_t len;\n} %s;\n", name, et, name);
		free(et);
		break;
	}
	case WIT_OPTION:
		out(g, "typedef struct %s {\n  bool is_some;\n", name);
		member(g, t->elem, "val", "  ");
		out(g, "} %s;\n", name);
		break;
	case WIT_RESULT:
		out(g, "typedef struct %s {\n  bool is_err;\n", name);
		if (t->elem || t->err) {
			out(g, "  union {\n");
			if (t->elem)
				member(g, t->elem, "ok", "    ");
			if (t->err)
				member(g, t->err, "err", "    ");
			out(g, "  } val;\n");
		}
		out(g, "} %s;\n", name);
		break;
	case WIT_VARIANT: {
		int payload = 0;

		out(g, "typedef struct %s {\n  %s tag;\n", name, int_of_size(t->nfields <= 256 ? 1 : 2));
		for (size_t i = 0; i < t->nfields; i++)
			payload |= t->fields[i].type != NULL;
		if (payload) {
			out(g, "  union {\n");
			for (size_t i = 0; i < t->nfields; i++) {
				char *cn;

				if (!t->fields[i].type)
					continue;
				cn = wit_c_ident(t->fields[i].name, 0);
				member(g, t->fields[i].type, cn, "    ");
				free(cn);
			}
			out(g, "  } val;\n");
		}
		out(g, "} %s;\n\n", name);
		case_defines(g, t);
		break;
	}
	case WIT_ENUM:
	case WIT_FLAGS:
		out(g, "typedef %s %s;\n\n", int_of_size(wit_size(t)), name);
		case_defines(g, t);
		break;
	default: { /* WIT_ALIAS */
		char *target = c_type(g, t->elem);

		out(g, "typedef %s %s;\n", target, name);
		free(target);
	}
	}
	free(name);
}

/* ------------------------------------------------------------- signatures */

static int by_pointer(const struct wit_type *t)
{
	t = wit_dealias(t);
	switch (t->kind) {
	case WIT_STRING: case WIT_LIST: case WIT_OPTION: case WIT_RESULT: case WIT_TUPLE: case WIT_RECORD:
	case WIT_VARIANT:
		return 1;
	default:
		return 0;
	}
}

/* How a function returns (wit-bindgen's classify_ret). */
enum ret_style { RET_VOID, RET_SCALAR, RET_OPTION, RET_RESULT, RET_PTR };

static enum ret_style ret_style(const struct wit_type *t)
{
	if (!t)
		return RET_VOID;
	t = wit_dealias(t);
	switch (t->kind) {
	case WIT_STRING: case WIT_LIST: case WIT_TUPLE: case WIT_RECORD: case WIT_VARIANT:
		return RET_PTR;
	case WIT_OPTION:
		return RET_OPTION;
	case WIT_RESULT:
		return RET_RESULT;
	default:
		return RET_SCALAR;
	}
}

static char *func_name(const struct gen *g, const struct wit_func *f)
{
	char *n = snake(f->name), *s;

	/* a keyword escape is for a name alone */
	if (n[strlen(n) - 1] == '_' && f->name[strlen(f->name) - 1] != '_')
		n[strlen(n) - 1] = '\0';
	s = xasprintf("exports_%s_%s", g->snake, n);
	free(n);
	return s;
}

static void prototype(struct gen *g, const struct wit_func *f)
{
	const struct wit_type *r = f->result ? wit_dealias(f->result) : NULL;
	enum ret_style rs = ret_style(f->result);
	char *fname = func_name(g, f), *rt = NULL;
	int nargs = 0;

	if (rs == RET_SCALAR)
		rt = c_type(g, f->result);
	out(g, "%s %s(", rs == RET_VOID || rs == RET_PTR ? "void" : rs == RET_SCALAR ? rt : "bool", fname);
	for (size_t i = 0; i < f->nparams; i++) {
		const struct wit_type *t = f->params[i].type;
		char *pn = wit_c_ident(f->params[i].name, 0), *ct;

		if (t->kind == WIT_OPTION) {
			ct = c_type(g, t->elem);
			out(g, "%s%s *maybe_%s", nargs++ ? ", " : "", ct, pn);
		} else {
			ct = c_type(g, t);
			out(g, "%s%s %s%s", nargs++ ? ", " : "", ct, by_pointer(t) ? "*" : "", pn);
		}
		free(ct);
		free(pn);
	}
	if (rs == RET_PTR || rs == RET_OPTION || rs == RET_RESULT) {
		const struct wit_type *first = rs == RET_PTR ? f->result : r->elem, *second = rs == RET_RESULT ? r->err : NULL;

		if (first) {
			char *ct = c_type(g, first);

			out(g, "%s%s *ret", nargs++ ? ", " : "", ct);
			free(ct);
		}
		if (second) {
			char *ct = c_type(g, second);

			out(g, "%s%s *err", nargs++ ? ", " : "", ct);
			free(ct);
		}
	}
	if (!nargs)
		out(g, "void");
	out(g, ")");
	free(rt);
	free(fname);
}

/* ------------------------------------------------------------------ header */

static void gen_init(struct gen *g, const struct wit_world *w, struct wasm_buf *b)
{
	memset(g, 0, sizeof(*g));
	g->w = w;
	g->b = b;
	g->snake = snake(w->name);
	if (g->snake[strlen(g->snake) - 1] == '_' && w->name[strlen(w->name) - 1] != '_')
		g->snake[strlen(g->snake) - 1] = '\0';
	g->shout = wit_c_ident(w->name, 1);
}

static void gen_free(struct gen *g)
{
	free(g->snake);
	free(g->shout);
	forget_defined(g);
}

/* Every type the functions use, and the world's own, that owns memory: its _free, declared or defined. */
static void free_functions(struct gen *g, int bodies);

static void header_body(struct gen *g)
{
	const struct wit_world *w = g->w;
	char *guard = xasprintf("__BINDINGS_%s_H", g->shout);

	out(g, "// Generated by wasm32-wasi-cc --wit from %s: do not edit.\n", base_name(w->file));
	out(g, "#ifndef %s\n#define %s\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n", guard, guard);
	out(g, "#include <stdint.h>\n#include <stdbool.h>\n#include <stddef.h>\n");
	{
		struct wit_type str = {.kind = WIT_STRING};

		define(g, &str);
	}
	for (size_t i = 0; i < w->nifaces; i++)
		for (size_t k = 0; w->ifaces[i]->used && k < w->ifaces[i]->ntypes; k++)
			define(g, w->ifaces[i]->types[k]);
	for (size_t i = 0; i < w->ntypes; i++)
		define(g, w->types[i]);
	for (size_t i = 0; i < w->nfuncs; i++) {
		for (size_t k = 0; k < w->funcs[i].nparams; k++)
			define(g, w->funcs[i].params[k].type);
		if (w->funcs[i].result)
			define(g, w->funcs[i].result);
	}
	out(g, "\n// Exported functions\n");
	for (size_t i = 0; i < w->nfuncs; i++) {
		out(g, "\n");
		docs(g, w->funcs[i].docs, "");
		prototype(g, &w->funcs[i]);
		out(g, ";\n");
	}
	out(g, "\n// Helper functions\n\n");
	out(g, "// Sets the string `ret` to reference the input string `s` without copying it\n");
	out(g, "void %s_string_set(%s_string_t *ret, const char *s);\n\n", g->snake, g->snake);
	out(g, "// Creates a copy of the input nul-terminated string `s` and\n"
	       "// stores it into the component model string `ret`.\n");
	out(g, "void %s_string_dup(%s_string_t *ret, const char *s);\n\n", g->snake, g->snake);
	out(g, "// Creates a copy of the input string `s` with length `len` and\n"
	       "// stores it into the component model string `ret`.\n");
	out(g, "void %s_string_dup_n(%s_string_t *ret, const char *s, size_t len);\n\n", g->snake, g->snake);
	out(g, "// Deallocates the string pointed to by `ret`, deallocating\n"
	       "// the memory behind the string.\n");
	out(g, "void %s_string_free(%s_string_t *ret);\n", g->snake, g->snake);
	free_functions(g, 0);
	out(g, "\n#ifdef __cplusplus\n}\n#endif\n#endif\n");
	free(guard);
}

int wit_write_header(const struct wit_world *w, struct wasm_buf *b, char **err)
{
	struct gen g;

	(void)err;
	gen_init(&g, w, b);
	header_body(&g);
	gen_free(&g);
	return 0;
}

/* ------------------------------------------------------------------ freeing */

/* "PREFIX_free(expr);" when t owns memory. */
static void free_call(struct gen *g, const struct wit_type *t, const char *expr, const char *indent)
{
	char *p;

	if (!wit_owns_memory(t))
		return;
	p = type_prefix(g, t);
	out(g, "%s%s_free(%s);\n", indent, p, expr);
	free(p);
}

static void free_body(struct gen *g, const struct wit_type *t)
{
	switch (t->kind) {
	case WIT_RECORD:
	case WIT_TUPLE:
		for (size_t i = 0; i < t->nfields; i++) {
			char *fn = t->kind == WIT_RECORD ? wit_c_ident(t->fields[i].name, 0) : xasprintf("f%zu", i);
			char *e = xasprintf("&ptr->%s", fn);

			free_call(g, t->fields[i].type, e, "  ");
			free(e);
			free(fn);
		}
		break;
	case WIT_LIST:
		out(g, "  if (ptr->len > 0) {\n");
		if (wit_owns_memory(t->elem)) {
			out(g, "    for (size_t i = 0; i < ptr->len; i++) {\n");
			free_call(g, t->elem, "&ptr->ptr[i]", "      ");
			out(g, "    }\n");
		}
		out(g, "    free(ptr->ptr);\n  }\n  ptr->ptr = NULL;\n  ptr->len = 0;\n");
		break;
	case WIT_OPTION:
		out(g, "  if (ptr->is_some) {\n");
		free_call(g, t->elem, "&ptr->val", "    ");
		out(g, "  }\n");
		break;
	case WIT_RESULT:
		out(g, "  if (!ptr->is_err) {\n");
		if (t->elem)
			free_call(g, t->elem, "&ptr->val.ok", "    ");
		out(g, "  } else {\n");
		if (t->err)
			free_call(g, t->err, "&ptr->val.err", "    ");
		out(g, "  }\n");
		break;
	case WIT_VARIANT:
		out(g, "  switch (ptr->tag) {\n");
		for (size_t i = 0; i < t->nfields; i++) {
			char *cn, *e;

			if (!t->fields[i].type || !wit_owns_memory(t->fields[i].type))
				continue;
			cn = wit_c_ident(t->fields[i].name, 0);
			e = xasprintf("&ptr->val.%s", cn);
			out(g, "  case %zu:\n", i);
			free_call(g, t->fields[i].type, e, "    ");
			out(g, "    break;\n");
			free(e);
			free(cn);
		}
		out(g, "  }\n");
		break;
	default: /* WIT_ALIAS */
		free_call(g, t->elem, "ptr", "  ");
		break;
	}
}

static void free_function(struct gen *g, const struct wit_type *t, int bodies)
{
	char *p, *ct;

	if (WIT_PRIMITIVE(t->kind) || !wit_owns_memory(t))
		return;
	if (t->elem)
		free_function(g, t->elem, bodies);
	if (t->err)
		free_function(g, t->err, bodies);
	for (size_t i = 0; i < t->nfields; i++)
		if (t->fields[i].type)
			free_function(g, t->fields[i].type, bodies);
	p = type_prefix(g, t);
	ct = c_type(g, t);
	{
		char *key = xasprintf("free %s", ct);
		int seen = defined(g, key);

		free(key);
		if (!seen) {
			out(g, "\nvoid %s_free(%s *ptr)%s", p, ct, bodies ? " {\n" : ";\n");
			if (bodies) {
				free_body(g, t);
				out(g, "}\n");
			}
		}
	}
	free(p);
	free(ct);
}

static void free_functions(struct gen *g, int bodies)
{
	const struct wit_world *w = g->w;

	for (size_t i = 0; i < w->nifaces; i++)
		for (size_t k = 0; w->ifaces[i]->used && k < w->ifaces[i]->ntypes; k++)
			free_function(g, w->ifaces[i]->types[k], bodies);
	for (size_t i = 0; i < w->ntypes; i++)
		free_function(g, w->types[i], bodies);
	for (size_t i = 0; i < w->nfuncs; i++) {
		for (size_t k = 0; k < w->funcs[i].nparams; k++)
			free_function(g, w->funcs[i].params[k].type, bodies);
		if (w->funcs[i].result)
			free_function(g, w->funcs[i].result, bodies);
	}
}

/* -------------------------------------------------------------------- glue */

static const char *core_c_type(unsigned char v)
{
	return v == WASM_I64 ? "int64_t" : v == WASM_F32 ? "float" : v == WASM_F64 ? "double" : "int32_t";
}

static const char *flat_member(unsigned char v)
{
	return v == WASM_I64 ? "i64" : v == WASM_F32 ? "f32" : v == WASM_F64 ? "f64" : "i32";
}

static size_t flat_count(const struct wit_type *t)
{
	unsigned char one[1];
	size_t n = 0;

	wit_flatten(t, one, &n, 0);
	return n;
}

/* Statements setting dst, of type t, from flat[k...], the flattened values. */
static void lift_flat(struct gen *g, const struct wit_type *t, const char *dst, size_t k, const char *indent)
{
	const struct wit_type *d = wit_dealias(t);

	switch (d->kind) {
	case WIT_BOOL:
		out(g, "%s%s = flat[%zu].i32 != 0;\n", indent, dst, k);
		return;
	case WIT_S64: case WIT_U64: case WIT_F32: case WIT_F64: {
		char *ct = c_type(g, d);

		out(g, "%s%s = (%s)flat[%zu].%s;\n", indent, dst, ct, k,
		    d->kind == WIT_F32 ? "f32" : d->kind == WIT_F64 ? "f64" : "i64");
		free(ct);
		return;
	}
	case WIT_STRING: case WIT_LIST: {
		char *et = d->kind == WIT_STRING ? xstrdup("uint8_t") : c_type(g, d->elem);

		out(g, "%s%s.ptr = (%s *)(uintptr_t)flat[%zu].i32;\n", indent, dst, et, k);
		out(g, "%s%s.len = (size_t)(uint32_t)flat[%zu].i32;\n", indent, dst, k + 1);
		free(et);
		return;
	}
	case WIT_RECORD: case WIT_TUPLE:
		for (size_t i = 0; i < d->nfields; i++) {
			char *fn = d->kind == WIT_RECORD ? wit_c_ident(d->fields[i].name, 0) : xasprintf("f%zu", i);
			char *sub = xasprintf("%s.%s", dst, fn);

			lift_flat(g, d->fields[i].type, sub, k, indent);
			k += flat_count(d->fields[i].type);
			free(sub);
			free(fn);
		}
		return;
	case WIT_OPTION: {
		char *sub = xasprintf("%s.val", dst), *in = xasprintf("%s  ", indent);

		out(g, "%s%s.is_some = flat[%zu].i32 != 0;\n", indent, dst, k);
		out(g, "%sif (%s.is_some) {\n", indent, dst);
		lift_flat(g, d->elem, sub, k + 1, in);
		out(g, "%s}\n", indent);
		free(sub);
		free(in);
		return;
	}
	case WIT_RESULT: {
		char *in = xasprintf("%s  ", indent), *ok = xasprintf("%s.val.ok", dst), *er = xasprintf("%s.val.err", dst);

		out(g, "%s%s.is_err = flat[%zu].i32 != 0;\n", indent, dst, k);
		if (d->elem) {
			out(g, "%sif (!%s.is_err) {\n", indent, dst);
			lift_flat(g, d->elem, ok, k + 1, in);
			out(g, "%s}\n", indent);
		}
		if (d->err) {
			out(g, "%sif (%s.is_err) {\n", indent, dst);
			lift_flat(g, d->err, er, k + 1, in);
			out(g, "%s}\n", indent);
		}
		free(in);
		free(ok);
		free(er);
		return;
	}
	case WIT_VARIANT: {
		char *in = xasprintf("%s  ", indent);

		out(g, "%s%s.tag = (%s)flat[%zu].i32;\n", indent, dst, int_of_size(d->nfields <= 256 ? 1 : 2), k);
		out(g, "%sswitch (%s.tag) {\n", indent, dst);
		for (size_t i = 0; i < d->nfields; i++) {
			char *cn, *sub;

			if (!d->fields[i].type)
				continue;
			cn = wit_c_ident(d->fields[i].name, 0);
			sub = xasprintf("%s.val.%s", dst, cn);
			out(g, "%scase %zu:\n", indent, i);
			lift_flat(g, d->fields[i].type, sub, k + 1, in);
			out(g, "%s  break;\n", indent);
			free(sub);
			free(cn);
		}
		out(g, "%s}\n", indent);
		free(in);
		return;
	}
	default: { /* the other integers, char, enum, flags: an i32 */
		char *ct = c_type(g, t);

		out(g, "%s%s = (%s)flat[%zu].i32;\n", indent, dst, ct, k);
		free(ct);
		return;
	}
	}
}

/* The expression of the one flat value of t's value expr (t's flat count is 1), and its core type. */
static char *scalar(const struct wit_type *t, const char *expr, unsigned char *core)
{
	t = wit_dealias(t);
	*core = WASM_I32;
	switch (t->kind) {
	case WIT_S64: case WIT_U64:
		*core = WASM_I64;
		return xasprintf("(int64_t)%s", expr);
	case WIT_F32:
		*core = WASM_F32;
		return xstrdup(expr);
	case WIT_F64:
		*core = WASM_F64;
		return xstrdup(expr);
	case WIT_RECORD: case WIT_TUPLE: {
		char *fn = t->kind == WIT_RECORD ? wit_c_ident(t->fields[0].name, 0) : xstrdup("f0");
		char *sub = xasprintf("%s.%s", expr, fn), *s = scalar(t->fields[0].type, sub, core);

		free(fn);
		free(sub);
		return s;
	}
	case WIT_VARIANT:
		return xasprintf("(int32_t)%s.tag", expr);
	case WIT_RESULT:
		return xasprintf("(int32_t)%s.is_err", expr);
	default:
		return xasprintf("(int32_t)%s", expr);
	}
}

static void export_glue(struct gen *g, const struct wit_func *f)
{
	unsigned char flat[MAX_FLAT_PARAMS], rflat[MAX_FLAT_RESULTS];
	size_t nflat = 0, nrflat = 0;
	const struct wit_type *r = f->result ? wit_dealias(f->result) : NULL;
	enum ret_style rs = ret_style(f->result);
	char *fname = func_name(g, f), *rt = f->result ? c_type(g, f->result) : NULL;
	int first = 1;

	for (size_t i = 0; i < f->nparams; i++)
		wit_flatten(f->params[i].type, flat, &nflat, MAX_FLAT_PARAMS);
	if (f->result)
		wit_flatten(f->result, rflat, &nrflat, MAX_FLAT_RESULTS);

	if (nrflat > MAX_FLAT_RESULTS)
		out(g, "\nstatic %s %s_ret_area;\n", rt, fname);
	/* declared, then defined: code compiled with -Wmissing-prototypes takes it */
	for (int def = 0; def < 2; def++) {
		if (def)
			out(g, "\n__attribute__((__export_name__(\"%s\")))\n", f->name);
		out(g, "%s%s __wasm_export_%s(", def ? "" : "\n",
		    nrflat == 0 ? "void" : nrflat == 1 ? core_c_type(rflat[0]) : "uint8_t *", fname);
		if (nflat > MAX_FLAT_PARAMS) {
			out(g, "uint8_t *args");
		} else {
			for (size_t i = 0; i < nflat; i++)
				out(g, "%s%s arg%zu", i ? ", " : "", core_c_type(flat[i]), i);
			if (nflat == 0)
				out(g, "void");
		}
		out(g, def ? ") {\n" : ");\n");
	}
	if (nflat > 0 && nflat <= MAX_FLAT_PARAMS) {
		out(g, "  %s_flat_t flat[%zu];\n", g->snake, nflat);
		for (size_t i = 0; i < nflat; i++)
			out(g, "  flat[%zu].%s = arg%zu;\n", i, flat_member(flat[i]), i);
	}
	for (size_t i = 0; i < f->nparams; i++) {
		char *ct = c_type(g, f->params[i].type);

		out(g, "  %s p%zu;\n", ct, i);
		free(ct);
	}
	if (nflat > MAX_FLAT_PARAMS) {
		uint32_t off = 0;

		for (size_t i = 0; i < f->nparams; i++) {
			uint32_t a = wit_align(f->params[i].type);

			off = (off + a - 1) / a * a;
			out(g, "  memcpy(&p%zu, args + %u, sizeof(p%zu));\n", i, off, i);
			off += wit_size(f->params[i].type);
		}
		out(g, "  free(args);\n");
	} else {
		size_t k = 0;

		for (size_t i = 0; i < f->nparams; i++) {
			char *dst = xasprintf("p%zu", i);

			lift_flat(g, f->params[i].type, dst, k, "  ");
			k += flat_count(f->params[i].type);
			free(dst);
		}
	}
	out(g, "  %s_init();\n", g->snake);
	if (rt) {
		out(g, "  %s r;\n", rt);
		out(g, "  memset(&r, 0, sizeof(r));\n");
	}
	switch (rs) {
	case RET_VOID:
	case RET_PTR:
		out(g, "  ");
		break;
	case RET_SCALAR:
		out(g, "  r = ");
		break;
	case RET_OPTION:
		out(g, "  r.is_some = ");
		break;
	case RET_RESULT:
		out(g, "  r.is_err = !");
		break;
	}
	out(g, "%s(", fname);
	for (size_t i = 0; i < f->nparams; i++) {
		const struct wit_type *t = f->params[i].type;

		if (t->kind == WIT_OPTION)
			out(g, "%sp%zu.is_some ? &p%zu.val : NULL", first ? "" : ", ", i, i);
		else
			out(g, "%s%sp%zu", first ? "" : ", ", by_pointer(t) ? "&" : "", i);
		first = 0;
	}
	if (rs == RET_PTR)
		out(g, "%s&r", first ? "" : ", "), first = 0;
	if (rs == RET_OPTION)
		out(g, "%s&r.val", first ? "" : ", "), first = 0;
	if (rs == RET_RESULT && r->elem)
		out(g, "%s&r.val.ok", first ? "" : ", "), first = 0;
	if (rs == RET_RESULT && r->err)
		out(g, "%s&r.val.err", first ? "" : ", ");
	out(g, ");\n");
	/* what the program printed reaches the host before the call returns */
	out(g, "  fflush(NULL);\n");
	if (nrflat == 1) {
		unsigned char core;
		char *s = scalar(f->result, "r", &core);

		out(g, "  return %s;\n", s);
		free(s);
	} else if (nrflat > 1) {
		out(g, "  %s_ret_area = r;\n  return (uint8_t *)&%s_ret_area;\n", fname, fname);
	}
	out(g, "}\n");
	if (nrflat > 1 && wit_owns_memory(f->result)) {
		char *p = type_prefix(g, f->result);

		out(g, "\nvoid __wasm_export_%s_post_return(void *ret);\n", fname);
		out(g, "\n__attribute__((__export_name__(\"cabi_post_%s\")))\n", f->name);
		out(g, "void __wasm_export_%s_post_return(void *ret) {\n", fname);
		out(g, "  %s_free((%s *)ret);\n}\n", p, rt);
		free(p);
	}
	free(fname);
	free(rt);
}

int wit_write_glue(const struct wit_world *w, struct wasm_buf *b, char **err)
{
	struct gen g;
	const char *s;

	(void)err;
	gen_init(&g, w, b);
	out(&g, "// The canonical ABI glue of %s, made by wasm32-wasi-cc --wit and compiled into the link.\n",
	    base_name(w->file));
	out(&g, "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n");
	header_body(&g);
	s = g.snake;
	out(&g, "\nvoid %s_string_set(%s_string_t *ret, const char *s) {\n"
	        "  ret->ptr = (uint8_t *)s;\n  ret->len = strlen(s);\n}\n", s, s);
	out(&g, "\nvoid %s_string_dup(%s_string_t *ret, const char *s) {\n"
	        "  %s_string_dup_n(ret, s, strlen(s));\n}\n", s, s, s);
	out(&g, "\nvoid %s_string_dup_n(%s_string_t *ret, const char *s, size_t len) {\n"
	        "  ret->ptr = malloc(len ? len : 1);\n  if (!ret->ptr)\n    abort();\n"
	        "  if (len)\n    memcpy(ret->ptr, s, len);\n  ret->len = len;\n}\n", s, s);
	out(&g, "\nvoid %s_string_free(%s_string_t *ret) {\n"
	        "  if (ret->len > 0)\n    free(ret->ptr);\n  ret->ptr = NULL;\n  ret->len = 0;\n}\n", s, s);
	forget_defined(&g);
	free_functions(&g, 1);
	out(&g, "\n// A flat parameter: the union reinterprets a joined slot as the type of the case.\n");
	out(&g, "typedef union { int32_t i32; int64_t i64; float f32; double f64; } %s_flat_t;\n", s);
	out(&g, "\n// The C library and the program's constructors run before the first call (a reactor's _initialize).\n");
	out(&g, "extern void __wasm_call_ctors(void);\n");
	out(&g, "static void %s_init(void) {\n  static bool done;\n  if (!done) {\n    done = true;\n"
	        "    __wasm_call_ctors();\n  }\n}\n", s);
	for (size_t i = 0; i < w->nfuncs; i++)
		export_glue(&g, &w->funcs[i]);
	gen_free(&g);
	return 0;
}
