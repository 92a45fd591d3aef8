/* complink/dl.c: the component link's dlopen: dlopen, dlsym, dlclose and dlerror over the dl-openable libraries. */
#include <stdlib.h>
#include <string.h>

#include "complink.h"

/*
 * A component has no loader, so dlopen and its family are a synthesized
 * module (`wasm-tools component link --dl-openable` hands such a table to
 * wasi-libc's libdl.so; here the module is whole). The libraries named by
 * -Wl,--dl-openable are embedded and instantiated like the NEEDED ones,
 * before the executable, and this module holds in memory (a region above
 * every module's data) a table of them:
 *
 *   libraries: N entries of { name, name length, symbols, symbol count }
 *   symbols:   entries of { name, name length, value }
 *
 * the first library being the executable, named "" (what it exports:
 * with -rdynamic, its global symbols), and a symbol's value a function's
 * table slot (the one its own module and every GOT.func give it: function
 * pointers compare equal) or a data address. dlopen(NAME) finds the
 * library whose soname is NAME's last component and gives its number from
 * 1; NULL (or "") is the executable; any other name fails. dlsym searches
 * the library's own exports, or for RTLD_DEFAULT and the executable's
 * handle those of every library of the table. A failure leaves its
 * message, NAME and why, in a buffer of the region that dlerror returns
 * once.
 */

#define NAME_MAX_SHOWN 4096 /* PATH_MAX: the name in full */

static const char not_dl_openable[] = ": not among the component's dl-openable libraries (-Wl,--dl-openable)";
static const char undefined_symbol[] = ": undefined symbol";
static const char dlsym_prefix[] = "dlsym: ", dlclose_prefix[] = "dlclose: ";
static const char not_a_handle[] = " is not a handle dlopen gave";

/* The buffer of dlerror's message: a name, then the longest suffix, and a NUL. */
#define ERRBUF_SIZE ((NAME_MAX_SHOWN + sizeof(not_dl_openable) + 3) & ~3u)
/* After it, where a handle is written in decimal, after "dlclose: "; both are above the data, zero pages */
#define SCRATCH_SIZE 32

static int is_symbol(struct wasm_name n)
{
	return !wasm_name_has_prefix(n, "__wasm_") && !wasm_name_is(n, "_initialize") && !wasm_name_is(n, "_start");
}

/* The exports of u that dlsym finds: functions, and data (constant i32 globals). */
static int listed(const struct unit *u, const struct wasm_export *e)
{
	const struct wasm_global *g;

	if (!is_symbol(e->name))
		return 0;
	if (e->kind == WASM_FUNC)
		return 1;
	if (e->kind != WASM_GLOBAL)
		return 0;
	g = &u->lib.m.globals[e->index];
	return g->has_value && g->valtype == WASM_I32;
}

/* i32.load (aligned) at offset; i32.load8_u, i32.store8 */
static void load(struct wasm_buf *b, uint32_t offset)
{
	wasm_op_memory(b, WASM_OP_I32_LOAD, 2, offset);
}

static void load8(struct wasm_buf *b)
{
	wasm_op_memory(b, WASM_OP_I32_LOAD8_U, 0, 0);
}

static void store8(struct wasm_buf *b)
{
	wasm_op_memory(b, WASM_OP_I32_STORE8, 0, 0);
}

/* The byte at local base plus local i. */
static void byte_at(struct wasm_buf *b, uint32_t base, uint32_t i)
{
	wasm_local_get(b, base), wasm_local_get(b, i), wasm_op(b, WASM_OP_I32_ADD), load8(b);
}

/* A loop that br_if 1 leaves: block, loop ... br 0, end, end. */
static void loop_open(struct wasm_buf *b)
{
	wasm_op_block(b, WASM_OP_BLOCK);
	wasm_op_block(b, WASM_OP_LOOP);
}

static void loop_close(struct wasm_buf *b)
{
	wasm_op_index(b, WASM_OP_BR, 0);
	wasm_op(b, WASM_OP_END);
	wasm_op(b, WASM_OP_END);
}

/* local += 1 */
static void incr(struct wasm_buf *b, uint32_t local)
{
	wasm_local_get(b, local), wasm_i32_const(b, 1), wasm_op(b, WASM_OP_I32_ADD), wasm_local_set(b, local);
}

