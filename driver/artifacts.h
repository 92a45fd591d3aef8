/* artifacts.h: the artifact kinds, as the specs define them: which kind a flag asks for, and what --help says of each. */
#ifndef ARTIFACTS_H
#define ARTIFACTS_H

#include <stdio.h>

#include "options.h"
#include "spec.h"

/*
 * The kind an artifact flag asks for: the one of the spec's `artifacts`
 * whose `flags:` list word (-mexec-model=reactor); NULL when none does.
 */
const char *artifact_by_flag(const struct node *spec, const char *word);

/*
 * inv->artifact and artifact_flag from the flags that asked for a kind: a
 * flag the option table does not name a kind for asks for the kind whose
 * `flags:` list it. Two flags that ask for two kinds are a usage error.
 */
void artifact_resolve(struct invocation *inv, const struct node *spec);

/*
 * Checks that each word of every artifact's `flags:` asks for that artifact
 * as the option table reads it (options.def: -shared is --artifact=dll), so
 * that what --help shows is what the flag does. Returns 0, or -1 with *err
 * set at the word.
 */
int artifact_flags_check(const struct node *spec, char **err);

/* What --help says selects the kind name: "the default", its `flags:`, else --artifact=NAME (none when refused). */
void artifact_print_flags(FILE *f, const struct node *spec, const char *name);

#endif
