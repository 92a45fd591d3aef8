/* code.c: the reader of what modules hold past their declarations: function bodies and their instructions, data segments, function names. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

/* A block type: empty (0x40), one value type, or a type index (s33). */
static void block_type(struct wasm_cursor *c)
{
	unsigned b;

	if (wasm_left(c) == 0) {
		wasm_byte(c); /* records the error */
		return;
	}
	b = c->base[c->pos];
	if (b == 0x40 || (b >= 0x7b && b <= 0x7f) || b == 0x70 || b == 0x6f)
		c->pos++;
	else
		wasm_s64(c);
}

/* A memory argument: alignment (bit 6: a memory index follows), then the offset. */
static void memarg(struct wasm_cursor *c, struct wasm_instr *in)
{
	uint32_t align = wasm_u32(c);

	if (align & 0x40)
		wasm_u32(c);
	in->index = (uint32_t)wasm_u64(c);
}

/* The immediates of the 0xfc prefix (saturating truncation, bulk memory, tables). */
static void prefix_fc(struct wasm_cursor *c, struct wasm_instr *in)
{
	switch (in->sub) {
	case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7:
		break;
	case 8:  /* memory.init: data, memory */
	case 10: /* memory.copy: memory, memory */
	case 12: /* table.init: element, table */
	case 14: /* table.copy */
		in->index = wasm_u32(c);
		wasm_u32(c);
		break;
	case 9: case 11: case 13: case 15: case 16: case 17:
		in->index = wasm_u32(c);
		break;
	default:
		wasm_fail(c, "opcode 0xfc %u is not supported", in->sub);
	}
}

/* The immediates of the 0xfd prefix (SIMD and relaxed SIMD). */
static void prefix_fd(struct wasm_cursor *c, struct wasm_instr *in)
{
	uint32_t s = in->sub;

	if (s <= 11 || s == 92 || s == 93) {
		memarg(c, in);
	} else if (s == 12 || s == 13) { /* v128.const, i8x16.shuffle */
		wasm_bytes(c, 16);
	} else if (s >= 21 && s <= 34) { /* extract_lane, replace_lane */
		wasm_byte(c);
	} else if (s >= 84 && s <= 91) { /* load_lane, store_lane */
		memarg(c, in);
		wasm_byte(c);
	}
}

int wasm_read_instr(struct wasm_cursor *c, struct wasm_instr *in)
{
	memset(in, 0, sizeof(*in));
	in->at = c->pos;
	in->op = wasm_byte(c);
	if (wasm_failed(c))
		return -1;
	switch (in->op) {
	case 0x02: case 0x03: case 0x04: case 0x06: /* block loop if try */
		block_type(c);
		break;
	case 0x07: case 0x08: case 0x09: case 0x0c: case 0x0d: case 0x10: case 0x12: case 0x14: case 0x15:
	case 0x18: case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: case 0x25: case 0x26: case 0x3f:
	case 0x40: case 0xd2: case 0xd4: case 0xd6:
		/* catch throw rethrow br br_if call return_call call_ref return_call_ref delegate
		   local.* global.* table.get table.set memory.size memory.grow ref.func br_on_null br_on_non_null */
		in->index = wasm_u32(c);
		break;
	case 0x0e: { /* br_table */
		uint32_t n = wasm_count(c);

		for (uint32_t i = 0; i <= n && !wasm_failed(c); i++)
			wasm_u32(c);
		break;
	}
	case 0x11: case 0x13: /* call_indirect return_call_indirect: type, table */
		in->index = wasm_u32(c);
		wasm_u32(c);
		break;
	case 0x1c: { /* select t* */
		uint32_t n = wasm_count(c);

		wasm_bytes(c, n);
		break;
	}
	case 0x1f: { /* try_table: block type, catch clauses */
		uint32_t n;

		block_type(c);
		n = wasm_count(c);
		for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
			unsigned kind = wasm_byte(c);

			if (kind <= 1)
				wasm_u32(c);
			else if (kind > 3 && !wasm_failed(c))
				wasm_fail(c, "try_table catch kind 0x%02x is not supported", kind);
			wasm_u32(c);
		}
		break;
	}
	case 0x41:
		in->value = wasm_s32(c);
		break;
	case 0x42:
		in->value = wasm_s64(c);
		break;
	case 0x43:
		wasm_bytes(c, 4);
		break;
	case 0x44:
		wasm_bytes(c, 8);
		break;
	case 0xd0: /* ref.null: a heap type */
		block_type(c);
		break;
	case 0xfc:
		in->sub = wasm_u32(c);
		if (!wasm_failed(c))
			prefix_fc(c, in);
		break;
	case 0xfd:
		in->sub = wasm_u32(c);
		if (!wasm_failed(c))
			prefix_fd(c, in);
		break;
	case 0xfe: /* threads: atomic.fence has one byte, the rest a memory argument */
		in->sub = wasm_u32(c);
		if (in->sub == 3)
			wasm_byte(c);
		else
			memarg(c, in);
		break;
	default:
		if ((in->op >= 0x28 && in->op <= 0x3e)) /* loads and stores */
			memarg(c, in);
		else if (!(in->op <= 0x01 || in->op == 0x05 || in->op == 0x0a || in->op == 0x0b || in->op == 0x0f ||
		           in->op == 0x19 || in->op == 0x1a || in->op == 0x1b || (in->op >= 0x45 && in->op <= 0xc4) ||
		           in->op == 0xd1 || in->op == 0xd3)) {
			c->pos = in->at;
			wasm_fail(c, "opcode 0x%02x is not supported", in->op);
		}
	}
	return wasm_failed(c) ? -1 : 0;
}

