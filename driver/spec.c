/* spec.c: YAML spec files read into one tree, later files layered over earlier ones. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "pool.h"
#include "spec.h"
#include "util.h"

/*
 * Every tree's nodes, strings and arrays: the driver reads its specs once
 * and keeps them to the end, and what layering replaces is a few nodes, so
 * nothing is freed before spec_free. Reading the installed specs from their
 * cache makes some 2,000 allocations of a few bytes each; from the pool,
 * each is a pointer bump (and their strings stay in the cache as read).
 */
static struct pool pool;

void spec_free(void)
{
	pool_free(&pool);
}

char *spec_strndup(const char *s, size_t n)
{
	return pool_strndup(&pool, s, n);
}

void *spec_alloc(size_t n)
{
	return pool_alloc(&pool, n);
}

struct node *node_make(enum node_kind kind, const char *file, int line, int col)
{
	struct node *n = pool_alloc(&pool, sizeof(*n));

	*n = (struct node){.kind = kind, .file = file, .line = line, .col = col};
	return n;
}

static struct node *node_new(enum node_kind kind, const char *file, const yaml_mark_t *mark)
{
	/* libyaml counts lines and columns from 0 */
	return node_make(kind, file, (int)mark->line + 1, (int)mark->column + 1);
}

/*
 * Mappings of more than a few keys get a hash index (open addressing, at
 * most half full), so that reading, merging and looking up n keys costs
 * O(n), not O(n^2): specs may be generated, and hold thousands of keys.
 */
enum { INDEX_MIN = 8 };

static size_t hash(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void index_put(struct node *n, size_t i)
{
	size_t mask = n->index_cap - 1, slot = hash(n->keys[i]) & mask;

	while (n->index[slot])
		slot = (slot + 1) & mask;
	n->index[slot] = i + 1;
}

static void index_grow(struct node *n)
{
	n->index_cap = n->index_cap ? n->index_cap * 2 : 4 * INDEX_MIN;
	n->index = memset(pool_array(&pool, n->index_cap, sizeof(*n->index)), 0, n->index_cap * sizeof(*n->index));
	for (size_t i = 0; i < n->len; i++)
		index_put(n, i);
}

/* A copy of the array p of len elements of size m, with room for cap. */
static void *grown(const void *p, size_t len, size_t cap, size_t m)
{
	void *r = pool_array(&pool, cap, m);

	if (len)
		memcpy(r, p, len * m);
	return r;
}

void node_reserve(struct node *n, size_t cap)
{
	if (cap <= n->cap)
		return;
	n->items = grown(n->items, n->len, cap, sizeof(*n->items));
	if (n->kind == NODE_MAP) {
		n->keys = grown(n->keys, n->len, cap, sizeof(*n->keys));
		n->key_locs = grown(n->key_locs, n->len, cap, sizeof(*n->key_locs));
	}
	n->cap = cap;
}

void node_add(struct node *n, char *key, const struct node_loc *loc, struct node *item)
{
	if (n->len == n->cap)
		node_reserve(n, n->cap ? n->cap * 2 : 8);
	if (n->kind == NODE_MAP) {
		n->keys[n->len] = key;
		n->key_locs[n->len] = *loc;
	}
	n->items[n->len++] = item;
	if (n->kind != NODE_MAP || n->len < INDEX_MIN)
		return;
	if (2 * n->len > n->index_cap)
		index_grow(n);
	else
		index_put(n, n->len - 1);
}

static int map_index(const struct node *n, const char *key)
{
	if (!n || n->kind != NODE_MAP)
		return -1;
	if (n->index) {
		size_t mask = n->index_cap - 1;

		for (size_t slot = hash(key) & mask; n->index[slot]; slot = (slot + 1) & mask)
			if (strcmp(n->keys[n->index[slot] - 1], key) == 0)
				return (int)(n->index[slot] - 1);
		return -1;
	}
	for (size_t i = 0; i < n->len; i++)
		if (strcmp(n->keys[i], key) == 0)
			return (int)i;
	return -1;
}

struct node *node_get(const struct node *n, const char *key)
{
	int i = map_index(n, key);

	return i < 0 ? NULL : n->items[i];
}

static char *located(const char *file, int line, int col, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);
	char *s = xasprintf("%s:%d:%d: %s", file, line, col, msg);

	free(msg);
	return s;
}

