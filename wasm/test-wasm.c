/* test-wasm.c: unit tests of the wasm library, well-formed and malformed input alike (TAP lines, exit status). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm.h"

static int tests, failures;

static void ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tests++;
	if (!cond)
		failures++;
	printf("%sok %d - ", cond ? "" : "not ", tests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* The first error of reading bytes with f, as wasm_error_str gives it ("" when none). */
static char last[256];
static const char *error_of(struct wasm_error *e)
{
	char *s = wasm_error_str(e);

	snprintf(last, sizeof(last), "%s", s ? s : "");
	free(s);
	wasm_error_free(e);
	return last;
}


/* The error of f(...) into last; "" when it succeeded. */
static const char *keep(int r, char *err)
{
	snprintf(last, sizeof(last), "%s", r < 0 && err ? err : "");
	if (r < 0)
		free(err);
	return last;
}

/* Whether b holds exactly the n bytes at p; b is emptied. */
static int holds(struct wasm_buf *b, const char *p, size_t n)
{
	int r = b->len == n && memcmp(b->p, p, n) == 0;

	b->len = 0;
	return r;
}

static const char *sections_error(const unsigned char *p, size_t len, enum wasm_binary want)
{
	struct wasm_section *sec = NULL;
	size_t n;
	char *err = NULL;
	int r = wasm_sections(p, len, want, &sec, &n, &err);

	free(sec);
	return keep(r, err);
}

static const char *module_error(const unsigned char *p, size_t len)
{
	struct wasm_module m;
	char *err = NULL;
	int r = wasm_read_module(&m, p, len, &err);

	if (r == 0)
		wasm_module_free(&m);
	return keep(r, err);
}

static const char *dylink_error(const unsigned char *p, size_t len)
{
	struct wasm_dylink d;
	char *err = NULL;
	int r = wasm_module_dylink(p, len, &d, &err);

	if (r >= 0)
		wasm_dylink_free(&d);
	return keep(r, err);
}

#define CURSOR(bytes) \
	struct wasm_error e = {0}; \
	struct wasm_cursor c = wasm_cursor((const unsigned char *)(bytes), 0, sizeof(bytes) - 1, &e)

static void test_leb(void)
{
	{
		CURSOR("\xe5\x8e\x26\x7f");
		ok(wasm_u32(&c) == 624485 && wasm_u32(&c) == 127 && !wasm_failed(&c), "u32: 624485 then 127");
	}
	{
		CURSOR("\x80\x80");
		wasm_u32(&c);
		ok(strcmp(error_of(&e), "malformed at offset 0x2: unexpected end") == 0, "u32 truncated: %s", last);
	}
	{
		CURSOR("\xff\xff\xff\xff\x1f");
		wasm_u32(&c);
		ok(strcmp(error_of(&e), "malformed at offset 0x4: integer too large") == 0, "u32 over 32 bits: %s", last);
	}
	{
		CURSOR("\x80\x80\x80\x80\x80\x00");
		wasm_u32(&c);
		ok(strcmp(error_of(&e), "malformed at offset 0x5: integer representation too long") == 0,
		   "u32 of 6 bytes: %s", last);
	}
	{
		CURSOR("\xff\xff\xff\xff\x0f");
		ok(wasm_u32(&c) == 0xffffffffu && !wasm_failed(&c), "u32: 0xffffffff in 5 bytes");
	}
	{
		CURSOR("\x7f\x80\x7f\xff\xff\xff\xff\x07\x80\x80\x80\x80\x78");
		int32_t a = wasm_s32(&c), b = wasm_s32(&c), d = wasm_s32(&c), f = wasm_s32(&c);

		ok(a == -1 && b == -128 && d == INT32_MAX && f == INT32_MIN && !wasm_failed(&c),
		   "s32: -1, -128, INT32_MAX, INT32_MIN");
	}
	{
		CURSOR("\xff\xff\xff\xff\x4f");
		wasm_s32(&c);
		ok(strcmp(error_of(&e), "malformed at offset 0x4: integer too large") == 0, "s32 bad sign bits: %s", last);
	}
	{
		struct wasm_buf b = {0};
		int32_t v[] = {0, 1, -1, 63, 64, -64, -65, 624485, INT32_MAX, INT32_MIN};
		int good = 1;

		for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
			wasm_put_s32(&b, v[i]);
		struct wasm_error e = {0};
		struct wasm_cursor c = wasm_cursor(b.p, 0, b.len, &e);
		for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
			good &= wasm_s32(&c) == v[i];
		ok(good && c.pos == b.len && !wasm_failed(&c), "s32 written and read back");
		wasm_buf_free(&b);
	}
}

static void test_names(void)
{
	{
		CURSOR("\x03" "abc" "\x05" "de");
		struct wasm_name n = wasm_get_name(&c);

		ok(wasm_name_is(n, "abc"), "name read");
		wasm_get_name(&c);
		ok(strcmp(error_of(&e), "malformed at offset 0x5: name of 5 bytes runs past the end") == 0,
		   "name past the end: %s", last);
	}
	{
		CURSOR("\x02\xc3\xa9" "\x02\xc0\x80");
		struct wasm_name n = wasm_get_name(&c);

		ok(n.len == 2 && !wasm_failed(&c), "a UTF-8 name");
		wasm_get_name(&c);
		ok(strcmp(error_of(&e), "malformed at offset 0x4: name is not valid UTF-8") == 0, "an overlong form: %s", last);
	}
	{
		CURSOR("\x03\xed\xa0\x80");
		wasm_get_name(&c);
		ok(strcmp(error_of(&e), "malformed at offset 0x1: name is not valid UTF-8") == 0, "a surrogate: %s", last);
	}
	{
		struct wasm_name n = {"a\nb\0", 4};
		char *s = wasm_name_str(n);

		ok(strcmp(s, "a\\x0ab\\x00") == 0, "name printed on one line: %s", s);
		ok(wasm_name_dup(n) == NULL, "a name with NUL is no C string");
		free(s);
	}
	{
		CURSOR("\x05\x01");
		wasm_count(&c);
		ok(strcmp(error_of(&e), "malformed at offset 0x1: 5 elements cannot fit in 1 bytes") == 0,
		   "count past the end: %s", last);
	}
	{
		CURSOR("\x02" "ab" "\x09");
		struct wasm_cursor s = wasm_sub(&c, 2, "thing");

		wasm_byte(&s);
		wasm_expect_end(&s, "thing");
		ok(strcmp(error_of(&e), "malformed at offset 0x1: thing has 1 bytes left over") == 0,
		   "overlong contents: %s", last);
	}
	{
		CURSOR("\x09");
		struct wasm_cursor s = wasm_sub(&c, 4, "subsection");

		wasm_u32(&s); /* an error through the sub-cursor is the parent's */
		ok(strcmp(error_of(&e), "malformed at offset 0x0: subsection of 4 bytes ends past the end (1 bytes left)") == 0,
		   "size past the end: %s", last);
	}
}

