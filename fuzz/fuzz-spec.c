/* fuzz-spec.c: a libFuzzer harness for the spec loader: parse, merge, schema, expand, print. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "schema.h"
#include "spec.h"
#include "template.h"

/*
 * An input is one spec file, or two separated by a NUL byte, the second
 * layered over the first. Each is parsed from a memory file; the merged
 * tree is checked against the schema, every variable, step argv and role
 * is expanded, and the tree printed (-dumpspecs) must read back as itself.
 */

/* Loads bytes[0..n) as a spec file over *root; returns spec_load's result. */
static int load_bytes(struct node **root, const uint8_t *bytes, size_t n)
{
	char path[64], *err = NULL;
	int fd = memfd_create("spec", 0), r;

	if (fd < 0 || write(fd, bytes, n) != (ssize_t)n)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	r = spec_load(root, path, &err);
	free(err);
	close(fd);
	return r;
}

/* The words of the one list variable the driver would set, ${link-args}. */
static char link_a[] = "a.o", link_b[] = "-lc";

static void expand(const struct node *tmpl, struct scope *sc)
{
	struct strvec out = {0};
	char *err = NULL;

	if (template_expand(tmpl, sc, &out, &err) < 0)
		free(err);
	/* expanded words are allocated, but a list variable's are its own */
	for (size_t i = 0; i < out.len; i++)
		if (out.v[i] != link_a && out.v[i] != link_b)
			free(out.v[i]);
	strvec_free(&out);
}

/* Expands what key names in each entry of the mapping section. */
static void expand_each(const struct node *spec, const char *section, const char *key,
                        struct scope *sc)
{
	const struct node *m = node_get(spec, section);

	for (size_t i = 0; m && m->kind == NODE_MAP && i < m->len; i++) {
		const struct node *t = node_get(m->items[i], key);

		if (t)
			expand(t, sc);
	}
}

static void expand_all(const struct node *spec)
{
	const struct node *vars = node_get(spec, "vars");
	struct scope sc = {0};
	struct strvec words = {0};

	sc.layers[sc.nlayers++] = vars;
	strvec_push(&words, link_a);
	strvec_push(&words, link_b);
	scope_set(&sc, "output", "out");
	scope_set(&sc, "input", "in");
	scope_set_list(&sc, "link-args", &words);
	for (size_t i = 0; vars && i < vars->len; i++) {
		struct node ref = {.kind = NODE_SCALAR, .file = "(fuzz)", .line = 1, .col = 1};

		ref.str = malloc(strlen(vars->keys[i]) + 4);
		sprintf(ref.str, "${%s}", vars->keys[i]);
		expand(&ref, &sc);
		free(ref.str);
	}
	expand_each(spec, "steps", "argv", &sc);
	expand_each(spec, "roles", "after", &sc);
	expand_each(spec, "artifacts", "steps", &sc);
	strvec_free(&words);
	scope_free(&sc);
}

/* The tree printed, as an allocated string. */
static char *printed(const struct node *spec, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	spec_print(f, spec);
	fclose(f);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t first = nul ? (size_t)(nul - data) : size;
	struct node *spec = NULL, *again = NULL;
	char *err = NULL, *text, *text2;
	size_t len, len2;

	if (load_bytes(&spec, data, first) < 0 ||
	    (nul && load_bytes(&spec, nul + 1, size - first - 1) < 0)) {
		spec_free();
		return 0;
	}
	if (schema_check(spec, &err) == 0)
		expand_all(spec);
	free(err);

	text = printed(spec, &len);
	if (load_bytes(&again, (const uint8_t *)text, len) < 0) {
		fprintf(stderr, "-dumpspecs output does not read back:\n%s", text);
		abort();
	}
	text2 = printed(again, &len2);
	if (len != len2 || memcmp(text, text2, len) != 0) {
		fprintf(stderr, "-dumpspecs output reads back as something else:\n%s---\n%s", text, text2);
		abort();
	}
	free(text);
	free(text2);
	spec_free();
	return 0;
}
