/* complink/glue.c: the component link's instances: each module with the small modules that bind its imports, and the root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complink.h"

/*
 * The binding of imports by module name (doc/dynamic-linking-abi.md), as
 * steps/complink/link.c describes it: a soname is that library's instance,
 * wasi_snapshot_preview1 the adapter's, and env, the GOT names and "."
 * are glue modules made here. The allocator is the instance argument "a"
 * of those that need its table or state, a GOT provider "p", dlopen's
 * module (complink/dl.c) "d".
 */

/* The table of the process, imported from the allocator (the instance argument "a"), once. */
static void import_table(struct wasm_builder *b)
{
	if (b->ntables_imported)
		return;
	wasm_builder_import(b, "a", &(struct wasm_import){.name = {"__indirect_function_table", 25}, .kind = WASM_TABLE,
	                                                  .valtype = WASM_FUNCREF});
}

/* ------------------------------------------------------ instances and args */

static void arg(struct wasm_core_args *a, struct wasm_name name, uint32_t instance)
{
	wasm_core_arg(a, name, WASM_CORE_SORT_INSTANCE, instance);
}

static void arg_str(struct wasm_core_args *a, const char *name, uint32_t instance)
{
	wasm_core_arg_str(a, name, WASM_CORE_SORT_INSTANCE, instance);
}

/* A new module, instantiated with args (emptied); its instance. */
static uint32_t instantiate(struct link *L, struct wasm_buf *module, struct wasm_core_args *a)
{
	L->mods = xreallocarray(L->mods, L->nmods + 1, sizeof(*L->mods));
	L->mods[L->nmods] = *module;
	*module = (struct wasm_buf){0};
	wasm_put_core_instantiate(&L->insts, L->module_base + (uint32_t)L->nmods++, a);
	return L->instance_base + L->ninsts++;
}

/* ------------------------------------------------------------------- glue */

static const struct wasm_functype *import_type(const struct unit *u, const struct wasm_import *im)
{
	return &u->lib.m.types[im->type];
}

/* The unit a GOT or soname module name names ("." is x itself); NULL when none. */
static struct unit *provider(struct link *L, struct unit *x, struct wasm_name who)
{
	if (wasm_name_is(who, "."))
		return x;
	return complink_find_unit(L, who);
}

static int undefined(char **err, const struct unit *x, const struct wasm_import *im, const char *why)
{
	char *m = wasm_name_str(im->module), *n = wasm_name_str(im->name);

	complink_fail(err, "%s imports '%s' from '%s', %s", x->name, n, m, why);
	free(m);
	free(n);
	return -1;
}

static int is_dl_import(int env, const struct wasm_import *im)
{
	return env && im->kind == WASM_FUNC && complink_dl_type(im->name);
}