/* A module of the given sections. */
static struct wasm_buf module(int component)
{
	struct wasm_buf b = {0};

	wasm_put_header(&b, component);
	return b;
}

static void test_sections(void)
{
	struct wasm_buf b = module(0), s = {0};
	struct wasm_section *sec;
	size_t n;
	char *err;

	wasm_put(&s, "xyz", 3);
	wasm_put_custom(&b, "first", &s);
	wasm_put_u32(&s, 0);
	wasm_put_section(&b, WASM_SEC_TYPE, &s);
	ok(wasm_sections(b.p, b.len, WASM_CORE_MODULE, &sec, &n, &err) == 0 && n == 2 &&
	   wasm_name_is(sec[0].name, "first") && sec[0].end - sec[0].content == 3 && sec[1].id == 1,
	   "sections framed, a custom section's name and contents");
	free(sec);
	ok(strcmp(sections_error(b.p, b.len, WASM_COMPONENT), "is a core module, not a component") == 0, "a module is no component: %s", last);
	b.p[b.len - 2] = 5; /* the type section now claims 5 bytes */
	ok(strcmp(sections_error(b.p, b.len, 0), "malformed at offset 0x15: section 1 of 5 bytes ends past the end of the file (1 bytes left)") == 0, "section past the end: %s", last);
	ok(strcmp(sections_error(b.p, 5, 0), "is not a WebAssembly module") == 0, "truncated header: %s", last);
	b.len = 9;
	b.p[8] = 0;
	ok(strcmp(sections_error(b.p, b.len, 0), "malformed at offset 0x9: unexpected end") == 0, "section without its size: %s", last);
	wasm_buf_free(&b);

	/* a custom section whose name runs past its section */
	b = module(0);
	wasm_put(&b, "\0\2\5ab", 5);
	ok(strcmp(sections_error(b.p, b.len, 0), "malformed at offset 0xb: name of 5 bytes runs past the end") == 0, "bad custom name: %s", last);
	wasm_buf_free(&b);

	b = module(1);
	wasm_put(&s, "\0asm\1\0\0\0", 8);
	wasm_put_section(&b, WASM_COMPONENT_CORE_MODULE, &s);
	{
		struct wasm_section found;

		ok(wasm_component_find(b.p, b.len, WASM_COMPONENT_CORE_MODULE, &found, &err) == 1 &&
		   found.payload == 10 && found.end == 18, "a component's core module found");
	}
	wasm_buf_free(&b);
	wasm_buf_free(&s);
}

/* A dll: dylink.0 with every subsection, then a module with imports, globals and exports. */
static struct wasm_buf dll(void)
{
	struct wasm_buf b = module(0), s = {0}, sub = {0};
	char *needed[] = {"libc.so", "liballoc.so"}, *rpath[] = {"$ORIGIN"};

	wasm_put_u32(&sub, 100);
	wasm_put_u32(&sub, 4);
	wasm_put_u32(&sub, 3);
	wasm_put_u32(&sub, 0);
	wasm_put_section(&s, WASM_DYLINK_MEM_INFO, &sub);
	wasm_put_name_list(&s, WASM_DYLINK_NEEDED, needed, 2);
	wasm_put_u32(&sub, 1);
	wasm_put_str(&sub, "GOT.mem");
	wasm_put_str(&sub, "weak_thing");
	wasm_put_u32(&sub, WASM_SYM_BINDING_WEAK);
	wasm_put_section(&s, WASM_DYLINK_IMPORT_INFO, &sub);
	wasm_put_name_list(&s, WASM_DYLINK_RUNTIME_PATH, rpath, 1);
	wasm_put_custom(&b, "dylink.0", &s);
	/* (type (func (param i32) (result i32))) */
	wasm_put(&s, "\1\x60\1\x7f\1\x7f", 6);
	wasm_put_section(&b, WASM_SEC_TYPE, &s);
	wasm_put_u32(&s, 2);
	wasm_put_str(&s, "env");
	wasm_put_str(&s, "__memory_base");
	wasm_put(&s, "\3\x7f\0", 3);
	wasm_put_str(&s, "libc.so");
	wasm_put_str(&s, "strlen");
	wasm_put(&s, "\0\0", 2);
	wasm_put_section(&b, WASM_SEC_IMPORT, &s);
	wasm_put(&s, "\1\0", 2);
	wasm_put_section(&b, WASM_SEC_FUNCTION, &s);
	/* (global i32 (i32.const -16)) */
	wasm_put(&s, "\1\x7f\0\x41\x70\x0b", 6);
	wasm_put_section(&b, WASM_SEC_GLOBAL, &s);
	wasm_put_u32(&s, 2);
	wasm_put_str(&s, "f");
	wasm_put(&s, "\0\1", 2);
	wasm_put_str(&s, "data");
	wasm_put(&s, "\3\1", 2);
	wasm_put_section(&b, WASM_SEC_EXPORT, &s);
	wasm_buf_free(&s);
	wasm_buf_free(&sub);
	return b;
}

