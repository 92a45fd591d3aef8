/* complink/link.c: the component-link builtin: a dynamic executable and the libraries it needs, as one command component. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "complink.h"
#include "libraries.h"

/*
 * Shared-everything dynamic linking, done at link time (the component
 * model's SharedEverythingDynamicLinking example; wit-component's
 * linking.rs is the reference). The ABI the modules follow is
 * doc/dynamic-linking-abi.md; this step resolves it statically:
 *
 *  - The modules are the executable and the libraries its NEEDED lists
 *    name, transitively, found by soname as doc/dynamic-linking-abi.md
 *    ("Finding libraries") says, and steps/libraries.c does. They are
 *    instantiated dependencies first, the allocator
 *    (liballoc.so) before all: its memory, table and stack pointer are
 *    everyone's.
 *  - Each module's data goes above the allocator's initial memory, whose
 *    minimum grows to hold it all (the allocator only ever uses the pages
 *    between its __heap_base and its initial end, and those it grows
 *    itself); its table region, and one slot per function whose address is
 *    taken through GOT.func or which a module imports from itself, go above
 *    the allocator's table, whose minimum grows likewise. So every
 *    __memory_base, __table_base and GOT entry is a constant.
 *  - Imports are bound by module name: a soname is that library's
 *    instance; wasi_snapshot_preview1 is the adapter's; `env`, the GOT
 *    names and `.` are small synthesized modules (glue) that define exactly
 *    what the module imports from them: constant globals, functions that
 *    trap for weak symbols nobody defines, the function slots filled by
 *    active element segments, and for `.` trampolines that call through
 *    the module's own slots (a module cannot import from itself).
 *  - The libraries named by --dl-openable, and what they need, are
 *    instantiated likewise, before the executable; dlopen and its family
 *    are a synthesized module over a table of them (complink/dl.c).
 *  - A root module takes the place of the wrap template's command module:
 *    it fills the slots of the modules' own functions, re-exports the
 *    memory for the adapter, and its _start runs the allocator's
 *    _initialize, each library's __wasm_apply_data_relocs and
 *    __wasm_call_ctors, the executable's relocations, then its _start.
 *
 * The template (steps/component-wrap.c) is the smallest one whose adapter covers
 * the preview1 imports of all the modules; the new core modules and
 * instances go where the template instantiated its command module, and
 * the template's later sections have their core indices shifted.
 */

/* ---------------------------------------------------------------- loading */

/* The library of that soname: one on the link line, else a file of that name in the search directories. */
static int find_library(struct link *L, const char *soname, const char *origin, const char *needed_by,
                        struct dll *d, char **err)
{
	char *p;

	for (size_t i = 0; i < L->nknown; i++)
		if (strcmp(L->known[i].soname, soname) == 0) {
			*d = L->known[i];
			memset(&L->known[i], 0, sizeof(L->known[i]));
			L->known[i].soname = xstrdup(""); /* taken */
			return 0;
		}
	if ((p = library_find_soname(soname, &L->dirs, origin))) {
		int got = dll_read(p, d, err);

		if (got == 0)
			complink_fail(err, "%s: not a library (needed by %s)", p, needed_by);
		free(p);
		if (got <= 0)
			return -1;
		free(d->soname); /* known by the name it was needed as */
		d->soname = xstrdup(soname);
		return 0;
	}
	return complink_fail(err, "%s: library not found (needed by %s; searched the link's libraries, -L and -rpath "
	                    "directories and $WASM32_WASI_LIBRARY_PATH)",
	               soname, needed_by);
}

static char *dir_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

/*
 * -1 with *err set (and d freed) when d is an executable: a plugin linked
 * against a -rdynamic executable needs it, and it is instantiated last.
 */
static int needs_executable(struct dll *d, const char *needed_by, char **err)
{
	if (library_kind(d->bytes, d->len, &d->m) != LIBRARY_DYNAMIC_EXECUTABLE)
		return 0;
	complink_fail(err, "%s: an executable, which %s needs: a component cannot embed a library that imports from "
	              "the executable (link with --emit=core)", d->soname, needed_by);
	dll_free(d);
	return -1;
}

/* Appends lib's NEEDED libraries, then lib (known as name), dependencies first. */
static int visit(struct link *L, struct dll *lib, const char *name, int is_main, char **err)
{
	struct unit u = {0};
	char *origin = dir_name(lib->path);

	u.lib = *lib;
	u.main = is_main;
	for (uint32_t i = 0; i < u.lib.dy.nneeded; i++) {
		struct wasm_name n = u.lib.dy.needed[i];
		struct dll dep;
		char *soname = wasm_name_dup(n);

		if (!soname || complink_find_unit(L, n)) {
			free(soname);
			continue;
		}
		if (find_library(L, soname, origin, name, &dep, err) < 0 || needs_executable(&dep, name, err) < 0 ||
		    visit(L, &dep, dep.soname, 0, err) < 0) {
			free(soname);
			free(origin);
			dll_free(&u.lib);
			return -1;
		}
		free(soname);
	}
	free(origin);
	u.name = is_main ? name : u.lib.soname;
	L->units = xreallocarray(L->units, L->nunits + 1, sizeof(*L->units));
	L->units[L->nunits++] = u;
	return 0;
}

