/* template.c: expansion of spec argv templates against variables. */
#include <stdlib.h>
#include <string.h>

#include "template.h"

/*
 * Variables may refer to variables, as deep as MAX_DEPTH (a cycle is
 * found as such, whatever its length). And since a variable may name
 * another many times, the words a scope expands are bounded, in bytes, by
 * MAX_EXPANSION: with variables that each repeat the previous one four
 * times, a few lines of spec would otherwise ask for gigabytes.
 */
enum { MAX_DEPTH = 256 };
#define MAX_EXPANSION ((size_t)16 << 20)
/* what a word costs beyond its bytes (a pointer, an allocation) */
enum { WORD_COST = 16 };

/* The variables being expanded, innermost first. */
struct chain {
	const char *name;
	const struct node *def; /* where the spec defines it */
	const struct chain *up;
	int depth;
};

static int expand(const struct node *t, struct scope *sc, struct strvec *out, char **err,
                  const struct chain *chain);

static struct dvar *find_dvar(const struct scope *sc, const char *name)
{
	for (size_t i = 0; i < sc->ndv; i++)
		if (strcmp(sc->dv[i].name, name) == 0)
			return &sc->dv[i];
	return NULL;
}

static struct dvar *new_dvar(struct scope *sc, const char *name)
{
	struct dvar *d = find_dvar(sc, name);

	if (d) {
		strvec_free(&d->val);
		return d;
	}
	if (sc->ndv == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 16;
		sc->dv = xreallocarray(sc->dv, sc->cap, sizeof(*sc->dv));
	}
	d = &sc->dv[sc->ndv++];
	memset(d, 0, sizeof(*d));
	d->name = name;
	return d;
}

void scope_set(struct scope *sc, const char *name, const char *value)
{
	struct dvar *d = new_dvar(sc, name);

	d->is_list = 0;
	strvec_push(&d->val, value);
}

void scope_set_list(struct scope *sc, const char *name, const struct strvec *value)
{
	struct dvar *d = new_dvar(sc, name);

	d->is_list = 1;
	strvec_append(&d->val, value);
}

void scope_free(struct scope *sc)
{
	for (size_t i = 0; i < sc->ndv; i++)
		strvec_free(&sc->dv[i].val);
	free(sc->dv);
	memset(sc, 0, sizeof(*sc));
}

static const struct node *find_spec_var(const struct scope *sc, const char *name)
{
	for (size_t i = sc->nlayers; i-- > 0;) {
		const struct node *n = node_get(sc->layers[i], name);

		if (n)
			return n;
	}
	return NULL;
}

/*
 * Counts the words of a scope's expansions against MAX_EXPANSION. Where it
 * runs out depends on what came before, so the error names the outermost
 * variable being expanded, where the spec defines it.
 */
static int spend(struct scope *sc, const struct strvec *words, size_t from, const struct node *where,
                 const struct chain *chain, char **err)
{
	for (size_t i = from; i < words->len; i++)
		sc->spent += strlen(words->v[i]) + WORD_COST;
	if (sc->spent <= MAX_EXPANSION)
		return 0;
	while (chain && chain->up)
		chain = chain->up;
	if (chain)
		*err = node_error(chain->def, "variable '%s' expands to more than %zu MiB (do variables repeat one another?)",
		                  chain->name, MAX_EXPANSION >> 20);
	else
		*err = node_error(where, "the template expands to more than %zu MiB", MAX_EXPANSION >> 20);
	return -1;
}

/* "a -> b -> a": the chain from its outermost variable down to name. */
static char *chain_str(const struct chain *chain, const char *name)
{
	char *s = xstrdup(name), *t;

	for (; chain; chain = chain->up) {
		t = xasprintf("%s -> %s", chain->name, s);
		free(s);
		s = t;
	}
	return s;
}

/*
 * Looks a variable up and expands it into val. Returns 1 if it is a list,
 * 0 if a scalar, -1 on error (undefined, a cycle, too deep, or a bad
 * template inside it).
 */
static int lookup(struct scope *sc, const struct node *where, const char *name,
                  struct strvec *val, char **err, const struct chain *chain)
{
	struct dvar *d = find_dvar(sc, name);
	const struct node *n;
	struct chain link = {name, NULL, chain, chain ? chain->depth + 1 : 1};
	char *path;