/* ---------------------------------------------------------------- functions */

/* match(s, p, n): whether the C string s is the n bytes at p. Local 3: i. */
static void f_match(struct wasm_buf *b)
{
	loop_open(b);
	wasm_local_get(b, 3), wasm_local_get(b, 2), wasm_op(b, WASM_OP_I32_EQ);
	wasm_op_block(b, WASM_OP_IF);
	byte_at(b, 0, 3);
	wasm_op(b, WASM_OP_I32_EQZ), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	byte_at(b, 0, 3);
	byte_at(b, 1, 3), wasm_op(b, WASM_OP_I32_NE);
	wasm_op_index(b, WASM_OP_BR_IF, 1);
	incr(b, 3);
	loop_close(b);
	wasm_i32_const(b, 0);
}

/* find(s, table, count, stride): the index of the entry named s, or -1. Local 4: i. */
static void f_find(struct wasm_buf *b, uint32_t match)
{
	wasm_op_block(b, WASM_OP_LOOP);
	wasm_local_get(b, 4), wasm_local_get(b, 2), wasm_op(b, WASM_OP_I32_GE_U);
	wasm_op_block(b, WASM_OP_IF);
	wasm_i32_const(b, UINT32_MAX), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	wasm_local_get(b, 0);
	wasm_local_get(b, 1), wasm_local_get(b, 4), wasm_local_get(b, 3), wasm_op(b, WASM_OP_I32_MUL);
	wasm_op(b, WASM_OP_I32_ADD), load(b, 0);
	wasm_local_get(b, 1), wasm_local_get(b, 4), wasm_local_get(b, 3), wasm_op(b, WASM_OP_I32_MUL);
	wasm_op(b, WASM_OP_I32_ADD), load(b, 4);
	wasm_call(b, match);
	wasm_op_block(b, WASM_OP_IF);
	wasm_local_get(b, 4), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	incr(b, 4);
	wasm_op_index(b, WASM_OP_BR, 0);
	wasm_op(b, WASM_OP_END);
	wasm_i32_const(b, UINT32_MAX);
}

/*
 * fail(name, suffix, length): dlerror's message is name (NAME_MAX_SHOWN
 * bytes at most; none when 0), then the length bytes of suffix (its NUL
 * included). Locals 3, 4: n, k.
 */
static void f_fail(struct wasm_buf *b, uint32_t errbuf, uint32_t error)
{
	wasm_local_get(b, 0);
	wasm_op_block(b, WASM_OP_IF);
	loop_open(b);
	wasm_local_get(b, 3), wasm_i32_const(b, NAME_MAX_SHOWN), wasm_op(b, WASM_OP_I32_GE_U);
	wasm_op_index(b, WASM_OP_BR_IF, 1);
	byte_at(b, 0, 3);
	wasm_op(b, WASM_OP_I32_EQZ), wasm_op_index(b, WASM_OP_BR_IF, 1);
	wasm_i32_const(b, errbuf), wasm_local_get(b, 3), wasm_op(b, WASM_OP_I32_ADD);
	byte_at(b, 0, 3);
	store8(b);
	incr(b, 3);
	loop_close(b);
	wasm_op(b, WASM_OP_END);
	loop_open(b);
	wasm_local_get(b, 4), wasm_local_get(b, 2), wasm_op(b, WASM_OP_I32_GE_U), wasm_op_index(b, WASM_OP_BR_IF, 1);
	wasm_i32_const(b, errbuf), wasm_local_get(b, 3), wasm_op(b, WASM_OP_I32_ADD), wasm_local_get(b, 4);
	wasm_op(b, WASM_OP_I32_ADD);
	byte_at(b, 1, 4);
	store8(b);
	incr(b, 4);
	loop_close(b);
	wasm_i32_const(b, errbuf), wasm_global_set(b, error);
}

/*
 * handle(prefix, length, h): the C string prefix (length bytes) then h in
 * decimal, at scratch; returns scratch. Locals 3, 4, 5: i, t, end.
 */
