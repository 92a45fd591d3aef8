/* buf.c: the writer: LEB128 integers, names, sections and headers into a growing buffer. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

const unsigned char wasm_magic[4] = {0, 'a', 's', 'm'};
const unsigned char wasm_module_version[4] = {1, 0, 0, 0};
const unsigned char wasm_component_version[4] = {0x0d, 0, 1, 0};

void wasm_put(struct wasm_buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->p = wasm_xrealloc(b->p, b->cap, 1);
	}
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

void wasm_put_byte(struct wasm_buf *b, unsigned v)
{
	unsigned char c = (unsigned char)v;

	wasm_put(b, &c, 1);
}

void wasm_put_u32(struct wasm_buf *b, uint32_t v)
{
	wasm_put_u64(b, v);
}

void wasm_put_u64(struct wasm_buf *b, uint64_t v)
{
	do {
		unsigned byte = (unsigned)(v & 0x7f);

		v >>= 7;
		wasm_put_byte(b, v ? byte | 0x80 : byte);
	} while (v);
}

void wasm_put_s32(struct wasm_buf *b, int32_t v)
{
	wasm_put_s64(b, v);
}

void wasm_put_s64(struct wasm_buf *b, int64_t v)
{
	int64_t x = v;

	for (;;) {
		unsigned byte = (unsigned)(x & 0x7f);

		x >>= 7; /* arithmetic: the sign is kept */
		if ((x == 0 && !(byte & 0x40)) || (x == -1 && (byte & 0x40))) {
			wasm_put_byte(b, byte);
			return;
		}
		wasm_put_byte(b, byte | 0x80);
	}
}

void wasm_put_name(struct wasm_buf *b, const char *p, size_t n)
{
	wasm_put_u32(b, (uint32_t)n);
	wasm_put(b, p, n);
}

void wasm_put_str(struct wasm_buf *b, const char *s)
{
	wasm_put_name(b, s, strlen(s));
}

void wasm_put_section(struct wasm_buf *b, unsigned id, struct wasm_buf *content)
{
	wasm_put_section_bytes(b, id, content->p, content->len);
	content->len = 0;
}

void wasm_put_section_bytes(struct wasm_buf *b, unsigned id, const void *p, size_t n)
{
	wasm_put_byte(b, id);
	wasm_put_u32(b, (uint32_t)n);
	wasm_put(b, p, n);
}

void wasm_put_custom(struct wasm_buf *b, const char *name, struct wasm_buf *content)
{
	struct wasm_buf all = {0};

	wasm_put_str(&all, name);
	wasm_put(&all, content->p, content->len);
	wasm_put_section(b, WASM_SEC_CUSTOM, &all);
	wasm_buf_free(&all);
	content->len = 0;
}

void wasm_put_header(struct wasm_buf *b, int component)
{
	wasm_put(b, wasm_magic, 4);
	wasm_put(b, component ? wasm_component_version : wasm_module_version, 4);
}

void wasm_buf_free(struct wasm_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}
