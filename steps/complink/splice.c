/* complink/splice.c: the component link's template: the one that fits, where its command module is instantiated, and the splice. */
#include <stdlib.h>
#include <string.h>

#include "complink.h"
#include "component-wrap.h"

/* A preview1 import that no template can take. */
static int unfit(char **err, const struct unit *u, const struct wasm_import *im, const char *why)
{
	char *n = wasm_name_str(im->name);

	complink_fail(err, "%s imports '%s' from " PREVIEW1 " %s", u->name, n, why);
	free(n);
	return -1;
}

/* A stand-in command module importing the preview1 functions of every module: what the template must fit. */
static int command_shape(struct link *L, struct wasm_buf *out, char **err)
{
	static const struct wasm_functype void_fn = {NULL, NULL, 0, 0};
	struct wasm_builder b = {0};
	struct wasm_buf body = {0};
	struct wasm_name *names = NULL;
	const struct wasm_functype **types = NULL;
	size_t n = 0;

	for (size_t i = 0; i < L->nunits; i++) {
		const struct wasm_module *m = &L->units[i].lib.m;

		for (uint32_t k = 0; k < m->nimports; k++) {
			const struct wasm_import *im = &m->imports[k];
			size_t j;

			if (!wasm_name_is(im->module, PREVIEW1))
				continue;
			if (im->kind != WASM_FUNC)
				return unfit(err, &L->units[i], im, "as no function");
			for (j = 0; j < n && !wasm_name_equal(names[j], im->name); j++)
				;
			if (j < n && !wasm_functype_equal(types[j], &m->types[im->type])) {
				free(names);
				free(types);
				return unfit(err, &L->units[i], im, "with another type than another module does");
			}
			if (j < n)
				continue;
			names = xreallocarray(names, n + 1, sizeof(*names));
			types = xreallocarray(types, n + 1, sizeof(*types));
			names[n] = im->name;
			types[n++] = &m->types[im->type];
		}
	}
	for (size_t j = 0; j < n; j++)
		wasm_builder_import_func(&b, PREVIEW1, names[j], types[j]);
	wasm_op(&body, WASM_OP_UNREACHABLE);
	wasm_builder_export(&b, (struct wasm_name){"_start", 6}, WASM_FUNC, wasm_builder_func(&b, &void_fn, &body));
	b.memory = 1;
	wasm_builder_finish(&b, out);
	wasm_buf_free(&body);
	free(names);
	free(types);
	return 0;
}

static int find_site(const struct wasm_buf *t, const struct wasm_section *s, size_t n, struct site *site,
                     char **err)
{
	uint32_t modules = 0, instances = 0;

	for (size_t i = 0; i < n; i++) {
		struct wasm_core_instance *in;
		size_t count;

		if (s[i].id == WASM_COMPONENT_CORE_MODULE)
			modules++;
		if (s[i].id == WASM_COMPONENT_ALIAS && wasm_alias_counts(t->p, &s[i], &modules, &instances, err) < 0)
			return -1;
		if (s[i].id != WASM_COMPONENT_CORE_INSTANCE)
			continue;
		if (wasm_read_core_instances(t->p, &s[i], &in, &count, err) < 0)
			return -1;
		for (size_t k = 0; k < count; k++, instances++) {
			if (in[k].kind != 0 || in[k].module != 0)
				continue;
			if (in[k].nargs != 1 || !wasm_name_is(in[k].args[0].name, PREVIEW1)) {
				wasm_core_instances_free(in, count);
				return complink_fail(err, "the template's command module takes other arguments than " PREVIEW1);
			}
			*site = (struct site){i, k, modules, instances, in[k].args[0].index};
			wasm_core_instances_free(in, count);
			return 0;
		}
		wasm_core_instances_free(in, count);
	}
	return complink_fail(err, "the template never instantiates its command module");
}

/*
 * The wasm32-wasi-cc.libraries section (doc/dynamic-linking-abi.md): each
 * embedded module of the program, the executable ("") and its libraries
 * by soname, with its place among the component's core modules, so that a
 * runner can run them as the core modules they are.
 */
