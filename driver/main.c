/* main.c: wasm32-wasi-cc, a cc-style driver for WebAssembly/WASI. Reads the specs, plans, runs. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "artifacts.h"
#include "builtins.h"
#include "hostdirs.h"
#include "info.h"
#include "options.h"
#include "plan.h"
#include "ports.h"
#include "run.h"
#include "schema.h"
#include "spec.h"
#include "speccache.h"
#include "tempfiles.h"

#ifndef SPECDIR
#define SPECDIR "/usr/local/share/wasm32-wasi-cc/specs"
#endif

static int is_yaml(const struct dirent *d)
{
	return d->d_name[0] != '.' && has_suffix(d->d_name, ".yaml");
}

static void load(struct node **spec, const char *path)
{
	char *err = NULL;

	if (spec_load(spec, path, &err) < 0)
		fatal("%s", err);
}

/* Where the specs came from, for -v: a directory, or its cache. */
static struct strvec spec_sources;

static int yaml_files(const char *dir, struct dirent ***names)
{
	int n = scandir(dir, names, is_yaml, alphasort);

	if (n < 0)
		fatal("cannot read the spec directory %s:", dir);
	return n;
}

static void free_names(struct dirent **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Every *.yaml of a directory, in name order: from its cache if that is current. */
static void load_dir(struct node **spec, const char *dir)
{
	struct dirent **names;
	int n = yaml_files(dir, &names);

	if (spec_cache_read(spec, dir, names, n)) {
		strvec_push(&spec_sources, xasprintf("%s/specs.cache", dir));
	} else {
		strvec_push(&spec_sources, xstrdup(dir));
		for (int i = 0; i < n; i++) {
			char *path = xasprintf("%s/%s", dir, names[i]->d_name);

			load(spec, path);
			free(path);
		}
	}
	free_names(names, n);
}

static void write_spec_cache(const char *dir)
{
	struct dirent **names;
	int n = yaml_files(dir, &names);
	char *err = NULL;

	if (spec_cache_write(dir, names, n, &err) < 0)
		fatal("%s", err);
	free_names(names, n);
}

/* Calls fn on each element of a ':'-separated list. */
static void each_in_list(struct node **spec, const char *list, void (*fn)(struct node **, const char *))
{
	char *copy = xstrdup(list), *save = NULL;

	for (char *s = strtok_r(copy, ":", &save); s; s = strtok_r(NULL, ":", &save))
		fn(spec, s);
	free(copy);
}

/*
 * The installed specs, then the user's: $WASM32_WASI_CC_SPECS, then each
 * --specs= in order. Each layers over what came before.
 */
static struct node *load_specs(const struct invocation *inv)
{
	struct node *spec = NULL;
	char *err = NULL;
	const char *dirs = getenv("WASM32_WASI_CC_SPECDIR");
	const char *user = getenv("WASM32_WASI_CC_SPECS");

	each_in_list(&spec, dirs && *dirs ? dirs : SPECDIR, load_dir);
	if (user && *user)
		each_in_list(&spec, user, load);
	for (size_t i = 0; i < inv->specs.len; i++)
		load(&spec, inv->specs.v[i]);
	if (!spec)
		fatal("no spec files found");
	if (schema_check(spec, &err) < 0 || artifact_flags_check(spec, &err) < 0)
		fatal("%s", err);
	return spec;
}

static void finish_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		fatal("write error on standard output:");
}

int main(int argc, char **argv)
{
	struct invocation inv = {0};
	struct plan plan = {0};
	struct node *spec;

	temps_init();
	progname = base_name(argv[0]);
	mode_from_name(&inv, progname);
	expand_response_files(&argc, &argv);
	parse_args(&inv, argc, argv);
	if (inv.spec_cache_dir) {
		write_spec_cache(inv.spec_cache_dir);
		spec_free();
		return 0;
	}
	spec = load_specs(&inv);
	artifact_resolve(&inv, spec);

	if (inv.nqueries) {
		for (size_t i = 0; i < inv.nqueries; i++)
			answer_query(&inv.queries[i], &inv, spec);
		finish_stdout();
		return 0;
	}
	check_host_dirs(&inv, spec);
	use_ports(&inv, spec);
	if (inv.verbose) {
		print_version(stderr, &inv, spec);
		for (size_t i = 0; i < spec_sources.len; i++)
			fprintf(stderr, "Reading specs from %s\n", spec_sources.v[i]);
	}
	if (inv.ninputs == 0 && inv.verbose && !inv.artifact)
		return 0;

	if (inv.mode != MODE_LINK) {
		plan_compile_only(&plan, &inv, spec);
		if (plan.nsteps == 0)
			return 0;
		exec_plan(&plan, &inv);
	} else {
		plan_link(&plan, &inv, spec);
		run_plan(&plan, &inv);
		if (inv.verbose && !inv.dry_run)
			env_print_declared(stderr, plan.output, &inv.env);
	}
	plan_free(&plan);
	spec_free();
	die(0);
}
