/* component-wrap.c: the component-wrap builtin: a preview1 command module put into a prebuilt component. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "util.h"
#include "fileio.h"
#include "wasm/wasm.h"
#include "component-wrap.h"

/*
 * `jco new CORE --wasi-command` builds a component around a command module
 * with the preview1 adapter, garbage-collected down to what the module
 * imports. Its first section of id 1 holds the module's bytes unchanged, and
 * nothing else in the component depends on them but names: the module is
 * instantiated with one instance argument, "wasi_snapshot_preview1", whose
 * exports are the adapter's functions of the module's imports (shims of the
 * same core types), and its exports "memory", "_start" and, when it has it,
 * "cabi_realloc" are aliased by name for the adapter. So a component made
 * once from a stand-in module (a template, runtime/wrap.mk) takes in place of
 * the stand-in any module that
 *   - imports only functions of wasi_snapshot_preview1 that the stand-in
 *     imports, with the same types, and none twice;
 *   - defines its memory and exports it as "memory", unshared and 32-bit
 *     with the default page size (what the adapter's memory import accepts);
 *   - exports "_start", and whatever else the stand-in exports (cabi_realloc),
 *     as functions of the stand-in's types;
 *   - has no other export that jco gives a meaning to (its reallocs,
 *     _initialize...: reserved_export), and no component-type section, from
 *     which jco would build for another world.
 * Other exports, a start function and any other sections are jco's business
 * no more than ours: both leave them alone.
 *
 * The templates directory holds the components and an index, smallest first:
 *   FILE SIZE EXPORTS NAME...
 * one line per template: the stand-in's exports besides memory and _start
 * (comma-separated, - for none) and the preview1 functions it imports.
 */
#define PREVIEW1 "wasi_snapshot_preview1"

/* One line of the index. */
struct template {
	char *file;
	unsigned long size;
	char **exports, **names;
	size_t nexports, nnames;
};

struct index {
	char *text;
	struct template *t;
	size_t n;
};

static int read_index(const char *dir, struct index *ix, char **err)
{
	char *path = xasprintf("%s/index", dir), *line, *next;
	struct wasm_buf b;
	int lineno = 0;

	memset(ix, 0, sizeof(*ix));
	if (file_read(path, &b, err) < 0) {
		free(path);
		return -1;
	}
	ix->text = xreallocarray(b.p, b.len + 1, 1);
	ix->text[b.len] = '\0';
	for (line = ix->text; *line; line = next) {
		struct template *t;
		char *word, *end = NULL, *exports, *save;

		lineno++;
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		ix->t = xreallocarray(ix->t, ix->n + 1, sizeof(*ix->t));
		t = memset(&ix->t[ix->n++], 0, sizeof(*t));
		t->file = strtok(line, " ");
		word = strtok(NULL, " ");
		if (word) {
			errno = 0;
			t->size = strtoul(word, &end, 10);
		}
		exports = strtok(NULL, " ");
		if (!t->file || !word || *end || errno || strchr(t->file, '/') || !exports) {
			*err = xasprintf("%s:%d: not a line of a wrap index", path, lineno);
			free(path);
			return -1;
		}
		for (word = strtok_r(exports, ",", &save); word && strcmp(word, "-"); word = strtok_r(NULL, ",", &save)) {
			t->exports = xreallocarray(t->exports, t->nexports + 1, sizeof(*t->exports));
			t->exports[t->nexports++] = word;
		}
		while ((word = strtok(NULL, " "))) {
			t->names = xreallocarray(t->names, t->nnames + 1, sizeof(*t->names));
			t->names[t->nnames++] = word;
		}
	}
	if (ix->n == 0) {
		*err = xasprintf("%s: lists no template", path);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

static void free_index(struct index *ix)
{
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->t[i].exports);
		free(ix->t[i].names);
	}
	free(ix->t);
	free(ix->text);
}

static int listed(char *const *list, size_t n, struct wasm_name name)
{
	for (size_t i = 0; i < n; i++)
		if (wasm_name_is(name, list[i]))
			return 1;
	return 0;
}

static int provides(const struct template *t, struct wasm_name name)
{
	return listed(t->names, t->nnames, name);
}

static const char *kind_name(enum wasm_kind k)
{
	static const char *const names[] = {"function", "table", "memory", "global", "tag"};

	return (unsigned)k < LEN(names) ? names[k] : "item";
}