static void libraries_section(const struct link *L, const struct wasm_section *s, const struct site *site,
                              struct wasm_buf *out)
{
	struct wasm_library *libs = xcalloc(L->nunits + 1, sizeof(*libs));
	uint32_t before = 0;

	for (size_t i = 0; i < site->section; i++)
		before += s[i].id == WASM_COMPONENT_CORE_MODULE;
	for (size_t i = 0; i < L->nunits; i++) {
		const struct unit *u = &L->units[i];
		const char *name = u->main ? "" : u->lib.soname;

		libs[i] = (struct wasm_library){{name, strlen(name)}, before + u->mod};
	}
	wasm_put_libraries_section(out, libs, L->nunits);
	free(libs);
}

/* The component: the template, the new modules and instances at the site, the root in the stand-in's place. */
int complink_assemble(struct link *L, const struct wasm_buf *t, const struct wasm_section *s, size_t n,
                    const struct site *site, struct wasm_buf *root, struct wasm_core_args *root_args,
                    struct wasm_buf *out, char **err)
{
	struct wasm_shift sh = {site->modules_before, (uint32_t)L->nmods, site->instance, L->ninsts};
	struct wasm_buf sec = {0};
	size_t first_module = n;

	for (size_t i = 0; i < n; i++)
		if (s[i].id == WASM_COMPONENT_CORE_MODULE) {
			first_module = i;
			break;
		}
	wasm_put_header(out, 1);
	for (size_t i = 0; i < n; i++) {
		if (s[i].id == WASM_COMPONENT_CUSTOM && wasm_name_is(s[i].name, "component-name"))
			continue; /* its names are of the template's indices */
		if (i == first_module) {
			wasm_put_section_bytes(out, WASM_COMPONENT_CORE_MODULE, root->p, root->len);
			continue;
		}
		if (i < site->section) {
			wasm_put(out, t->p + s[i].start, s[i].end - s[i].start);
			continue;
		}
		if (i > site->section) {
			if (wasm_component_shift(t->p, &s[i], &sh, out, err) < 0)
				return -1;
			continue;
		}
		/* the site: the entries before it, the new modules and instances, the root's, the rest */
		if (wasm_core_instances_shift(t->p, &s[i], 0, site->entry, &(struct wasm_shift){0, 0, UINT32_MAX, 0}, out,
		                              err) < 0)
			return -1;
		for (size_t k = 0; k < L->nmods; k++)
			wasm_put_section_bytes(out, WASM_COMPONENT_CORE_MODULE, L->mods[k].p, L->mods[k].len);
		/* the root is the template's first core module (its stand-in's place) */
		wasm_put_u32(&sec, L->ninsts + 1);
		wasm_put(&sec, L->insts.p, L->insts.len);
		wasm_put_core_instantiate(&sec, 0, root_args);
		wasm_put_section(out, WASM_COMPONENT_CORE_INSTANCE, &sec);
		if (wasm_core_instances_shift(t->p, &s[i], site->entry + 1, SIZE_MAX, &sh, out, err) < 0)
			return -1;
	}
	libraries_section(L, s, site, out);
	wasm_buf_free(&sec);
	return 0;
}

int complink_template(struct link *L, const char *dir, struct wasm_buf *tmpl, struct wasm_section **secs,
                      size_t *nsecs, struct site *site, char **err)
{
	struct wasm_buf shape = {0};
	struct wasm_module m = {0};
	struct wasm_section sp;
	char *why = NULL;
	int r = -1;

	*secs = NULL;
	if (command_shape(L, &shape, err) < 0)
		goto out;
	if (wasm_read_module(&m, shape.p, shape.len, &why) < 0)
		fatal("component-link: a module of its own is malformed: %s", why);
	if (wrap_template(dir, &m, L->name, tmpl, &sp, err) < 0)
		goto out;
	if (wasm_sections(tmpl->p, tmpl->len, WASM_COMPONENT, secs, nsecs, &why) < 0 ||
	    find_site(tmpl, *secs, *nsecs, site, &why) < 0) {
		*err = xasprintf("%s: the wrap template: %s", dir, why);
		goto out;
	}
	r = 0;
out:
	wasm_module_free(&m);
	wasm_buf_free(&shape);
	free(why);
	return r;
}