static void f_handle(struct wasm_buf *b, uint32_t scratch)
{
	loop_open(b);
	wasm_local_get(b, 3), wasm_local_get(b, 1), wasm_op(b, WASM_OP_I32_GE_U), wasm_op_index(b, WASM_OP_BR_IF, 1);
	wasm_i32_const(b, scratch), wasm_local_get(b, 3), wasm_op(b, WASM_OP_I32_ADD), wasm_local_get(b, 0);
	wasm_local_get(b, 3), wasm_op(b, WASM_OP_I32_ADD), load8(b), store8(b);
	incr(b, 3);
	loop_close(b);
	/* end: past the last digit */
	wasm_i32_const(b, scratch), wasm_local_get(b, 1), wasm_op(b, WASM_OP_I32_ADD), wasm_local_set(b, 5);
	wasm_local_get(b, 2), wasm_local_set(b, 4);
	wasm_op_block(b, WASM_OP_LOOP);
	incr(b, 5);
	wasm_local_get(b, 4), wasm_i32_const(b, 10), wasm_op(b, WASM_OP_I32_DIV_U), wasm_local_tee(b, 4);
	wasm_op_index(b, WASM_OP_BR_IF, 0);
	wasm_op(b, WASM_OP_END);
	wasm_local_get(b, 5), wasm_i32_const(b, 0), store8(b);
	wasm_local_get(b, 2), wasm_local_set(b, 4);
	wasm_op_block(b, WASM_OP_LOOP);
	wasm_local_get(b, 5), wasm_i32_const(b, 1), wasm_op(b, WASM_OP_I32_SUB), wasm_local_set(b, 5);
	wasm_local_get(b, 5), wasm_local_get(b, 4), wasm_i32_const(b, 10), wasm_op(b, WASM_OP_I32_REM_U);
	wasm_i32_const(b, '0'), wasm_op(b, WASM_OP_I32_ADD), store8(b);
	wasm_local_get(b, 4), wasm_i32_const(b, 10), wasm_op(b, WASM_OP_I32_DIV_U), wasm_local_tee(b, 4);
	wasm_op_index(b, WASM_OP_BR_IF, 0);
	wasm_op(b, WASM_OP_END);
	wasm_i32_const(b, scratch);
}

/* Calls fail(prefix then handle local 0 in decimal, not_a_handle). */
static void call_fail_handle(struct wasm_buf *b, uint32_t prefix, size_t len, uint32_t suffix, uint32_t handle,
                             uint32_t fail)
{
	wasm_i32_const(b, prefix), wasm_i32_const(b, (uint32_t)len), wasm_local_get(b, 0), wasm_call(b, handle);
	wasm_i32_const(b, suffix), wasm_i32_const(b, sizeof(not_a_handle)), wasm_call(b, fail);
}

/* Calls fail(name local or 0, the message at ptr of len bytes). */
static void call_fail(struct wasm_buf *b, int name_local, uint32_t ptr, size_t len, uint32_t fail)
{
	if (name_local >= 0)
		wasm_local_get(b, (uint32_t)name_local);
	else
		wasm_i32_const(b, 0);
	wasm_i32_const(b, ptr), wasm_i32_const(b, (uint32_t)len), wasm_call(b, fail);
}

/* dlopen(name, mode): locals 2, 3: p (the last component), i. */
static void f_dlopen(struct wasm_buf *b, uint32_t libs, uint32_t n, uint32_t not_dl_at, uint32_t find,
                     uint32_t fail)
{
	wasm_local_get(b, 0), wasm_op(b, WASM_OP_I32_EQZ);
	wasm_op_block(b, WASM_OP_IF);
	wasm_i32_const(b, 1), wasm_op(b, WASM_OP_RETURN); /* the executable */
	wasm_op(b, WASM_OP_END);
	wasm_local_get(b, 0), wasm_local_set(b, 2);
	wasm_local_get(b, 0), wasm_local_set(b, 3);
	loop_open(b);
	wasm_local_get(b, 3), load8(b), wasm_op(b, WASM_OP_I32_EQZ), wasm_op_index(b, WASM_OP_BR_IF, 1);
	wasm_local_get(b, 3), load8(b), wasm_i32_const(b, '/'), wasm_op(b, WASM_OP_I32_EQ);
	wasm_op_block(b, WASM_OP_IF);
	wasm_local_get(b, 3), wasm_i32_const(b, 1), wasm_op(b, WASM_OP_I32_ADD), wasm_local_set(b, 2);
	wasm_op(b, WASM_OP_END);
	incr(b, 3);
	loop_close(b);
	wasm_local_get(b, 2), wasm_i32_const(b, libs), wasm_i32_const(b, n), wasm_i32_const(b, 16);
	wasm_call(b, find), wasm_local_tee(b, 3);
	wasm_i32_const(b, UINT32_MAX), wasm_op(b, WASM_OP_I32_EQ);
	wasm_op_block(b, WASM_OP_IF);
	call_fail(b, 0, not_dl_at, sizeof(not_dl_openable), fail);
	wasm_i32_const(b, 0), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	wasm_local_get(b, 3), wasm_i32_const(b, 1), wasm_op(b, WASM_OP_I32_ADD);
}