static void test_module_and_dylink(void)
{
	struct wasm_buf b = dll();
	struct wasm_module m;
	struct wasm_dylink d;
	char *err = NULL;
	int r = wasm_read_module(&m, b.p, b.len, &err);

	/* The call is made before ok(): its arguments are evaluated in no fixed order. */
	ok(r == 0, "a dll read: %s", err ? err : "");
	ok(m.nimports == 2 && m.nfuncs == 2 && m.nimported_funcs == 1 && m.nglobals == 2, "imports and index spaces");
	ok(m.globals[1].has_value && m.globals[1].value == -16 && !m.globals[0].has_value, "a global's constant");
	ok(wasm_find_export(&m, "data") && wasm_find_export(&m, "data")->index == 1, "an export found");
	ok(wasm_has_custom(b.p, b.len, "dylink.0") && !wasm_has_custom(b.p, b.len, "linking"), "has_custom");
	ok(wasm_module_dylink(b.p, b.len, &d, &err) == 1 && d.mem_size == 100 && d.mem_align == 4 &&
	   d.table_size == 3 && d.nneeded == 2 && wasm_name_is(d.needed[1], "liballoc.so") && d.nrunpath == 1 &&
	   wasm_name_is(d.runpath[0], "$ORIGIN") && d.nsubs == 4, "dylink.0 read");
	ok(wasm_dylink_import_flags(&d, (struct wasm_name){"GOT.mem", 7}, (struct wasm_name){"weak_thing", 10}) ==
	   WASM_SYM_BINDING_WEAK, "IMPORT_INFO flags");
	wasm_dylink_free(&d);
	wasm_module_free(&m);

	/* NEEDED's count now claims more names than there are */
	{
		size_t at = 8 + 2 + 9 + 6; /* id, size, name "dylink.0", MEM_INFO (id, size, 4 bytes) */

		b.p[at + 2] = 7; /* NEEDED: id, size, then the count */
		ok(strcmp(dylink_error(b.p, b.len), "custom section 'dylink.0': malformed at offset 0x30: unexpected end") == 0, "bad NEEDED: %s", last);
		b.p[at + 2] = 2;
		b.p[at + 1] = 0x7f; /* NEEDED's size past its section */
		ok(strstr(dylink_error(b.p, b.len), "dylink.0 subsection of 127 bytes ends past the end") != NULL, "subsection past its section: %s", last);
		b.p[at + 1] = 21;
	}
	ok(wasm_module_dylink(b.p, b.len, &d, &err) == 1, "restored");
	wasm_dylink_free(&d);
	wasm_buf_free(&b);

	b = module(0);
	wasm_put(&b, "\5\3\1\x10\0", 5); /* a memory with limits flags 0x10 */
	ok(strcmp(module_error(b.p, b.len), "malformed at offset 0xb: limits flags 0x10 are not supported") == 0, "bad limits: %s", last);
	wasm_buf_free(&b);
	b = module(0);
	wasm_put(&b, "\1\2\1\x60", 4); /* one type, cut after its form */
	ok(strcmp(module_error(b.p, b.len), "malformed at offset 0xc: unexpected end") == 0, "truncated type section: %s", last);
	wasm_buf_free(&b);
	b = module(0);
	wasm_put(&b, "\5\3\1\0\1\1\1\0", 8); /* memory, then type: out of order */
	ok(strcmp(module_error(b.p, b.len), "malformed at offset 0xf: section 1 is out of order or repeated") == 0, "order: %s", last);
	wasm_buf_free(&b);
	b = module(0);
	wasm_put(&b, "\5\4\1\0\1\7", 6); /* a memory section with a byte left over */
	ok(strcmp(module_error(b.p, b.len), "malformed at offset 0xd: section 5 has 1 bytes left over") == 0, "overlong section: %s", last);
	wasm_buf_free(&b);
}

static void test_linking(void)
{
	struct wasm_buf b = {0}, sub = {0};
	struct wasm_symbol *syms;
	size_t n;

	wasm_put_u32(&b, 2);
	wasm_put_u32(&sub, 3);
	wasm_put(&sub, "\0\0\0", 3); /* function 0, defined, global */
	wasm_put_str(&sub, "f");
	wasm_put(&sub, "\1\0", 2); /* data, defined */
	wasm_put_str(&sub, "d");
	wasm_put(&sub, "\0\4\10", 3);
	wasm_put(&sub, "\0\x10\3", 3); /* undefined function 3, no name */
	wasm_put_section(&b, WASM_LINKING_SYMBOL_TABLE, &sub);
	{
		struct wasm_error e = {0};
		struct wasm_cursor c = wasm_cursor(b.p, 0, b.len, &e);

		ok(wasm_read_symbols(&c, &syms, &n) == 0 && n == 3 && wasm_name_is(syms[0].name, "f") &&
		   syms[1].kind == WASM_SYMBOL_DATA && syms[1].offset == 4 && syms[1].size == 8 &&
		   syms[2].flags == WASM_SYM_UNDEFINED && syms[2].index == 3, "symbol table read");
		/* where the flags are, for a tool that changes them in place */
		ok(n == 3 && syms[0].flags_at == 5 && syms[2].flags_at == 17 && b.p[17] == WASM_SYM_UNDEFINED,
		   "flags located");
		free(syms);
	}
	{
		struct wasm_error e = {0};
		struct wasm_cursor c = wasm_cursor(b.p, 0, b.len, &e);

		b.p[2] = 0x40; /* the table's size past the end */
		ok(wasm_read_symbols(&c, &syms, &n) < 0 &&
		   strcmp(error_of(&e), "malformed at offset 0x3: linking subsection of 64 bytes ends past the end (16 bytes left)") == 0,
		   "symbol table past the end: %s", last);
		b.p[2] = 16;
	}
	{
		struct wasm_error e = {0};
		struct wasm_cursor c = wasm_cursor(b.p, 0, b.len, &e);

		b.p[4] = 9; /* kind 9 */
		ok(wasm_read_symbols(&c, &syms, &n) < 0 &&
		   strcmp(error_of(&e), "malformed at offset 0x4: symbol kind 9 is not known") == 0, "bad kind: %s", last);
		b.p[4] = 0;
	}
	{
		struct wasm_error e = {0};
		struct wasm_cursor c = wasm_cursor(b.p, 0, b.len, &e);

		b.p[0] = 1;
		ok(wasm_read_symbols(&c, &syms, &n) < 0 &&
		   strcmp(error_of(&e), "malformed at offset 0x1: linking section version 1, not 2") == 0,
		   "old version: %s", last);
	}
	wasm_buf_free(&b);
	wasm_buf_free(&sub);
}

