/* template.h: expansion of spec argv templates against variables. */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include "spec.h"
#include "util.h"

/*
 * Variables are looked up first among those the driver sets while planning
 * (input, output, user flags...), then in the spec mappings of `layers`,
 * last layer first (an artifact's vars, then the global vars).
 */
struct dvar {
	const char *name;
	int is_list;
	struct strvec val; /* a scalar is val.v[0] */
};

struct scope {
	struct dvar *dv;
	size_t ndv, cap;
	const struct node *layers[4];
	size_t nlayers;
	size_t spent; /* bytes of words expanded so far, bounded */
};

void scope_set(struct scope *sc, const char *name, const char *value);
void scope_set_list(struct scope *sc, const char *name, const struct strvec *value);
void scope_free(struct scope *sc);

/*
 * Appends the expansion of tmpl to out. A template is a word, a list of
 * templates, or a conditional {if: NAME, then: [...], else: [...]} (or
 * `unless:`), true when NAME is set and not empty. In a word, ${NAME} is
 * replaced by a variable's value and $$ by a '$'; a word that is exactly
 * ${NAME} of a list variable becomes one word per element.
 * Variables nest at most 256 deep, and a scope's expansions are bounded in
 * size (sc->spent). Returns 0, or -1 with *err set to "FILE:LINE:COL: message".
 */
int template_expand(const struct node *tmpl, struct scope *sc, struct strvec *out, char **err);

/* Expands a template that must give exactly one word (a path, say). */
char *template_word(const struct node *tmpl, struct scope *sc, char **err);

/* Is the variable name set to something non-empty? */
int scope_true(const struct scope *sc, const char *name);

#endif
