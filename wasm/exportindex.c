/*
 * exportindex.c: a dll's export index, the custom section
 * "wasm32-wasi-cc.exports" (doc/dynamic-linking-abi.md): where each export
 * is in the export section, by a hash of its name, as ELF's DT_GNU_HASH lets
 * ld.so find a symbol without reading every other. A loader that needs a
 * few names of libc.so's 1,400 looks each up instead of walking them all.
 *
 * The section: u32 size of the export section's contents (after its own
 * size), u32 count of exports, u32 number of slots (the smallest power of
 * two above 4/3 of the count), then the slots; all little-endian, fixed
 * width. A slot is 0 when empty, else 1 + the offset of an export's entry in
 * those contents. A name hashes (32-bit FNV-1a of its bytes) to a first slot;
 * the slots after it, in turn, until an empty one, hold the rest that
 * collide. A reader takes the index only when the size and count are
 * those of the export section beside it.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

uint32_t wasm_export_hash(const char *p, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

static void put_le32(struct wasm_buf *b, uint32_t v)
{
	unsigned char le[4] = {v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24};

	wasm_put(b, le, 4);
}

/* The width of n as an unsigned LEB128. */
static size_t leb_width(size_t n)
{
	size_t w = 1;

	while (n >>= 7)
		w++;
	return w;
}

int wasm_put_export_index_section(struct wasm_buf *b, const struct wasm_module *m, const unsigned char *bytes)
{
	const struct wasm_section *exports = wasm_find_section(m->sections, m->nsections, WASM_SEC_EXPORT);
	struct wasm_buf c = {0};
	uint32_t nslots = 1, *slots;

	if (!exports)
		return 0;
	while (nslots <= m->nexports + m->nexports / 3)
		nslots *= 2;
	slots = wasm_xrealloc(NULL, nslots, sizeof(*slots));
	memset(slots, 0, nslots * sizeof(*slots));
	for (uint32_t i = 0; i < m->nexports; i++) {
		const struct wasm_name *n = &m->exports[i].name;
		/* the entry starts with its name's length */
		size_t at = (size_t)((const unsigned char *)n->p - (bytes + exports->payload)) - leb_width(n->len);
		uint32_t s = wasm_export_hash(n->p, n->len) & (nslots - 1);

		while (slots[s])
			s = (s + 1) & (nslots - 1);
		slots[s] = (uint32_t)at + 1;
	}
	put_le32(&c, (uint32_t)(exports->end - exports->payload));
	put_le32(&c, m->nexports);
	put_le32(&c, nslots);
	for (uint32_t s = 0; s < nslots; s++)
		put_le32(&c, slots[s]);
	wasm_put_custom(b, WASM_EXPORT_INDEX_SECTION, &c);
	wasm_buf_free(&c);
	free(slots);
	return 1;
}

static uint32_t le32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int wasm_read_export_index_section(struct wasm_cursor *c, struct wasm_export_index *index)
{
	const unsigned char *head = wasm_bytes(c, 12);

	if (!head)
		return -1;
	index->size = le32(head);
	index->count = le32(head + 4);
	index->nslots = le32(head + 8);
	if (index->nslots == 0 || (index->nslots & (index->nslots - 1)) || index->nslots <= index->count ||
	    c->end - c->pos != (size_t)index->nslots * 4)
		return wasm_fail(c, "the export index's slots are not a power of two beyond its count, 4 bytes each");
	index->slots = wasm_bytes(c, (size_t)index->nslots * 4);
	return wasm_expect_end(c, "the export index") ? 0 : -1;
}

long wasm_export_index_find(const struct wasm_export_index *index, const unsigned char *contents, size_t len,
                            const char *name, size_t n)
{
	uint32_t mask = index->nslots - 1;

	if (index->size != len)
		return -1; /* not the index of these exports */

	for (uint32_t s = wasm_export_hash(name, n) & mask, tries = 0; tries < index->nslots; s = (s + 1) & mask, tries++) {
		uint32_t at = le32(index->slots + 4 * (size_t)s);
		struct wasm_error e = {0};
		struct wasm_cursor c;
		struct wasm_name found;
		int bad;

		if (at == 0)
			break;
		if (at - 1 >= index->size)
			continue; /* not an entry of this section: never a match */
		c = wasm_cursor(contents, at - 1, index->size, &e);
		found = wasm_get_name(&c);
		bad = e.msg != NULL;
		free(e.msg);
		if (!bad && found.len == n && memcmp(found.p, name, n) == 0)
			return (long)(at - 1);
	}
	return -1;
}
