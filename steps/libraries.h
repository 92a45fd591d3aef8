/* libraries.h: the one model of libraries: what a file is to dynamic linking, where a library is found, the link words. */
#ifndef LIBRARIES_H
#define LIBRARIES_H

#include <stddef.h>

#include "util.h"
#include "wasm/wasm.h"

/*
 * What a file is to dynamic linking (doc/dynamic-linking-abi.md, "What a
 * module is"). A dll and a dynamic executable are the dynamic modules: a
 * core module with dylink.0; the executable is the one that exports the
 * function _start. The allocator is a core module without dylink.0 that
 * exports its memory. Anything else (no core module, a relocatable object,
 * another module) is none of them.
 */
enum library_kind {
	LIBRARY_NONE,
	LIBRARY_DLL,
	LIBRARY_DYNAMIC_EXECUTABLE,
	LIBRARY_ALLOCATOR,
};

/*
 * The kind of the file whose bytes are b: m is its module when the caller
 * has read it, else NULL (then read here). A dynamic module that cannot be
 * read further is a dll (a malformed one, which its reader will say).
 */
enum library_kind library_kind(const unsigned char *b, size_t len, const struct wasm_module *m);

/* The kind of the file at path: none when it cannot be read; an archive is read no further than its header. */
enum library_kind library_file_kind(const char *path);

/* A dll or a dynamic executable: what a dynamic program links against. */
int library_is_dynamic(enum library_kind k);

/*
 * -lNAME through dirs, in the order doc/dynamic-linking-abi.md states: in
 * each directory in turn, libNAME.so, libNAME.wasm, then libNAME.a; the
 * first file that exists (allocated), NULL when none does.
 */
char *library_search(const char *name, const struct strvec *dirs);

/*
 * A library needed by soname: the first of dirs (an entry "$ORIGIN" being
 * origin) that holds a file of that name (allocated), NULL when none does.
 */
char *library_find_soname(const char *soname, const struct strvec *dirs, const char *origin);

/*
 * The words of a link line, parsed once (wasm-ld's spellings): -L DIR and
 * -LDIR; -rpath DIR[:DIR...], --rpath and =; -soname NAME, --soname and =;
 * --dl-openable NAME (and -dl-openable, =); and, in order, the libraries:
 * -lNAME and every word that is no option (a file). The words are argv's,
 * but for the -rpath directories, which are copies.
 */
struct link_line {
	struct strvec libdirs;     /* -L */
	struct strvec runpath;     /* -rpath, split at ':' (allocated) */
	const char *soname;        /* -soname: NULL when not given */
	struct strvec dl_openable; /* --dl-openable */
	struct strvec libraries;   /* -lNAME and file words, as given */
};

void link_line_parse(struct link_line *l, int argc, char *const *argv);
void link_line_free(struct link_line *l);

/* The file of the library word w (of l->libraries): -lNAME searched in l->libdirs (NULL when not found), else w. */
char *link_line_path(const struct link_line *l, const char *w);

/*
 * Where a link looks for a library needed by soname: the -L directories,
 * then the -rpath ones, then $WASM32_WASI_LIBRARY_PATH's (allocated copies).
 */
void link_line_soname_dirs(const struct link_line *l, struct strvec *dirs);

#endif
