/* grow.c: a module rewritten with a larger table and memory: the limits of the ones it defines raised. */
#include "wasm.h"

/* The limits that the section of table or memory definitions holds, the first raised to min. */
static void definitions(struct wasm_buf *out, unsigned id, const struct wasm_limits *l, uint32_t first,
                        uint32_t n, uint32_t min)
{
	struct wasm_buf s = {0};

	wasm_put_u32(&s, n - first);
	for (uint32_t i = first; i < n; i++) {
		struct wasm_limits raised = l[i];

		if (i == first) {
			raised.min = min;
			if (raised.max < min)
				raised.max = min;
		}
		if (id == WASM_SEC_TABLE)
			wasm_put_tabletype(&s, WASM_FUNCREF, &raised);
		else
			wasm_put_limits(&s, &raised);
	}
	wasm_put_section(out, id, &s);
	wasm_buf_free(&s);
}

void wasm_put_module_grown(struct wasm_buf *out, const unsigned char *bytes, const struct wasm_module *m,
                           uint32_t table_min, uint32_t mem_min)
{
	uint32_t tables = 0, mems = 0;

	for (uint32_t i = 0; i < m->nimports; i++) {
		tables += m->imports[i].kind == WASM_TABLE;
		mems += m->imports[i].kind == WASM_MEMORY;
	}
	wasm_put_header(out, 0);
	for (size_t i = 0; i < m->nsections; i++) {
		const struct wasm_section *sec = &m->sections[i];

		/* a table section of one table, of funcref (the element type is not kept), as wasm-ld writes it */
		if (sec->id == WASM_SEC_TABLE && tables + 1 == m->ntables)
			definitions(out, sec->id, m->tables, tables, m->ntables, table_min);
		else if (sec->id == WASM_SEC_MEMORY && mems < m->nmems)
			definitions(out, sec->id, m->mems, mems, m->nmems, mem_min);
		else
			wasm_put(out, bytes + sec->start, sec->end - sec->start);
	}
}
