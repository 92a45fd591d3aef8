/* comptype.c: component types: value types, function types and component types of declarations. */
#include <string.h>

#include "wasm.h"

static void valtype(struct wasm_buf *b, struct wasm_cvaltype v)
{
	if (v.prim)
		wasm_put_byte(b, v.prim);
	else
		wasm_put_u32(b, v.index);
}

static int none(struct wasm_cvaltype v)
{
	return !v.prim && v.index == WASM_CV_NONE;
}

/* An optional value type: 0x00, or 0x01 and the type. */
static void opt_valtype(struct wasm_buf *b, struct wasm_cvaltype v)
{
	if (none(v)) {
		wasm_put_byte(b, 0x00);
	} else {
		wasm_put_byte(b, 0x01);
		valtype(b, v);
	}
}

/* Starts a type declaration (0x01 in a component type's declarations). */
static struct wasm_buf *begin(struct wasm_comptype *t)
{
	wasm_put_byte(&t->decls, 0x01);
	t->ndecls++;
	return &t->decls;
}

static uint32_t end(struct wasm_comptype *t)
{
	return t->ntypes++;
}

uint32_t wasm_ct_prim(struct wasm_comptype *t, unsigned prim)
{
	wasm_put_byte(begin(t), prim);
	return end(t);
}

uint32_t wasm_ct_record(struct wasm_comptype *t, size_t n, const char *const *labels,
                        const struct wasm_cvaltype *types)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, 0x72);
	wasm_put_u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		wasm_put_str(b, labels[i]);
		valtype(b, types[i]);
	}
	return end(t);
}

uint32_t wasm_ct_variant(struct wasm_comptype *t, size_t n, const char *const *labels,
                         const struct wasm_cvaltype *types)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, 0x71);
	wasm_put_u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		wasm_put_str(b, labels[i]);
		opt_valtype(b, types[i]);
		wasm_put_byte(b, 0x00); /* no refinement */
	}
	return end(t);
}

uint32_t wasm_ct_list(struct wasm_comptype *t, struct wasm_cvaltype elem)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, 0x70);
	valtype(b, elem);
	return end(t);
}

uint32_t wasm_ct_tuple(struct wasm_comptype *t, size_t n, const struct wasm_cvaltype *types)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, 0x6f);
	wasm_put_u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		valtype(b, types[i]);
	return end(t);
}

static uint32_t labels_type(struct wasm_comptype *t, unsigned code, size_t n, const char *const *labels)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, code);
	wasm_put_u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		wasm_put_str(b, labels[i]);
	return end(t);
}

uint32_t wasm_ct_flags(struct wasm_comptype *t, size_t n, const char *const *labels)
{
	return labels_type(t, 0x6e, n, labels);
}

uint32_t wasm_ct_enum(struct wasm_comptype *t, size_t n, const char *const *labels)
{
	return labels_type(t, 0x6d, n, labels);
}

uint32_t wasm_ct_option(struct wasm_comptype *t, struct wasm_cvaltype elem)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, 0x6b);
	valtype(b, elem);
	return end(t);
}

uint32_t wasm_ct_result(struct wasm_comptype *t, struct wasm_cvaltype ok, struct wasm_cvaltype err)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, 0x6a);
	opt_valtype(b, ok);
	opt_valtype(b, err);
	return end(t);
}

uint32_t wasm_ct_func(struct wasm_comptype *t, size_t n, const char *const *names,
                      const struct wasm_cvaltype *types, struct wasm_cvaltype result)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, 0x40);
	wasm_put_u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		wasm_put_str(b, names[i]);
		valtype(b, types[i]);
	}
	if (none(result)) {
		wasm_put_byte(b, 0x01);
		wasm_put_byte(b, 0x00);
	} else {
		wasm_put_byte(b, 0x00);
		valtype(b, result);
	}
	return end(t);
}

void wasm_ct_finish(struct wasm_comptype *t, struct wasm_buf *out)
{
	wasm_put_byte(out, 0x41);
	wasm_put_u32(out, t->ndecls);
	wasm_put(out, t->decls.p, t->decls.len);
	wasm_ct_free(t);
}

uint32_t wasm_ct_component(struct wasm_comptype *t, struct wasm_comptype *inner)
{
	wasm_ct_finish(inner, begin(t));
	return end(t);
}