/* ----------------------------------------------------------------- layout */

static uint32_t align_up(uint32_t v, uint32_t log2)
{
	uint32_t a = log2 >= 31 ? 1u << 31 : 1u << log2;

	return (v + a - 1) & ~(a - 1);
}

/* Places every module's data and table region above the allocator's; -1 with *err set. */
static int layout(struct link *L, char **err)
{
	struct unit *a = &L->units[L->allocator];
	const struct wasm_module *m = &a->lib.m;
	uint64_t mem;
	uint32_t table;

	if (m->nmems != 1 || m->ntables != 1 || m->nimports != 0)
		return complink_fail(err, "%s: an allocator must define one memory and one table and import nothing",
		               a->lib.path);
	if (m->mems[0].flags & ~(unsigned)WASM_LIMITS_MAX)
		return complink_fail(err, "%s: the allocator's memory is not a plain 32-bit memory", a->lib.path);
	if (complink_export_value(a, (struct wasm_name){"__heap_base", 11}, &L->heap_base, err) < 0)
		return -1;
	mem = m->mems[0].min * PAGE;
	table = (uint32_t)m->tables[0].min;
	for (size_t i = 0; i < L->nunits; i++) {
		struct unit *u = &L->units[i];
		uint32_t align = u->lib.dy.mem_align < 4 ? 4 : u->lib.dy.mem_align;

		if (u->lib.allocator)
			continue;
		mem = (mem + (1ull << align) - 1) & ~((1ull << align) - 1);
		u->mem_base = (uint32_t)mem;
		mem += u->lib.dy.mem_size;
		u->table_base = table = align_up(table, u->lib.dy.table_align);
		table += u->lib.dy.table_size;
		if (mem > UINT32_MAX / 2 || table > UINT32_MAX / 2)
			return complink_fail(err, "%s: the modules' data do not fit in memory", L->name);
	}
	L->mem_end = (uint32_t)((mem + PAGE - 1) / PAGE * PAGE);
	if ((m->mems[0].flags & WASM_LIMITS_MAX) && L->mem_end / PAGE > m->mems[0].max)
		return complink_fail(err, "%s: the allocator's memory has a maximum below the modules' data", a->lib.path);
	L->table_end = table;
	return 0;
}

/* ---------------------------------------------------------------- builtin */

/* The words of the link: where sonames are searched, the dl-openable libraries, and the libraries named. */
static int read_words(struct link *L, int argc, char **argv, char **err)
{
	struct link_line words;
	int r = 0;

	link_line_parse(&words, argc, argv);
	link_line_soname_dirs(&words, &L->dirs);
	strvec_append(&L->dl_openable, &words.dl_openable);
	for (size_t k = 0; k < words.libraries.len && r == 0; k++) {
		char *path = link_line_path(&words, words.libraries.v[k]);
		struct dll d;
		int got;

		if (!path)
			continue;
		got = dll_read(path, &d, err);
		free(path);
		if (got < 0) {
			r = -1;
		} else if (got > 0) {
			L->known = xreallocarray(L->known, L->nknown + 1, sizeof(*L->known));
			L->known[L->nknown++] = d;
		}
	}
	link_line_free(&words);
	return r;
}

static void free_link(struct link *L)
{
	for (size_t i = 0; i < L->nknown; i++)
		dll_free(&L->known[i]);
	free(L->known);
	for (size_t i = 0; i < L->nunits; i++)
		dll_free(&L->units[i].lib);
	free(L->units);
	for (size_t i = 0; i < L->nslots; i++)
		free(L->slots[i].name);
	free(L->slots);
	for (size_t i = 0; i < L->nmods; i++)
		wasm_buf_free(&L->mods[i]);
	free(L->mods);
	wasm_buf_free(&L->insts);
	for (size_t i = 0; i < L->dirs.len; i++)
		free(L->dirs.v[i]);
	strvec_free(&L->dirs);
	strvec_free(&L->dl_openable); /* its words are argv's */
}

/*
 * The libraries named by --dl-openable, each with what it needs, as units
 * (before the executable's): a name with '/', or a file that exists, is
 * read; any other is a soname, searched as NEEDED ones are.
 */
static int visit_dl_openable(struct link *L, char **err)
{
	for (size_t i = 0; i < L->dl_openable.len; i++) {
		const char *name = L->dl_openable.v[i];
		struct dll d = {0};
		struct unit *u;
		int got;

		if (strchr(name, '/') || access(name, F_OK) == 0) {
			if ((got = dll_read(name, &d, err)) < 0)
				return -1;
			if (got == 0 || d.allocator) {
				if (got)
					dll_free(&d);
				return complink_fail(err, "%s: not a dll (named by -Wl,--dl-openable)", name);
			}
		} else if (find_library(L, name, ".", "-Wl,--dl-openable", &d, err) < 0) {
			return -1;
		}
		u = complink_find_unit(L, (struct wasm_name){d.soname, strlen(d.soname)});
		if (u) {
			dll_free(&d);
		} else {
			if (visit(L, &d, d.soname, 0, err) < 0)
				return -1;
			u = &L->units[L->nunits - 1];
		}
		if (u->lib.allocator)
			return complink_fail(err, "%s: not a dll (named by -Wl,--dl-openable)", name);
		u->dl_openable = 1;
	}
	return 0;
}