/* The value of symbol r (local) of the library entry at lib (local). */
static void symbol_value(struct wasm_buf *b, uint32_t lib, uint32_t r)
{
	wasm_local_get(b, lib), load(b, 8), wasm_local_get(b, r), wasm_i32_const(b, 12), wasm_op(b, WASM_OP_I32_MUL);
	wasm_op(b, WASM_OP_I32_ADD), load(b, 8);
}

/* dlsym(handle, name): locals 2, 3: lib (an entry's address), r. */
static void f_dlsym(struct wasm_buf *b, uint32_t libs, uint32_t n, const uint32_t msg[5], uint32_t find,
                    uint32_t handle, uint32_t fail)
{
	uint32_t undefined_at = msg[1];

	/* RTLD_DEFAULT and the executable: every library */
	wasm_local_get(b, 0), wasm_i32_const(b, 2), wasm_op(b, WASM_OP_I32_LT_U);
	wasm_op_block(b, WASM_OP_IF);
	wasm_i32_const(b, libs), wasm_local_set(b, 2);
	loop_open(b);
	wasm_local_get(b, 2), wasm_i32_const(b, libs + 16 * n), wasm_op(b, WASM_OP_I32_GE_U);
	wasm_op_index(b, WASM_OP_BR_IF, 1);
	wasm_local_get(b, 1), wasm_local_get(b, 2), load(b, 8), wasm_local_get(b, 2), load(b, 12);
	wasm_i32_const(b, 12), wasm_call(b, find), wasm_local_tee(b, 3);
	wasm_i32_const(b, UINT32_MAX), wasm_op(b, WASM_OP_I32_NE);
	wasm_op_block(b, WASM_OP_IF);
	symbol_value(b, 2, 3), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	wasm_local_get(b, 2), wasm_i32_const(b, 16), wasm_op(b, WASM_OP_I32_ADD), wasm_local_set(b, 2);
	loop_close(b);
	call_fail(b, 1, undefined_at, sizeof(undefined_symbol), fail);
	wasm_i32_const(b, 0), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	wasm_local_get(b, 0), wasm_i32_const(b, 1), wasm_op(b, WASM_OP_I32_SUB), wasm_i32_const(b, n);
	wasm_op(b, WASM_OP_I32_GE_U);
	wasm_op_block(b, WASM_OP_IF);
	call_fail_handle(b, msg[2], strlen(dlsym_prefix), msg[4], handle, fail);
	wasm_i32_const(b, 0), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	wasm_local_get(b, 0), wasm_i32_const(b, 1), wasm_op(b, WASM_OP_I32_SUB), wasm_i32_const(b, 16);
	wasm_op(b, WASM_OP_I32_MUL), wasm_i32_const(b, libs), wasm_op(b, WASM_OP_I32_ADD), wasm_local_set(b, 2);
	wasm_local_get(b, 1), wasm_local_get(b, 2), load(b, 8), wasm_local_get(b, 2), load(b, 12);
	wasm_i32_const(b, 12), wasm_call(b, find), wasm_local_tee(b, 3);
	wasm_i32_const(b, UINT32_MAX), wasm_op(b, WASM_OP_I32_EQ);
	wasm_op_block(b, WASM_OP_IF);
	call_fail(b, 1, undefined_at, sizeof(undefined_symbol), fail);
	wasm_i32_const(b, 0), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	symbol_value(b, 2, 3);
}

