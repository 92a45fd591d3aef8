/* spec.h: YAML spec files read into one tree, later files layered over earlier ones. */
#ifndef SPEC_H
#define SPEC_H

#include <stdio.h>

enum node_kind { NODE_SCALAR, NODE_SEQ, NODE_MAP };

/* Where something was written: file:line:col. */
struct node_loc {
	const char *file;
	int line, col;
};

/*
 * A node remembers where it was written, so that every later complaint
 * about it (a bad template, an unknown role) can point at file:line:col;
 * a mapping remembers where each of its keys was written, too.
 */
struct node {
	enum node_kind kind;
	const char *file;
	int line, col;
	char *str;                 /* NODE_SCALAR: the value */
	char **keys;               /* NODE_MAP: keys[i] names items[i] */
	struct node_loc *key_locs; /* NODE_MAP: where keys[i] was written */
	struct node **items;       /* NODE_SEQ, NODE_MAP */
	size_t len, cap;
	size_t *index;             /* NODE_MAP: a hash table of 1 + i, 0 for a free slot */
	size_t index_cap;          /* its size, a power of two (0: none yet) */
};

/*
 * Parses the YAML file at path and layers it over *root (NULL for none):
 * mappings merge key by key, anything else replaces what was there.
 * Returns 0, or -1 with *err set to "FILE:LINE:COL: message" (allocated).
 */
int spec_load(struct node **root, const char *path, char **err);

/* Parses the YAML file at path into a tree of its own, or NULL with *err set as above. */
struct node *spec_parse(const char *path, char **err);
/* Layers doc over *root as spec_load does, consuming doc. */
void spec_layer(struct node **root, struct node *doc);
/* For the other reader of spec trees (speccache.c): a new node, room for cap items in a
 * collection, its next item (key and loc only for a mapping; the mapping takes key), and
 * memory the trees own, freed with them (a string copied, or n bytes). */
struct node *node_make(enum node_kind kind, const char *file, int line, int col);
void node_reserve(struct node *n, size_t cap);
void node_add(struct node *n, char *key, const struct node_loc *loc, struct node *item);
char *spec_strndup(const char *s, size_t n);
void *spec_alloc(size_t n);
/* The child of a mapping named key, or NULL (also when n is not a mapping). */
struct node *node_get(const struct node *n, const char *key);

/* "FILE:LINE:COL: " followed by the formatted message, allocated. */
char *node_error(const struct node *n, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same at the place of the mapping n's i-th key. */
char *key_error(const struct node *n, size_t i, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Writes the tree back out as YAML (what -dumpspecs prints). */
void spec_print(FILE *f, const struct node *root);

/* Frees every tree read, and what they point to: all come from one pool, freed at once. */
void spec_free(void);

#endif
