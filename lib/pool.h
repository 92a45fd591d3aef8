/* pool.h: memory handed out in order and given back all at once. */
#ifndef POOL_H
#define POOL_H

#include <stddef.h>

/*
 * For data that lives as long as its owner and is never freed piece by
 * piece (the spec trees): an allocation is a pointer bump in the current
 * chunk, and pool_free returns every chunk. Allocation cannot fail, as
 * xmalloc's cannot. A zeroed struct pool is an empty pool.
 */
struct pool {
	struct pool_chunk *chunks;
	char *next, *end;
};

/* n bytes, aligned for any object. */
void *pool_alloc(struct pool *p, size_t n);
/* An array of n objects of size m each (checked for overflow). */
void *pool_array(struct pool *p, size_t n, size_t m);
/* The n bytes at s and a NUL, and the string s, copied into the pool. */
char *pool_strndup(struct pool *p, const char *s, size_t n);
char *pool_strdup(struct pool *p, const char *s);
void pool_free(struct pool *p);

#endif