static void test_component(void)
{
	struct wasm_buf b = module(1), s = {0}, out = {0};
	struct wasm_section *sec;
	struct wasm_core_instance *in;
	size_t n, count;
	char *err = NULL;
	const struct wasm_shift sh = {1, 10, 1, 100};
	uint32_t modules = 0, instances = 0;

	/* core instances: instantiate module 1 with instance 0 as "x"; exports of func 3 */
	wasm_put(&s, "\2\0\1\1\1x\x12\0\1\1\1f\0\3", 14);
	wasm_put_section(&b, WASM_COMPONENT_CORE_INSTANCE, &s);
	/* aliases: core func "f" of instance 2; an outer core module */
	wasm_put(&s, "\2\0\0\1\2\1f\0\x11\2\1\0", 12);
	wasm_put_section(&b, WASM_COMPONENT_ALIAS, &s);
	ok(wasm_sections(b.p, b.len, WASM_COMPONENT, &sec, &n, &err) == 0 && n == 2, "a component's sections");
	ok(wasm_read_core_instances(b.p, &sec[0], &in, &count, &err) == 0 && count == 2 && in[0].kind == 0 &&
	   in[0].module == 1 && in[0].nargs == 1 && wasm_name_is(in[0].args[0].name, "x") && in[1].kind == 1 &&
	   in[1].args[0].index == 3, "core instances read");
	wasm_core_instances_free(in, count);
	ok(wasm_alias_counts(b.p, &sec[1], &modules, &instances, &err) == 0 && modules == 1 && instances == 0,
	   "an alias of a core module counted");
	ok(wasm_component_shift(b.p, &sec[0], &sh, &out, &err) == 0 &&
	   out.len == 16 && out.p[4] == 11 && out.p[9] == 0, "core instance section shifted: module 1 -> 11, instance 0 kept");
	out.len = 0;
	ok(wasm_component_shift(b.p, &sec[1], &sh, &out, &err) == 0 && out.p[6] == 102,
	   "alias of core instance 2 shifted to 102");
	out.len = 0;
	ok(wasm_core_instances_shift(b.p, &sec[0], 0, 1, &sh, &out, &err) == 0 &&
	   holds(&out, "\2\x08\1\0\x0b\1\1x\x12\0", 10), "the first core instance alone, shifted");
	ok(wasm_core_instances_shift(b.p, &sec[0], 1, SIZE_MAX, &sh, &out, &err) == 0 &&
	   holds(&out, "\2\x07\1\1\1\1f\0\3", 9), "the second one alone");
	ok(wasm_core_instances_shift(b.p, &sec[0], 2, SIZE_MAX, &sh, &out, &err) == 0 && out.len == 0, "none");
	free(sec);
	b.p[b.len - 9] = 7; /* the first alias's target: 7 */
	ok(wasm_sections(b.p, b.len, WASM_COMPONENT, &sec, &n, &err) == 0 &&
	   wasm_component_shift(b.p, &sec[1], &sh, &out, &err) < 0 &&
	   strcmp(keep(-1, err), "malformed at offset 0x1d: alias target 0x07 is not known") == 0, "bad alias: %s", last);
	free(sec);
	wasm_buf_free(&out);
	wasm_buf_free(&b);
	wasm_buf_free(&s);
}

static void test_builder(void)
{
	static const unsigned char i32[1] = {WASM_I32};
	const struct wasm_functype t = {i32, i32, 1, 1};
	struct wasm_builder b = {0};
	struct wasm_buf out = {0}, body = {0};
	struct wasm_module m;
	char *err;
	uint32_t f, g;

	f = wasm_builder_import_func(&b, "env", (struct wasm_name){"f", 1}, &t);
	wasm_builder_import(&b, "a", &(struct wasm_import){.name = {"t", 1}, .kind = WASM_TABLE, .valtype = WASM_FUNCREF});
	g = wasm_builder_global(&b, WASM_I32, 1, -5);
	wasm_local_get(&body, 0);
	wasm_call(&body, f);
	wasm_builder_export(&b, (struct wasm_name){"h", 1}, WASM_FUNC, wasm_builder_func(&b, &t, &body));
	wasm_builder_export(&b, (struct wasm_name){"g", 1}, WASM_GLOBAL, g);
	wasm_builder_elem(&b, 7, f);
	b.memory = 1;
	wasm_builder_finish(&b, &out);
	ok(wasm_read_module(&m, out.p, out.len, &err) == 0 && m.nimports == 2 && m.nfuncs == 2 && m.nexports == 3 &&
	   m.globals[0].value == -5 && wasm_find_export(&m, "memory") && wasm_find_export(&m, "h")->index == 1 &&
	   m.imports[1].kind == WASM_TABLE && m.imports[1].valtype == WASM_FUNCREF,
	   "a module built and read back");
	ok(m.nexports == 3 && wasm_name_is(m.exports[0].name, "memory") && wasm_name_is(m.exports[1].name, "h"),
	   "its memory exported first");
	wasm_module_free(&m);
	wasm_buf_free(&out);
	wasm_buf_free(&body);
}

