/* info.c: what the driver says about itself and its toolchain (--help, -print-*...). */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artifacts.h"
#include "config.h"
#include "info.h"
#include "ports.h"
#include "plan.h"

/* A spec variable, expanded, or "unknown". */
static const char *var(const struct invocation *inv, const struct node *spec, const char *name)
{
	char *v = plan_var(inv, spec, name);

	return v ? v : "unknown";
}

void print_version(FILE *f, const struct invocation *inv, const struct node *spec)
{
	fprintf(f, "%s %s (clang %s, wasi-libc %s)\n", progname, PACKAGE_VERSION,
	        var(inv, spec, "clang-version"), var(inv, spec, "wasi-libc-version"));
	fprintf(f, "Target: %s\n", var(inv, spec, "triple"));
}

static void print_help(const struct node *spec)
{
	const struct node *kinds = node_get(spec, "artifacts");
	const struct node *allocators = node_get(spec, "allocators");

	printf("Usage: %s [options] file...\n\n", progname);
	fputs("Compiles C for WebAssembly/WASI and links it into the artifact asked for.\n\n"
	      "Options:\n", stdout);
	print_option_help(stdout);
	fputs("\nArtifact kinds (--artifact=<kind>):\n", stdout);
	for (size_t i = 0; kinds && i < kinds->len; i++) {
		const struct node *summary = node_get(kinds->items[i], "summary");

		printf("  %-20s %s", kinds->keys[i], summary && summary->kind == NODE_SCALAR ? summary->str : "");
		artifact_print_flags(stdout, spec, kinds->keys[i]);
		putchar('\n');
	}
	fputs("\nAllocators (--allocator=<name>):\n", stdout);
	for (size_t i = 0; allocators && i < allocators->len; i++) {
		const struct node *summary = node_get(allocators->items[i], "summary");

		printf("  %-20s %s\n", allocators->keys[i],
		       summary && summary->kind == NODE_SCALAR ? summary->str : "");
	}
	fputs("\nInputs compiled:", stdout);
	for (size_t i = 0; c_suffixes[i]; i++)
		printf(" %s", c_suffixes[i]);
	fputs("; as C++:", stdout);
	for (size_t i = 0; cxx_suffixes[i]; i++)
		printf(" %s", cxx_suffixes[i]);
	printf("; anything else (.o .a .so) is linked.\n"
	       "Specs: %s, $WASM32_WASI_CC_SPECS, --specs=<file>; -dumpspecs shows them merged.\n",
	       SPECDIR);
}

/* Where the linker looks for libraries: the sysroot's, ours, compiler-rt's. */
static void library_dirs(const struct invocation *inv, const struct node *spec, struct strvec *dirs)
{
	char *builtins = plan_var(inv, spec, "builtins");

	strvec_push(dirs, xasprintf("%s/lib/wasm32-wasi", var(inv, spec, "sysroot")));
	strvec_push(dirs, (char *)var(inv, spec, "libdir"));
	if (builtins)
		strvec_push(dirs, dirname(xstrdup(builtins)));
}

static void print_joined(const char *label, const struct strvec *dirs)
{
	printf("%s: =", label);
	for (size_t i = 0; i < dirs->len; i++)
		printf("%s%s", i ? ":" : "", dirs->v[i]);
	putchar('\n');
}

/* The path of a tool of the spec's `tools`, or NULL. */
static char *tool_path(const struct invocation *inv, const struct node *spec, const char *tool)
{
	const struct node *t = node_get(node_get(spec, "tools"), tool);

	if (!t || !node_get(t, "path"))
		return NULL;
	return plan_word(inv, spec, node_get(t, "path"));
}

/* Prints spelling+value for each value that starts with prefix. */
static void complete_value(const char *prefix, const char *spelling, const char *value, size_t n)
{
	char *w = xasprintf("%s%.*s", spelling, (int)n, value);

	if (has_prefix(w, prefix))
		puts(w);
	free(w);
}

/*
 * --completion=PREFIX, the protocol of GCC and of bash-completion's gcc
 * completer: every option spelling that starts with PREFIX, one a line.
 * An option's value is completed from the table's `values` column, or
 * from the keys of the spec mapping it names (@artifacts).
 */
