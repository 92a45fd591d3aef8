/* main.c: wasm32-wasi-cc, a cc-style driver for WebAssembly/WASI. Reads the specs, plans, runs. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#include "options.h"
#include "plan.h"
#include "run.h"
#include "tempfiles.h"
#include "spec.h"

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

/* Every *.yaml of a directory, in name order. */
static void load_dir(struct node **spec, const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, is_yaml, alphasort);

	if (n < 0)
		fatal("cannot read the spec directory %s:", dir);
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]->d_name);

		load(spec, path);
		free(path);
		free(names[i]);
	}
	free(names);
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
	const char *dirs = getenv("WASM32_WASI_CC_SPECDIR");
	const char *user = getenv("WASM32_WASI_CC_SPECS");

	each_in_list(&spec, dirs && *dirs ? dirs : SPECDIR, load_dir);
	if (user && *user)
		each_in_list(&spec, user, load);
	for (size_t i = 0; i < inv->specs.len; i++)
		load(&spec, inv->specs.v[i]);
	if (!spec)
		fatal("no spec files found");
	return spec;
}

static const char *spec_var(const struct node *spec, const char *name)
{
	const struct node *n = node_get(node_get(spec, "vars"), name);

	return n && n->kind == NODE_SCALAR ? n->str : "unknown";
}

static void print_version(FILE *f, const struct node *spec)
{
	fprintf(f, "%s %s (clang %s, wasi-libc %s)\n", progname, PACKAGE_VERSION,
	        spec_var(spec, "clang-version"), spec_var(spec, "wasi-libc-version"));
	fprintf(f, "Target: %s\n", spec_var(spec, "triple"));
}

static void print_help(FILE *f, const struct node *spec)
{
	const struct node *kinds = node_get(spec, "artifacts");

	fprintf(f, "Usage: %s [options] file...\n\n", progname);
	fputs("Compiles C for WebAssembly/WASI and links it into the artifact asked for.\n\n"
	      "Options:\n", f);
	print_option_help(f);
	fputs("\nArtifact kinds (--artifact=<kind>):\n", f);
	for (size_t i = 0; kinds && i < kinds->len; i++) {
		const struct node *summary = node_get(kinds->items[i], "summary");
		const struct node *flag = node_get(kinds->items[i], "flag");

		fprintf(f, "  %-20s %s%s%s%s\n", kinds->keys[i],
		        summary && summary->kind == NODE_SCALAR ? summary->str : "",
		        flag ? " (" : "", flag && flag->kind == NODE_SCALAR ? flag->str : "",
		        flag ? ")" : "");
	}
	fprintf(f, "\nInputs: .c .i .s .S are compiled; .o .a and others are linked.\n"
	        "Specs: %s, $WASM32_WASI_CC_SPECS, --specs=<file>; -dumpspecs shows them merged.\n",
	        SPECDIR);
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
	expand_response_files(&argc, &argv);
	parse_args(&inv, argc, argv);
	spec = load_specs(&inv);

	if (inv.dumpspecs || inv.dumpmachine || inv.dumpversion || inv.help || inv.version) {
		if (inv.dumpspecs)
			spec_print(stdout, spec);
		if (inv.dumpmachine)
			puts(spec_var(spec, "triple"));
		if (inv.dumpversion)
			puts(spec_var(spec, "clang-version"));
		if (inv.help)
			print_help(stdout, spec);
		if (inv.version)
			print_version(stdout, spec);
		finish_stdout();
		return 0;
	}
	if (inv.verbose)
		print_version(stderr, spec);
	if (inv.ninputs == 0) {
		if (inv.verbose)
			return 0;
		usage_error("no input files");
	}

	if (inv.mode != MODE_LINK) {
		plan_compile_only(&plan, &inv, spec);
		if (plan.nsteps == 0)
			return 0;
		exec_plan(&plan, &inv);
	} else {
		plan_link(&plan, &inv, spec);
		run_plan(&plan, &inv);
	}
	plan_free(&plan);
	node_free(spec);
	die(0);
}