	if (d) {
		strvec_append(val, &d->val);
		return spend(sc, &d->val, 0, where, chain, err) < 0 ? -1 : d->is_list;
	}
	n = find_spec_var(sc, name);
	if (!n) {
		*err = node_error(where, "undefined variable '%s'", name);
		return -1;
	}
	for (const struct chain *c = chain; c; c = c->up) {
		if (strcmp(c->name, name) == 0) {
			path = chain_str(chain, name);
			*err = node_error(where, "variables refer to each other in a cycle: %s", path);
			free(path);
			return -1;
		}
	}
	link.def = n;
	if (link.depth > MAX_DEPTH) {
		*err = node_error(where, "variables nest more than %d deep, here at '%s'", MAX_DEPTH, name);
		return -1;
	}
	if (expand(n, sc, val, err, &link) < 0)
		return -1;
	return n->kind != NODE_SCALAR;
}

int scope_true(const struct scope *sc, const char *name)
{
	struct dvar *d = find_dvar(sc, name);
	const struct node *n;

	if (d)
		return d->val.len > 0 && (d->is_list || d->val.v[0][0] != '\0');
	n = find_spec_var(sc, name);
	if (!n)
		return 0;
	return n->kind == NODE_SCALAR ? n->str[0] != '\0' : n->len > 0;
}

struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xreallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static int expand_word(const struct node *t, struct scope *sc, struct strvec *out, char **err,
                       const struct chain *chain)
{
	const char *s = t->str, *p;
	struct buf b = {0};

	buf_add(&b, "", 0);
	while ((p = strchr(s, '$'))) {
		const char *end;
		char *name;
		struct strvec val = {0};
		int r;

		buf_add(&b, s, (size_t)(p - s));
		if (p[1] == '$') {
			buf_add(&b, "$", 1);
			s = p + 2;
			continue;
		}
		if (p[1] != '{' || !(end = strchr(p + 2, '}')) || end == p + 2) {
			*err = node_error(t, "bad variable reference in '%s' (write ${NAME}, or $$ for '$')", t->str);
			goto fail;
		}
		name = xstrndup(p + 2, (size_t)(end - p - 2));
		r = lookup(sc, t, name, &val, err, chain);
		if (r == 1 && p == t->str && end[1] == '\0') {
			/* the whole word is a list variable: one word per element */
			strvec_append(out, &val);
			strvec_free(&val);
			free(name);
			free(b.s);
			return 0;
		}
		if (r == 1) {
			*err = node_error(t, "list variable '%s' must stand alone as a word", name);
			r = -1;
		}
		free(name);
		if (r < 0) {
			strvec_free(&val);
			goto fail;
		}
		buf_add(&b, val.v[0], strlen(val.v[0]));
		strvec_free(&val);
		s = end + 1;
	}
	buf_add(&b, s, strlen(s));
	strvec_push(out, b.s);
	return spend(sc, out, out->len - 1, t, chain, err);
fail:
	free(b.s);
	return -1;
}

static int expand_cond(const struct node *t, struct scope *sc, struct strvec *out, char **err,
                       const struct chain *chain)
{
	const struct node *cond = node_get(t, "if"), *then, *els;
	int negate = 0;

	if (!cond) {
		cond = node_get(t, "unless");
		negate = 1;
	}
	if (!cond || cond->kind != NODE_SCALAR) {
		*err = node_error(t, "a mapping in a template must be {if: NAME, then: [...], else: [...]} or {unless: ...}");
		return -1;
	}
	then = node_get(t, "then");
	els = node_get(t, "else");
	if (scope_true(sc, cond->str) != negate)
		return then ? expand(then, sc, out, err, chain) : 0;
	return els ? expand(els, sc, out, err, chain) : 0;
}

static int expand(const struct node *t, struct scope *sc, struct strvec *out, char **err,
                  const struct chain *chain)
{
	switch (t->kind) {
	case NODE_SCALAR:
		return expand_word(t, sc, out, err, chain);
	case NODE_MAP:
		return expand_cond(t, sc, out, err, chain);
	case NODE_SEQ:
		for (size_t i = 0; i < t->len; i++)
			if (expand(t->items[i], sc, out, err, chain) < 0)
				return -1;
		return 0;
	}
	return 0;
}

int template_expand(const struct node *tmpl, struct scope *sc, struct strvec *out, char **err)
{
	return expand(tmpl, sc, out, err, NULL);
}

char *template_word(const struct node *tmpl, struct scope *sc, char **err)
{
	struct strvec out = {0};
	char *s;

	if (expand(tmpl, sc, &out, err, NULL) < 0)
		return NULL;
	if (out.len != 1) {
		*err = node_error(tmpl, "expected one word, the template gives %zu", out.len);
		strvec_free(&out);
		return NULL;
	}
	s = out.v[0];
	strvec_free(&out);
	return s;
}
