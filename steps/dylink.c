/* dylink.c: the two-level namespace of dlls and dynamic executables, fixed after the link. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "dlls.h"
#include "fileio.h"
#include "libraries.h"
#include "util.h"
#include "wasm/wasm.h"

/*
 * wasm-ld imports everything a position-independent module leaves
 * undefined from `env` (functions) or `GOT.mem`/`GOT.func` (addresses), and
 * records the dlls it linked against (NEEDED, in dylink.0) by file name.
 * The libraries of the link are those dlls, and the allocator: a module
 * without dylink.0 that exports its memory (provides-state + library, see
 * specs/allocator.yaml), which wasm-ld cannot take as an input. This step
 * rewrites, in the linked module:
 *
 *  - each import of a symbol from `env` to the module name of the library
 *    that defines it: "." when the module defines it itself (wasm-ld imports
 *    weak and default-visibility definitions so that they could be
 *    preempted; here they are not), else the soname of the first library on
 *    the link line that exports it;
 *  - each `GOT.mem` and `GOT.func` import likewise, to "GOT.mem/PROVIDER"
 *    and "GOT.func/PROVIDER" (PROVIDER being "." or a soname);
 *  - the state (memory, __indirect_function_table, __stack_pointer), to the
 *    allocator that exports it;
 *  - NEEDED, to the libraries' sonames, and RUNTIME_PATH, to the -rpath
 *    directories (the loader searches them for NEEDED libraries).
 *
 * What the loader itself provides stays in `env`: each module's
 * __memory_base and __table_base, __heap_base and __heap_end, the state
 * when no library on the link line exports it, and dlopen and its family
 * when none defines them. A weak symbol nobody defines stays in `env` too
 * (the loader resolves it to null: address 0, or a function that traps).
 * Any other symbol nobody defines is an error. Imports from other modules
 * (WASM_IMPORT, wasi_snapshot_preview1) are left alone.
 *
 * A dll's soname is recorded in a custom section "wasm32-wasi-cc.soname"
 * (a name), the output's basename unless the link words say -soname NAME;
 * a dll without that section is known by its file's basename; and its
 * export index, "wasm32-wasi-cc.exports", where a loader finds the few
 * exports it needs without reading them all (wasm/exportindex.c). The module
 * names and sections are the ABI of doc/dynamic-linking-abi.md.
 */
static const char *const loader_provides[] = {
	"memory", "__indirect_function_table", "__stack_pointer", "__memory_base",
	"__table_base", "__heap_base", "__heap_end",
};

/* What the loader, or a component's module (complink/dl.c), defines for dynamic programs (runtime/include/dlfcn.h). */
static const char *const loader_functions[] = {"dlopen", "dlsym", "dlclose", "dlerror"};

/* Of the loader's state, what an allocator on the link line provides instead. */
static const char *const allocator_provides[] = {
	"memory", "__indirect_function_table", "__stack_pointer",
};

static int exports_name(const struct wasm_module *m, struct wasm_name n)
{
	return wasm_find_export_name(m, n) != NULL;
}

static int name_in(struct wasm_name n, const char *const *names, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (wasm_name_is(n, names[i]))
			return 1;
	return 0;
}

static int provided_by_loader(struct wasm_name n)
{
	return name_in(n, loader_provides, LEN(loader_provides));
}

/* The allocator on the link line that exports the state n, or NULL. */
static const char *state_provider(const struct dll *dlls, size_t ndlls, struct wasm_name n)
{
	if (!name_in(n, allocator_provides, LEN(allocator_provides)))
		return NULL;
	for (size_t i = 0; i < ndlls; i++)
		if (dlls[i].allocator && exports_name(&dlls[i].m, n))
			return dlls[i].soname;
	return NULL;
}

/* The module name for an import of symbol n, or NULL when nobody defines it. */
static const char *provider(const struct wasm_module *self, const struct dll *dlls, size_t ndlls,
                            struct wasm_name n)
{
	if (exports_name(self, n))
		return ".";
	for (size_t i = 0; i < ndlls; i++)
		if (exports_name(&dlls[i].m, n))
			return dlls[i].soname;
	return NULL;
}

/* The new module name of an import (allocated), NULL to keep it; -1 with *err set for an undefined symbol. */
static int new_module(const struct wasm_import *im, const struct wasm_dylink *dy, const struct wasm_module *self,
                      const struct dll *dlls, size_t ndlls, const char *needed_by, char **out, char **err)
{
	struct wasm_name module = im->module, field = im->name;
	int env = wasm_name_is(module, "env"), got_mem = wasm_name_is(module, "GOT.mem");
	const char *who;

	*out = NULL;
	if (!env && !got_mem && !wasm_name_is(module, "GOT.func"))
		return 0; /* WASM_IMPORT, wasi_snapshot_preview1: not ours */
	if (env && (who = state_provider(dlls, ndlls, field))) {
		*out = xstrdup(who);
		return 0;
	}
	if ((env || got_mem) && provided_by_loader(field))
		return 0;
	if ((who = provider(self, dlls, ndlls, field))) {
		*out = env ? xstrdup(who) : xasprintf("%.*s/%s", (int)module.len, module.p, who);
		return 0;
	}
	if (env && name_in(field, loader_functions, LEN(loader_functions)))
		return 0;
	if ((wasm_dylink_import_flags(dy, module, field) |
	     wasm_dylink_import_flags(dy, (struct wasm_name){"env", 3}, field)) & WASM_SYM_BINDING_WEAK)
		return 0;
	{
		char *s = wasm_name_str(field);

		*err = xasprintf("undefined symbol '%s' (needed by %s)", s, needed_by);
		free(s);
	}
	return -1;
}

