/* artifacts.c: the artifact kinds, as the specs define them: which kind a flag asks for, and what --help says of each. */
#include <string.h>

#include "artifacts.h"
#include "options.h"

/* The words of the kind's `flags:` (a list of strings, as schema.c checks), or NULL. */
static const struct node *flags_of(const struct node *artifact)
{
	const struct node *flags = node_get(artifact, "flags");

	return flags && flags->kind == NODE_SEQ ? flags : NULL;
}

const char *artifact_by_flag(const struct node *spec, const char *word)
{
	const struct node *kinds = node_get(spec, "artifacts");

	for (size_t i = 0; kinds && i < kinds->len; i++) {
		const struct node *flags = flags_of(kinds->items[i]);

		for (size_t k = 0; flags && k < flags->len; k++)
			if (strcmp(flags->items[k]->str, word) == 0)
				return kinds->keys[i];
	}
	return NULL;
}

void artifact_resolve(struct invocation *inv, const struct node *spec)
{
	for (size_t i = 0; i < inv->nartifact_asks; i++) {
		const struct artifact_ask *a = &inv->artifact_asks[i];
		const char *name = a->name ? a->name : artifact_by_flag(spec, a->flag);

		if (!name)
			usage_error("%s: no artifact kind of the specs has this flag", a->flag);
		if (inv->artifact && strcmp(inv->artifact, name) != 0)
			usage_error("%s conflicts with %s", a->flag, inv->artifact_flag);
		inv->artifact = name;
		inv->artifact_flag = a->flag;
	}
}

int artifact_flags_check(const struct node *spec, char **err)
{
	const struct node *kinds = node_get(spec, "artifacts");

	for (size_t i = 0; kinds && i < kinds->len; i++) {
		const struct node *flags = flags_of(kinds->items[i]);

		for (size_t k = 0; flags && k < flags->len; k++) {
			const struct node *w = flags->items[k];
			const char *name = NULL, *other;

			if (!option_selects_artifact(w->str, &name)) {
				*err = node_error(w, "'%s' asks for no artifact kind (options.def: an artifact flag is "
				                  "--artifact=, one of its aliases, or -mexec-model=)", w->str);
				return -1;
			}
			if (name && strcmp(name, kinds->keys[i]) != 0) {
				*err = node_error(w, "'%s' asks for the artifact '%s', not '%s'", w->str, name,
				                  kinds->keys[i]);
				return -1;
			}
			if (!name && (other = artifact_by_flag(spec, w->str)) != kinds->keys[i]) {
				*err = node_error(w, "'%s' is a flag of the artifact '%s' already", w->str, other);
				return -1;
			}
		}
	}
	return 0;
}

void artifact_print_flags(FILE *f, const struct node *spec, const char *name)
{
	const struct node *a = node_get(node_get(spec, "artifacts"), name);
	const struct node *flags = flags_of(a), *dflt = node_get(spec, "default-artifact");

	if (dflt && dflt->kind == NODE_SCALAR && strcmp(dflt->str, name) == 0) {
		fputs(" (the default)", f);
	} else if (flags && flags->len) {
		for (size_t k = 0; k < flags->len; k++)
			fprintf(f, "%s%s", k ? ", " : " (", flags->items[k]->str);
		fputc(')', f);
	} else if (!node_get(a, "refused")) {
		fprintf(f, " (--artifact=%s)", name);
	}
}