/*
 * Exports that wit-component gives a meaning to in a module without a
 * component-type section (validation.rs, ExportMap::classify): its reallocs,
 * `_initialize`, and the names of the standard mangling (cm32p2...). A
 * template fits only if its stand-in has the same; `memory` is checked apart.
 */
static int reserved_export(struct wasm_name n)
{
	return wasm_name_is(n, "_initialize") || wasm_name_is(n, "canonical_abi_realloc") ||
	       wasm_name_has_prefix(n, "cabi_") || wasm_name_has_prefix(n, "cm32p2");
}

/* The error "FILE: " + message, and -1. */
__attribute__((format(printf, 3, 4))) static int problem(char **err, const char *file, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	*err = xasprintf("%s: %s", file, msg);
	free(msg);
	return -1;
}

/* What a module must be for a template: the checks of the comment at the top. */
static int check_module(const struct wasm_module *m, const char *file, char **err)
{
	const struct wasm_export *e;

	for (uint32_t i = 0; i < m->ncustoms; i++) {
		/* wit-component reads the world of such a section and builds for it */
		if (wasm_name_has_prefix(m->customs[i], "component-type")) {
			char *n = wasm_name_str(m->customs[i]);

			problem(err, file, "has a custom section '%s', which only the wrap-jco step handles", n);
			free(n);
			return -1;
		}
	}
	for (uint32_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];
		char *mod = wasm_name_str(im->module), *name = wasm_name_str(im->name);
		int bad = 0;

		if (im->kind == WASM_MEMORY)
			bad = problem(err, file,
			              "imports memory %s.%s; a command must define its memory and export it as 'memory'",
			              mod, name);
		else if (im->kind != WASM_FUNC || !wasm_name_is(im->module, PREVIEW1))
			bad = problem(err, file, "imports %s %s.%s; a command may import only " PREVIEW1 " functions",
			              kind_name(im->kind), mod, name);
		free(mod);
		free(name);
		if (bad)
			return -1;
	}
	if (!(e = wasm_find_export(m, "_start")))
		return problem(err, file, "does not export '_start' (a command's entry point)");
	if (!(e = wasm_find_export(m, "memory")))
		return problem(err, file, "does not export its memory as 'memory'");
	if (e->kind != WASM_MEMORY)
		return problem(err, file, "exports 'memory' as a %s, not a memory", kind_name(e->kind));
	if (m->mems[e->index].flags & WASM_LIMITS_SHARED)
		return problem(err, file, "exports a shared memory as 'memory', which the adapter cannot use");
	if (m->mems[e->index].flags & WASM_LIMITS_64)
		return problem(err, file, "exports a 64-bit memory as 'memory', which the adapter cannot use");
	if (m->mems[e->index].flags & WASM_LIMITS_PAGESIZE)
		return problem(err, file,
		               "exports a memory with a custom page size as 'memory', which the adapter cannot use");
	return 0;
}

/* Does m export what t's stand-in does, and t's stand-in the reserved names m exports? */
static int exports_fit(const struct template *t, const struct wasm_module *m)
{
	for (size_t i = 0; i < t->nexports; i++)
		if (!wasm_find_export(m, t->exports[i]))
			return 0;
	for (uint32_t i = 0; i < m->nexports; i++)
		if (reserved_export(m->exports[i].name) && !listed(t->exports, t->nexports, m->exports[i].name))
			return 0;
	return 1;
}

/* Why a template that provides m's imports does not fit its exports. */
static void misfit(const struct template *t, const struct wasm_module *m, const char *file, char **err)
{
	for (size_t i = 0; i < t->nexports; i++)
		if (!wasm_find_export(m, t->exports[i])) {
			problem(err, file, "does not export '%s', which the wrap templates for its imports need",
			        t->exports[i]);
			return;
		}
	for (uint32_t i = 0; i < m->nexports; i++)
		if (reserved_export(m->exports[i].name) && !listed(t->exports, t->nexports, m->exports[i].name)) {
			char *n = wasm_name_str(m->exports[i].name);

			problem(err, file, "exports '%s', which no wrap template for its imports expects", n);
			free(n);
			return;
		}
}

