/* pool.c: memory handed out in order and given back all at once. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "util.h"

/* A chunk's header, padded so that what follows it is aligned as malloc's is. */
struct pool_chunk {
	alignas(max_align_t) struct pool_chunk *prev;
};

/* Most chunks are this big; a larger request gets a chunk of its own size. */
enum { CHUNK = 64 << 10 };

/* n bytes at a multiple of align (a power of two), from the current chunk
 * or a new one. */
static void *bump(struct pool *p, size_t n, size_t align)
{
	struct pool_chunk *c;
	size_t size;
	char *r;

	if (p->next) {
		size_t pad = -(uintptr_t)p->next & (align - 1);

		if (pad <= (size_t)(p->end - p->next) && n <= (size_t)(p->end - p->next) - pad) {
			r = p->next + pad;
			p->next = r + n;
			return r;
		}
	}
	if (n > SIZE_MAX - sizeof(*c) - CHUNK)
		fatal("out of memory");
	size = sizeof(*c) + (n > CHUNK / 4 ? n : CHUNK);
	c = xmalloc(size);
	c->prev = p->chunks;
	p->chunks = c;
	r = (char *)(c + 1);
	/* a large request leaves the current chunk's free space where it was */
	if (n <= CHUNK / 4) {
		p->next = r + n;
		p->end = (char *)c + size;
	}
	return r;
}

void *pool_alloc(struct pool *p, size_t n)
{
	return bump(p, n, alignof(max_align_t));
}

void *pool_array(struct pool *p, size_t n, size_t m)
{
	if (m && n > SIZE_MAX / m)
		fatal("out of memory");
	return pool_alloc(p, n * m);
}

char *pool_strndup(struct pool *p, const char *s, size_t n)
{
	char *r;

	if (n == SIZE_MAX)
		fatal("out of memory");
	r = bump(p, n + 1, 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *pool_strdup(struct pool *p, const char *s)
{
	return pool_strndup(p, s, strlen(s));
}

void pool_free(struct pool *p)
{
	while (p->chunks) {
		struct pool_chunk *c = p->chunks;

		p->chunks = c->prev;
		free(c);
	}
	*p = (struct pool){0};
}
