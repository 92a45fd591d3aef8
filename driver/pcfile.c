/* pcfile.c: reading pkg-config .pc files (variables, Cflags, Libs, Requires), for --use-port. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "pcfile.h"

/* How deep Requires may nest: a cycle is an error, not a hang. */
enum { MAX_DEPTH = 32 };

struct pcvars {
	struct strvec names, values;
};

static const char *pc_lookup(const struct pcvars *v, const char *name, size_t n)
{
	for (size_t i = v->names.len; i-- > 0;)
		if (strlen(v->names.v[i]) == n && strncmp(v->names.v[i], name, n) == 0)
			return v->values.v[i];
	return NULL;
}

/* value with each ${name} replaced by its definition; an unknown one is an error. */
static char *pc_expand(const struct pcvars *v, const char *value, const char *path, char **err)
{
	size_t cap = strlen(value) + 1, len = 0;
	char *out = xmalloc(cap);

	for (const char *p = value; *p;) {
		const char *add = p, *end;
		size_t n = 1;

		if (p[0] == '$' && p[1] == '{' && (end = strchr(p + 2, '}'))) {
			if (!(add = pc_lookup(v, p + 2, (size_t)(end - p - 2)))) {
				*err = xasprintf("%s: undefined variable '%.*s'", path, (int)(end - p - 2), p + 2);
				free(out);
				return NULL;
			}
			n = strlen(add);
			p = end + 1;
		} else {
			p++;
		}
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			out = xreallocarray(out, cap, 1);
		}
		memcpy(out + len, add, n);
		len += n;
	}
	out[len] = '\0';
	return out;
}

/* Pushes the words of s (separated by blanks) onto out, each once. */
static void push_words(struct strvec *out, const char *s)
{
	char *copy = xstrdup(s), *save = NULL;

	for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		size_t i;

		for (i = 0; i < out->len && strcmp(out->v[i], w) != 0; i++)
			;
		if (i == out->len)
			strvec_push(out, xstrdup(w));
	}
	free(copy);
}

/* The module names of a Requires value, without their version constraints. */
static void push_modules(struct strvec *out, const char *s)
{
	char *copy = xstrdup(s), *save = NULL;
	int skip = 0;

	for (char *w = strtok_r(copy, " \t,", &save); w; w = strtok_r(NULL, " \t,", &save)) {
		if (skip) {
			skip = 0;
		} else if (strchr("<>=!", w[0])) {
			skip = 1; /* an operator, then a version */
		} else {
			strvec_push(out, xstrdup(w));
		}
	}
	free(copy);
}

static char *read_module(const char *path, const struct strvec *dirs, struct strvec *cflags,
                         struct strvec *libs, struct strvec *seen, int depth);

/* NAME.pc in the first of dirs that has it, read as a required module. */
static char *read_required(const char *name, const char *from, const struct strvec *dirs,
                           struct strvec *cflags, struct strvec *libs, struct strvec *seen, int depth)
{
	for (size_t i = 0; i < seen->len; i++)
		if (strcmp(seen->v[i], name) == 0)
			return NULL;
	strvec_push(seen, xstrdup(name));
	for (size_t i = 0; i < dirs->len; i++) {
		char *path = xasprintf("%s/%s.pc", dirs->v[i], name), *err;
		FILE *f = fopen(path, "r");

		if (!f) {
			free(path);
			continue;
		}
		fclose(f);
		err = read_module(path, dirs, cflags, libs, seen, depth + 1);
		free(path);
		return err;
	}
	return xasprintf("%s: requires '%s', which no .pc file of the ports provides", from, name);
}

static char *read_module(const char *path, const struct strvec *dirs, struct strvec *cflags,
                         struct strvec *libs, struct strvec *seen, int depth)
{
	struct pcvars v = {0};
	struct strvec required = {0};
	struct wasm_buf b;
	char *err = NULL, *text, *save = NULL;
	const char *slash = strrchr(path, '/');

	if (depth > MAX_DEPTH)
		return xasprintf("%s: Requires nest deeper than %d", path, MAX_DEPTH);
	if (file_read(path, &b, &err) < 0)
		return err;
	text = xstrndup((const char *)b.p, b.len);
	free(b.p);
	strvec_push(&v.names, xstrdup("pcfiledir"));
	strvec_push(&v.values, slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup("."));
	for (char *line = strtok_r(text, "\n", &save); line && !err; line = strtok_r(NULL, "\n", &save)) {
		size_t key = strspn(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.");
		char *hash = strchr(line, '#'), *value;

		if (hash)
			*hash = '\0';
		if (key == 0 || (line[key] != '=' && line[key] != ':'))
			continue;
		if (!(value = pc_expand(&v, line + key + 1, path, &err)))
			break;
		if (line[key] == '=') {
			strvec_push(&v.names, xstrndup(line, key));
			strvec_push(&v.values, value);
			continue;
		}
		line[key] = '\0';
		if (strcmp(line, "Cflags") == 0 || strcmp(line, "CFlags") == 0)
			push_words(cflags, value);
		else if (strcmp(line, "Libs") == 0 || strcmp(line, "Libs.private") == 0)
			push_words(libs, value);
		else if (strcmp(line, "Requires") == 0 || strcmp(line, "Requires.private") == 0)
			push_modules(&required, value);
		free(value);
	}
	for (size_t i = 0; i < required.len && !err; i++)
		err = read_required(required.v[i], path, dirs, cflags, libs, seen, depth);
	for (size_t i = 0; i < v.names.len; i++) {
		free(v.names.v[i]);
		free(v.values.v[i]);
	}
	for (size_t i = 0; i < required.len; i++)
		free(required.v[i]);
	strvec_free(&v.names);
	strvec_free(&v.values);
	strvec_free(&required);
	free(text);
	return err;
}

char *pc_read(const char *path, const struct strvec *dirs, struct strvec *cflags, struct strvec *libs)
{
	struct strvec seen = {0};
	char *err = read_module(path, dirs, cflags, libs, &seen, 0);

	for (size_t i = 0; i < seen.len; i++)
		free(seen.v[i]);
	strvec_free(&seen);
	return err;
}
