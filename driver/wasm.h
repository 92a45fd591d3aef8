/* wasm.h: a reader and writer of the parts of WebAssembly binaries that the builtins use. */
#ifndef WASM_H
#define WASM_H

#include <stddef.h>
#include <stdint.h>

/* Section ids of a core module. */
enum wasm_section {
	WASM_SEC_CUSTOM = 0,
	WASM_SEC_TYPE = 1,
	WASM_SEC_IMPORT = 2,
	WASM_SEC_FUNCTION = 3,
	WASM_SEC_TABLE = 4,
	WASM_SEC_MEMORY = 5,
	WASM_SEC_GLOBAL = 6,
	WASM_SEC_EXPORT = 7,
	WASM_SEC_START = 8,
	WASM_SEC_ELEMENT = 9,
	WASM_SEC_CODE = 10,
	WASM_SEC_DATA = 11,
	WASM_SEC_DATACOUNT = 12,
	WASM_SEC_TAG = 13,
};

/* A component's section that holds a whole core module. */
#define WASM_COMPONENT_CORE_MODULE 1

/* What an import or export is. */
enum wasm_kind { WASM_FUNC = 0, WASM_TABLE = 1, WASM_MEMORY = 2, WASM_GLOBAL = 3, WASM_TAG = 4 };

/* Flags of a memory's limits. */
enum { WASM_LIMITS_MAX = 1, WASM_LIMITS_SHARED = 2, WASM_LIMITS_64 = 4, WASM_LIMITS_PAGESIZE = 8 };

/* A name as the binary holds it: UTF-8 bytes, not NUL-terminated (and they may contain NUL). */
struct wasm_name {
	const char *p;
	size_t len;
};

/* A function type: its parameter and result value types, one byte each. */
struct wasm_functype {
	const unsigned char *params, *results;
	uint32_t nparams, nresults;
};

struct wasm_import {
	struct wasm_name module, name;
	enum wasm_kind kind;
	uint32_t type; /* WASM_FUNC: the type index */
};

struct wasm_export {
	struct wasm_name name;
	enum wasm_kind kind;
	uint32_t index;
};

/*
 * What a core module declares, pointing into its bytes (which must outlive
 * it). Function and memory index spaces count the imported ones first, as
 * the binary format does.
 */
struct wasm_module {
	struct wasm_functype *types;
	uint32_t ntypes;
	struct wasm_import *imports;
	uint32_t nimports;
	uint32_t *func_types; /* the type index of each function */
	uint32_t nfuncs;
	unsigned *mem_flags; /* the limits flags of each memory */
	uint32_t nmems;
	struct wasm_export *exports;
	uint32_t nexports;
	struct wasm_name *customs; /* the names of the custom sections, in order */
	uint32_t ncustoms;
};

/*
 * Reads the module in bytes[0..len): header, section layout and order, and
 * the type, import, function, memory, export and custom sections in full;
 * other sections are only checked to lie within the bytes. Returns 0, or -1
 * with *err set to an allocated message ("section 2 ends past ...").
 */
int wasm_read_module(struct wasm_module *m, const unsigned char *bytes, size_t len, char **err);
void wasm_module_free(struct wasm_module *m);

/* The first section with that id of the component in bytes[0..len). */
struct wasm_span {
	size_t start;   /* where the section's id byte is */
	size_t payload; /* where its contents begin */
	size_t size;    /* the size of its contents */
};
/* Returns 1 when found, 0 when not, -1 with *err set when the component is malformed. */
int wasm_component_find(const unsigned char *bytes, size_t len, unsigned id, struct wasm_span *s,
                        char **err);

/* The type of function index f, or NULL when there is none. */
const struct wasm_functype *wasm_func_type(const struct wasm_module *m, uint32_t f);
int wasm_functype_equal(const struct wasm_functype *a, const struct wasm_functype *b);
/* "[i32 i64] -> [i32]", allocated. */
char *wasm_functype_str(const struct wasm_functype *t);

int wasm_name_is(struct wasm_name n, const char *s);
int wasm_name_has_prefix(struct wasm_name n, const char *prefix);
int wasm_name_equal(struct wasm_name a, struct wasm_name b);
/* The name made printable on one line (control bytes as \xNN), allocated. */
char *wasm_name_str(struct wasm_name n);
/* An export of that name, or NULL. */
const struct wasm_export *wasm_find_export(const struct wasm_module *m, const char *name);

/* Writes v as unsigned LEB128 into out (5 bytes at most); returns the length. */
size_t wasm_put_u32(unsigned char out[5], uint32_t v);

/*
 * A cursor for the builtins that walk sections themselves (dylink,
 * dll-exports): a read past end, or a malformed LEB128, sets bad and gives
 * 0, and every read after it too, so that callers check bad once.
 */
struct wasm_cursor {
	const unsigned char *p;
	size_t pos, end;
	int bad;
};
unsigned wasm_get_byte(struct wasm_cursor *c);
uint32_t wasm_get_u32(struct wasm_cursor *c);
void wasm_skip_leb(struct wasm_cursor *c); /* of up to 64 bits (memory64 limits) */
struct wasm_name wasm_get_name(struct wasm_cursor *c);

/* Appends v as unsigned LEB128, and a name as the binary format writes it. */
struct bytes;
void wasm_emit_u32(struct bytes *b, uint32_t v);
void wasm_emit_name(struct bytes *b, const char *p, size_t n);

#endif