char *node_error(const struct node *n, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = located(n->file, n->line, n->col, fmt, ap);
	va_end(ap);
	return s;
}

char *key_error(const struct node *n, size_t i, const char *fmt, ...)
{
	const struct node_loc *at = &n->key_locs[i];
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = located(at->file, at->line, at->col, fmt, ap);
	va_end(ap);
	return s;
}

static char *mark_error(const char *file, const yaml_mark_t *mark, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = located(file, (int)mark->line + 1, (int)mark->column + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Layers src over dst and returns the result; both are consumed. */
static struct node *merge(struct node *dst, struct node *src)
{
	if (!dst)
		return src;
	if (dst->kind != NODE_MAP || src->kind != NODE_MAP)
		return src;
	for (size_t i = 0; i < src->len; i++) {
		int j = map_index(dst, src->keys[i]);

		if (j < 0) {
			node_add(dst, src->keys[i], &src->key_locs[i], src->items[i]);
		} else {
			dst->items[j] = merge(dst->items[j], src->items[i]);
		}
	}
	return dst;
}

/*
 * An event-driven build of the tree: a stack of open collections, and for
 * an open mapping the key waiting for its value.
 */
struct builder {
	struct node *stack[64];
	char *pending_key[64];
	struct node_loc pending_loc[64];
	int depth;
	struct node *doc;
};

static int builder_add(struct builder *b, struct node *n, const char *file,
                       const yaml_event_t *ev, char **err)
{
	struct node *top;

	if (b->depth == 0) {
		b->doc = n;
		return 0;
	}
	top = b->stack[b->depth - 1];
	if (top->kind == NODE_SEQ) {
		node_add(top, NULL, NULL, n);
		return 0;
	}
	if (!b->pending_key[b->depth - 1]) {
		if (n->kind != NODE_SCALAR) {
			*err = mark_error(file, &ev->start_mark, "mapping keys must be plain strings");
			return -1;
		}
		if (map_index(top, n->str) >= 0) {
			*err = mark_error(file, &ev->start_mark, "duplicate key '%s'", n->str);
			return -1;
		}
		b->pending_key[b->depth - 1] = n->str;
		b->pending_loc[b->depth - 1] = (struct node_loc){n->file, n->line, n->col};
		return 0;
	}
	node_add(top, b->pending_key[b->depth - 1], &b->pending_loc[b->depth - 1], n);
	b->pending_key[b->depth - 1] = NULL;
	return 0;
}

static struct node *parse_file(FILE *f, const char *file, char **err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct builder b = {0};
	struct node *n;
	int done = 0, ndocs = 0;

	if (!yaml_parser_initialize(&parser))
		fatal("out of memory");
	yaml_parser_set_input_file(&parser, f);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			*err = mark_error(file, &parser.problem_mark, "%s", parser.problem);
			goto fail;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs > 1) {
				*err = mark_error(file, &ev.start_mark, "a spec file holds one document");
				goto fail_event;
			}
			break;
		case YAML_ALIAS_EVENT:
			*err = mark_error(file, &ev.start_mark, "aliases are not supported in spec files");
			goto fail_event;
		case YAML_SCALAR_EVENT:
			n = node_new(NODE_SCALAR, file, &ev.start_mark);
			n->str = spec_strndup((char *)ev.data.scalar.value, ev.data.scalar.length);
			if (builder_add(&b, n, file, &ev, err) < 0)
				goto fail_event;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (b.depth == (int)LEN(b.stack)) {
				*err = mark_error(file, &ev.start_mark, "nested too deeply");
				goto fail_event;
			}
			n = node_new(ev.type == YAML_SEQUENCE_START_EVENT ? NODE_SEQ : NODE_MAP,
			             file, &ev.start_mark);
			if (builder_add(&b, n, file, &ev, err) < 0)
				goto fail_event;
			b.pending_key[b.depth] = NULL;
			b.stack[b.depth++] = n;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			b.depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (b.doc && b.doc->kind != NODE_MAP) {
		*err = node_error(b.doc, "a spec file must be a mapping");
		return NULL;
	}
	return b.doc ? b.doc : node_new(NODE_MAP, file, &(yaml_mark_t){0});

fail_event:
	yaml_event_delete(&ev);
fail:
	yaml_parser_delete(&parser);
	return NULL;
}

struct node *spec_parse(const char *path, char **err)
{
	FILE *f = fopen(path, "rb");
	struct node *doc;
	/* nodes point at their file name for the life of the tree */
	char *file = pool_strdup(&pool, path);

	if (!f) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	doc = parse_file(f, file, err);
	fclose(f);
	return doc;
}

void spec_layer(struct node **root, struct node *doc)
{
	*root = merge(*root, doc);
}

int spec_load(struct node **root, const char *path, char **err)
{
	struct node *doc = spec_parse(path, err);

	if (!doc)
		return -1;
	spec_layer(root, doc);
	return 0;
}

static int plain_ok(const char *s)
{
	static const char reserved[] = "!&*#|>'\"%@`?:{}[],";

	if (!*s || strchr(reserved, *s) || *s == ' ' || s[strlen(s) - 1] == ' ')
		return 0;
	if (*s == '-' && (s[1] == ' ' || s[1] == '\0'))
		return 0;
	for (const char *p = s; *p; p++) {
		if ((unsigned char)*p < 0x20 || strchr("{}[],\"'", *p))
			return 0;
		if ((*p == ':' || *p == '#') && (p[1] == ' ' || p[1] == '\0' || p[-1] == ' '))
			return 0;
	}
	return 1;
}

static void print_scalar(FILE *f, const char *s)
{
	if (plain_ok(s)) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* Sequences and mappings of scalars only print on one line, in flow style. */
static int is_flat(const struct node *n)
{
	for (size_t i = 0; i < n->len; i++)
		if (n->items[i]->kind != NODE_SCALAR)
			return 0;
	return 1;
}

static void print_flow(FILE *f, const struct node *n)
{
	fputc(n->kind == NODE_SEQ ? '[' : '{', f);
	for (size_t i = 0; i < n->len; i++) {
		if (i)
			fputs(", ", f);
		if (n->kind == NODE_MAP) {
			print_scalar(f, n->keys[i]);
			fputs(": ", f);
		}
		print_scalar(f, n->items[i]->str);
	}
	fputc(n->kind == NODE_SEQ ? ']' : '}', f);
}

static void print_node(FILE *f, const struct node *n, int indent);

/* Prints what follows "key:" or "- ": inline when it fits, else on the next lines. */
static void print_value(FILE *f, const struct node *n, int indent)
{
	if (n->kind == NODE_SCALAR) {
		fputc(' ', f);
		print_scalar(f, n->str);
		fputc('\n', f);
	} else if (n->len == 0 || (n->kind == NODE_SEQ && is_flat(n))) {
		fputc(' ', f);
		print_flow(f, n);
		fputc('\n', f);
	} else {
		fputc('\n', f);
		print_node(f, n, indent + 2);
	}
}

static void print_node(FILE *f, const struct node *n, int indent)
{
	for (size_t i = 0; i < n->len; i++) {
		fprintf(f, "%*s", indent, "");
		if (n->kind == NODE_MAP) {
			print_scalar(f, n->keys[i]);
			fputc(':', f);
			print_value(f, n->items[i], indent);
		} else if (n->items[i]->kind == NODE_MAP && !is_flat(n->items[i])) {
			fputs("-\n", f);
			print_node(f, n->items[i], indent + 2);
		} else {
			fputc('-', f);
			if (n->items[i]->kind == NODE_MAP) {
				fputc(' ', f);
				print_flow(f, n->items[i]);
				fputc('\n', f);
			} else {
				print_value(f, n->items[i], indent);
			}
		}
	}
}

void spec_print(FILE *f, const struct node *root)
{
	if (root)
		print_node(f, root, 0);
}