uint32_t wasm_ct_instance(struct wasm_comptype *t, struct wasm_comptype *inner)
{
	struct wasm_buf *b = begin(t);

	wasm_put_byte(b, 0x42);
	wasm_put_u32(b, inner->ndecls);
	wasm_put(b, inner->decls.p, inner->decls.len);
	wasm_ct_free(inner);
	return end(t);
}

/* An import or export name: 0x00, then the name. */
static void extern_name(struct wasm_buf *b, const char *name)
{
	wasm_put_byte(b, 0x00);
	wasm_put_str(b, name);
}

uint32_t wasm_ct_import_type(struct wasm_comptype *t, const char *name, uint32_t index)
{
	wasm_put_byte(&t->decls, 0x03);
	extern_name(&t->decls, name);
	wasm_put_byte(&t->decls, 0x03); /* type */
	wasm_put_byte(&t->decls, 0x00); /* (eq index) */
	wasm_put_u32(&t->decls, index);
	t->ndecls++;
	return t->ntypes++;
}

uint32_t wasm_ct_import_instance(struct wasm_comptype *t, const char *name, uint32_t index)
{
	wasm_put_byte(&t->decls, 0x03);
	extern_name(&t->decls, name);
	wasm_put_byte(&t->decls, 0x05); /* instance */
	wasm_put_u32(&t->decls, index);
	t->ndecls++;
	return t->ninstances++;
}

uint32_t wasm_ct_export_type(struct wasm_comptype *t, const char *name, uint32_t index)
{
	wasm_put_byte(&t->decls, 0x04);
	extern_name(&t->decls, name);
	wasm_put_byte(&t->decls, 0x03); /* type */
	wasm_put_byte(&t->decls, 0x00); /* (eq index) */
	wasm_put_u32(&t->decls, index);
	t->ndecls++;
	return t->ntypes++;
}

uint32_t wasm_ct_alias_type(struct wasm_comptype *t, uint32_t instance, const char *name)
{
	wasm_put_byte(&t->decls, 0x02); /* alias */
	wasm_put_byte(&t->decls, 0x03); /* sort: type */
	wasm_put_byte(&t->decls, 0x00); /* an instance's export */
	wasm_put_u32(&t->decls, instance);
	wasm_put_str(&t->decls, name);
	t->ndecls++;
	return t->ntypes++;
}

static void export_decl(struct wasm_comptype *t, const char *name, unsigned desc, uint32_t index)
{
	wasm_put_byte(&t->decls, 0x04);
	extern_name(&t->decls, name);
	wasm_put_byte(&t->decls, desc);
	wasm_put_u32(&t->decls, index);
	t->ndecls++;
}

void wasm_ct_export_func(struct wasm_comptype *t, const char *name, uint32_t index)
{
	export_decl(t, name, 0x01, index);
}

void wasm_ct_export_component(struct wasm_comptype *t, const char *name, uint32_t index)
{
	export_decl(t, name, 0x04, index);
}

void wasm_ct_free(struct wasm_comptype *t)
{
	wasm_buf_free(&t->decls);
	memset(t, 0, sizeof(*t));
}

void wasm_world_metadata(struct wasm_comptype *world, const char *id, const char *name, struct wasm_buf *out)
{
	static const unsigned char encoding[] = {0x04, 0x00}; /* format 4, UTF-8 */
	struct wasm_comptype outer = {0};
	struct wasm_buf sec = {0};
	uint32_t w = wasm_ct_component(&outer, world);

	wasm_ct_export_component(&outer, id, w);
	wasm_put_header(out, 1);
	wasm_put(&sec, encoding, sizeof(encoding));
	wasm_put_custom(out, "wit-component-encoding", &sec);
	/* the type section: one type, the outer component type */
	wasm_put_u32(&sec, 1);
	wasm_ct_finish(&outer, &sec);
	wasm_put_section(out, WASM_COMPONENT_TYPE, &sec);
	/* the export section: (export "name" (type 0)) */
	wasm_put_u32(&sec, 1);
	extern_name(&sec, name);
	wasm_put_byte(&sec, 0x03); /* sort: type */
	wasm_put_u32(&sec, 0);
	wasm_put_byte(&sec, 0x00); /* no ascribed type */
	wasm_put_section(out, WASM_COMPONENT_EXPORT, &sec);
	wasm_buf_free(&sec);
}
