/* witenc.c: the world as a component type, for wit-component to build the component around the core module. */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wit.h"

/*
 * As wit-component encodes a world (encoding/wit.rs, encode_world): each
 * named type of the world is defined, then imported under its name with an
 * (eq) bound, and later uses refer to the import; anonymous types (lists,
 * options, results, tuples) are defined where they are used; each exported
 * function is a function type and an export of it. An interface the world
 * uses is imported as an instance ("ns:pkg/iface"), whose type defines and
 * exports its types; the world aliases them from it. The state of a named
 * type says what is done: IMPORTED (index: the world's import or alias),
 * EXPORTED (inner: the instance type's export).
 */
enum { IMPORTED = 1, EXPORTED = 2 };

struct enc {
	struct wit_world *w;
	char *prefix; /* "ns:pkg/" */
	char *version; /* "@1.0" or "" */
};

static const unsigned char prim_codes[] = {
	WASM_CV_BOOL, WASM_CV_S8, WASM_CV_U8, WASM_CV_S16, WASM_CV_U16, WASM_CV_S32, WASM_CV_U32,
	WASM_CV_S64, WASM_CV_U64, WASM_CV_F32, WASM_CV_F64, WASM_CV_CHAR, WASM_CV_STRING,
};

static const struct wasm_cvaltype no_type = {0, WASM_CV_NONE};

static struct wasm_cvaltype encode(struct enc *e, struct wasm_comptype *ct, struct wit_type *t,
                                   struct wit_iface *scope);

static struct wasm_cvaltype index_of(uint32_t i)
{
	return (struct wasm_cvaltype){0, i};
}

static struct wasm_cvaltype opt(struct enc *e, struct wasm_comptype *ct, struct wit_type *t,
                                 struct wit_iface *scope)
{
	return t ? encode(e, ct, t, scope) : no_type;
}

/* The definition of t (not its import); its index. */
static uint32_t define(struct enc *e, struct wasm_comptype *ct, struct wit_type *t, struct wit_iface *scope)
{
	size_t n = t->nfields;
	const char **labels = xcalloc(n ? n : 1, sizeof(*labels));
	struct wasm_cvaltype *types = xcalloc(n ? n : 1, sizeof(*types));
	struct wasm_cvaltype v;
	uint32_t idx = 0;

	for (size_t i = 0; i < n; i++) {
		labels[i] = t->fields[i].name;
		types[i] = opt(e, ct, t->fields[i].type, scope);
	}
	switch (t->kind) {
	case WIT_RECORD:
		idx = wasm_ct_record(ct, n, labels, types);
		break;
	case WIT_VARIANT:
		idx = wasm_ct_variant(ct, n, labels, types);
		break;
	case WIT_ENUM:
		idx = wasm_ct_enum(ct, n, labels);
		break;
	case WIT_FLAGS:
		idx = wasm_ct_flags(ct, n, labels);
		break;
	case WIT_TUPLE:
		idx = wasm_ct_tuple(ct, n, types);
		break;
	case WIT_LIST:
		idx = wasm_ct_list(ct, encode(e, ct, t->elem, scope));
		break;
	case WIT_OPTION:
		idx = wasm_ct_option(ct, encode(e, ct, t->elem, scope));
		break;
	case WIT_RESULT: {
		struct wasm_cvaltype ok = opt(e, ct, t->elem, scope);

		idx = wasm_ct_result(ct, ok, opt(e, ct, t->err, scope));
		break;
	}
	case WIT_ALIAS:
		v = encode(e, ct, t->elem, scope);
		idx = v.prim ? wasm_ct_prim(ct, v.prim) : v.index;
		break;
	default:
		break;
	}
	free(labels);
	free(types);
	return idx;
}

/* The world's import of the interface f: its instance. */
static uint32_t import_iface(struct enc *e, struct wasm_comptype *ct, struct wit_iface *f)
{
	struct wasm_comptype inner = {0};
	uint32_t ty;
	char *name;

	if (f->state)
		return f->instance;
	for (size_t i = 0; i < f->ntypes; i++)
		encode(e, &inner, f->types[i], f);
	ty = wasm_ct_instance(ct, &inner);
	name = xasprintf("%s%s%s", e->prefix, f->name, e->version);
	f->instance = wasm_ct_import_instance(ct, name, ty);
	f->state = 1;
	free(name);
	return f->instance;
}

static struct wasm_cvaltype encode(struct enc *e, struct wasm_comptype *ct, struct wit_type *t,
                                   struct wit_iface *scope)
{
	uint32_t idx;

	if (WIT_PRIMITIVE(t->kind))
		return (struct wasm_cvaltype){prim_codes[t->kind], 0};
	if (!t->name)
		return index_of(define(e, ct, t, scope));
	if (t->iface && t->iface == scope) {
		/* within its interface's instance type */
		if (!(t->state & EXPORTED)) {
			idx = define(e, ct, t, scope);
			t->inner = wasm_ct_export_type(ct, t->name, idx);
			t->state |= EXPORTED;
		}
		return index_of(t->inner);
	}
	if (t->state & IMPORTED)
		return index_of(t->index);
	if (t->iface) {
		/* the world's view of an interface's type */
		t->index = wasm_ct_alias_type(ct, import_iface(e, ct, t->iface), t->name);
	} else {
		idx = define(e, ct, t, scope);
		t->index = wasm_ct_import_type(ct, t->name, idx);
	}
	t->state |= IMPORTED;
	return index_of(t->index);
}

int wit_encode_world(struct wit_world *w, struct wasm_buf *out, char **err)
{
	struct wasm_comptype ct = {0};
	const char *at = strchr(w->package, '@');
	struct enc e = {w, NULL, NULL};
	char *id;

	(void)err;
	e.prefix = at ? xasprintf("%.*s/", (int)(at - w->package), w->package) : xasprintf("%s/", w->package);
	e.version = xstrdup(at ? at : "");
	for (struct wit_type *t = w->all; t; t = t->next)
		t->state = 0;
	for (size_t i = 0; i < w->nifaces; i++)
		w->ifaces[i]->state = 0;
	for (size_t i = 0; i < w->ntypes; i++)
		encode(&e, &ct, w->types[i], NULL);
	for (size_t i = 0; i < w->nfuncs; i++) {
		const struct wit_func *f = &w->funcs[i];
		const char **names = xcalloc(f->nparams ? f->nparams : 1, sizeof(*names));
		struct wasm_cvaltype *types = xcalloc(f->nparams ? f->nparams : 1, sizeof(*types));
		struct wasm_cvaltype result;
		uint32_t ft;

		for (size_t k = 0; k < f->nparams; k++) {
			names[k] = f->params[k].name;
			types[k] = encode(&e, &ct, f->params[k].type, NULL);
		}
		result = opt(&e, &ct, f->result, NULL);
		ft = wasm_ct_func(&ct, f->nparams, names, types, result);
		wasm_ct_export_func(&ct, f->name, ft);
		free(names);
		free(types);
	}
	for (struct wit_type *t = w->all; t; t = t->next)
		t->state = 0;
	id = xasprintf("%s%s%s", e.prefix, w->name, e.version);
	wasm_world_metadata(&ct, id, w->name, out);
	free(id);
	free(e.prefix);
	free(e.version);
	return 0;
}