static void test_builder_locals_and_data(void)
{
	static const unsigned char i32[1] = {WASM_I32};
	const struct wasm_functype t = {i32, i32, 1, 1};
	struct wasm_builder b = {0};
	struct wasm_buf out = {0}, body = {0};
	struct wasm_section *sec = NULL;
	const struct wasm_section *code, *data;
	struct wasm_module m;
	char *err = NULL;
	size_t n = 0;

	wasm_builder_import(&b, "a", &(struct wasm_import){.name = {"memory", 6}, .kind = WASM_MEMORY});
	wasm_local_get(&body, 0);
	wasm_local_set(&body, 1);
	wasm_local_get(&body, 1);
	wasm_builder_func_locals(&b, &t, 2, &body);
	wasm_builder_data(&b, 1024, "hi", 2);
	wasm_builder_finish(&b, &out);
	ok(wasm_read_module(&m, out.p, out.len, &err) == 0 && m.nfuncs == 1, "a module with locals and data read back");
	wasm_module_free(&m);
	free(err);
	ok(wasm_sections(out.p, out.len, WASM_CORE_MODULE, &sec, &n, &err) == 0 &&
	   (code = wasm_find_section(sec, n, WASM_SEC_CODE)) && (data = wasm_find_section(sec, n, WASM_SEC_DATA)) &&
	   memcmp(out.p + code->payload, "\x01\x0a\x01\x02\x7f", 5) == 0 &&
	   memcmp(out.p + data->payload, "\x01\x00\x41\x80\x08\x0b\x02hi", 9) == 0 && data->end == out.len,
	   "two i32 locals declared; the data segment at 1024, last");
	free(sec);
	wasm_buf_free(&out);
	wasm_buf_free(&body);
}

/* Component types: a world's declarations byte for byte, and the metadata component around them. */
static void test_comptype(void)
{
	static const unsigned char want[] = {
		0x41, 0x05,
		0x01, 0x72, 0x01, 0x01, 'x', 0x75,                          /* (type (record (field "x" f64))) */
		0x03, 0x00, 0x05, 'p', 'o', 'i', 'n', 't', 0x03, 0x00, 0x00, /* (import "point" (type (eq 0))) */
		0x01, 0x6b, 0x73,                                           /* (type (option string)) */
		0x01, 0x40, 0x01, 0x01, 'p', 0x01, 0x00, 0x02,               /* (type (func (param "p" 1) (result 2))) */
		0x04, 0x00, 0x01, 'f', 0x01, 0x03,                          /* (export "f" (func (type 3))) */
	};
	static const unsigned char head[] = {0, 'a', 's', 'm', 0x0d, 0, 1, 0, 0x00, 0x19, 0x16};
	struct wasm_comptype ct = {0}, world = {0};
	struct wasm_buf out = {0};
	const char *x = "x", *p = "p";
	struct wasm_cvaltype f64 = {WASM_CV_F64, 0}, str = {WASM_CV_STRING, 0}, point, opt;
	uint32_t r, imp, ft, inst;

	r = wasm_ct_record(&ct, 1, &x, &f64);
	imp = wasm_ct_import_type(&ct, "point", r);
	point = (struct wasm_cvaltype){0, imp};
	opt = (struct wasm_cvaltype){0, wasm_ct_option(&ct, str)};
	ft = wasm_ct_func(&ct, 1, &p, &point, opt);
	wasm_ct_export_func(&ct, "f", ft);
	ok(r == 0 && imp == 1 && ft == 3, "each type declaration and type import takes the next type index");
	wasm_ct_finish(&ct, &out);
	ok(out.len == sizeof(want) && memcmp(out.p, want, sizeof(want)) == 0, "a world's component type, byte for byte");
	ok(ct.decls.p == NULL && ct.ndecls == 0, "finishing empties the component type");
	wasm_buf_free(&out);

	/* an instance of types, imported, and a type aliased from it */
	wasm_ct_export_type(&ct, "e", wasm_ct_enum(&ct, 1, &x));
	inst = wasm_ct_import_instance(&world, "a:b/i", wasm_ct_instance(&world, &ct));
	ok(inst == 0 && wasm_ct_alias_type(&world, inst, "e") == 1, "an instance import, and a type alias of its export");
	wasm_world_metadata(&world, "a:b/w", "w", &out);
	ok(out.len > sizeof(head) && memcmp(out.p, head, sizeof(head)) == 0 &&
	   memcmp(out.p + sizeof(head), "wit-component-encoding\x04\x00\x07", 25) == 0,
	   "the metadata component starts with wit-component's encoding section, then the types");
	wasm_buf_free(&out);
}

static void test_instructions(void)
{
	struct wasm_buf b = {0};

	wasm_local_get(&b, 0);
	wasm_local_set(&b, 1);
	wasm_local_tee(&b, 200);
	ok(holds(&b, "\x20\0\x21\1\x22\xc8\1", 7), "local.get, local.set, local.tee");
	wasm_global_get(&b, 3);
	wasm_global_set(&b, 3);
	wasm_call(&b, 5);
	wasm_call_indirect(&b, 2, 0);
	ok(holds(&b, "\x23\3\x24\3\x10\5\x11\2\0", 9), "global.get, global.set, call, call_indirect");
	wasm_i32_const(&b, UINT32_MAX);
	wasm_i32_const(&b, 64);
	wasm_i64_const(&b, -129);
	ok(holds(&b, "\x41\x7f\x41\xc0\0\x42\xff\x7e", 8), "i32.const -1 and 64, i64.const -129");
	wasm_op_block(&b, WASM_OP_LOOP);
	wasm_op_index(&b, WASM_OP_BR_IF, 1);
	wasm_op_memory(&b, WASM_OP_I32_LOAD, 2, 8);
	wasm_op(&b, WASM_OP_I32_ADD);
	wasm_op(&b, WASM_OP_END);
	ok(holds(&b, "\x03\x40\x0d\1\x28\2\x08\x6a\x0b", 9), "loop, br_if, i32.load, i32.add, end");
	wasm_const_expr(&b, WASM_I32, 1024);
	wasm_const_expr(&b, WASM_I64, -1);
	ok(holds(&b, "\x41\x80\x08\x0b\x42\x7f\x0b", 7), "constant expressions");
	wasm_buf_free(&b);
}

