/* complink.h: what the parts of the component-link builtin share: the modules of the process and the component being made. */
#ifndef COMPLINK_H
#define COMPLINK_H

#include <stddef.h>
#include <stdint.h>

#include "dlls.h"
#include "fileio.h"
#include "util.h"
#include "wasm/wasm.h"

#define PREVIEW1 "wasi_snapshot_preview1"
#define PAGE 65536u

/* A module of the process. */
struct unit {
	struct dll lib;          /* the executable's path and bytes too (no soname) */
	const char *name;        /* in messages: the soname, or the output's name for the executable */
	int main;
	int dl_openable;         /* named by --dl-openable: in dlopen's table */
	uint32_t mem_base, table_base;
	uint32_t instance;       /* its core instance in the component */
	uint32_t mod;            /* its module among the new ones (L->mods) */
};

/* A function slot of the table: unit's export name, at index. */
struct slot {
	size_t unit;
	char *name;
	uint32_t index;
};

/* The link: its inputs, the modules, their layout, and the new core modules and instances. */
struct link {
	const char *input, *name; /* the executable's file, and its name in messages */
	struct strvec dirs;      /* -L, -rpath, $WASM32_WASI_LIBRARY_PATH: where sonames are searched */
	struct strvec dl_openable; /* --dl-openable: the libraries dlopen finds (files, or sonames to search) */
	struct dll *known;       /* the libraries named on the link line */
	size_t nknown;
	struct unit *units;      /* in instantiation order */
	size_t nunits;
	size_t allocator;
	uint32_t mem_end, table_end, heap_base;
	struct slot *slots;
	size_t nslots;
	/* the new core modules and instances */
	struct wasm_buf *mods;
	size_t nmods;
	struct wasm_buf insts;   /* their entries */
	uint32_t ninsts;
	uint32_t module_base, instance_base, preview1;
	uint32_t dl;             /* the instance of dlopen's module (complink/dl.c), when there is one */
};


/* Where the template instantiates its command module (its first core module). */
struct site {
	size_t section;          /* the core instance section */
	size_t entry;            /* the entry within it */
	uint32_t modules_before; /* core modules defined before that section */
	uint32_t instance;       /* the entry's core instance index */
	uint32_t preview1;       /* the instance given as wasi_snapshot_preview1 */
};

/* complink/model.c: failing with a message, the unit of a soname, a constant export, a function's table slot */
int complink_fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
struct unit *complink_find_unit(struct link *L, struct wasm_name soname);
/* The constant value of u's exported global name; -1 with *err set. */
int complink_export_value(const struct unit *u, struct wasm_name name, uint32_t *v, char **err);
/* The table slot of unit u's function name: where its own element segments put it, else one made on first use. */
uint32_t complink_slot(struct link *L, size_t u, struct wasm_name name);

/* complink/glue.c: every module instantiated, with the modules that bind their imports; the root module. */
int complink_instantiate(struct link *L, char **err);
void complink_root(struct link *L, struct wasm_buf *out, struct wasm_core_args *a);

/* complink/dl.c: dlopen's module over the dl-openable libraries, placed at mem_end (which grows): 1, 0 when no
 * module needs one, -1 with *err set. */
int complink_dl(struct link *L, struct wasm_buf *out, char **err);
/* The type of dlopen, dlsym, dlclose or dlerror; NULL for any other name. */
const struct wasm_functype *complink_dl_type(struct wasm_name n);

/* complink/splice.c: the template that fits, where to splice, and the component. */
int complink_template(struct link *L, const char *dir, struct wasm_buf *tmpl, struct wasm_section **secs,
                      size_t *nsecs, struct site *site, char **err);
int complink_assemble(struct link *L, const struct wasm_buf *t, const struct wasm_section *s, size_t n,
                      const struct site *site, struct wasm_buf *root, struct wasm_core_args *root_args,
                      struct wasm_buf *out, char **err);

#endif
