/* linkargs.c: -Wl, and -Xlinker words checked against the spec's table of linker options. */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

/*
 * The spec's `linker.options` maps an option's name (without its dashes)
 * to its syntax (flag, value, optional, joined); `linker.dylink` lists the
 * options the dylink step takes instead of wasm-ld (-rpath); and
 * `linker.exports` those the dll-exports step takes (--version-script);
 * `linker.ignored` options of ELF linkers that mean nothing for wasm,
 * dropped without a word. Anything else is dropped with a warning, with the
 * words of its group that look like its values: an unknown option is not
 * worth failing a build for.
 */
static const char *syntax_of(const struct node *table, const char *name)
{
	const struct node *n = node_get(table, name);

	return n && n->kind == NODE_SCALAR ? n->str : NULL;
}

/* Finds the option a word spells; *joined says whether its value is in the word. */
static const char *lookup(const struct node *table, const char *word, int *joined)
{
	const char *name = word + 1 + (word[1] == '-');
	const char *eq = strchr(name, '=');
	char *key = eq ? xstrndup(name, (size_t)(eq - name)) : xstrdup(name);
	const char *syntax = syntax_of(table, key);

	free(key);
	*joined = eq != NULL;
	if (syntax)
		return syntax;
	/* --lto-O2, and one-letter options with their value: -O1, -Lfoo */
	for (size_t i = 0; table && table->kind == NODE_MAP && i < table->len; i++) {
		const char *k = table->keys[i], *v = table->items[i]->str;
		size_t n = strlen(k);

		if (!v || strncmp(name, k, n) != 0 || name[n] == '\0')
			continue;
		if (strcmp(v, "joined") == 0 || (n == 1 && word[1] != '-' && strcmp(v, "value") == 0)) {
			*joined = 1;
			return v;
		}
	}
	return NULL;
}

/*
 * Whether the word at i is -z with a keyword of `linker.ignored-z` (ELF's
 * -z relro, -z now...): its value is joined (-zrelro) or the next word of
 * its group.
 */
static int ignored_z(const struct node *linker, const struct invocation *inv, size_t i, int joined)
{
	const struct node *list = node_get(linker, "ignored-z");
	const char *arg = inv->link[i].arg, *value;
	size_t n;

	if (arg[1] != 'z' || !list || list->kind != NODE_SEQ)
		return 0;
	if (arg[2])
		value = arg + 2;
	else if (!joined && i + 1 < inv->nlink && inv->link[i + 1].group == inv->link[i].group)
		value = inv->link[i + 1].arg;
	else
		return 0;
	n = strcspn(value, "=");
	for (size_t k = 0; k < list->len; k++) {
		const char *kw = list->items[k]->str;

		if (kw && strlen(kw) == n && strncmp(value, kw, n) == 0)
			return 1;
	}
	return 0;
}

void filter_linker_words(const struct node *linker, const struct invocation *inv,
                         size_t *i, struct linker_words *words)
{
	const struct node *options = node_get(linker, "options");
	const struct node *dylink = node_get(linker, "dylink");
	const struct node *exports = node_get(linker, "exports");
	const struct node *ignored = node_get(linker, "ignored");
	const struct link_word *w = &inv->link[*i];
	struct strvec *out = &words->link;
	int group = w->group, joined;
	const char *syntax;
	int pass;

	if (w->arg[0] != '-' || w->arg[1] == '\0') {
		strvec_push(out, w->arg); /* an input file */
		return;
	}
	if ((syntax = lookup(options, w->arg, &joined))) {
		pass = 1;
	} else if ((syntax = lookup(dylink, w->arg, &joined))) {
		pass = 1;
		out = &words->dylink;
	} else if ((syntax = lookup(exports, w->arg, &joined))) {
		pass = 1;
		out = &words->exports;
	} else if ((syntax = lookup(ignored, w->arg, &joined))) {
		pass = 0;
	} else {
		warn("ignoring linker option '%s', unknown to wasm-ld", w->arg);
		if (w->arg[1] == '-' && strchr(w->arg, '='))
			return;
		/* its values, if it had any, go with it */
		while (*i + 1 < inv->nlink && inv->link[*i + 1].group == group &&
		       inv->link[*i + 1].arg[0] != '-')
			++*i;
		return;
	}
	if (!pass) {
		if (strcmp(syntax, "value") == 0 && !joined && *i + 1 < inv->nlink &&
		    inv->link[*i + 1].group == group)
			++*i;
		return;
	}
	if (ignored_z(linker, inv, *i, joined)) {
		*i += !joined && w->arg[2] == '\0';
		return;
	}
	strvec_push(out, w->arg);
	if (strcmp(syntax, "value") != 0)
		return;
	/* an empty or missing value (-Wl,-soname,) would fail only at run time, or in wasm-ld */
	if (joined) {
		const char *eq = strchr(w->arg, '=');

		if (eq && !eq[1])
			usage_error("linker option '%s' has an empty value", w->arg);
		return;
	}
	if (*i + 1 >= inv->nlink || inv->link[*i + 1].group != group)
		usage_error("linker option '%s' needs a value", w->arg);
	++*i;
	if (!inv->link[*i].arg[0])
		usage_error("linker option '%s' has an empty value", w->arg);
	strvec_push(out, inv->link[*i].arg);
}