/* The smallest template that fits the module's imports and exports, or NULL with *err set. */
static const struct template *choose(const struct index *ix, const struct wasm_module *m, const char *file,
                                     char **err)
{
	const struct template *best = NULL, *covering = NULL;
	size_t k;

	for (uint32_t i = 0; i < m->nimports; i++) {
		struct wasm_name name = m->imports[i].name;
		int twice = 0;
		char *n;

		for (k = 0; k < ix->n && !provides(&ix->t[k], name); k++)
			;
		/* the names before i are the templates', so this loop is short */
		for (uint32_t j = 0; j < i && k < ix->n && !twice; j++)
			twice = wasm_name_equal(m->imports[j].name, name);
		if (k < ix->n && !twice)
			continue;
		n = wasm_name_str(name);
		if (twice)
			problem(err, file, "imports " PREVIEW1 ".%s twice", n);
		else
			problem(err, file, "imports " PREVIEW1 ".%s, which no wrap template provides", n);
		free(n);
		return NULL;
	}
	for (uint32_t i = 0; i < m->nexports; i++) {
		if (!reserved_export(m->exports[i].name))
			continue;
		for (k = 0; k < ix->n && !listed(ix->t[k].exports, ix->t[k].nexports, m->exports[i].name); k++)
			;
		if (k == ix->n) {
			char *n = wasm_name_str(m->exports[i].name);

			problem(err, file, "exports '%s', which only the wrap-jco step handles", n);
			free(n);
			return NULL;
		}
	}
	for (k = 0; k < ix->n; k++) {
		const struct template *t = &ix->t[k];
		uint32_t i;

		for (i = 0; i < m->nimports && provides(t, m->imports[i].name); i++)
			;
		if (i < m->nimports)
			continue;
		covering = t;
		if (exports_fit(t, m) && (!best || t->size < best->size))
			best = t;
	}
	if (!best && covering)
		misfit(covering, m, file, err);
	else if (!best)
		problem(err, file, "imports functions that no single wrap template provides");
	return best;
}

/*
 * The stand-in module of a template must be what the index says: functions
 * of wasi_snapshot_preview1 only, the index's names, and its exports.
 */
static int check_stand_in(const struct wasm_module *s, const struct template *t, const char *path, char **err)
{
	const struct wasm_export *e;

	if (s->nimports != t->nnames)
		return problem(err, path, "its module imports %u functions where the index lists %zu", s->nimports,
		               t->nnames);
	for (uint32_t i = 0; i < s->nimports; i++)
		if (s->imports[i].kind != WASM_FUNC || !wasm_name_is(s->imports[i].module, PREVIEW1) ||
		    !provides(t, s->imports[i].name))
			return problem(err, path, "its module's import %u is not one the index lists", i);
	if (!(e = wasm_find_export(s, "memory")) || e->kind != WASM_MEMORY ||
	    !(e = wasm_find_export(s, "_start")) || e->kind != WASM_FUNC)
		return problem(err, path, "its module does not export 'memory' and '_start'");
	for (size_t i = 0; i < t->nexports; i++)
		if (!(e = wasm_find_export(s, t->exports[i])) || e->kind != WASM_FUNC)
			return problem(err, path, "its module does not export '%s' as the index says", t->exports[i]);
	return 0;
}

/* m's export of that name is a function of the type of the stand-in's. */
static int check_export_type(const struct wasm_module *m, const struct wasm_module *s, const char *name,
                             const char *file, char **err)
{
	const struct wasm_export *have = wasm_find_export(m, name), *want = wasm_find_export(s, name);
	const struct wasm_functype *ht, *wt = wasm_func_type(s, want->index);
	char *h, *w;

	if (have->kind != WASM_FUNC)
		return problem(err, file, "exports '%s' as a %s, not a function", name, kind_name(have->kind));
	ht = wasm_func_type(m, have->index);
	if (ht && wt && wasm_functype_equal(ht, wt))
		return 0;
	h = ht ? wasm_functype_str(ht) : xstrdup("?");
	w = wt ? wasm_functype_str(wt) : xstrdup("?");
	problem(err, file, "exports '%s' as %s, but the adapter calls it as %s", name, h, w);
	free(h);
	free(w);
	return -1;
}