/* The limits of an import's description are written back as they were read. */
static void test_import_desc(void)
{
	static const char bytes[] = "\0asm\1\0\0\0\2\x17\2\1a\1m\2\x0d\x80\x80\x80\x80\x10\2\x10\1a\1t\1\x70\1\0\3";
	struct wasm_module m;
	struct wasm_buf b = {0};
	char *err = NULL;
	int r = wasm_read_module(&m, (const unsigned char *)bytes, sizeof(bytes) - 1, &err);

	ok(r == 0 && m.nimports == 2 && m.imports[0].limits.min == 1ull << 32 && m.imports[0].limits.page_log2 == 16,
	   "a 64-bit memory with a page size read: %s", keep(r, err));
	if (r < 0)
		return;
	wasm_put_import_desc(&b, &m.imports[0]);
	ok(holds(&b, bytes + 15, 9), "its description written back whole");
	wasm_put_import_desc(&b, &m.imports[1]);
	ok(holds(&b, bytes + 28, 5), "a table's too");
	wasm_module_free(&m);
	wasm_buf_free(&b);
}

/* The entries of test_component's sections, written. */
static void test_component_writer(void)
{
	struct wasm_core_args a = {0};
	struct wasm_canon_opts o = {1, 1, 0, 0, 7, 0};
	struct wasm_buf b = {0};

	wasm_core_arg_str(&a, "x", WASM_CORE_SORT_INSTANCE, 0);
	wasm_put_core_instantiate(&b, 1, &a);
	wasm_core_arg_str(&a, "f", WASM_FUNC, 3);
	wasm_put_core_instance_exports(&b, &a);
	ok(holds(&b, "\0\1\1\1x\x12\0\1\1\1f\0\3", 13) && a.n == 0, "core instances: instantiated, of exports");
	wasm_put_alias_core_export(&b, WASM_FUNC, 2, "f");
	wasm_put_alias_outer(&b, WASM_SORT_CORE | WASM_CORE_SORT_MODULE, 1, 0);
	wasm_put_alias_export(&b, WASM_SORT_FUNC, 4, "g");
	ok(holds(&b, "\0\0\1\2\1f\0\x11\2\1\0\1\0\4\1g", 16), "aliases: a core export, outer, an export");
	wasm_put_canon_lift(&b, 3, &o, 2);
	wasm_put_canon_lower(&b, 1, &(struct wasm_canon_opts){0});
	wasm_put_canon_resource_drop(&b, 5);
	ok(holds(&b, "\0\0\3\3\0\3\0\4\7\2\1\0\1\1\0\3\5", 17), "canon lift, lower, resource.drop");
	wasm_put_component_import(&b, "run", WASM_EXTERN_FUNC, 1);
	wasm_put_component_import(&b, "m", WASM_EXTERN_CORE_MODULE, 0);
	wasm_put_component_export(&b, "run", WASM_SORT_FUNC, 2);
	ok(holds(&b, "\0\3run\1\1\0\1m\0\x11\0\0\3run\1\2\0", 21), "a component import, a core module's, an export");
	wasm_buf_free(&b);
}

static void test_custom_sections(void)
{
	char *names[] = {"HOME", "LANG"};
	struct wasm_library libs[] = {{{"", 0}, 3}, {{"libc.so", 7}, 1}}, *got = NULL;
	struct wasm_name *env = NULL, soname;
	struct wasm_buf b = {0};
	struct wasm_section *sec = NULL;
	struct wasm_error e = {0};
	struct wasm_cursor c;
	uint32_t n = 0, nlibs = 0;
	size_t nsec = 0;
	char *err = NULL;

	wasm_put_header(&b, 0);
	wasm_put_env_section(&b, names, 2);
	wasm_put_soname_section(&b, "libx.so");
	wasm_put_libraries_section(&b, libs, 2);
	ok(wasm_sections(b.p, b.len, 0, &sec, &nsec, &err) == 0 && nsec == 3 &&
	   wasm_find_custom(sec, nsec, WASM_ENV_SECTION) == &sec[0] &&
	   wasm_find_custom(sec, nsec, WASM_SONAME_SECTION) == &sec[1] &&
	   wasm_find_custom(sec, nsec, WASM_LIBRARIES_SECTION) == &sec[2], "the project's custom sections written");
	if (nsec != 3)
		return;
	c = wasm_cursor(b.p, sec[0].content, sec[0].end, &e);
	ok(wasm_read_env_section(&c, &env, &n) == 0 && n == 2 && wasm_name_is(env[1], "LANG"), "env read back");
	c = wasm_cursor(b.p, sec[1].content, sec[1].end, &e);
	ok(wasm_read_soname_section(&c, &soname) == 0 && wasm_name_is(soname, "libx.so"), "soname read back");
	c = wasm_cursor(b.p, sec[2].content, sec[2].end, &e);
	ok(wasm_read_libraries_section(&c, &got, &nlibs) == 0 && nlibs == 2 && got[0].name.len == 0 &&
	   got[0].module == 3 && wasm_name_is(got[1].name, "libc.so") && got[1].module == 1, "libraries read back");
	c = wasm_cursor(b.p, sec[1].content, sec[1].end - 1, &e);
	ok(wasm_read_soname_section(&c, &soname) < 0 &&
	   strcmp(error_of(&e), "malformed at offset 0x41: name of 7 bytes runs past the end") == 0, "a short soname: %s", last);
	free(env);
	free(got);
	free(sec);
	wasm_buf_free(&b);
}