/* The modules, instantiated: the allocator first, then each in order. */
static int link_units(struct link *L, char **err)
{
	size_t found = 0;

	for (size_t i = 0; i < L->nunits; i++)
		if (L->units[i].lib.allocator) {
			L->allocator = i;
			found++;
		}
	if (found != 1)
		return complink_fail(err,
		                     "%s: %s allocator among its libraries (liballoc.so provides memory, table and "
		                     "stack pointer)",
		                     L->name, found ? "more than one" : "no");
	if (layout(L, err) < 0 || complink_instantiate(L, err) < 0)
		return -1;
	if (L->table_end > UINT32_MAX / 2)
		return complink_fail(err, "%s: too many functions for the table", L->name);
	return 0;
}

/* Whether the module uses exception handling: it defines or imports a tag. */
static int uses_exceptions(const struct dll *d)
{
	struct wasm_section *secs;
	size_t n;
	int found;
	char *why = NULL;

	for (uint32_t i = 0; i < d->m.nimports; i++)
		if (d->m.imports[i].kind == WASM_TAG)
			return 1;
	if (wasm_sections(d->bytes, d->len, WASM_CORE_MODULE, &secs, &n, &why) < 0) {
		free(why);
		return 0;
	}
	found = wasm_find_section(secs, n, WASM_SEC_TAG) != NULL;
	free(secs);
	return found;
}

/* component-link --templates DIR -o OUTPUT INPUT [WORD...] */
int builtin_component_link(int argc, char **argv, char **err)
{
	struct link L = {0};
	struct dll main_lib = {0};
	struct wasm_buf in = {0}, tmpl = {0};
	struct wasm_buf root = {0}, out = {0};
	struct wasm_section *secs = NULL;
	struct wasm_core_args root_args = {0};
	struct site site = {0};
	const char *dir, *output;
	char *why = NULL;
	size_t nsecs;
	int r = -1;

	if (argc < 6 || strcmp(argv[1], "--templates") != 0 || strcmp(argv[3], "-o") != 0) {
		*err = xstrdup("usage: component-link --templates DIR -o OUTPUT INPUT [WORD...]");
		return -1;
	}
	dir = argv[2];
	output = argv[4];
	L.input = argv[5];
	L.name = base_name(output);
	if (read_words(&L, argc - 6, argv + 6, err) < 0)
		goto out;
	if (file_read(L.input, &in, err) < 0)
		goto out;
	main_lib.path = xstrdup(L.input);
	main_lib.bytes = in.p;
	main_lib.len = in.len;
	in.p = NULL;
	if (wasm_read_module(&main_lib.m, main_lib.bytes, main_lib.len, &why) < 0 ||
	    !library_is_dynamic(library_kind(main_lib.bytes, main_lib.len, &main_lib.m)) ||
	    wasm_module_dylink(main_lib.bytes, main_lib.len, &main_lib.dy, &why) <= 0) {
		*err = xasprintf("%s: %s", L.name, why ? why : "not a dynamic executable (no dylink.0)");
		dll_free(&main_lib);
		goto out;
	}
	if (visit_dl_openable(&L, err) < 0) {
		dll_free(&main_lib);
		goto out;
	}
	if (visit(&L, &main_lib, base_name(output), 1, err) < 0)
		goto out;
	/*
	 * jco, and so every component runtime at hand, cannot translate
	 * exception handling (setjmp/longjmp, C++ exceptions): a program one
	 * of whose modules uses it stays the core module, which the runner's
	 * loader runs (doc/dynamic-linking.md).
	 */
	for (size_t i = 0; i < L.nunits; i++) {
		if (uses_exceptions(&L.units[i].lib)) {
			for (size_t k = 0; k < L.nunits; k++)
				if (L.units[k].main)
					r = file_write(output, L.units[k].lib.bytes, L.units[k].lib.len, err);
			goto out;
		}
	}
	if (complink_template(&L, dir, &tmpl, &secs, &nsecs, &site, err) < 0)
		goto out;
	L.preview1 = site.preview1;
	L.instance_base = site.instance;
	/* the new modules are defined at the site, after the template's earlier ones */
	L.module_base = site.modules_before;
	if (link_units(&L, err) < 0)
		goto out;
	complink_root(&L, &root, &root_args);
	if (complink_assemble(&L, &tmpl, secs, nsecs, &site, &root, &root_args, &out, err) < 0)
		goto out;
	r = file_write(output, out.p, out.len, err);
out:
	free_link(&L);
	free(tmpl.p);
	free(secs);
	free(why);
	wasm_buf_free(&root);
	wasm_buf_free(&out);
	wasm_core_args_free(&root_args);
	return r;
}