/* The glue of `env` and of the bare GOT names: what the loader would provide. */
static int glue_env(struct link *L, struct unit *x, const struct wasm_import **ims, size_t n, struct wasm_builder *b,
                    int *uses_allocator, int *uses_dl, char **err)
{
	int env = wasm_name_is(ims[0]->module, "env"), got_mem = wasm_name_is(ims[0]->module, "GOT.mem");
	uint32_t dl_funcs = 0;

	/* imports first: dlopen and its family from dlopen's module (complink/dl.c) */
	for (size_t i = 0; i < n; i++) {
		const struct wasm_import *im = ims[i];

		if (is_dl_import(env, im)) {
			if (!wasm_functype_equal(import_type(x, im), complink_dl_type(im->name))) {
				char *t = wasm_functype_str(import_type(x, im)), *want = wasm_functype_str(complink_dl_type(im->name));
				char *name = wasm_name_str(im->name);

				complink_fail(err, "%s imports %s as %s, not %s (dlfcn.h)", x->name, name, t, want);
				free(t);
				free(want);
				free(name);
				return -1;
			}
			wasm_builder_import_func(b, "d", im->name, import_type(x, im));
			*uses_dl = 1;
		}
	}
	/* then the state, when it comes through env */
	for (size_t i = 0; i < n; i++) {
		const struct wasm_import *im = ims[i];

		if (env && (im->kind == WASM_MEMORY || im->kind == WASM_TABLE ||
		            (im->kind == WASM_GLOBAL && wasm_name_is(im->name, "__stack_pointer")))) {
			/* of the type the module imports it with */
			wasm_builder_import(b, "a", im);
			*uses_allocator = 1;
		}
	}
	for (size_t i = 0, mems = 0, tables = 0, globals = 0; i < n; i++) {
		const struct wasm_import *im = ims[i];
		uint32_t v = 0;

		if (env && im->kind == WASM_MEMORY) {
			wasm_builder_export(b, im->name, WASM_MEMORY, (uint32_t)mems++);
		} else if (env && im->kind == WASM_TABLE) {
			wasm_builder_export(b, im->name, WASM_TABLE, (uint32_t)tables++);
		} else if (env && im->kind == WASM_GLOBAL && wasm_name_is(im->name, "__stack_pointer")) {
			wasm_builder_export(b, im->name, WASM_GLOBAL, (uint32_t)globals++);
		} else if (im->kind == WASM_GLOBAL) {
			if (im->valtype != WASM_I32 && im->valtype != WASM_I64)
				return undefined(err, x, im, "a global of a type no loader provides");
			if (env && wasm_name_is(im->name, "__memory_base"))
				v = x->mem_base;
			else if (env && wasm_name_is(im->name, "__table_base"))
				v = x->table_base;
			else if ((env || got_mem) && wasm_name_is(im->name, "__heap_base"))
				v = L->heap_base;
			else if (env && wasm_name_is(im->name, "__heap_end"))
				v = L->mem_end;
			wasm_builder_export(b, im->name, WASM_GLOBAL, wasm_builder_global(b, im->valtype, im->mut, v));
		} else if (is_dl_import(env, im)) {
			wasm_builder_export(b, im->name, WASM_FUNC, dl_funcs++);
		} else if (env && im->kind == WASM_FUNC) {
			struct wasm_buf body = {0};

			wasm_op(&body, WASM_OP_UNREACHABLE); /* a weak function nobody defines */
			wasm_builder_export(b, im->name, WASM_FUNC, wasm_builder_func(b, import_type(x, im), &body));
			wasm_buf_free(&body);
		} else {
			return undefined(err, x, im, "which no loader provides");
		}
	}
	return 0;
}

/* The glue of GOT.mem/P and GOT.func/P: the addresses of P's symbols. */
static int glue_got(struct link *L, struct unit *x, const struct wasm_import **ims, size_t n, struct unit *p,
                    int func, struct wasm_builder *b, int *uses_allocator, int *uses_provider, char **err)
{
	size_t pi = (size_t)(p - L->units);
	uint32_t *fidx = xcalloc(n + 1, sizeof(*fidx));

	/* imports first: the functions of an instantiated provider, and the table they go into */
	for (size_t i = 0; func && p != x && i < n; i++) {
		const struct wasm_export *e = wasm_find_export_name(&p->lib.m, ims[i]->name);

		if (!e || e->kind != WASM_FUNC) {
			free(fidx);
			return undefined(err, x, ims[i], "which does not export that function");
		}
		fidx[i] = wasm_builder_import_func(b, "p", ims[i]->name, wasm_func_type(&p->lib.m, e->index));
		*uses_provider = 1;
	}
	if (func && p != x) {
		import_table(b);
		*uses_allocator = 1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct wasm_import *im = ims[i];
		uint32_t v;

		if (im->kind != WASM_GLOBAL || im->valtype != WASM_I32) {
			free(fidx);
			return undefined(err, x, im, "which is not an i32 global");
		}
		if (func) {
			const struct wasm_export *e = wasm_find_export_name(&p->lib.m, im->name);

			if (!e || e->kind != WASM_FUNC) {
				free(fidx);
				return undefined(err, x, im, "which does not export that function");
			}
			v = complink_slot(L, pi, im->name);
			if (p != x)
				wasm_builder_elem(b, v, fidx[i]);
		} else {
			if (complink_export_value(p, im->name, &v, err) < 0) {
				free(fidx);
				return -1;
			}
			v += p->mem_base;
		}
		wasm_builder_export(b, im->name, WASM_GLOBAL, wasm_builder_global(b, WASM_I32, im->mut, v));
	}
	free(fidx);
	return 0;
}

