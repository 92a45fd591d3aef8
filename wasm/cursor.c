/* cursor.c: bounded reads of LEB128 integers, bytes and names, keeping the first error and its offset. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

void *wasm_xrealloc(void *p, size_t n, size_t size)
{
	if (size && n > (size_t)-1 / size) {
		fputs("wasm: out of memory\n", stderr);
		abort();
	}
	p = realloc(p, n && size ? n * size : 1);
	if (!p) {
		fputs("wasm: out of memory\n", stderr);
		abort();
	}
	return p;
}

char *wasm_xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *s;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	s = wasm_xrealloc(NULL, (size_t)n + 1, 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *wasm_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = wasm_xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

struct wasm_cursor wasm_cursor(const unsigned char *base, size_t pos, size_t end, struct wasm_error *error)
{
	return (struct wasm_cursor){base, pos, end, error};
}

int wasm_failed(const struct wasm_cursor *c)
{
	return c->error->msg != NULL;
}

size_t wasm_left(const struct wasm_cursor *c)
{
	return c->pos < c->end ? c->end - c->pos : 0;
}

int wasm_fail(struct wasm_cursor *c, const char *fmt, ...)
{
	va_list ap;

	if (c->error->msg)
		return -1;
	va_start(ap, fmt);
	c->error->msg = wasm_xvasprintf(fmt, ap);
	va_end(ap);
	c->error->offset = c->pos;
	return -1;
}

char *wasm_error_str(const struct wasm_error *e)
{
	if (!e->msg)
		return NULL;
	return wasm_xasprintf("malformed at offset 0x%zx: %s", e->offset, e->msg);
}

void wasm_error_free(struct wasm_error *e)
{
	free(e->msg);
	e->msg = NULL;
}

unsigned wasm_byte(struct wasm_cursor *c)
{
	if (wasm_failed(c))
		return 0;
	if (c->pos >= c->end) {
		wasm_fail(c, "unexpected end");
		return 0;
	}
	return c->base[c->pos++];
}

/* Unsigned LEB128 of at most bits bits, as the binary format bounds it. */
static uint64_t leb(struct wasm_cursor *c, unsigned bits)
{
	uint64_t v = 0;
	unsigned shift = 0;

	for (;;) {
		size_t at = c->pos;
		unsigned b = wasm_byte(c);

		if (wasm_failed(c))
			return 0;
		if (shift + 7 > bits && (b & 0x7f) >> (bits - shift)) {
			c->pos = at;
			wasm_fail(c, "integer too large");
			return 0;
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
		shift += 7;
		if (shift >= bits) {
			wasm_fail(c, "integer representation too long");
			return 0;
		}
	}
}

uint32_t wasm_u32(struct wasm_cursor *c)
{
	return (uint32_t)leb(c, 32);
}

uint64_t wasm_u64(struct wasm_cursor *c)
{
	return leb(c, 64);
}

/* Signed LEB128 of at most bits bits; the unused bits of the last byte must repeat the sign. */
static int64_t sleb(struct wasm_cursor *c, unsigned bits)
{
	uint64_t v = 0;
	unsigned shift = 0, b;

	do {
		size_t at = c->pos;

		b = wasm_byte(c);
		if (wasm_failed(c))
			return 0;
		if (shift + 7 >= bits && shift < bits) {
			/* the last byte: its bits past `bits` must all equal the sign bit */
			unsigned used = bits - shift, rest = (b & 0x7f) >> (used - 1);

			if ((b & 0x80) || (rest != 0 && rest != (0x7fu >> (used - 1)))) {
				c->pos = at;
				wasm_fail(c, (b & 0x80) ? "integer representation too long" : "integer too large");
				return 0;
			}
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
	} while (b & 0x80);
	if (shift < 64 && (b & 0x40))
		v |= ~(uint64_t)0 << shift;
	return (int64_t)v;
}

int32_t wasm_s32(struct wasm_cursor *c)
{
	return (int32_t)sleb(c, 32);
}

int64_t wasm_s64(struct wasm_cursor *c)
{
	return sleb(c, 64);
}

uint32_t wasm_count(struct wasm_cursor *c)
{
	uint32_t n = wasm_u32(c);

	if (!wasm_failed(c) && n > wasm_left(c)) {
		wasm_fail(c, "%u elements cannot fit in %zu bytes", n, wasm_left(c));
		return 0;
	}
	return n;
}

/* Whether p[0..n) is UTF-8 as the binary format requires names to be: no overlong forms, surrogates or values past U+10FFFF. */
static int valid_utf8(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned b = p[i], len, min;
		uint32_t v;

		if (b < 0x80) {
			i++;
			continue;
		}
		if ((b & 0xe0) == 0xc0)
			len = 2, min = 0x80, v = b & 0x1f;
		else if ((b & 0xf0) == 0xe0)
			len = 3, min = 0x800, v = b & 0x0f;
		else if ((b & 0xf8) == 0xf0)
			len = 4, min = 0x10000, v = b & 0x07;
		else
			return 0;
		if (n - i < len)
			return 0;
		for (unsigned k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			v = v << 6 | (p[i + k] & 0x3f);
		}
		if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

struct wasm_name wasm_get_name(struct wasm_cursor *c)
{
	struct wasm_name n = {"", 0};
	uint32_t len = wasm_u32(c);

	if (wasm_failed(c))
		return n;
	if (len > wasm_left(c)) {
		wasm_fail(c, "name of %u bytes runs past the end", len);
		return n;
	}
	if (!valid_utf8(c->base + c->pos, len)) {
		wasm_fail(c, "name is not valid UTF-8");
		return n;
	}
	n.p = (const char *)c->base + c->pos;
	n.len = len;
	c->pos += len;
	return n;
}

const unsigned char *wasm_bytes(struct wasm_cursor *c, size_t n)
{
	const unsigned char *p;

	if (wasm_failed(c))
		return NULL;
	if (n > wasm_left(c)) {
		wasm_fail(c, "%zu bytes run past the end (%zu left)", n, wasm_left(c));
		return NULL;
	}
	p = c->base + c->pos;
	c->pos += n;
	return p;
}

struct wasm_cursor wasm_sub(struct wasm_cursor *c, size_t size, const char *what)
{
	struct wasm_cursor s = {c->base, c->pos, c->pos, c->error};

	if (wasm_failed(c))
		return s;
	if (size > wasm_left(c)) {
		wasm_fail(c, "%s of %zu bytes ends past the end (%zu bytes left)", what, size, wasm_left(c));
		return s;
	}
	s.end = c->pos + size;
	c->pos += size;
	return s;
}

int wasm_expect_end(struct wasm_cursor *c, const char *what)
{
	if (wasm_failed(c))
		return 0;
	if (c->pos != c->end) {
		wasm_fail(c, "%s has %zu bytes left over", what, wasm_left(c));
		return 0;
	}
	return 1;
}
