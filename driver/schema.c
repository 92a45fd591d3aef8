/* schema.c: what a spec may say: the known keys, the shape of their values, the values allowed. */
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "util.h"

/*
 * The merged spec is checked once, before anything reads it, so that a
 * misspelt key (stpes: for steps:) or a value of the wrong shape (vars: [a,
 * b]) is refused where it was written, in the user's file, rather than
 * being ignored or blamed on an installed spec that later finds nothing.
 * Mappings merge key by key and anything else replaces, so a wrong shape
 * is always the node of the file that wrote it.
 */
enum shape {
	SCALAR,   /* a string, maybe one of `values` */
	TEMPLATE, /* a word, a list of templates, or {if:/unless:, then:, else:} */
	STRINGS,  /* a list of strings */
	RECORD,   /* a mapping of the known `fields` only */
	TABLE,    /* a mapping of names the spec chooses, each an `entry` */
};

struct field;

struct schema {
	enum shape shape;
	const char *what;             /* for messages: "a mapping of steps", "artifact" 'NAME' */
	const char *const *values;    /* SCALAR: the values allowed (NULL: any) */
	const struct field *fields;   /* RECORD, ending with a NULL key */
	const struct schema *entry;   /* TABLE */
};

struct field {
	const char *key;
	const struct schema *schema;
};

static const struct schema scalar = {SCALAR, "a string", NULL, NULL, NULL};
static const struct schema template = {TEMPLATE, "a template", NULL, NULL, NULL};
static const struct schema strings = {STRINGS, "a list of strings", NULL, NULL, NULL};
static const struct schema templates = {TABLE, "a mapping of variables", NULL, NULL, &template};
static const struct schema scalars = {TABLE, "a mapping of names to strings", NULL, NULL, &scalar};

/* The two dimensions of an artifact (doc/design.md, "Artifacts"). */
static const char *const states[] = {"defines-state", "imports-state", "provides-state",
                                     "shared-nothing", NULL};
static const char *const lifetimes[] = {"command", "library", NULL};
static const char *const optional[] = {"optional", NULL};
static const char *const emits[] = {"component", "core", "header", NULL};
static const char *const none[] = {"none", NULL};
static const char *const skip[] = {"skip", NULL};
static const char *const role_kinds[] = {"start", "lib", NULL};
static const char *const linker_syntaxes[] = {"flag", "value", "optional", "joined", NULL};

static const struct schema state = {SCALAR, "a state", states, NULL, NULL};
static const struct schema lifetime = {SCALAR, "a lifetime", lifetimes, NULL, NULL};
static const struct schema inputs = {SCALAR, "inputs", optional, NULL, NULL};
static const struct schema emit_values = {SCALAR, "an --emit value", emits, NULL, NULL};
static const struct schema emit = {STRINGS, "a list of --emit values", NULL, NULL, &emit_values};
static const struct schema step_output = {SCALAR, "a step's output", none, NULL, NULL};
static const struct schema on_failure = {SCALAR, "what a step's failure does", skip, NULL, NULL};
static const struct schema role_kind = {SCALAR, "a role's kind", role_kinds, NULL, NULL};
static const struct schema linker_syntax = {SCALAR, "a linker option's syntax", linker_syntaxes, NULL, NULL};
static const struct schema linker_options = {TABLE, "a mapping of linker options", NULL, NULL, &linker_syntax};

static const struct field artifact_fields[] = {
	{"summary", &scalar}, {"flag", &scalar}, {"state", &state}, {"lifetime", &lifetime},
	{"inputs", &inputs}, {"emit", &emit}, {"steps", &template}, {"roles", &template},
	{"vars", &templates}, {"refused", &scalar}, {NULL, NULL},
};
static const struct field allocator_fields[] = {
	{"summary", &scalar}, {"link", &template}, {NULL, NULL},
};
static const struct field step_fields[] = {
	{"tool", &scalar}, {"argv", &template}, {"output", &step_output}, {"on-failure", &on_failure},
	{NULL, NULL},
};
static const struct field tool_fields[] = {
	{"path", &template}, {"install", &scalar}, {"builtin", &scalar}, {NULL, NULL},
};
static const struct field role_fields[] = {
	{"kind", &role_kind}, {"before", &template}, {"after", &template}, {"dylink", &template},
	{NULL, NULL},
};
static const struct field linker_fields[] = {
	{"options", &linker_options}, {"dylink", &linker_options}, {"exports", &linker_options},
	{"ignored", &linker_options},
	{"ignored-z", &strings}, {NULL, NULL},
};

static const struct schema artifact = {RECORD, "artifact", NULL, artifact_fields, NULL};
static const struct schema allocator = {RECORD, "allocator", NULL, allocator_fields, NULL};
static const struct schema step = {RECORD, "step", NULL, step_fields, NULL};
static const struct schema tool = {RECORD, "tool", NULL, tool_fields, NULL};
static const struct schema role = {RECORD, "role", NULL, role_fields, NULL};
static const struct schema linker = {RECORD, "the linker table", NULL, linker_fields, NULL};

