/* compwriter.c: the writer of a component's entries: core instances, aliases, canonical functions, imports, exports. */
#include <string.h>

#include "wasm.h"

/*
 * Each function writes one entry of a section (the component model's
 * Binary.md); the caller counts them and frames the section with
 * wasm_put_section. Types are wasm/comptype.c's.
 */

void wasm_put_sort(struct wasm_buf *b, unsigned sort)
{
	if (sort & WASM_SORT_CORE)
		wasm_put_byte(b, 0x00);
	wasm_put_byte(b, sort & 0xff);
}

void wasm_core_arg(struct wasm_core_args *a, struct wasm_name name, unsigned core_sort, uint32_t index)
{
	wasm_put_name(&a->b, name.p, name.len);
	wasm_put_byte(&a->b, core_sort);
	wasm_put_u32(&a->b, index);
	a->n++;
}

void wasm_core_arg_str(struct wasm_core_args *a, const char *name, unsigned core_sort, uint32_t index)
{
	wasm_core_arg(a, (struct wasm_name){name, strlen(name)}, core_sort, index);
}

void wasm_core_args_free(struct wasm_core_args *a)
{
	wasm_buf_free(&a->b);
	a->n = 0;
}

/* The count and the entries of a, which is emptied. */
static void put_args(struct wasm_buf *b, struct wasm_core_args *a)
{
	wasm_put_u32(b, a->n);
	wasm_put(b, a->b.p, a->b.len);
	wasm_core_args_free(a);
}

void wasm_put_core_instantiate(struct wasm_buf *b, uint32_t module, struct wasm_core_args *a)
{
	wasm_put_byte(b, 0x00);
	wasm_put_u32(b, module);
	put_args(b, a);
}

void wasm_put_core_instance_exports(struct wasm_buf *b, struct wasm_core_args *a)
{
	wasm_put_byte(b, 0x01);
	put_args(b, a);
}

void wasm_put_alias_core_export(struct wasm_buf *b, unsigned core_sort, uint32_t instance, const char *name)
{
	wasm_put_sort(b, WASM_SORT_CORE | core_sort);
	wasm_put_byte(b, 0x01);
	wasm_put_u32(b, instance);
	wasm_put_str(b, name);
}

void wasm_put_alias_export(struct wasm_buf *b, unsigned sort, uint32_t instance, const char *name)
{
	wasm_put_sort(b, sort);
	wasm_put_byte(b, 0x00);
	wasm_put_u32(b, instance);
	wasm_put_str(b, name);
}

void wasm_put_alias_outer(struct wasm_buf *b, unsigned sort, uint32_t count, uint32_t index)
{
	wasm_put_sort(b, sort);
	wasm_put_byte(b, 0x02);
	wasm_put_u32(b, count);
	wasm_put_u32(b, index);
}

static void put_opts(struct wasm_buf *b, const struct wasm_canon_opts *o)
{
	wasm_put_u32(b, 1u + !!o->memory + !!o->realloc + !!o->post_return);
	wasm_put_byte(b, 0x00); /* string-encoding=utf8 */
	if (o->memory) {
		wasm_put_byte(b, 0x03);
		wasm_put_u32(b, o->memory_index);
	}
	if (o->realloc) {
		wasm_put_byte(b, 0x04);
		wasm_put_u32(b, o->realloc_func);
	}
	if (o->post_return) {
		wasm_put_byte(b, 0x05);
		wasm_put_u32(b, o->post_return_func);
	}
}

void wasm_put_canon_lift(struct wasm_buf *b, uint32_t core_func, const struct wasm_canon_opts *o, uint32_t type)
{
	wasm_put_byte(b, 0x00);
	wasm_put_byte(b, 0x00);
	wasm_put_u32(b, core_func);
	put_opts(b, o);
	wasm_put_u32(b, type);
}

void wasm_put_canon_lower(struct wasm_buf *b, uint32_t func, const struct wasm_canon_opts *o)
{
	wasm_put_byte(b, 0x01);
	wasm_put_byte(b, 0x00);
	wasm_put_u32(b, func);
	put_opts(b, o);
}

void wasm_put_canon_resource_new(struct wasm_buf *b, uint32_t type)
{
	wasm_put_byte(b, 0x02);
	wasm_put_u32(b, type);
}

void wasm_put_canon_resource_drop(struct wasm_buf *b, uint32_t type)
{
	wasm_put_byte(b, 0x03);
	wasm_put_u32(b, type);
}

void wasm_put_canon_resource_rep(struct wasm_buf *b, uint32_t type)
{
	wasm_put_byte(b, 0x04);
	wasm_put_u32(b, type);
}

void wasm_put_extern_desc(struct wasm_buf *b, enum wasm_extern kind, uint32_t type)
{
	wasm_put_byte(b, kind);
	if (kind == WASM_EXTERN_CORE_MODULE)
		wasm_put_byte(b, WASM_CORE_SORT_MODULE);
	else if (kind == WASM_EXTERN_TYPE)
		wasm_put_byte(b, 0x00); /* eq */
	wasm_put_u32(b, type);
}

void wasm_put_component_import(struct wasm_buf *b, const char *name, enum wasm_extern kind, uint32_t type)
{
	wasm_put_byte(b, 0x00); /* a plain name */
	wasm_put_str(b, name);
	wasm_put_extern_desc(b, kind, type);
}

void wasm_put_component_export(struct wasm_buf *b, const char *name, unsigned sort, uint32_t index)
{
	wasm_put_byte(b, 0x00);
	wasm_put_str(b, name);
	wasm_put_sort(b, sort);
	wasm_put_u32(b, index);
	wasm_put_byte(b, 0x00); /* no type ascription */
}
