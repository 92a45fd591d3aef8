/* complink/model.c: what the parts of the component link share: failing, the units, constant exports, table slots. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "complink.h"
#include "util.h"

int complink_fail(char **err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	*err = xvasprintf(fmt, ap);
	va_end(ap);
	return -1;
}

struct unit *complink_find_unit(struct link *L, struct wasm_name soname)
{
	for (size_t i = 0; i < L->nunits; i++)
		if (!L->units[i].main && wasm_name_is(soname, L->units[i].lib.soname))
			return &L->units[i];
	return NULL;
}

int complink_export_value(const struct unit *u, struct wasm_name name, uint32_t *v, char **err)
{
	const struct wasm_export *e = wasm_find_export_name(&u->lib.m, name);
	char *n;

	if (e && e->kind == WASM_GLOBAL && u->lib.m.globals[e->index].has_value) {
		*v = (uint32_t)u->lib.m.globals[e->index].value;
		return 0;
	}
	n = wasm_name_str(name);
	complink_fail(err, "%s does not export '%s' as a constant global", u->name, n);
	free(n);
	return -1;
}

/*
 * The slot where u's own element segments put its function f, at its
 * __table_base: where the module's own code takes f's address. UINT32_MAX
 * when they do not (or are of a form wasm-ld does not write).
 */
static uint32_t own_slot(const struct unit *u, uint32_t f)
{
	const struct wasm_module *m = &u->lib.m;
	struct wasm_error e = {0};
	uint32_t table_base = UINT32_MAX, found = UINT32_MAX;

	for (uint32_t i = 0, g = 0; i < m->nimports; i++)
		if (m->imports[i].kind == WASM_GLOBAL) {
			if (wasm_name_is(m->imports[i].module, "env") && wasm_name_is(m->imports[i].name, "__table_base"))
				table_base = g;
			g++;
		}
	for (size_t i = 0; i < m->nsections && table_base != UINT32_MAX; i++) {
		struct wasm_cursor c;
		uint32_t nsegs;

		if (m->sections[i].id != WASM_SEC_ELEMENT)
			continue;
		c = wasm_cursor(u->lib.bytes, m->sections[i].payload, m->sections[i].end, &e);
		nsegs = wasm_count(&c);
		for (uint32_t k = 0; k < nsegs && !wasm_failed(&c) && found == UINT32_MAX; k++) {
			uint32_t global, n;
			int32_t addend;

			/* global.get __table_base [i32.const K i32.add] */
			if (wasm_read_elem_head(&c, &global, &addend) < 0 || global != table_base)
				goto out;
			n = wasm_count(&c);
			for (uint32_t j = 0; j < n && !wasm_failed(&c); j++)
				if (wasm_u32(&c) == f && found == UINT32_MAX)
					found = u->table_base + (uint32_t)addend + j;
		}
	}
out:
	if (e.msg)
		found = UINT32_MAX;
	wasm_error_free(&e);
	return found;
}

uint32_t complink_slot(struct link *L, size_t u, struct wasm_name name)
{
	const struct wasm_export *e = wasm_find_export_name(&L->units[u].lib.m, name);
	uint32_t own = e && e->kind == WASM_FUNC ? own_slot(&L->units[u], e->index) : UINT32_MAX;

	for (size_t i = 0; i < L->nslots; i++)
		if (L->slots[i].unit == u && wasm_name_is(name, L->slots[i].name))
			return L->slots[i].index;
	L->slots = xreallocarray(L->slots, L->nslots + 1, sizeof(*L->slots));
	L->slots[L->nslots] = (struct slot){u, xstrndup(name.p, name.len), own != UINT32_MAX ? own : L->table_end++};
	return L->slots[L->nslots++].index;
}