static void f_dlclose(struct wasm_buf *b, uint32_t n, const uint32_t msg[5], uint32_t handle, uint32_t fail)
{
	wasm_local_get(b, 0), wasm_i32_const(b, 1), wasm_op(b, WASM_OP_I32_SUB), wasm_i32_const(b, n);
	wasm_op(b, WASM_OP_I32_GE_U);
	wasm_op_block(b, WASM_OP_IF);
	call_fail_handle(b, msg[3], strlen(dlclose_prefix), msg[4], handle, fail);
	wasm_i32_const(b, UINT32_MAX), wasm_op(b, WASM_OP_RETURN);
	wasm_op(b, WASM_OP_END);
	wasm_i32_const(b, 0);
}

/* dlerror(): the message once, then NULL. Local 0: r. */
static void f_dlerror(struct wasm_buf *b, uint32_t error)
{
	wasm_global_get(b, error), wasm_local_set(b, 0);
	wasm_i32_const(b, 0), wasm_global_set(b, error);
	wasm_local_get(b, 0);
}

/* ------------------------------------------------------------------ region */

/* Appends n bytes to the region's data; their address. */
static uint32_t put(struct wasm_buf *data, uint32_t base, const void *p, size_t n)
{
	uint32_t at = base + (uint32_t)data->len;

	wasm_put(data, p, n);
	return at;
}

static void put_u32_at(struct wasm_buf *data, size_t offset, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		data->p[offset + (size_t)i] = (unsigned char)(v >> (8 * i));
}

static void zeros(struct wasm_buf *data, size_t n)
{
	while (n--)
		wasm_put_byte(data, 0);
}

/* Whether some module imports a function of the dlopen family from env. */
static int wants_dl(const struct link *L)
{
	for (size_t i = 0; i < L->nunits; i++) {
		const struct wasm_module *m = &L->units[i].lib.m;

		if (L->units[i].dl_openable)
			return 1;
		for (uint32_t k = 0; k < m->nimports; k++)
			if (wasm_name_is(m->imports[k].module, "env") && m->imports[k].kind == WASM_FUNC &&
			    complink_dl_type(m->imports[k].name))
				return 1;
	}
	return 0;
}

static const unsigned char ii[] = {WASM_I32, WASM_I32, WASM_I32, WASM_I32}, i1[] = {WASM_I32};
static const struct wasm_functype two_t = {ii, i1, 2, 1}, one_t = {ii, i1, 1, 1}, none_t = {NULL, i1, 0, 1};

const struct wasm_functype *complink_dl_type(struct wasm_name n)
{
	if (wasm_name_is(n, "dlopen") || wasm_name_is(n, "dlsym"))
		return &two_t;
	if (wasm_name_is(n, "dlclose"))
		return &one_t;
	if (wasm_name_is(n, "dlerror"))
		return &none_t;
	return NULL;
}

/*
 * The region's contents at base: the libraries, their symbols, the names
 * and messages (the error buffer follows them). Slots for the functions are made here.
 */
static void region(struct link *L, uint32_t base, struct wasm_buf *data, uint32_t *libs, uint32_t *n,
                   uint32_t msg[5])
{
	size_t nlibs = 0, at;

	for (size_t i = 0; i < L->nunits; i++)
		nlibs += L->units[i].dl_openable || L->units[i].main;
	*n = (uint32_t)nlibs;
	*libs = base + (uint32_t)data->len;
	at = data->len;
	zeros(data, 16 * nlibs);
	/* the executable (the last unit) first */
	for (size_t r = 0; r < L->nunits; r++) {
		size_t i = (r + L->nunits - 1) % L->nunits;
		struct unit *u = &L->units[i];
		const struct wasm_module *m = &u->lib.m;
		const char *soname = u->main ? "" : u->lib.soname;
		size_t syms, nsyms = 0;
		uint32_t p;

		if (!u->dl_openable && !u->main)
			continue;
		for (uint32_t k = 0; k < m->nexports; k++)
			nsyms += listed(u, &m->exports[k]);
		zeros(data, (4 - data->len % 4) % 4); /* the entries aligned, after the names before them */
		syms = data->len;
		zeros(data, 12 * nsyms);
		p = put(data, base, soname, strlen(soname));
		put_u32_at(data, at, p);
		put_u32_at(data, at + 4, (uint32_t)strlen(soname));
		put_u32_at(data, at + 8, base + (uint32_t)syms);
		put_u32_at(data, at + 12, (uint32_t)nsyms);
		at += 16;
		for (uint32_t k = 0; k < m->nexports; k++) {
			const struct wasm_export *e = &m->exports[k];
			uint32_t v;

			if (!listed(u, e))
				continue;
			if (e->kind == WASM_FUNC)
				v = complink_slot(L, i, e->name);
			else
				v = u->mem_base + (uint32_t)m->globals[e->index].value;
			put_u32_at(data, syms, put(data, base, e->name.p, e->name.len));
			put_u32_at(data, syms + 4, e->name.len);
			put_u32_at(data, syms + 8, v);
			syms += 12;
		}
	}
	msg[0] = put(data, base, not_dl_openable, sizeof(not_dl_openable));
	msg[1] = put(data, base, undefined_symbol, sizeof(undefined_symbol));
	msg[2] = put(data, base, dlsym_prefix, sizeof(dlsym_prefix));
	msg[3] = put(data, base, dlclose_prefix, sizeof(dlclose_prefix));
	msg[4] = put(data, base, not_a_handle, sizeof(not_a_handle));
}