/* The glue of `.`: trampolines calling x's own exports through their slots. */
static int glue_self(struct link *L, struct unit *x, const struct wasm_import **ims, size_t n, struct wasm_builder *b,
                     char **err)
{
	size_t xi = (size_t)(x - L->units);

	import_table(b);
	for (size_t i = 0; i < n; i++) {
		const struct wasm_import *im = ims[i];
		const struct wasm_export *e = wasm_find_export_name(&x->lib.m, im->name);
		const struct wasm_functype *t;
		struct wasm_buf body = {0};
		uint32_t type;

		if (im->kind != WASM_FUNC || !e || e->kind != WASM_FUNC)
			return undefined(err, x, im, "which the module does not export as a function");
		t = import_type(x, im);
		for (uint32_t k = 0; k < t->nparams; k++)
			wasm_local_get(&body, k);
		wasm_i32_const(&body, complink_slot(L, xi, im->name));
		type = wasm_builder_type(b, t);
		wasm_call_indirect(&body, type, 0);
		wasm_builder_export(b, im->name, WASM_FUNC, wasm_builder_func(b, t, &body));
		wasm_buf_free(&body);
	}
	return 0;
}

/* The instance that provides x's imports from module name `group` (ims, n of them); -1 with *err set. */
static int group_instance(struct link *L, struct unit *x, const struct wasm_import **ims, size_t n,
                          uint32_t *inst, char **err)
{
	struct wasm_name g = ims[0]->module;
	struct wasm_builder b = {0};
	struct wasm_buf mod = {0};
	struct wasm_core_args a = {0};
	struct unit *p = NULL;
	int uses_allocator = 0, uses_provider = 0, uses_dl = 0, r;

	if (wasm_name_is(g, PREVIEW1)) {
		*inst = L->preview1;
		return 0;
	}
	if (!wasm_name_is(g, ".") && (p = complink_find_unit(L, g))) {
		if (p >= x)
			return undefined(err, x, ims[0], "which is instantiated after it (a cycle of libraries)");
		for (size_t i = 0; i < n; i++) {
			const struct wasm_export *e = wasm_find_export_name(&p->lib.m, ims[i]->name);

			if (!e || e->kind != ims[i]->kind)
				return undefined(err, x, ims[i], "which does not export it");
		}
		*inst = p->instance;
		return 0;
	}
	if (wasm_name_is(g, "env") || wasm_name_is(g, "GOT.mem") || wasm_name_is(g, "GOT.func"))
		r = glue_env(L, x, ims, n, &b, &uses_allocator, &uses_dl, err);
	else if (wasm_name_has_prefix(g, "GOT.mem/") || wasm_name_has_prefix(g, "GOT.func/")) {
		int func = wasm_name_has_prefix(g, "GOT.func/");
		size_t skip = func ? 9 : 8;

		if (!(p = provider(L, x, (struct wasm_name){g.p + skip, g.len - skip})))
			return undefined(err, x, ims[0], "a library that is not loaded");
		r = glue_got(L, x, ims, n, p, func, &b, &uses_allocator, &uses_provider, err);
	} else if (wasm_name_is(g, ".")) {
		r = glue_self(L, x, ims, n, &b, err);
		uses_allocator = 1;
	} else {
		return undefined(err, x, ims[0], "which no library of the link provides");
	}
	if (r < 0) {
		wasm_builder_finish(&b, &mod);
		wasm_buf_free(&mod);
		return -1;
	}
	wasm_builder_finish(&b, &mod);
	if (uses_allocator)
		arg_str(&a, "a", L->units[L->allocator].instance);
	if (uses_provider)
		arg_str(&a, "p", p->instance);
	if (uses_dl)
		arg_str(&a, "d", L->dl);
	*inst = instantiate(L, &mod, &a);
	return 0;
}

/* Instantiates x: its glue, then x itself. */
static int instantiate_unit(struct link *L, struct unit *x, char **err)
{
	const struct wasm_module *m = &x->lib.m;
	const struct wasm_import **group = xcalloc(m->nimports + 1, sizeof(*group));
	char *done = xcalloc(m->nimports + 1, 1);
	struct wasm_core_args a = {0};
	struct wasm_buf bytes = {0};
	int r = -1;

	for (uint32_t i = 0; i < m->nimports; i++) {
		size_t n = 0;
		uint32_t inst = 0;

		if (done[i])
			continue;
		for (uint32_t k = i; k < m->nimports; k++)
			if (!done[k] && wasm_name_equal(m->imports[k].module, m->imports[i].module)) {
				group[n++] = &m->imports[k];
				done[k] = 1;
			}
		if (group_instance(L, x, group, n, &inst, err) < 0)
			goto out;
		arg(&a, m->imports[i].module, inst);
	}
	wasm_put(&bytes, x->lib.bytes, x->lib.len);
	x->mod = (uint32_t)L->nmods;
	x->instance = instantiate(L, &bytes, &a);
	r = 0;
out:
	wasm_core_args_free(&a);
	free(group);
	free(done);
	return r;
}

