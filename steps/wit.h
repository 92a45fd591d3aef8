/* wit.h: a WIT world read from its text (Typed Main level 1): the model, the parser, and what is made from it. */
#ifndef WIT_H
#define WIT_H

#include <stddef.h>
#include <stdint.h>

#include "wasm/wasm.h"

/* The kinds of WIT value types: the primitives first, in the order of wit_prim_names. */
enum wit_kind {
	WIT_BOOL, WIT_S8, WIT_U8, WIT_S16, WIT_U16, WIT_S32, WIT_U32, WIT_S64, WIT_U64,
	WIT_F32, WIT_F64, WIT_CHAR, WIT_STRING,
	WIT_LIST, WIT_OPTION, WIT_RESULT, WIT_TUPLE,
	WIT_RECORD, WIT_VARIANT, WIT_ENUM, WIT_FLAGS,
	WIT_ALIAS, /* type NAME = T */
	WIT_REF,   /* a name before it is resolved (never left after parsing) */
};
#define WIT_PRIMITIVE(k) ((k) <= WIT_STRING)

struct wit_type;
struct wit_iface;

/* A record field, a variant case (type may be NULL), an enum case or a flag (no type), a tuple member (no name). */
struct wit_field {
	char *name;
	struct wit_type *type;
	char *docs;
};

/*
 * A type. Named types (record, variant, enum, flags, alias) have a name and
 * are shared by every use; anonymous ones (list, option, result, tuple) and
 * primitives are one node per use.
 */
struct wit_type {
	enum wit_kind kind;
	char *name;                 /* a named type's WIT name; a WIT_REF's name */
	char *docs;                 /* a named type's doc comment, or NULL */
	struct wit_type *elem;      /* list, option, alias: the element; result: ok (or NULL) */
	struct wit_type *err;       /* result: err (or NULL) */
	struct wit_field *fields;   /* record, variant, enum, flags, tuple */
	size_t nfields;
	int line, col;              /* where it is written */
	struct wit_iface *iface;    /* a named type's interface; NULL: the world's */
	char *scope;                /* a WIT_REF of `use IFACE.{NAME}`: IFACE */
	uint32_t index;             /* scratch for encoders: a component type index */
	uint32_t inner;             /* scratch for encoders: its index within its interface's instance type */
	int state;                  /* scratch for encoders and cycle checks */
	struct wit_type *next;      /* every node of a world, for freeing */
};

struct wit_func {
	char *name, *docs;
	struct wit_field *params;
	size_t nparams;
	struct wit_type *result;    /* NULL: none */
};

/* An interface of the package: type definitions, which the world may `use`. */
struct wit_iface {
	char *name, *docs;
	struct wit_type **types;    /* its named types, in definition order */
	size_t ntypes;
	int used;                   /* the world uses it: the world imports it */
	uint32_t instance;          /* scratch for encoders */
	int state;
};

/* The world a .wit file defines (its only one, or the one named). */
struct wit_world {
	char *file;
	char *package;              /* "example:greet" (and "@version" when given) */
	char *name, *docs;
	struct wit_func *funcs;     /* the exported functions, in order */
	size_t nfuncs;
	struct wit_type **types;    /* the named types of the world, in definition order */
	size_t ntypes;
	struct wit_iface **ifaces;  /* the package's interfaces */
	size_t nifaces;
	struct wit_type *all;       /* every type node */
	char **strings;             /* every name and doc comment above, freed with the world */
	size_t nstrings;
};

/* wit.c: reads path into *w; -1 with *err set to "FILE:LINE:COL: what is wrong". */
int wit_load(const char *path, struct wit_world *w, char **err);
void wit_free(struct wit_world *w);
extern const char *const wit_prim_names[];
/* The type under aliases. */
const struct wit_type *wit_dealias(const struct wit_type *t);
/* NAME as a C identifier: kebab-case to snake_case, C keywords escaped (allocated); SHOUTY_CASE when upper. */
char *wit_c_ident(const char *name, int upper);

/* witabi.c: the canonical ABI (size, alignment, flattening) of a type. */
uint32_t wit_size(const struct wit_type *t);
uint32_t wit_align(const struct wit_type *t);
/* The flat core types (WASM_I32...) of t appended to out[*n] (at most max; beyond, *n still counts). */
void wit_flatten(const struct wit_type *t, unsigned char *out, size_t *n, size_t max);
/* Whether a value of t owns memory (strings, lists). */
int wit_owns_memory(const struct wit_type *t);

/* witc.c: the C bindings, in wit-bindgen's conventions: the header, and the glue the link compiles. */
int wit_write_header(const struct wit_world *w, struct wasm_buf *out, char **err);
int wit_write_glue(const struct wit_world *w, struct wasm_buf *out, char **err);

/* witenc.c: the world as a component type, the payload of a core module's component-type custom section. */
int wit_encode_world(struct wit_world *w, struct wasm_buf *out, char **err);

/* witjson.c: the JSON of the wasm32-wasi-cc.main custom section (doc/typed-main.md). */
void wit_write_json(const struct wit_world *w, struct wasm_buf *out);

#endif
