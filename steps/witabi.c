/* witabi.c: the canonical ABI of WIT types: sizes, alignments, flattening (the component model's CanonicalABI.md). */
#include <stdlib.h>

#include "util.h"
#include "wit.h"

static uint32_t align_to(uint32_t n, uint32_t a)
{
	return (n + a - 1) / a * a;
}

/* The discriminant's size for n cases. */
static uint32_t disc_size(size_t n)
{
	return n <= 256 ? 1 : n <= 65536 ? 2 : 4;
}

static uint32_t flags_size(size_t n)
{
	return n <= 8 ? 1 : n <= 16 ? 2 : 4;
}

/* The cases of a variant, an option or a result: their payload types (NULL: none). */
static size_t cases(const struct wit_type *t, const struct wit_type **out)
{
	switch (t->kind) {
	case WIT_OPTION:
		out[0] = NULL;
		out[1] = t->elem;
		return 2;
	case WIT_RESULT:
		out[0] = t->elem;
		out[1] = t->err;
		return 2;
	default:
		return 0;
	}
}

static uint32_t max_case_align(const struct wit_type *t)
{
	const struct wit_type *two[2];
	size_t n = cases(t, two);
	uint32_t a = 1;

	if (t->kind == WIT_VARIANT) {
		for (size_t i = 0; i < t->nfields; i++)
			if (t->fields[i].type && wit_align(t->fields[i].type) > a)
				a = wit_align(t->fields[i].type);
		return a;
	}
	for (size_t i = 0; i < n; i++)
		if (two[i] && wit_align(two[i]) > a)
			a = wit_align(two[i]);
	return a;
}

static uint32_t max_case_size(const struct wit_type *t)
{
	const struct wit_type *two[2];
	size_t n = cases(t, two);
	uint32_t s = 0;

	if (t->kind == WIT_VARIANT) {
		for (size_t i = 0; i < t->nfields; i++)
			if (t->fields[i].type && wit_size(t->fields[i].type) > s)
				s = wit_size(t->fields[i].type);
		return s;
	}
	for (size_t i = 0; i < n; i++)
		if (two[i] && wit_size(two[i]) > s)
			s = wit_size(two[i]);
	return s;
}

uint32_t wit_align(const struct wit_type *t)
{
	uint32_t a = 1;

	t = wit_dealias(t);
	switch (t->kind) {
	case WIT_BOOL: case WIT_S8: case WIT_U8:
		return 1;
	case WIT_S16: case WIT_U16:
		return 2;
	case WIT_S32: case WIT_U32: case WIT_F32: case WIT_CHAR: case WIT_STRING: case WIT_LIST:
		return 4;
	case WIT_S64: case WIT_U64: case WIT_F64:
		return 8;
	case WIT_RECORD: case WIT_TUPLE:
		for (size_t i = 0; i < t->nfields; i++)
			if (wit_align(t->fields[i].type) > a)
				a = wit_align(t->fields[i].type);
		return a;
	case WIT_ENUM:
		return disc_size(t->nfields);
	case WIT_FLAGS:
		return flags_size(t->nfields);
	case WIT_VARIANT: case WIT_OPTION: case WIT_RESULT: {
		uint32_t d = disc_size(t->kind == WIT_VARIANT ? t->nfields : 2), m = max_case_align(t);

		return d > m ? d : m;
	}
	default:
		return 1;
	}
}

uint32_t wit_size(const struct wit_type *t)
{
	uint32_t s = 0;

	t = wit_dealias(t);
	switch (t->kind) {
	case WIT_STRING: case WIT_LIST:
		return 8;
	case WIT_RECORD: case WIT_TUPLE:
		for (size_t i = 0; i < t->nfields; i++)
			s = align_to(s, wit_align(t->fields[i].type)) + wit_size(t->fields[i].type);
		return align_to(s, wit_align(t));
	case WIT_ENUM:
		return disc_size(t->nfields);
	case WIT_FLAGS:
		return flags_size(t->nfields);
	case WIT_VARIANT: case WIT_OPTION: case WIT_RESULT:
		s = align_to(disc_size(t->kind == WIT_VARIANT ? t->nfields : 2), max_case_align(t));
		return align_to(s + max_case_size(t), wit_align(t));
	default:
		return wit_align(t);
	}
}

static void push(unsigned char *out, size_t *n, size_t max, unsigned char v)
{
	if (*n < max)
		out[*n] = v;
	(*n)++;
}

/* Two flat types in one slot of a variant's payload. */
static unsigned char join(unsigned char a, unsigned char b)
{
	if (a == b)
		return a;
	if ((a == WASM_I32 && b == WASM_F32) || (a == WASM_F32 && b == WASM_I32))
		return WASM_I32;
	return WASM_I64;
}

#define MAX_JOINED 64

void wit_flatten(const struct wit_type *t, unsigned char *out, size_t *n, size_t max)
{
	t = wit_dealias(t);
	switch (t->kind) {
	case WIT_S64: case WIT_U64:
		push(out, n, max, WASM_I64);
		return;
	case WIT_F32:
		push(out, n, max, WASM_F32);
		return;
	case WIT_F64:
		push(out, n, max, WASM_F64);
		return;
	case WIT_STRING: case WIT_LIST:
		push(out, n, max, WASM_I32);
		push(out, n, max, WASM_I32);
		return;
	case WIT_RECORD: case WIT_TUPLE:
		for (size_t i = 0; i < t->nfields; i++)
			wit_flatten(t->fields[i].type, out, n, max);
		return;
	case WIT_VARIANT: case WIT_OPTION: case WIT_RESULT: {
		unsigned char joined[MAX_JOINED], one[MAX_JOINED];
		size_t nj = 0;
		const struct wit_type *two[2], **payloads = two;
		size_t ncases = cases(t, two);

		if (t->kind == WIT_VARIANT) {
			ncases = t->nfields;
			payloads = xreallocarray(NULL, ncases ? ncases : 1, sizeof(*payloads));
			for (size_t i = 0; i < ncases; i++)
				payloads[i] = t->fields[i].type;
		}
		for (size_t i = 0; i < ncases; i++) {
			size_t k = 0;

			if (!payloads[i])
				continue;
			wit_flatten(payloads[i], one, &k, MAX_JOINED);
			if (k > MAX_JOINED)
				k = MAX_JOINED; /* past 16 anything is passed in memory anyway */
			for (size_t j = 0; j < k; j++) {
				if (j < nj)
					joined[j] = join(joined[j], one[j]);
				else
					joined[nj++] = one[j];
			}
		}
		if (payloads != two)
			free(payloads);
		push(out, n, max, WASM_I32);
		for (size_t j = 0; j < nj; j++)
			push(out, n, max, joined[j]);
		return;
	}
	default:
		push(out, n, max, WASM_I32);
		return;
	}
}

int wit_owns_memory(const struct wit_type *t)
{
	t = wit_dealias(t);
	if (!t)
		return 0;
	if (t->kind == WIT_STRING || t->kind == WIT_LIST)
		return 1;
	if (wit_owns_memory(t->elem) || wit_owns_memory(t->err))
		return 1;
	for (size_t i = 0; i < t->nfields; i++)
		if (t->fields[i].type && wit_owns_memory(t->fields[i].type))
			return 1;
	return 0;
}