static const struct schema artifacts = {TABLE, "a mapping of artifact kinds", NULL, NULL, &artifact};
static const struct schema allocators = {TABLE, "a mapping of allocators", NULL, NULL, &allocator};
static const struct schema steps = {TABLE, "a mapping of steps", NULL, NULL, &step};
static const struct schema tools = {TABLE, "a mapping of tools", NULL, NULL, &tool};
static const struct schema roles = {TABLE, "a mapping of roles", NULL, NULL, &role};

static const struct field top_fields[] = {
	{"default-artifact", &scalar}, {"default-allocator", &scalar}, {"artifacts", &artifacts},
	{"allocators", &allocators}, {"steps", &steps}, {"tools", &tools}, {"roles", &roles},
	{"vars", &templates}, {"linker", &linker}, {"prog-names", &scalars},
	{"loader-libraries", &strings}, {"host-dirs", &strings}, {NULL, NULL},
};
static const struct schema top = {RECORD, "a spec", NULL, top_fields, NULL};

static const char *const shape_names[] = {
	[SCALAR] = "a string", [TEMPLATE] = "a template", [STRINGS] = "a list of strings",
	[RECORD] = "a mapping", [TABLE] = "a mapping",
};

/* "a, b, c" or, with last " or ", "a, b or c"; allocated. */
static char *join(const char *const *words, size_t n, const char *last)
{
	size_t len = 1;
	char *s;

	for (size_t i = 0; i < n; i++)
		len += strlen(words[i]) + 4;
	s = xcalloc(1, len);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(s, i + 1 == n ? last : ", ");
		strcat(s, words[i]);
	}
	return s;
}

static char *join_fields(const struct field *f)
{
	const char *words[32];
	size_t n = 0;

	for (; f->key && n < LEN(words); f++)
		words[n++] = f->key;
	return join(words, n, ", ");
}

static char *join_values(const char *const *v)
{
	size_t n = 0;

	while (v[n])
		n++;
	return join(v, n, " or ");
}

/* Checks n, the value of key; named: key is the name of an entry of a table. */
static int check(const struct node *n, const char *key, int named, const struct schema *s,
                 char **err);

/* A template: a word, a list of templates, or a conditional with its known keys. */
static int check_template(const struct node *n, const char *key, char **err)
{
	static const struct field cond[] = {
		{"if", &scalar}, {"unless", &scalar}, {"then", &template}, {"else", &template}, {NULL, NULL},
	};
	static const struct schema cond_schema = {RECORD, "a conditional", NULL, cond, NULL};

	if (n->kind == NODE_SEQ) {
		for (size_t i = 0; i < n->len; i++)
			if (check_template(n->items[i], key, err) < 0)
				return -1;
		return 0;
	}
	if (n->kind == NODE_MAP) {
		if (!node_get(n, "if") == !node_get(n, "unless")) {
			*err = node_error(n, "a mapping in a template must be {if: NAME, then: [...], else: [...]} or {unless: ...}");
			return -1;
		}
		return check(n, key, 0, &cond_schema, err);
	}
	return 0;
}

static int check(const struct node *n, const char *key, int named, const struct schema *s,
                 char **err)
{
	const struct field *f;
	char *list;

	if (s->shape == TEMPLATE)
		return check_template(n, key, err);
	if ((s->shape == SCALAR && n->kind != NODE_SCALAR) || (s->shape == STRINGS && n->kind != NODE_SEQ) ||
	    ((s->shape == RECORD || s->shape == TABLE) && n->kind != NODE_MAP)) {
		*err = node_error(n, "'%s' must be %s", key, s->shape == TABLE || s->shape == STRINGS ? s->what : shape_names[s->shape]);
		return -1;
	}
	switch (s->shape) {
	case SCALAR:
		for (size_t i = 0; s->values && s->values[i]; i++)
			if (strcmp(n->str, s->values[i]) == 0)
				return 0;
		if (!s->values)
			return 0;
		list = join_values(s->values);
		*err = node_error(n, "'%s' must be %s, not '%s'", key, list, n->str);
		free(list);
		return -1;
	case STRINGS:
		for (size_t i = 0; i < n->len; i++)
			if (check(n->items[i], key, 0, s->entry ? s->entry : &scalar, err) < 0)
				return -1;
		return 0;
	case TABLE:
		for (size_t i = 0; i < n->len; i++)
			if (check(n->items[i], n->keys[i], 1, s->entry, err) < 0)
				return -1;
		return 0;
	case RECORD:
		for (size_t i = 0; i < n->len; i++) {
			for (f = s->fields; f->key && strcmp(f->key, n->keys[i]) != 0; f++)
				;
			if (!f->key) {
				list = join_fields(s->fields);
				if (named)
					*err = key_error(n, i, "unknown key '%s' in %s '%s' (known: %s)", n->keys[i],
					                 s->what, key, list);
				else
					*err = key_error(n, i, "unknown key '%s' in %s (known: %s)", n->keys[i], s->what, list);
				free(list);
				return -1;
			}
			if (check(n->items[i], n->keys[i], 0, f->schema, err) < 0)
				return -1;
		}
		return 0;
	case TEMPLATE:
		break;
	}
	return 0;
}

int schema_check(const struct node *spec, char **err)
{
	return check(spec, "spec", 0, &top, err);
}
