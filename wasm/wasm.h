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
void wasm_put_s32(struct wasm_buf *b, int32_t v);
void wasm_put_name(struct wasm_buf *b, const char *p, size_t n);
void wasm_put_str(struct wasm_buf *b, const char *s);
/* A section (or subsection): id, size, then the content, which is emptied for reuse. */
void wasm_put_section(struct wasm_buf *b, unsigned id, struct wasm_buf *content);
/* A custom section: id 0, size, name, then the content (emptied). */
void wasm_put_custom(struct wasm_buf *b, const char *name, struct wasm_buf *content);
/* The header of a core module or a component. */
void wasm_put_header(struct wasm_buf *b, int component);
void wasm_buf_free(struct wasm_buf *b);
/* Writes v as unsigned LEB128 into out (5 bytes at most); returns the length. */
size_t wasm_leb_u32(unsigned char out[5], uint32_t v);

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

/* A dll: a core module with a custom section dylink.0. A malformed file is none. */
int wasm_is_dll(const unsigned char *bytes, size_t len);
/* A relocatable object: a core module with a custom section linking. */
int wasm_is_object(const unsigned char *bytes, size_t len);

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
};

struct wasm_import {
	struct wasm_name module, name;
	enum wasm_kind kind;
	uint32_t type;              /* WASM_FUNC: the type index */
	struct wasm_limits limits;  /* WASM_TABLE, WASM_MEMORY */
	unsigned valtype, mut;      /* WASM_GLOBAL; WASM_TABLE: valtype is the element type */
	size_t desc, desc_end;      /* where its description (kind and type) is in the bytes */
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
 * A small core module being written, in any order of calls but this one:
 * every import before any definition (the index spaces count imports
 * first). Functions have i32 locals at most; element segments are active,
 * of one function, in table 0; data segments are active, in memory 0.
 */
struct wasm_builder {
	struct wasm_buf types, imports, funcs, globals, exports, elems, code, data;
	uint32_t ntypes, nimports, nfuncs, nglobals, nexports, nelems, ndata;
	uint32_t nfuncs_imported, nglobals_imported, ntables_imported, nmems_imported;
	int memory; /* defines a memory of 0 pages, exported as "memory" */
};
uint32_t wasm_builder_type(struct wasm_builder *b, const struct wasm_functype *t);
/* An import of that kind, desc being its type as the import section writes it after the kind. */
void wasm_builder_import(struct wasm_builder *b, const char *module, struct wasm_name name, enum wasm_kind kind,
                         const void *desc, size_t len);
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
