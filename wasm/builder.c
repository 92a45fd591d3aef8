/* builder.c: the writer of small core modules: types, imports, functions, globals, exports, elements, data. */
#include <string.h>

#include "wasm.h"

uint32_t wasm_builder_type(struct wasm_builder *b, const struct wasm_functype *t)
{
	wasm_put_functype(&b->types, t);
	return b->ntypes++;
}

void wasm_builder_import(struct wasm_builder *b, const char *module, const struct wasm_import *im)
{
	wasm_put_import(&b->imports, (struct wasm_name){module, strlen(module)}, im);
	b->nimports++;
	if (im->kind == WASM_FUNC)
		b->nfuncs_imported++;
	else if (im->kind == WASM_GLOBAL)
		b->nglobals_imported++;
	else if (im->kind == WASM_TABLE)
		b->ntables_imported++;
	else if (im->kind == WASM_MEMORY)
		b->nmems_imported++;
}

uint32_t wasm_builder_import_func(struct wasm_builder *b, const char *module, struct wasm_name name,
                                  const struct wasm_functype *t)
{
	struct wasm_import im = {.name = name, .kind = WASM_FUNC, .type = wasm_builder_type(b, t)};

	wasm_builder_import(b, module, &im);
	return b->nfuncs_imported - 1;
}

uint32_t wasm_builder_global(struct wasm_builder *b, unsigned valtype, unsigned mut, int32_t value)
{
	wasm_put_byte(&b->globals, valtype);
	wasm_put_byte(&b->globals, mut);
	wasm_const_expr(&b->globals, valtype, value);
	return b->nglobals_imported + b->nglobals++;
}

void wasm_builder_export(struct wasm_builder *b, struct wasm_name name, enum wasm_kind kind, uint32_t index)
{
	wasm_put_name(&b->exports, name.p, name.len);
	wasm_put_byte(&b->exports, kind);
	wasm_put_u32(&b->exports, index);
	b->nexports++;
}

uint32_t wasm_builder_func(struct wasm_builder *b, const struct wasm_functype *t, const struct wasm_buf *body)
{
	return wasm_builder_func_locals(b, t, 0, body);
}

uint32_t wasm_builder_func_locals(struct wasm_builder *b, const struct wasm_functype *t, uint32_t locals,
                                  const struct wasm_buf *body)
{
	struct wasm_buf f = {0};

	wasm_put_u32(&b->funcs, wasm_builder_type(b, t));
	if (locals) {
		wasm_put_byte(&f, 1);
		wasm_put_u32(&f, locals);
		wasm_put_byte(&f, WASM_I32);
	} else {
		wasm_put_byte(&f, 0);
	}
	wasm_put(&f, body->p, body->len);
	wasm_op(&f, WASM_OP_END);
	wasm_put_u32(&b->code, (uint32_t)f.len);
	wasm_put(&b->code, f.p, f.len);
	wasm_buf_free(&f);
	return b->nfuncs_imported + b->nfuncs++;
}

void wasm_builder_elem(struct wasm_builder *b, uint32_t offset, uint32_t f)
{
	wasm_put_byte(&b->elems, 0x00); /* table 0, an offset, function indices */
	wasm_const_expr(&b->elems, WASM_I32, offset);
	wasm_put_u32(&b->elems, 1);
	wasm_put_u32(&b->elems, f);
	b->nelems++;
}

void wasm_builder_data(struct wasm_builder *b, uint32_t offset, const void *bytes, size_t len)
{
	wasm_put_byte(&b->data, 0x00); /* memory 0, an offset */
	wasm_const_expr(&b->data, WASM_I32, offset);
	wasm_put_u32(&b->data, (uint32_t)len);
	wasm_put(&b->data, bytes, len);
	b->ndata++;
}

/* A section of n entries, when there are any; content is freed. */
static void section(struct wasm_buf *out, unsigned id, uint32_t n, struct wasm_buf *content)
{
	struct wasm_buf s = {0};

	if (n) {
		wasm_put_u32(&s, n);
		wasm_put(&s, content->p, content->len);
		wasm_put_section(out, id, &s);
	}
	wasm_buf_free(&s);
	wasm_buf_free(content);
}

void wasm_builder_finish(struct wasm_builder *b, struct wasm_buf *out)
{
	*out = (struct wasm_buf){0};
	wasm_put_header(out, 0);
	section(out, WASM_SEC_TYPE, b->ntypes, &b->types);
	section(out, WASM_SEC_IMPORT, b->nimports, &b->imports);
	section(out, WASM_SEC_FUNCTION, b->nfuncs, &b->funcs);
	if (b->memory) {
		struct wasm_buf mem = {0}, exports = b->exports;

		wasm_put_limits(&mem, &(struct wasm_limits){0}); /* no maximum, 0 pages */
		section(out, WASM_SEC_MEMORY, 1, &mem);
		b->exports = (struct wasm_buf){0};
		wasm_builder_export(b, (struct wasm_name){"memory", 6}, WASM_MEMORY, b->nmems_imported);
		wasm_put(&b->exports, exports.p, exports.len);
		wasm_buf_free(&exports);
	}
	section(out, WASM_SEC_GLOBAL, b->nglobals, &b->globals);
	section(out, WASM_SEC_EXPORT, b->nexports, &b->exports);
	section(out, WASM_SEC_ELEMENT, b->nelems, &b->elems);
	section(out, WASM_SEC_CODE, b->nfuncs, &b->code);
	section(out, WASM_SEC_DATA, b->ndata, &b->data);
	memset(b, 0, sizeof(*b));
}