static void test_grown_and_relinked(void)
{
	static const char bytes[] = "\0asm\1\0\0\0\4\4\1\x70\0\1\5\4\1\1\1\2";
	static const char dylink[] = "\1\4\0\0\0\0\3\1\0";
	char *needed[] = {"a"}, *runpath[] = {"r"};
	struct wasm_module m;
	struct wasm_dylink d;
	struct wasm_buf b = {0};
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor((const unsigned char *)dylink, 0, sizeof(dylink) - 1, &e);
	char *err = NULL;
	int r = wasm_read_module(&m, (const unsigned char *)bytes, sizeof(bytes) - 1, &err);

	ok(r == 0, "a table and a memory read: %s", keep(r, err));
	if (r < 0)
		return;
	wasm_put_module_grown(&b, (const unsigned char *)bytes, &m, 5, 3);
	ok(holds(&b, "\0asm\1\0\0\0\4\4\1\x70\0\5\5\4\1\1\3\3", 20), "their minimums raised, the maximum too");
	wasm_module_free(&m);
	ok(wasm_read_dylink(&c, &d) == 0 && d.nsubs == 2, "MEM_INFO and EXPORT_INFO read");
	wasm_put_dylink_relinked(&b, (const unsigned char *)dylink, &d, needed, 1, runpath, 1);
	ok(holds(&b, "\0\x1c\x08" "dylink.0\1\4\0\0\0\0\2\3\1\1a\3\1\0\5\3\1\1r", 30),
	   "NEEDED before EXPORT_INFO, RUNTIME_PATH last");
	wasm_dylink_free(&d);
	wasm_buf_free(&b);
}

static void test_elem_head(void)
{
	static const char plus[] = "\0\x23\2\x41\x7f\x6a\x0b\1\5", bare[] = "\0\x23\2\x0b", other[] = "\0\x41\0\x0b";
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor((const unsigned char *)plus, 0, sizeof(plus) - 1, &e);
	uint32_t g = 0;
	int32_t k = 0;

	ok(wasm_read_elem_head(&c, &g, &k) == 0 && g == 2 && k == -1 && c.pos == 7,
	   "an element segment at global.get 2 plus -1");
	c = wasm_cursor((const unsigned char *)bare, 0, sizeof(bare) - 1, &e);
	ok(wasm_read_elem_head(&c, &g, &k) == 0 && g == 2 && k == 0, "at global.get 2");
	c = wasm_cursor((const unsigned char *)other, 0, sizeof(other) - 1, &e);
	ok(wasm_read_elem_head(&c, &g, &k) < 0 && !e.msg, "at i32.const: another form");
	wasm_error_free(&e);
}

/* The opcodes of the body of the module's first function, "op:index:value" each, into last. */
static const char *instrs_of(const unsigned char *p, size_t len)
{
	struct wasm_section *sec = NULL;
	const struct wasm_section *code;
	struct wasm_body *bodies = NULL;
	struct wasm_error e = {0};
	size_t n = 0, nb = 0, used = 0;
	char *err = NULL;

	last[0] = '\0';
	if (wasm_sections(p, len, WASM_CORE_MODULE, &sec, &n, &err) < 0 ||
	    !(code = wasm_find_section(sec, n, WASM_SEC_CODE)) || wasm_read_bodies(p, code, &bodies, &nb, &err) < 0) {
		snprintf(last, sizeof(last), "error: %s", err ? err : "no code");
	} else {
		struct wasm_cursor c = wasm_cursor(p, bodies[0].code, bodies[0].end, &e);
		struct wasm_instr in;

		while (c.pos < c.end && wasm_read_instr(&c, &in) == 0)
			used += (size_t)snprintf(last + used, sizeof(last) - used, "%x:%u:%lld ", in.op, in.index,
			                         (long long)in.value);
		if (e.msg) {
			char *m = wasm_error_str(&e);

			snprintf(last + used, sizeof(last) - used, "error: %s", m);
			free(m);
		}
		wasm_error_free(&e);
	}
	free(err);
	free(sec);
	free(bodies);
	return last;
}

