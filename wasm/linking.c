/* linking.c: the symbol table of a relocatable object's linking section (tool-conventions Linking.md). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

/*
 * The contents: a version (2), then subsections (id, size). Subsection 8
 * is the symbol table: a count, then per symbol a kind byte, LEB128 flags,
 * then for functions, globals, tags and tables an index and (when defined
 * or explicitly named) a name; for data a name and (when defined) segment
 * index, offset and size; for sections an index.
 */
static void symbol(struct wasm_cursor *c, struct wasm_symbol *s)
{
	size_t at = c->pos;
	int defined;

	s->kind = wasm_byte(c);
	s->flags_at = c->pos;
	s->flags = wasm_u32(c);
	defined = !(s->flags & WASM_SYM_UNDEFINED);
	s->name = (struct wasm_name){"", 0};
	switch (s->kind) {
	case WASM_SYMBOL_FUNCTION:
	case WASM_SYMBOL_GLOBAL:
	case WASM_SYMBOL_TAG:
	case WASM_SYMBOL_TABLE:
		s->index = wasm_u32(c);
		if (defined || (s->flags & WASM_SYM_EXPLICIT_NAME))
			s->name = wasm_get_name(c);
		break;
	case WASM_SYMBOL_DATA:
		s->name = wasm_get_name(c);
		if (defined) {
			s->index = wasm_u32(c);
			s->offset = wasm_u32(c);
			s->size = wasm_u32(c);
		}
		break;
	case WASM_SYMBOL_SECTION:
		s->index = wasm_u32(c);
		break;
	default:
		if (!wasm_failed(c)) {
			c->pos = at;
			wasm_fail(c, "symbol kind %u is not known", s->kind);
		}
	}
}

int wasm_read_symbols(struct wasm_cursor *c, struct wasm_symbol **syms, size_t *n)
{
	uint32_t version = wasm_u32(c);

	*syms = NULL;
	*n = 0;
	if (!wasm_failed(c) && version != WASM_LINKING_VERSION) {
		wasm_fail(c, "linking section version %u, not %u", version, WASM_LINKING_VERSION);
		return -1;
	}
	while (c->pos < c->end && !wasm_failed(c)) {
		unsigned id = wasm_byte(c);
		struct wasm_cursor sub = wasm_sub(c, wasm_u32(c), "linking subsection");

		if (id != WASM_LINKING_SYMBOL_TABLE)
			continue;
		for (uint32_t count = wasm_count(&sub), i = 0; i < count && !wasm_failed(&sub); i++)
			symbol(&sub, WASM_PUSH(*syms, *n));
		wasm_expect_end(&sub, "symbol table");
	}
	if (wasm_failed(c)) {
		free(*syms);
		*syms = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