/* Each import and export of m that the template wires has the stand-in's type. */
static int check_types(const struct wasm_module *m, const struct wasm_module *s, const struct template *t,
                       const char *file, char **err)
{
	for (uint32_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		for (uint32_t j = 0; j < s->nimports; j++) {
			const struct wasm_functype *want = &s->types[s->imports[j].type];
			const struct wasm_functype *have = &m->types[im->type];

			if (!wasm_name_equal(s->imports[j].name, im->name))
				continue;
			if (!wasm_functype_equal(want, have)) {
				char *n = wasm_name_str(im->name), *h = wasm_functype_str(have), *w = wasm_functype_str(want);

				problem(err, file, "imports " PREVIEW1 ".%s as %s, but the adapter's is %s", n, h, w);
				free(n);
				free(h);
				free(w);
				return -1;
			}
		}
	}
	if (check_export_type(m, s, "_start", file, err) < 0)
		return -1;
	for (size_t i = 0; i < t->nexports; i++)
		if (check_export_type(m, s, t->exports[i], file, err) < 0)
			return -1;
	return 0;
}

/* OUT is the template with its first core module section replaced by the module's bytes. */
static int write_output(const char *out, const struct wasm_buf *tmpl, const struct wasm_section *sp,
                        const struct wasm_buf *mod, char **err)
{
	struct wasm_buf o = {0};
	int r;

	wasm_put(&o, tmpl->p, sp->start);
	wasm_put_section_bytes(&o, WASM_COMPONENT_CORE_MODULE, mod->p, mod->len);
	wasm_put(&o, tmpl->p + sp->end, tmpl->len - sp->end);
	r = file_write(out, o.p, o.len, err);
	wasm_buf_free(&o);
	return r;
}

int wrap_template(const char *dir, const struct wasm_module *m, const char *file, struct wasm_buf *tmpl,
                  struct wasm_section *sp, char **err)
{
	struct wasm_module s = {0};
	struct index ix = {0};
	const struct template *t;
	char *path = NULL, *msg = NULL;
	int r = -1, found;

	*tmpl = (struct wasm_buf){0};
	if (check_module(m, file, err) < 0 || read_index(dir, &ix, err) < 0 || !(t = choose(&ix, m, file, err)))
		goto out;
	path = xasprintf("%s/%s", dir, t->file);
	if (file_read(path, tmpl, err) < 0)
		goto out;
	found = wasm_component_find(tmpl->p, tmpl->len, WASM_COMPONENT_CORE_MODULE, sp, &msg);
	if (found <= 0) {
		problem(err, path, "%s", found < 0 ? msg : "has no core module");
		goto out;
	}
	if (wasm_read_module(&s, tmpl->p + sp->payload, sp->end - sp->payload, &msg) < 0) {
		problem(err, path, "its module: %s", msg);
		goto out;
	}
	if (check_stand_in(&s, t, path, err) < 0 || check_types(m, &s, t, file, err) < 0)
		goto out;
	r = 0;
out:
	if (r < 0) {
		free(tmpl->p);
		*tmpl = (struct wasm_buf){0};
	}
	wasm_module_free(&s);
	free_index(&ix);
	free(path);
	free(msg);
	return r;
}

/* component-wrap --templates DIR -o OUT IN */
int builtin_component_wrap(int argc, char **argv, char **err)
{
	const char *dir = NULL, *out = NULL, *in = NULL;
	struct wasm_buf mod = {0}, tmpl = {0};
	struct wasm_module m = {0};
	struct wasm_section sp;
	char *msg = NULL;
	int r = -1, usage = 0;

	*err = NULL;
	for (int i = 1; i < argc && !usage; i++) {
		if (strcmp(argv[i], "--templates") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (!in && argv[i][0] != '-')
			in = argv[i];
		else
			usage = 1;
	}
	if (usage || !dir || !out || !in) {
		*err = xstrdup("usage: component-wrap --templates DIR -o OUTPUT INPUT");
		return -1;
	}
	if (file_read(in, &mod, err) < 0)
		goto out;
	if (wasm_read_module(&m, mod.p, mod.len, &msg) < 0) {
		problem(err, in, "%s", msg);
		goto out;
	}
	if (wrap_template(dir, &m, in, &tmpl, &sp, err) < 0)
		goto out;
	if (mod.len > UINT32_MAX) {
		problem(err, in, "too large for a component section");
		goto out;
	}
	r = write_output(out, &tmpl, &sp, &mod, err);
out:
	wasm_module_free(&m);
	free(mod.p);
	free(tmpl.p);
	free(msg);
	return r;
}