/* At most this many locals in a function, as engines allow (V8's, SpiderMonkey's). */
#define MAX_LOCALS 50000

int wasm_read_bodies(const unsigned char *bytes, const struct wasm_section *s, struct wasm_body **out, size_t *n,
                     char **err)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(bytes, s->payload, s->end, &e);
	uint32_t count = wasm_count(&c);

	*out = NULL;
	*n = 0;
	for (uint32_t i = 0; i < count && !wasm_failed(&c); i++) {
		uint32_t size = wasm_u32(&c), groups;
		struct wasm_cursor f = wasm_sub(&c, size, "function body");
		struct wasm_body *b = WASM_PUSH(*out, *n);

		b->end = f.end;
		groups = wasm_count(&f);
		for (uint32_t g = 0; g < groups && !wasm_failed(&f); g++) {
			uint32_t k = wasm_u32(&f);

			wasm_byte(&f);
			if (!wasm_failed(&f) && k > MAX_LOCALS - b->nlocals)
				wasm_fail(&f, "function %u has more than %u locals", i, MAX_LOCALS);
			else
				b->nlocals += k;
		}
		b->code = f.pos;
	}
	wasm_expect_end(&c, "code section");
	if (e.msg) {
		*err = wasm_error_str(&e);
		wasm_error_free(&e);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int wasm_read_data(const unsigned char *bytes, const struct wasm_section *s, struct wasm_data **out, size_t *n,
                   char **err)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(bytes, s->payload, s->end, &e);
	uint32_t count = wasm_count(&c);

	*out = NULL;
	*n = 0;
	for (uint32_t i = 0; i < count && !wasm_failed(&c); i++) {
		struct wasm_data *d = WASM_PUSH(*out, *n);
		uint32_t flags = wasm_u32(&c), len;

		if (!wasm_failed(&c) && flags > 2) {
			wasm_fail(&c, "data segment %u: flags %u are not supported", i, flags);
			break;
		}
		d->active = flags != 1;
		if (flags == 2)
			d->memory = wasm_u32(&c);
		if (d->active) {
			struct wasm_instr in;

			d->offset = c.pos;
			do
				wasm_read_instr(&c, &in);
			while (!wasm_failed(&c) && in.op != 0x0b);
		}
		len = wasm_u32(&c);
		d->bytes = wasm_bytes(&c, len);
		d->len = len;
	}
	wasm_expect_end(&c, "data section");
	if (e.msg) {
		*err = wasm_error_str(&e);
		wasm_error_free(&e);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int wasm_read_func_names(const unsigned char *bytes, const struct wasm_section *s, struct wasm_func_name **out,
                         size_t *n, char **err)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(bytes, s->content, s->end, &e);

	*out = NULL;
	*n = 0;
	while (wasm_left(&c) && !wasm_failed(&c)) {
		unsigned id = wasm_byte(&c);
		uint32_t size = wasm_u32(&c);
		struct wasm_cursor sub = wasm_sub(&c, size, "name subsection");

		if (id != 1 || wasm_failed(&c))
			continue; /* module, local and other names: not ours */
		for (uint32_t k = wasm_count(&sub), i = 0; i < k && !wasm_failed(&sub); i++) {
			struct wasm_func_name *f = WASM_PUSH(*out, *n);

			f->index = wasm_u32(&sub);
			f->name = wasm_get_name(&sub);
		}
		wasm_expect_end(&sub, "function names");
	}
	if (e.msg) {
		*err = wasm_error_str(&e);
		wasm_error_free(&e);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