static void test_code(void)
{
	static const unsigned char i32[] = {WASM_I32};
	const struct wasm_functype t = {i32, i32, 1, 1};
	struct wasm_builder b = {0};
	struct wasm_buf out = {0}, body = {0}, names = {0}, sub = {0};
	struct wasm_section *sec = NULL;
	struct wasm_data *data = NULL;
	struct wasm_func_name *fn = NULL;
	struct wasm_body *bodies = NULL;
	size_t n = 0, nd = 0, nf = 0, nb = 0;
	char *err = NULL;

	/* i32.const -5; local.set 1; block; br_table 0 0; end; global.get 0 (none: not checked);
	   i32.load offset=8; memory.copy; v128.const; drop; call 0 */
	wasm_put(&body, "\x41\x7b\x21\x01\x02\x40\x0e\x01\x00\x00\x0b\x20\x00\x28\x02\x08"
	                "\xfc\x0a\x00\x00\xfd\x0c", 22);
	wasm_put(&body, "0123456789abcdef", 16);
	wasm_put(&body, "\x1a\x10\x00", 3);
	wasm_builder_func_locals(&b, &t, 3, &body);
	wasm_builder_data(&b, 1024, "NAME\0", 5);
	wasm_builder_finish(&b, &out);
	ok(strcmp(instrs_of(out.p, out.len), "41:0:-5 21:1:0 2:0:0 e:0:0 b:0:0 20:0:0 28:8:0 fc:0:0 fd:0:0 1a:0:0 "
	                                     "10:0:0 b:0:0 ") == 0,
	   "instructions and their immediates: %s", last);
	ok(wasm_sections(out.p, out.len, WASM_CORE_MODULE, &sec, &n, &err) == 0 &&
	   wasm_read_bodies(out.p, wasm_find_section(sec, n, WASM_SEC_CODE), &bodies, &nb, &err) == 0 && nb == 1 &&
	   bodies[0].nlocals == 3 && wasm_read_data(out.p, wasm_find_section(sec, n, WASM_SEC_DATA), &data, &nd, &err) == 0 &&
	   nd == 1 && data[0].active && data[0].len == 5 && memcmp(data[0].bytes, "NAME", 5) == 0 &&
	   out.p[data[0].offset] == 0x41, "a body's locals; a data segment, its offset expression and bytes");
	free(sec);
	free(bodies);
	free(data);
	wasm_buf_free(&out);

	/* an opcode nobody knows, and a body cut short */
	body.len = 0;
	wasm_put(&body, "\x41\x01\xff", 3);
	wasm_builder_func(&b, &t, &body);
	wasm_builder_finish(&b, &out);
	ok(strcmp(instrs_of(out.p, out.len), "41:0:1 error: malformed at offset 0x1b: opcode 0xff is not supported") == 0,
	   "an unknown opcode is an error where it is: %s", last);
	wasm_buf_free(&out);
	body.len = 0;
	wasm_put(&body, "\x01", 1);
	wasm_builder_func(&b, &t, &body);
	wasm_builder_finish(&b, &out);
	out.p[out.len - 1] = 0x41; /* the body's end byte becomes an i32.const without its value */
	ok(strcmp(instrs_of(out.p, out.len), "1:0:0 error: malformed at offset 0x1b: unexpected end") == 0,
	   "an instruction cut short by its body's end: %s", last);
	wasm_buf_free(&out);

	/* locals past what engines allow */
	wasm_builder_func_locals(&b, &t, 50001, &body);
	wasm_builder_finish(&b, &out);
	ok(strcmp(instrs_of(out.p, out.len), "error: malformed at offset 0x1d: function 0 has more than 50000 locals") == 0,
	   "more than 50000 locals are refused: %s", last);
	wasm_buf_free(&out);

	/* the name section: module name (subsection 0) skipped, function names (1) read */
	wasm_put_str(&sub, "m");
	wasm_put_section(&names, 0, &sub);
	wasm_put_u32(&sub, 2);
	wasm_put_u32(&sub, 0);
	wasm_put_str(&sub, "getenv");
	wasm_put_u32(&sub, 3);
	wasm_put_str(&sub, "main");
	wasm_put_section(&names, 1, &sub);
	wasm_put_header(&out, 0);
	wasm_put_custom(&out, "name", &names);
	ok(wasm_sections(out.p, out.len, WASM_CORE_MODULE, &sec, &n, &err) == 0 &&
	   wasm_read_func_names(out.p, wasm_find_custom(sec, n, "name"), &fn, &nf, &err) == 0 && nf == 2 &&
	   fn[0].index == 0 && wasm_name_is(fn[0].name, "getenv") && fn[1].index == 3 && wasm_name_is(fn[1].name, "main"),
	   "function names from the name section");
	free(fn);
	free(sec);
	out.p[out.len - 1] = 0xff; /* the last name's last byte: no UTF-8 */
	ok(wasm_sections(out.p, out.len, WASM_CORE_MODULE, &sec, &n, &err) == 0 &&
	   wasm_read_func_names(out.p, wasm_find_custom(sec, n, "name"), &fn, &nf, &err) < 0 &&
	   strcmp(keep(-1, err), "malformed at offset 0x20: name is not valid UTF-8") == 0 && !fn && nf == 0,
	   "a malformed function name is an error: %s", last);
	free(sec);
	wasm_buf_free(&out);
	wasm_buf_free(&body);
	wasm_buf_free(&names);
	wasm_buf_free(&sub);
}

/* A global's constant expression: its value when it is one const, an instruction that is not constant refused where it is. */
static void test_const_expr(void)
{
	static const char one[] = "\0asm\1\0\0\0\6\6\1\x7f\0\x41\x2a\x0b";
	static const char sum[] = "\0asm\1\0\0\0\6\x09\1\x7f\0\x41\1\x41\2\x6a\x0b";
	static const char call[] = "\0asm\1\0\0\0\6\6\1\x7f\0\x10\0\x0b";
	struct wasm_module m;
	char *err = NULL;
	int r = wasm_read_module(&m, (const unsigned char *)one, sizeof(one) - 1, &err);

	ok(r == 0 && m.nglobals == 1 && m.globals[0].has_value && m.globals[0].value == 42,
	   "i32.const 42 is the global's value: %s", keep(r, err));
	if (r == 0)
		wasm_module_free(&m);
	r = wasm_read_module(&m, (const unsigned char *)sum, sizeof(sum) - 1, &err);
	ok(r == 0 && m.nglobals == 1 && !m.globals[0].has_value, "an extended-const sum is read, without a value: %s",
	   keep(r, err));
	if (r == 0)
		wasm_module_free(&m);
	r = wasm_read_module(&m, (const unsigned char *)call, sizeof(call) - 1, &err);
	ok(r < 0 && strcmp(keep(r, err), "malformed at offset 0xd: opcode 0x10 is not constant") == 0,
	   "call in a constant expression is refused where it is: %s", last);
}

int main(void)
{
	test_leb();
	test_const_expr();
	test_names();
	test_sections();
	test_module_and_dylink();
	test_linking();
	test_component();
	test_builder();
	test_builder_locals_and_data();
	test_comptype();
	test_instructions();
	test_import_desc();
	test_component_writer();
	test_custom_sections();
	test_grown_and_relinked();
	test_elem_head();
	test_code();
	printf("1..%d\n", tests);
	return failures != 0;
}
