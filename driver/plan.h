/* plan.h: from what the user asked and what the specs say, the steps to run. */
#ifndef PLAN_H
#define PLAN_H

#include <stdlib.h>

#include "options.h"
#include "spec.h"
#include "template.h"

struct step {
	const char *name;    /* compile, link, wrap: a key of the spec's `steps` */
	const char *tool;    /* a key of the spec's `tools` */
	const char *package; /* where the tool comes from, for a missing tool */
	int builtin;         /* argv[0] names a builtin (builtins.h), not a program */
	struct strvec argv;  /* argv[0] is the tool's path */
	/*
	 * A step that says `on-failure: skip` (an optimizer that may not take
	 * every module): if its tool is missing or fails, one line says so and
	 * its input is copied to its output. Its standard error goes to log.
	 */
	const char *skip_input, *skip_output, *log;
};

struct plan {
	struct step *steps;
	size_t nsteps, cap;
	const char *output;     /* what the user gets, NULL for standard output */
	const char *final_tmp;  /* the last step writes here; renamed to output on success */
	int executable;         /* give the output execute permission */
};

/* Plans the compile-only modes (-c, -S, -E): one clang command. */
void plan_compile_only(struct plan *p, const struct invocation *inv, const struct node *spec);
/* Plans a link: a compile step per source, then the artifact's steps. */
void plan_link(struct plan *p, const struct invocation *inv, const struct node *spec);

/* Fails with the spec's location if err is set. */
void spec_check(char *err);

/* Where the linker words go: wasm-ld, or the driver's own steps that take some. */
struct linker_words {
	struct strvec link;    /* ${link-args}: wasm-ld */
	struct strvec dylink;  /* ${dylink-args}: the dylink step (linker.dylink) */
	struct strvec exports; /* ${export-args}: the dll-exports step (linker.exports) */
};

/* Passes to its step, or drops, the -Wl,/-Xlinker word inv->link[*i] and its values. */
void filter_linker_words(const struct node *linker, const struct invocation *inv,
                         size_t *i, struct linker_words *out);

void plan_free(struct plan *p);

/* A spec variable or template expanded as a step would see it, or NULL if undefined. */
char *plan_var(const struct invocation *inv, const struct node *spec, const char *name);
char *plan_word(const struct invocation *inv, const struct node *spec, const struct node *tmpl);

#endif
