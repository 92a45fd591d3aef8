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
 * function is a function type and an export of it. The state of a named type
 * says it is done, its index the import's.
 */

static const unsigned char prim_codes[] = {
	WASM_CV_BOOL, WASM_CV_S8, WASM_CV_U8, WASM_CV_S16, WASM_CV_U16, WASM_CV_S32, WASM_CV_U32,
	WASM_CV_S64, WASM_CV_U64, WASM_CV_F32, WASM_CV_F64, WASM_CV_CHAR, WASM_CV_STRING,
};

static const struct wasm_cvaltype no_type = {0, WASM_CV_NONE};

static struct wasm_cvaltype encode(struct wasm_comptype *ct, struct wit_type *t);

static struct wasm_cvaltype index_of(uint32_t i)
{
	return (struct wasm_cvaltype){0, i};
}

static struct wasm_cvaltype opt(struct wasm_comptype *ct, struct wit_type *t)
{
	return t ? encode(ct, t) : no_type;
}

/* The definition of t (not its import); its index. */
static uint32_t define(struct wasm_comptype *ct, struct wit_type *t)
{
	size_t n = t->nfields;
	const char **labels = xcalloc(n ? n : 1, sizeof(*labels));
	struct wasm_cvaltype *types = xcalloc(n ? n : 1, sizeof(*types));
	struct wasm_cvaltype v;
	uint32_t idx = 0;

	for (size_t i = 0; i < n; i++) {
		labels[i] = t->fields[i].name;
		types[i] = opt(ct, t->fields[i].type);
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
		idx = wasm_ct_list(ct, encode(ct, t->elem));
		break;
	case WIT_OPTION:
		idx = wasm_ct_option(ct, encode(ct, t->elem));
		break;
	case WIT_RESULT: {
		struct wasm_cvaltype ok = opt(ct, t->elem);

		idx = wasm_ct_result(ct, ok, opt(ct, t->err));
		break;
	}
	case WIT_ALIAS:
		v = encode(ct, t->elem);
		idx = v.prim ? wasm_ct_prim(ct, v.prim) : v.index;
		break;
	default:
		break;
	}
	free(labels);
	free(types);
	return idx;
}

static struct wasm_cvaltype encode(struct wasm_comptype *ct, struct wit_type *t)
{
	uint32_t idx;

	if (WIT_PRIMITIVE(t->kind))
		return (struct wasm_cvaltype){prim_codes[t->kind], 0};
	if (!t->name)
		return index_of(define(ct, t));
	if (t->state)
		return index_of(t->index);
	idx = define(ct, t);
	t->index = wasm_ct_import_type(ct, t->name, idx);
	t->state = 1;
	return index_of(t->index);
}

int wit_encode_world(struct wit_world *w, struct wasm_buf *out, char **err)
{
	struct wasm_comptype ct = {0};
	const char *at = strchr(w->package, '@');
	char *id;

	(void)err;
	for (struct wit_type *t = w->all; t; t = t->next)
		t->state = 0;
	for (size_t i = 0; i < w->ntypes; i++)
		encode(&ct, w->types[i]);
	for (size_t i = 0; i < w->nfuncs; i++) {
		const struct wit_func *f = &w->funcs[i];
		const char **names = xcalloc(f->nparams ? f->nparams : 1, sizeof(*names));
		struct wasm_cvaltype *types = xcalloc(f->nparams ? f->nparams : 1, sizeof(*types));
		struct wasm_cvaltype result;
		uint32_t ft;

		for (size_t k = 0; k < f->nparams; k++) {
			names[k] = f->params[k].name;
			types[k] = encode(&ct, f->params[k].type);
		}
		result = opt(&ct, f->result);
		ft = wasm_ct_func(&ct, f->nparams, names, types, result);
		wasm_ct_export_func(&ct, f->name, ft);
		free(names);
		free(types);
	}
	for (struct wit_type *t = w->all; t; t = t->next)
		t->state = 0;
	if (at)
		id = xasprintf("%.*s/%s%s", (int)(at - w->package), w->package, w->name, at);
	else
		id = xasprintf("%s/%s", w->package, w->name);
	wasm_world_metadata(&ct, id, w->name, out);
	free(id);
	return 0;
}
