/* wasm.h: the one reader and writer of WebAssembly binaries: modules, components, custom sections. */
#ifndef WASM_WASM_H
#define WASM_WASM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Everything here reads untrusted bytes: every read is bounded, and the
 * first error is kept with the byte offset where it happened (from the
 * start of the binary, as wasm tools report it). The dynamic-linking
 * sections follow doc/dynamic-linking-abi.md.
 */

/* The header: magic, then the version of a core module or of a component. */
extern const unsigned char wasm_magic[4], wasm_module_version[4], wasm_component_version[4];
#define WASM_HEADER_SIZE 8

/* Section ids of a core module. */
enum wasm_section_id {
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

/* Section ids of a component. */
enum wasm_component_section_id {
	WASM_COMPONENT_CUSTOM = 0,
	WASM_COMPONENT_CORE_MODULE = 1,
	WASM_COMPONENT_CORE_INSTANCE = 2,
	WASM_COMPONENT_CORE_TYPE = 3,
	WASM_COMPONENT_COMPONENT = 4,
	WASM_COMPONENT_INSTANCE = 5,
	WASM_COMPONENT_ALIAS = 6,
	WASM_COMPONENT_TYPE = 7,
	WASM_COMPONENT_CANON = 8,
	WASM_COMPONENT_START = 9,
	WASM_COMPONENT_IMPORT = 10,
	WASM_COMPONENT_EXPORT = 11,
};

/* What an import or export is (the core sorts). */
enum wasm_kind { WASM_FUNC = 0, WASM_TABLE = 1, WASM_MEMORY = 2, WASM_GLOBAL = 3, WASM_TAG = 4 };

/* Flags of limits. */
enum { WASM_LIMITS_MAX = 1, WASM_LIMITS_SHARED = 2, WASM_LIMITS_64 = 4, WASM_LIMITS_PAGESIZE = 8 };

/* Value types of one byte. */
enum { WASM_I32 = 0x7f, WASM_I64 = 0x7e, WASM_F32 = 0x7d, WASM_F64 = 0x7c, WASM_FUNCREF = 0x70 };

/* ------------------------------------------------------------------ cursor */

/* The first error of a read: an allocated message and where it happened. */
struct wasm_error {
	char *msg;
	size_t offset;
};

/*
 * A cursor over base[pos..end). A read past end or a malformed value
 * records the first error in *error and reads as 0 (an empty name); every
 * read after an error fails too, so that callers check once, at the end.
 * Cursors made by wasm_sub share their parent's error.
 */
struct wasm_cursor {
	const unsigned char *base;
	size_t pos, end;
	struct wasm_error *error;
};

/* A name as the binary holds it: UTF-8 bytes, not NUL-terminated (and they may contain NUL). */
struct wasm_name {
	const char *p;
	size_t len;
};

struct wasm_cursor wasm_cursor(const unsigned char *base, size_t pos, size_t end, struct wasm_error *error);
int wasm_failed(const struct wasm_cursor *c);
size_t wasm_left(const struct wasm_cursor *c);
/* Records "fmt" at the cursor's position unless an error is already recorded; returns -1. */
int wasm_fail(struct wasm_cursor *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "malformed at offset 0xOFFSET: MESSAGE", allocated; NULL when there was no error. */
char *wasm_error_str(const struct wasm_error *e);
void wasm_error_free(struct wasm_error *e);

unsigned wasm_byte(struct wasm_cursor *c);
uint32_t wasm_u32(struct wasm_cursor *c);   /* unsigned LEB128 of at most 32 bits */
uint64_t wasm_u64(struct wasm_cursor *c);   /* of at most 64 bits */
int32_t wasm_s32(struct wasm_cursor *c);    /* signed LEB128 (i32.const) */
int64_t wasm_s64(struct wasm_cursor *c);
/* A vector's length, refused when more elements than bytes are left (each takes one at least). */
uint32_t wasm_count(struct wasm_cursor *c);
struct wasm_name wasm_get_name(struct wasm_cursor *c);
/* n bytes, skipped; NULL when they run past the end. */
const unsigned char *wasm_bytes(struct wasm_cursor *c, size_t n);
/* The next size bytes as a cursor of their own (sharing the error); c moves past them. */
struct wasm_cursor wasm_sub(struct wasm_cursor *c, size_t size, const char *what);
/* Whether the cursor is at its end; otherwise records "what has N bytes left over". */
int wasm_expect_end(struct wasm_cursor *c, const char *what);

/* ------------------------------------------------------------------ names */

int wasm_name_is(struct wasm_name n, const char *s);
int wasm_name_has_prefix(struct wasm_name n, const char *prefix);
int wasm_name_equal(struct wasm_name a, struct wasm_name b);
/* The name made printable on one line (control bytes as \xNN), allocated. */
char *wasm_name_str(struct wasm_name n);
/* A copy as a C string, allocated; NULL when the name contains NUL. */
char *wasm_name_dup(struct wasm_name n);

/* ------------------------------------------------------------------ writer */

/* A growing buffer of bytes. */
struct wasm_buf {
	unsigned char *p;
	size_t len, cap;
};

void wasm_put(struct wasm_buf *b, const void *p, size_t n);
void wasm_put_byte(struct wasm_buf *b, unsigned v);
void wasm_put_u32(struct wasm_buf *b, uint32_t v);
void wasm_put_u64(struct wasm_buf *b, uint64_t v);
void wasm_put_s32(struct wasm_buf *b, int32_t v);
void wasm_put_s64(struct wasm_buf *b, int64_t v);
void wasm_put_name(struct wasm_buf *b, const char *p, size_t n);
void wasm_put_str(struct wasm_buf *b, const char *s);
/* A section (or subsection): id, size, then the content, which is emptied for reuse. */
void wasm_put_section(struct wasm_buf *b, unsigned id, struct wasm_buf *content);
/* The same of the n bytes at p. */
void wasm_put_section_bytes(struct wasm_buf *b, unsigned id, const void *p, size_t n);
/* A custom section: id 0, size, name, then the content (emptied). */
void wasm_put_custom(struct wasm_buf *b, const char *name, struct wasm_buf *content);
/* The header of a core module or a component. */
void wasm_put_header(struct wasm_buf *b, int component);
void wasm_buf_free(struct wasm_buf *b);

/* ---------------------------------------------------------------- sections */

enum wasm_binary { WASM_NOT_WASM = 0, WASM_CORE_MODULE = 1, WASM_COMPONENT = 2, WASM_OTHER_VERSION = 3 };
/* What the header of bytes[0..len) says. */
enum wasm_binary wasm_binary_kind(const unsigned char *bytes, size_t len);

/* A section: where its id byte is, its contents, and a custom section's name. */
struct wasm_section {
	unsigned id;
	size_t start, payload, end;
	struct wasm_name name; /* a custom section's name */
	size_t content;        /* where a custom section's contents follow its name; else payload */
};

/*
 * The sections of bytes[0..len), a core module or a component (want, one of
 * WASM_CORE_MODULE, WASM_COMPONENT, or 0 for either), framing only: each
 * within the bytes, a custom section's name within its section. Returns 0
 * with *out allocated, or -1 with *err allocated ("is not a WebAssembly
 * module", "malformed at offset 0x..: ...").
 */
int wasm_sections(const unsigned char *bytes, size_t len, enum wasm_binary want, struct wasm_section **out,
                  size_t *n, char **err);
/* The first custom section of that name, or NULL. */
const struct wasm_section *wasm_find_custom(const struct wasm_section *s, size_t n, const char *name);
/* The first section of that id, or NULL. */
const struct wasm_section *wasm_find_section(const struct wasm_section *s, size_t n, unsigned id);

/*
 * Whether bytes are a core module with a custom section of that name (a
 * malformed file has none). What dylink.0 or linking makes a module is
 * steps/libraries.c's to say.
 */
int wasm_has_custom(const unsigned char *bytes, size_t len, const char *name);

/* The first section with that id of the component in bytes[0..len): 1, 0 when none, -1 with *err set. */
int wasm_component_find(const unsigned char *bytes, size_t len, unsigned id, struct wasm_section *out, char **err);

/* Core module and core instance indices at or above _from move up by _by. */
struct wasm_shift {
	uint32_t module_from, module_by, instance_from, instance_by;
};
/*
 * Appends the section s of the component in bytes to out, with the core
 * module and instance indices it refers to shifted (core instance, alias,
 * instance and export sections; others are copied). -1 with *err set.
 */
int wasm_component_shift(const unsigned char *bytes, const struct wasm_section *s, const struct wasm_shift *sh,
                         struct wasm_buf *out, char **err);
/* The same of entries [from, to) of the core instance section s (to the end when to is past it), as a section. */
int wasm_core_instances_shift(const unsigned char *bytes, const struct wasm_section *s, size_t from, size_t to,
                              const struct wasm_shift *sh, struct wasm_buf *out, char **err);

/* Adds the core modules and core instances that the alias section s defines. -1 with *err set. */
int wasm_alias_counts(const unsigned char *bytes, const struct wasm_section *s, uint32_t *modules,
                      uint32_t *instances, char **err);

/* A core instance of a component: instantiated (kind 0, module and args) or made of exports (kind 1, args). */
struct wasm_core_arg {
	struct wasm_name name;
	unsigned sort; /* 0x12 (an instance) for an instantiation's argument; a core sort for an export */
	uint32_t index;
};
struct wasm_core_instance {
	unsigned kind;
	uint32_t module;
	struct wasm_core_arg *args;
	uint32_t nargs;
	size_t start, end; /* the entry's bytes */
};
/* The entries of a core instance section. -1 with *err set. */
int wasm_read_core_instances(const unsigned char *bytes, const struct wasm_section *s,
                             struct wasm_core_instance **out, size_t *n, char **err);
void wasm_core_instances_free(struct wasm_core_instance *in, size_t n);

/* ----------------------------------------------------------- core modules */

/* A function type: its parameter and result value types, one byte each. */
struct wasm_functype {
	const unsigned char *params, *results;
	uint32_t nparams, nresults;
};

struct wasm_limits {
	unsigned flags;
	uint64_t min, max;
	uint32_t page_log2; /* with WASM_LIMITS_PAGESIZE */
};

struct wasm_import {
	struct wasm_name module, name;
	enum wasm_kind kind;
	uint32_t type;              /* WASM_FUNC: the type index */
	struct wasm_limits limits;  /* WASM_TABLE, WASM_MEMORY */
	unsigned valtype, mut;      /* WASM_GLOBAL; WASM_TABLE: valtype is the element type */
};

struct wasm_export {
	struct wasm_name name;
	enum wasm_kind kind;
	uint32_t index;
};

/* A global defined by the module; value is that of a constant initializer (i32/i64.const), else has_value 0. */
struct wasm_global {
	unsigned valtype, mut;
	int has_value;
	int64_t value;
};

/*
 * What a core module declares, pointing into its bytes (which must outlive
 * it). The function, table, memory and global index spaces count the
 * imported ones first, as the binary format does.
 */
struct wasm_module {
	struct wasm_functype *types;
	uint32_t ntypes;
	struct wasm_import *imports;
	uint32_t nimports;
	uint32_t *func_types; /* the type index of each function */
	uint32_t nfuncs, nimported_funcs;
	struct wasm_limits *tables;
	uint32_t ntables;
	struct wasm_limits *mems;
	uint32_t nmems;
	struct wasm_global *globals; /* imported ones have has_value 0 */
	uint32_t nglobals;
	struct wasm_export *exports;
	uint32_t nexports;
	struct wasm_name *customs; /* the names of the custom sections, in order */
	uint32_t ncustoms;
	struct wasm_section *sections; /* every section, in order */
	size_t nsections;
};

/*
 * Reads the module in bytes[0..len): header, section layout and order, and
 * the type, import, function, table, memory, global, export and custom
 * sections in full; other sections are only checked to lie within the
 * bytes. Returns 0, or -1 with *err set to an allocated message.
 */
int wasm_read_module(struct wasm_module *m, const unsigned char *bytes, size_t len, char **err);
void wasm_module_free(struct wasm_module *m);

/* The type of function index f, or NULL when there is none. */
const struct wasm_functype *wasm_func_type(const struct wasm_module *m, uint32_t f);
int wasm_functype_equal(const struct wasm_functype *a, const struct wasm_functype *b);
/* "[i32 i64] -> [i32]", allocated. */
char *wasm_functype_str(const struct wasm_functype *t);
void wasm_put_functype(struct wasm_buf *b, const struct wasm_functype *t);
/* An export of that name, or NULL. */
const struct wasm_export *wasm_find_export(const struct wasm_module *m, const char *name);
const struct wasm_export *wasm_find_export_name(const struct wasm_module *m, struct wasm_name name);
/* Writes an import's description (kind and type) as the import section has it. */
void wasm_put_import_desc(struct wasm_buf *b, const struct wasm_import *im);
/*
 * The head of an element segment as wasm-ld writes a dll's: active, of
 * table 0, of function indices (flags 0), at global.get *global, plus
 * i32.const *addend (else 0). c is left at the vector of function indices.
 * -1 when the segment has another form, or is malformed (the error in c).
 */
int wasm_read_elem_head(struct wasm_cursor *c, uint32_t *global, int32_t *addend);
/* An import section's entry: from module, im's name and description (im->module is not read). */
void wasm_put_import(struct wasm_buf *b, struct wasm_name module, const struct wasm_import *im);
void wasm_put_limits(struct wasm_buf *b, const struct wasm_limits *l);
/* A table's type: its element type, then its limits. */
void wasm_put_tabletype(struct wasm_buf *b, unsigned elem, const struct wasm_limits *l);

/*
 * A small core module being written, in any order of calls but this one:
 * every import before any definition (the index spaces count imports
 * first). Functions have i32 locals at most; element segments are active,
 * of one function, in table 0; data segments are active, in memory 0.
 */
struct wasm_builder {
	struct wasm_buf types, imports, funcs, globals, exports, elems, code, data;
	uint32_t ntypes, nimports, nfuncs, nglobals, nexports, nelems, ndata;
	uint32_t nfuncs_imported, nglobals_imported, ntables_imported, nmems_imported;
	int memory; /* defines a memory of 0 pages, exported as "memory" (the first export) */
};
uint32_t wasm_builder_type(struct wasm_builder *b, const struct wasm_functype *t);
/*
 * An import from module of im's name and description (im->module is not
 * read): a table, memory or global, or a function whose im->type is a type
 * of b (wasm_builder_import_func makes one).
 */
void wasm_builder_import(struct wasm_builder *b, const char *module, const struct wasm_import *im);
uint32_t wasm_builder_import_func(struct wasm_builder *b, const char *module, struct wasm_name name,
                                  const struct wasm_functype *t);
/* A global initialized to a constant; its index. */
uint32_t wasm_builder_global(struct wasm_builder *b, unsigned valtype, unsigned mut, int32_t value);
void wasm_builder_export(struct wasm_builder *b, struct wasm_name name, enum wasm_kind kind, uint32_t index);
/* A function of type t whose body is the instructions in body (without the final end); its index. */
uint32_t wasm_builder_func(struct wasm_builder *b, const struct wasm_functype *t, const struct wasm_buf *body);
/* The same, with that many i32 locals after the parameters. */
uint32_t wasm_builder_func_locals(struct wasm_builder *b, const struct wasm_functype *t, uint32_t locals,
                                  const struct wasm_buf *body);
/* Function f at offset of table 0, at instantiation. */
void wasm_builder_elem(struct wasm_builder *b, uint32_t offset, uint32_t f);
/* bytes at offset of memory 0, at instantiation. */
void wasm_builder_data(struct wasm_builder *b, uint32_t offset, const void *bytes, size_t len);
/* The module into out (allocated); b is emptied. */
void wasm_builder_finish(struct wasm_builder *b, struct wasm_buf *out);

/*
 * The module in bytes (read into m) with the minimums of the first table and
 * memory it defines (pages) raised to those given, and their maximums where
 * lower, into out. Imported ones are left alone, and tables unless the
 * module defines one, of funcref (wasm-ld's __indirect_function_table).
 */
void wasm_put_module_grown(struct wasm_buf *out, const unsigned char *bytes, const struct wasm_module *m,
                           uint32_t table_min, uint32_t mem_min);

/* ----------------------------------------------------------- instructions */

/* The opcodes the project writes (the core binary format's, section 5.4). */
enum wasm_opcode {
	WASM_OP_UNREACHABLE = 0x00, WASM_OP_BLOCK = 0x02, WASM_OP_LOOP = 0x03, WASM_OP_IF = 0x04, WASM_OP_END = 0x0b,
	WASM_OP_BR = 0x0c, WASM_OP_BR_IF = 0x0d, WASM_OP_RETURN = 0x0f, WASM_OP_CALL = 0x10,
	WASM_OP_CALL_INDIRECT = 0x11,
	WASM_OP_LOCAL_GET = 0x20, WASM_OP_LOCAL_SET = 0x21, WASM_OP_LOCAL_TEE = 0x22, WASM_OP_GLOBAL_GET = 0x23,
	WASM_OP_GLOBAL_SET = 0x24,
	WASM_OP_I32_LOAD = 0x28, WASM_OP_I32_LOAD8_U = 0x2d, WASM_OP_I32_STORE = 0x36, WASM_OP_I32_STORE8 = 0x3a,
	WASM_OP_I32_CONST = 0x41, WASM_OP_I64_CONST = 0x42,
	WASM_OP_I32_EQZ = 0x45, WASM_OP_I32_EQ = 0x46, WASM_OP_I32_NE = 0x47, WASM_OP_I32_LT_U = 0x49,
	WASM_OP_I32_GE_U = 0x4f, WASM_OP_I32_ADD = 0x6a, WASM_OP_I32_SUB = 0x6b, WASM_OP_I32_MUL = 0x6c,
	WASM_OP_I32_DIV_U = 0x6e, WASM_OP_I32_REM_U = 0x70,
};

/* An instruction without immediates (unreachable, end, return, the numeric ones). */
void wasm_op(struct wasm_buf *b, enum wasm_opcode op);
/* block, loop or if, of no parameters and no results. */
void wasm_op_block(struct wasm_buf *b, enum wasm_opcode op);
/* br, br_if (a label), call (a function), local.* and global.* (an index). */
void wasm_op_index(struct wasm_buf *b, enum wasm_opcode op, uint32_t index);
void wasm_call(struct wasm_buf *b, uint32_t func);
void wasm_call_indirect(struct wasm_buf *b, uint32_t type, uint32_t table);
void wasm_local_get(struct wasm_buf *b, uint32_t local);
void wasm_local_set(struct wasm_buf *b, uint32_t local);
void wasm_local_tee(struct wasm_buf *b, uint32_t local);
void wasm_global_get(struct wasm_buf *b, uint32_t global);
void wasm_global_set(struct wasm_buf *b, uint32_t global);
/* i32.const of the bits of v; i64.const. */
void wasm_i32_const(struct wasm_buf *b, uint32_t v);
void wasm_i64_const(struct wasm_buf *b, int64_t v);
/* A load or store of memory 0: its alignment as a power of 2, then its offset. */
void wasm_op_memory(struct wasm_buf *b, enum wasm_opcode op, uint32_t align_log2, uint32_t offset);
/* A constant expression (a global's value, a segment's offset): the const of valtype v, then end. */
void wasm_const_expr(struct wasm_buf *b, unsigned valtype, int64_t v);

/* ------------------------------------------------------- component writer */

/* The core sorts beyond wasm_kind's, as a core instance argument or alias names them. */
enum { WASM_CORE_SORT_TYPE = 0x10, WASM_CORE_SORT_MODULE = 0x11, WASM_CORE_SORT_INSTANCE = 0x12 };
/* A component's sorts; a core one (WASM_SORT_CORE | a core sort) is written 0x00, then the core sort. */
enum wasm_sort {
	WASM_SORT_FUNC = 0x01, WASM_SORT_VALUE = 0x02, WASM_SORT_TYPE = 0x03, WASM_SORT_COMPONENT = 0x04,
	WASM_SORT_INSTANCE = 0x05, WASM_SORT_CORE = 0x100,
};
void wasm_put_sort(struct wasm_buf *b, unsigned sort);

/* The arguments of a core instantiation, or the exports of a core instance, being written. */
struct wasm_core_args {
	struct wasm_buf b;
	uint32_t n;
};
/* One: name, then a core sort (WASM_CORE_SORT_INSTANCE for an instantiation's) and its index. */
void wasm_core_arg(struct wasm_core_args *a, struct wasm_name name, unsigned core_sort, uint32_t index);
void wasm_core_arg_str(struct wasm_core_args *a, const char *name, unsigned core_sort, uint32_t index);
void wasm_core_args_free(struct wasm_core_args *a);
/* A core instance section's entry: module instantiated with a, or an instance of a's exports; a is emptied. */
void wasm_put_core_instantiate(struct wasm_buf *b, uint32_t module, struct wasm_core_args *a);
void wasm_put_core_instance_exports(struct wasm_buf *b, struct wasm_core_args *a);

/* An alias section's entry: an export of a core instance, of an instance, or a definition of an outer component. */
void wasm_put_alias_core_export(struct wasm_buf *b, unsigned core_sort, uint32_t instance, const char *name);
void wasm_put_alias_export(struct wasm_buf *b, unsigned sort, uint32_t instance, const char *name);
void wasm_put_alias_outer(struct wasm_buf *b, unsigned sort, uint32_t count, uint32_t index);

/* The options of canon lift and lower: string encoding UTF-8, and what is set of the others. */
struct wasm_canon_opts {
	int memory, realloc, post_return; /* whether set */
	uint32_t memory_index, realloc_func, post_return_func;
};
/* A canonical section's entry: lift core_func to a function of type, lower func, a resource's built-ins. */
void wasm_put_canon_lift(struct wasm_buf *b, uint32_t core_func, const struct wasm_canon_opts *o, uint32_t type);
void wasm_put_canon_lower(struct wasm_buf *b, uint32_t func, const struct wasm_canon_opts *o);
void wasm_put_canon_resource_new(struct wasm_buf *b, uint32_t type);
void wasm_put_canon_resource_drop(struct wasm_buf *b, uint32_t type);
void wasm_put_canon_resource_rep(struct wasm_buf *b, uint32_t type);

/* What a component import or a typed export is: a sort and a type index (wasm/comptype.c writes types). */
enum wasm_extern {
	WASM_EXTERN_CORE_MODULE = 0x00, WASM_EXTERN_FUNC = 0x01, WASM_EXTERN_TYPE = 0x03, /* a type equal to it */
	WASM_EXTERN_COMPONENT = 0x04, WASM_EXTERN_INSTANCE = 0x05,
};
void wasm_put_extern_desc(struct wasm_buf *b, enum wasm_extern kind, uint32_t type);
/* An import section's entry. */
void wasm_put_component_import(struct wasm_buf *b, const char *name, enum wasm_extern kind, uint32_t type);
/* An export section's entry, without a type ascription. */
void wasm_put_component_export(struct wasm_buf *b, const char *name, unsigned sort, uint32_t index);

/* ------------------------------------------- the project's custom sections */

/* Named and laid out in doc/dynamic-linking-abi.md. */
#define WASM_ENV_SECTION "wasm32-wasi-cc.env"             /* the declared environment: vec(name) */
#define WASM_ENV_SOURCE_SECTION "wasm32-wasi-cc.env-source" /* names found passed to getenv: vec(name) */
#define WASM_SONAME_SECTION "wasm32-wasi-cc.soname"       /* a dll's soname: a name */
#define WASM_LIBRARIES_SECTION "wasm32-wasi-cc.libraries" /* a dynamic executable's modules: vec(name, index) */
#define WASM_MAIN_SECTION "wasm32-wasi-cc.main"           /* a typed command's signature: JSON (doc/typed-main.md) */
#define WASM_EXPORT_INDEX_SECTION "wasm32-wasi-cc.exports" /* a dll's exports by a hash of their names */
/* A core module's world, for wit-component (wasm_world_metadata); its name starts with "component-type". */
#define WASM_WORLD_SECTION "component-type:wasm32-wasi-cc"

/* An embedded module of a dynamic executable's component: its soname ("" for the executable), its core module. */
struct wasm_library {
	struct wasm_name name;
	uint32_t module;
};
void wasm_put_env_section(struct wasm_buf *b, char *const *names, size_t n);
void wasm_put_env_source_section(struct wasm_buf *b, char *const *names, size_t n);
void wasm_put_soname_section(struct wasm_buf *b, const char *soname);
void wasm_put_libraries_section(struct wasm_buf *b, const struct wasm_library *libs, size_t n);
/* Their contents (c over what follows the name); 0 with *out allocated, or -1 (error in c). */
int wasm_read_env_section(struct wasm_cursor *c, struct wasm_name **names, uint32_t *n);
int wasm_read_soname_section(struct wasm_cursor *c, struct wasm_name *soname);
int wasm_read_libraries_section(struct wasm_cursor *c, struct wasm_library **libs, uint32_t *n);

/* A dll's export index (wasm/exportindex.c says what it is). */
struct wasm_export_index {
	uint32_t size, count, nslots; /* of the export section's contents, its exports, the slots */
	const unsigned char *slots;   /* nslots u32, little-endian: 0, or 1 + an entry's offset */
};
/* The hash that places a name. */
uint32_t wasm_export_hash(const char *p, size_t n);
/* Appends the index of m's export section (m read from bytes); 0 when m has none, else 1. */
int wasm_put_export_index_section(struct wasm_buf *b, const struct wasm_module *m, const unsigned char *bytes);
int wasm_read_export_index_section(struct wasm_cursor *c, struct wasm_export_index *index);
/* The offset in the export section's contents [contents, +len) of the entry named name; -1 when there
 * is none, or the index is not of that section. */
long wasm_export_index_find(const struct wasm_export_index *index, const unsigned char *contents, size_t len,
                            const char *name, size_t n);

/* ------------------------------------------------------------------ code */

/*
 * One instruction: its opcode byte (for the prefixes 0xfc, 0xfd and 0xfe,
 * the rest of the opcode in sub), and the immediates a reader of code
 * wants: the index of local.*, global.*, call, call_indirect (its type),
 * br, br_if and the like, the offset of a memory argument; the value of
 * i32.const and i64.const. Every other immediate is skipped, bounded.
 */
struct wasm_instr {
	unsigned op;
	uint32_t sub, index;
	int64_t value;
	size_t at; /* where the opcode is */
};
/* Reads one instruction; -1 (error in c) when it is malformed or unknown. */
int wasm_read_instr(struct wasm_cursor *c, struct wasm_instr *in);

/* A function body of the code section: its locals (past the parameters) and its instructions [code, end). */
struct wasm_body {
	uint32_t nlocals;
	size_t code, end;
};
/* The bodies of the code section s. -1 with *err set; more than 50000 locals are refused. */
int wasm_read_bodies(const unsigned char *bytes, const struct wasm_section *s, struct wasm_body **out, size_t *n,
                     char **err);

/* A data segment: active ones in memory at the value of the constant expression at offset (up to its end). */
struct wasm_data {
	int active;
	uint32_t memory;
	size_t offset;
	const unsigned char *bytes;
	uint32_t len;
};
/* The segments of the data section s. -1 with *err set. */
int wasm_read_data(const unsigned char *bytes, const struct wasm_section *s, struct wasm_data **out, size_t *n,
                   char **err);

/* A function's name, from the name section's function names (subsection 1). */
struct wasm_func_name {
	uint32_t index;
	struct wasm_name name;
};
/* The function names of the custom section s named "name". -1 with *err set. */
int wasm_read_func_names(const unsigned char *bytes, const struct wasm_section *s, struct wasm_func_name **out,
                         size_t *n, char **err);

/* --------------------------------------------------------------- dylink.0 */

/* Subsections of dylink.0. */
enum { WASM_DYLINK_MEM_INFO = 1, WASM_DYLINK_NEEDED = 2, WASM_DYLINK_EXPORT_INFO = 3,
       WASM_DYLINK_IMPORT_INFO = 4, WASM_DYLINK_RUNTIME_PATH = 5 };
/* Symbol flags of EXPORT_INFO and IMPORT_INFO (and of the linking symbol table). */
enum { WASM_SYM_BINDING_WEAK = 0x1, WASM_SYM_BINDING_LOCAL = 0x2, WASM_SYM_VISIBILITY_HIDDEN = 0x4,
       WASM_SYM_UNDEFINED = 0x10, WASM_SYM_EXPORTED = 0x20, WASM_SYM_EXPLICIT_NAME = 0x40,
       WASM_SYM_NO_STRIP = 0x80, WASM_SYM_TLS = 0x100, WASM_SYM_ABSOLUTE = 0x200 };

struct wasm_dylink_import {
	struct wasm_name module, field;
	uint32_t flags;
};
struct wasm_dylink_export {
	struct wasm_name name;
	uint32_t flags;
};
struct wasm_subsection {
	unsigned id;
	size_t payload, end;
};

struct wasm_dylink {
	uint32_t mem_size, mem_align, table_size, table_align; /* alignments as powers of 2 */
	struct wasm_name *needed, *runpath;
	uint32_t nneeded, nrunpath;
	struct wasm_dylink_import *imports;
	uint32_t nimports;
	struct wasm_dylink_export *exports;
	uint32_t nexports;
	struct wasm_subsection *subs; /* every subsection, in order */
	size_t nsubs;
};

/* Reads the contents of a dylink.0 section (c over what follows its name). Returns 0, or -1 (error in c). */
int wasm_read_dylink(struct wasm_cursor *c, struct wasm_dylink *d);
void wasm_dylink_free(struct wasm_dylink *d);
/* The dylink.0 of a module's bytes: 1 when it has one, 0 when not, -1 with *err set. */
int wasm_module_dylink(const unsigned char *bytes, size_t len, struct wasm_dylink *d, char **err);
/* IMPORT_INFO's flags for (module, field), 0 when unlisted. */
uint32_t wasm_dylink_import_flags(const struct wasm_dylink *d, struct wasm_name module, struct wasm_name field);
/* A subsection listing names (NEEDED, RUNTIME_PATH); nothing when n is 0. */
void wasm_put_name_list(struct wasm_buf *b, unsigned id, char *const *names, size_t n);
/*
 * The section dylink.0 of d (read from bytes) with NEEDED and RUNTIME_PATH
 * replaced: NEEDED where it was, else before the first subsection that
 * follows it in id order; RUNTIME_PATH last; either left out when empty.
 */
void wasm_put_dylink_relinked(struct wasm_buf *b, const unsigned char *bytes, const struct wasm_dylink *d,
                              char *const *needed, size_t nneeded, char *const *runpath, size_t nrunpath);

/* ---------------------------------------------------------------- linking */

/* Symbol kinds of the linking section's symbol table. */
enum { WASM_SYMBOL_FUNCTION = 0, WASM_SYMBOL_DATA = 1, WASM_SYMBOL_GLOBAL = 2, WASM_SYMBOL_SECTION = 3,
       WASM_SYMBOL_TAG = 4, WASM_SYMBOL_TABLE = 5 };
#define WASM_LINKING_VERSION 2
#define WASM_LINKING_SYMBOL_TABLE 8

struct wasm_symbol {
	unsigned kind;
	uint32_t flags, index; /* index: of the function, global, tag, table, section or data segment */
	size_t flags_at;       /* where the flags' LEB128 starts in the bytes */
	struct wasm_name name; /* empty when the symbol has none */
	uint32_t offset, size; /* a defined data symbol's */
};

/*
 * The symbol table of the linking section's contents (c over what follows
 * its name). Returns 0 with *syms allocated, or -1 (error in c).
 */
int wasm_read_symbols(struct wasm_cursor *c, struct wasm_symbol **syms, size_t *n);


/* --------------------------------------------------------- component types */

/*
 * Component types as the binary format writes them (Binary.md, "Type
 * definitions"): the value types the canonical ABI lifts, function types,
 * and component types of declarations, whose type index space counts each
 * type declaration and each type import. What wit-component reads as a
 * world is such a component type (wasm_world_metadata).
 */

/* The primitive value types. */
enum { WASM_CV_BOOL = 0x7f, WASM_CV_S8 = 0x7e, WASM_CV_U8 = 0x7d, WASM_CV_S16 = 0x7c, WASM_CV_U16 = 0x7b,
       WASM_CV_S32 = 0x7a, WASM_CV_U32 = 0x79, WASM_CV_S64 = 0x78, WASM_CV_U64 = 0x77, WASM_CV_F32 = 0x76,
       WASM_CV_F64 = 0x75, WASM_CV_CHAR = 0x74, WASM_CV_STRING = 0x73 };

/* A value type: a primitive (prim, one of WASM_CV_*) or a type index (prim 0); none is {0, WASM_CV_NONE}. */
struct wasm_cvaltype {
	unsigned prim;
	uint32_t index;
};
#define WASM_CV_NONE UINT32_MAX

/* A component type being written: its declarations and how many types they define. */
struct wasm_comptype {
	struct wasm_buf decls;
	uint32_t ndecls, ntypes, ninstances;
};

/* Each defines a type in t and returns its index; labels are kebab-case names. */
uint32_t wasm_ct_prim(struct wasm_comptype *t, unsigned prim);
uint32_t wasm_ct_record(struct wasm_comptype *t, size_t n, const char *const *labels,
                        const struct wasm_cvaltype *types);
/* types[i] may be none: a case without payload. */
uint32_t wasm_ct_variant(struct wasm_comptype *t, size_t n, const char *const *labels,
                         const struct wasm_cvaltype *types);
uint32_t wasm_ct_list(struct wasm_comptype *t, struct wasm_cvaltype elem);
uint32_t wasm_ct_tuple(struct wasm_comptype *t, size_t n, const struct wasm_cvaltype *types);
uint32_t wasm_ct_flags(struct wasm_comptype *t, size_t n, const char *const *labels);
uint32_t wasm_ct_enum(struct wasm_comptype *t, size_t n, const char *const *labels);
uint32_t wasm_ct_option(struct wasm_comptype *t, struct wasm_cvaltype elem);
/* ok and err may be none. */
uint32_t wasm_ct_result(struct wasm_comptype *t, struct wasm_cvaltype ok, struct wasm_cvaltype err);
/* A function type; result may be none. */
uint32_t wasm_ct_func(struct wasm_comptype *t, size_t n, const char *const *names,
                      const struct wasm_cvaltype *types, struct wasm_cvaltype result);
/* A component type made of inner's declarations (inner is emptied). */
uint32_t wasm_ct_component(struct wasm_comptype *t, struct wasm_comptype *inner);
/* An instance type made of inner's declarations (inner is emptied). */
uint32_t wasm_ct_instance(struct wasm_comptype *t, struct wasm_comptype *inner);
/* (import "name" (instance (type index))): the instance's index. */
uint32_t wasm_ct_import_instance(struct wasm_comptype *t, const char *name, uint32_t index);
/* (export "name" (type (eq index))) in an instance type: a new type index, the name's. */
uint32_t wasm_ct_export_type(struct wasm_comptype *t, const char *name, uint32_t index);
/* (alias export instance "name" (type)): a new type index. */
uint32_t wasm_ct_alias_type(struct wasm_comptype *t, uint32_t instance, const char *name);
/* (import "name" (type (eq index))): a new type index, the name's. */
uint32_t wasm_ct_import_type(struct wasm_comptype *t, const char *name, uint32_t index);
/* (export "name" (func (type index))) */
void wasm_ct_export_func(struct wasm_comptype *t, const char *name, uint32_t index);
/* (export "name" (component (type index))) */
void wasm_ct_export_component(struct wasm_comptype *t, const char *name, uint32_t index);
/* The component type's bytes (0x41 and its declarations) appended to out; t is emptied. */
void wasm_ct_finish(struct wasm_comptype *t, struct wasm_buf *out);
void wasm_ct_free(struct wasm_comptype *t);

/*
 * The contents of a core module's "component-type:..." custom section, as
 * wit-component reads it (its metadata.rs): a component holding the custom
 * section "wit-component-encoding" (format 4, UTF-8 strings), a type section
 * with a component type that exports, as `id` ("ns:pkg/world"), the world
 * (world, emptied), and an export of that type as `name` (the world's name).
 */
void wasm_world_metadata(struct wasm_comptype *world, const char *id, const char *name, struct wasm_buf *out);

#endif