/* The import section rewritten; -1 with *err set on an undefined symbol. */
static int rewrite_imports(const struct wasm_module *self, const struct wasm_dylink *dy,
                           const struct dll *dlls, size_t ndlls, const char *needed_by, struct wasm_buf *out,
                           char **err)
{
	struct wasm_buf payload = {0};

	wasm_put_u32(&payload, self->nimports);
	for (uint32_t i = 0; i < self->nimports; i++) {
		const struct wasm_import *im = &self->imports[i];
		char *mod;

		if (new_module(im, dy, self, dlls, ndlls, needed_by, &mod, err) < 0) {
			wasm_buf_free(&payload);
			return -1;
		}
		wasm_put_import(&payload, mod ? (struct wasm_name){mod, strlen(mod)} : im->module, im);
		free(mod);
	}
	wasm_put_section(out, WASM_SEC_IMPORT, &payload);
	wasm_buf_free(&payload);
	return 0;
}

/*
 * dylink [--dll] -o OUTPUT INPUT WORD...: OUTPUT is the linked INPUT with
 * its imports, NEEDED and RUNTIME_PATH rewritten; the WORDs are the link's
 * (libraries, -L, -l, -soname, -rpath). With --dll, OUTPUT also gets its
 * soname section.
 */
int builtin_dylink(int argc, char **argv, char **err)
{
	struct dll *dlls = NULL;
	size_t ndlls = 0;
	struct link_line words = {0};
	struct wasm_module self = {0};
	struct wasm_dylink dy = {0};
	struct wasm_buf in = {0};
	struct wasm_buf out = {0};
	char **needed = NULL, *why = NULL;
	const char *output, *input;
	int is_dll = 0, i = 1, r = -1;

	if (i < argc && strcmp(argv[i], "--dll") == 0) {
		is_dll = 1;
		i++;
	}
	if (argc - i < 3 || strcmp(argv[i], "-o") != 0) {
		*err = xstrdup("usage: dylink [--dll] -o OUTPUT INPUT [WORD...]");
		return -1;
	}
	output = argv[i + 1];
	input = argv[i + 2];
	link_line_parse(&words, argc - (i + 3), argv + i + 3);
	for (size_t k = 0; k < words.libraries.len; k++) {
		char *path = link_line_path(&words, words.libraries.v[k]);
		int got;

		if (!path)
			continue;
		dlls = xreallocarray(dlls, ndlls + 1, sizeof(*dlls));
		got = dll_read(path, &dlls[ndlls], err);
		free(path);
		if (got < 0)
			goto out;
		if (got > 0)
			ndlls++;
	}
	if (file_read(input, &in, err) < 0)
		goto out;
	if (wasm_read_module(&self, in.p, in.len, &why) < 0 || wasm_module_dylink(in.p, in.len, &dy, &why) < 0) {
		*err = xasprintf("%s: %s", input, why);
		goto out;
	}
	needed = xcalloc(ndlls + 1, sizeof(*needed));
	for (size_t k = 0; k < ndlls; k++)
		needed[k] = dlls[k].soname;
	wasm_put_header(&out, 0);
	for (size_t k = 0; k < self.nsections; k++) {
		const struct wasm_section *s = &self.sections[k];

		if (s->id == WASM_SEC_CUSTOM && wasm_name_is(s->name, "dylink.0")) {
			wasm_put_dylink_relinked(&out, in.p, &dy, needed, ndlls, words.runpath.v, words.runpath.len);
		} else if (s->id == WASM_SEC_IMPORT) {
			if (rewrite_imports(&self, &dy, dlls, ndlls, base_name(output), &out, err) < 0)
				goto out;
		} else if (!(s->id == WASM_SEC_CUSTOM && (wasm_name_is(s->name, WASM_SONAME_SECTION) ||
		                                          wasm_name_is(s->name, WASM_EXPORT_INDEX_SECTION)))) {
			wasm_put(&out, in.p + s->start, s->end - s->start);
		}
	}
	if (is_dll) {
		wasm_put_soname_section(&out, words.soname ? words.soname : base_name(output));
		wasm_put_export_index_section(&out, &self, in.p);
	}
	if (file_write(output, out.p, out.len, err) < 0)
		goto out;
	r = 0;
out:
	for (size_t k = 0; k < ndlls; k++)
		dll_free(&dlls[k]);
	free(dlls);
	free(needed);
	free(why);
	link_line_free(&words);
	wasm_module_free(&self);
	wasm_dylink_free(&dy);
	free(in.p);
	wasm_buf_free(&out);
	return r;
}
