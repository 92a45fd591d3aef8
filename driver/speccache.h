/* speccache.h: a spec directory's files, parsed once into DIR/specs.cache (speccache.c). */
#ifndef SPECCACHE_H
#define SPECCACHE_H
#include <dirent.h>
struct node;
/*
 * Layers the trees of names[0..n) (DIR's *.yaml, in order) over *root from
 * DIR/specs.cache, if it holds exactly those files as they are now. Returns 1
 * when it did, 0 when the cache is absent, stale or unreadable (*root is then
 * untouched: parse the files).
 */
int spec_cache_read(struct node **root, const char *dir, struct dirent **names, int n);
/* Parses names[0..n) of dir and writes DIR/specs.cache whole, or returns -1 with *err set. */
int spec_cache_write(const char *dir, struct dirent **names, int n, char **err);
#endif