/* The allocator's bytes with its memory and table minimums raised to hold everyone's. */
static void grown_allocator(struct link *L, struct wasm_buf *out)
{
	struct unit *a = &L->units[L->allocator];

	wasm_put_module_grown(out, a->lib.bytes, &a->lib.m, L->table_end, L->mem_end / PAGE);
}

/* The root module: the slots of the modules' own functions, the memory for the adapter, and _start. */
void complink_root(struct link *L, struct wasm_buf *out, struct wasm_core_args *a)
{
	static const struct wasm_functype void_fn = {NULL, NULL, 0, 0};
	struct wasm_builder b = {0};
	struct wasm_buf body = {0};
	struct unit *alloc = &L->units[L->allocator];
	uint32_t f;

	/* no maximum */
	wasm_builder_import(&b, "a", &(struct wasm_import){.name = {"memory", 6}, .kind = WASM_MEMORY,
	                                                   .limits = {.min = L->mem_end / PAGE}});
	import_table(&b);
	arg_str(a, "a", alloc->instance);
	if (wasm_find_export(&alloc->lib.m, "_initialize")) {
		f = wasm_builder_import_func(&b, "a", (struct wasm_name){"_initialize", 11}, &void_fn);
		wasm_call(&body, f);
	}
	for (size_t i = 0; i < L->nunits; i++) {
		struct unit *u = &L->units[i];
		char name[32];
		static const char *const init[] = {"__wasm_apply_data_relocs", "__wasm_call_ctors", "_start"};

		if (u->lib.allocator)
			continue;
		snprintf(name, sizeof(name), "m%zu", i);
		arg_str(a, name, u->instance);
		for (size_t k = 0; k < LEN(init); k++) {
			const struct wasm_export *e = wasm_find_export(&u->lib.m, init[k]);

			/* the executable's _start runs its own constructors */
			if (!e || e->kind != WASM_FUNC || (k == 1 && u->main) || (k == 2 && !u->main))
				continue;
			f = wasm_builder_import_func(&b, name, (struct wasm_name){init[k], strlen(init[k])},
			                   wasm_func_type(&u->lib.m, e->index));
			wasm_call(&body, f);
		}
		for (size_t k = 0; k < L->nslots; k++) {
			struct slot *s = &L->slots[k];
			const struct wasm_export *e;

			if (s->unit != i)
				continue;
			e = wasm_find_export(&u->lib.m, s->name);
			f = wasm_builder_import_func(&b, name, (struct wasm_name){s->name, strlen(s->name)},
			                   wasm_func_type(&u->lib.m, e->index));
			wasm_builder_elem(&b, s->index, f);
		}
	}
	f = wasm_builder_func(&b, &void_fn, &body);
	wasm_builder_export(&b, (struct wasm_name){"memory", 6}, WASM_MEMORY, 0);
	wasm_builder_export(&b, (struct wasm_name){"_start", 6}, WASM_FUNC, f);
	wasm_builder_finish(&b, out);
	wasm_buf_free(&body);
}

int complink_instantiate(struct link *L, char **err)
{
	struct wasm_buf a = {0};
	struct wasm_core_args none = {0};

	struct wasm_buf dl = {0};
	int got;

	grown_allocator(L, &a);
	L->units[L->allocator].mod = (uint32_t)L->nmods;
	L->units[L->allocator].instance = instantiate(L, &a, &none);
	/* dlopen's module, before every module that imports from it */
	if ((got = complink_dl(L, &dl, err)) < 0)
		return -1;
	if (got) {
		arg_str(&none, "a", L->units[L->allocator].instance);
		L->dl = instantiate(L, &dl, &none);
	}
	for (size_t i = 0; i < L->nunits; i++)
		if (!L->units[i].lib.allocator && instantiate_unit(L, &L->units[i], err) < 0)
			return -1;
	/* the allocator's table, now that every slot is known (it is the first new module) */
	wasm_buf_free(&L->mods[0]);
	grown_allocator(L, &L->mods[0]);
	return 0;
}