static void complete(const char *prefix, const struct node *spec)
{
	for (size_t i = 0; i < option_count; i++) {
		const struct option *o = &option_table[i];
		enum opt_syntax syntax;
		const char *s, *w;
		size_t n, len;

		for (size_t k = 0; option_spelling(o, k, &s, &n, &syntax); k++) {
			char *spelling = xstrndup(s, n);

			if (o->values && syntax != SEPARATE && has_prefix(prefix, spelling)) {
				const struct node *keys = o->values[0] == '@' ? node_get(spec, o->values + 1) : NULL;

				for (size_t j = 0; !keys && list_word(o->values, '|', j, &w, &len); j++)
					complete_value(prefix, spelling, w, len);
				for (size_t j = 0; keys && keys->kind == NODE_MAP && j < keys->len; j++)
					complete_value(prefix, spelling, keys->keys[j], strlen(keys->keys[j]));
			} else if (has_prefix(spelling, prefix)) {
				puts(spelling);
			}
			free(spelling);
		}
	}
}

/* Where the tools are, each directory once. */
static void program_dirs(const struct invocation *inv, const struct node *spec, struct strvec *dirs)
{
	const struct node *tools = node_get(spec, "tools");

	for (size_t i = 0; tools && i < tools->len; i++) {
		char *path = tool_path(inv, spec, tools->keys[i]);
		size_t j;

		if (!path || !strchr(path, '/'))
			continue;
		path = dirname(path);
		for (j = 0; j < dirs->len && strcmp(dirs->v[j], path) != 0; j++)
			;
		if (j == dirs->len)
			strvec_push(dirs, path);
	}
}

void answer_query(const struct query *q, const struct invocation *inv, const struct node *spec)
{
	struct strvec dirs = {0};
	const struct node *alias;
	char *path;

	switch (q->id) {
	case OPT_DUMPSPECS:
		spec_print(stdout, spec);
		break;
	case OPT_DUMPMACHINE:
		puts(var(inv, spec, "triple"));
		break;
	case OPT_DUMPVERSION:
		puts(var(inv, spec, "clang-version"));
		break;
	case OPT_VERSION:
		print_version(stdout, inv, spec);
		break;
	case OPT_HELP:
		print_help(spec);
		break;
	case OPT_COMPLETION:
		complete(q->value, spec);
		break;
	case OPT_PRINT_SYSROOT:
		puts(var(inv, spec, "sysroot"));
		break;
	case OPT_PRINT_LIBGCC:
		puts(var(inv, spec, "builtins"));
		break;
	case OPT_PRINT_PORT_DIRS:
		port_dirs(inv, spec, &dirs);
		for (size_t i = 0; i < dirs.len; i++) {
			puts(dirs.v[i]);
			free(dirs.v[i]);
		}
		break;
	case OPT_PRINT_SEARCH_DIRS:
		printf("install: %s/\n", var(inv, spec, "libdir"));
		program_dirs(inv, spec, &dirs);
		print_joined("programs", &dirs);
		dirs.len = 0;
		library_dirs(inv, spec, &dirs);
		print_joined("libraries", &dirs);
		break;
	case OPT_PRINT_FILE_NAME:
		/* as with GCC: the path where found, else the name itself */
		library_dirs(inv, spec, &dirs);
		for (size_t i = 0; i < dirs.len; i++) {
			path = xasprintf("%s/%s", dirs.v[i], q->value);
			if (access(path, F_OK) == 0) {
				puts(path);
				return;
			}
		}
		puts(q->value);
		break;
	case OPT_PRINT_PROG_NAME:
		/* `prog-names` maps the names configure asks for (ld, ar) to tools */
		alias = node_get(node_get(spec, "prog-names"), q->value);
		path = tool_path(inv, spec, alias && alias->kind == NODE_SCALAR ? alias->str : q->value);
		puts(path ? path : q->value);
		break;
	default:
		fatal("query '%d' has no answer", (int)q->id);
	}
	strvec_free(&dirs);
}