int complink_dl(struct link *L, struct wasm_buf *out, char **err)
{
	static const struct wasm_functype match_t = {ii, i1, 3, 1}, find_t = {ii, i1, 4, 1}, fail_t = {ii, NULL, 3, 0};
	struct wasm_builder b = {0};
	struct wasm_buf data = {0}, body = {0};
	uint32_t base = L->mem_end, libs, n, msg[5], error, match, find, fail, handle, errbuf;

	if (!wants_dl(L))
		return 0;
	region(L, base, &data, &libs, &n, msg);
	errbuf = base + (((uint32_t)data.len + 3) & ~3u);
	if ((uint64_t)errbuf + ERRBUF_SIZE + SCRATCH_SIZE > UINT32_MAX / 2) {
		wasm_buf_free(&data);
		return complink_fail(err, "%s: the dl-openable libraries' symbols do not fit in memory", L->name);
	}
	L->mem_end = (uint32_t)(((uint64_t)errbuf + ERRBUF_SIZE + SCRATCH_SIZE + PAGE - 1) / PAGE * PAGE);
	wasm_builder_import(&b, "a", &(struct wasm_import){.name = {"memory", 6}, .kind = WASM_MEMORY});
	error = wasm_builder_global(&b, WASM_I32, 1, 0);
	f_match(&body);
	match = wasm_builder_func_locals(&b, &match_t, 1, &body);
	wasm_buf_free(&body);
	f_find(&body, match);
	find = wasm_builder_func_locals(&b, &find_t, 1, &body);
	wasm_buf_free(&body);
	f_fail(&body, errbuf, error);
	fail = wasm_builder_func_locals(&b, &fail_t, 2, &body);
	wasm_buf_free(&body);
	f_handle(&body, errbuf + ERRBUF_SIZE);
	handle = wasm_builder_func_locals(&b, &match_t, 3, &body);
	wasm_buf_free(&body);
	f_dlopen(&body, libs, n, msg[0], find, fail);
	wasm_builder_export(&b, (struct wasm_name){"dlopen", 6}, WASM_FUNC, wasm_builder_func_locals(&b, &two_t, 2, &body));
	wasm_buf_free(&body);
	f_dlsym(&body, libs, n, msg, find, handle, fail);
	wasm_builder_export(&b, (struct wasm_name){"dlsym", 5}, WASM_FUNC, wasm_builder_func_locals(&b, &two_t, 2, &body));
	wasm_buf_free(&body);
	f_dlclose(&body, n, msg, handle, fail);
	wasm_builder_export(&b, (struct wasm_name){"dlclose", 7}, WASM_FUNC, wasm_builder_func(&b, &one_t, &body));
	wasm_buf_free(&body);
	f_dlerror(&body, error);
	wasm_builder_export(&b, (struct wasm_name){"dlerror", 7}, WASM_FUNC,
	                    wasm_builder_func_locals(&b, &none_t, 1, &body));
	wasm_buf_free(&body);
	wasm_builder_data(&b, base, data.p, data.len);
	wasm_buf_free(&data);
	wasm_builder_finish(&b, out);
	return 1;
}
