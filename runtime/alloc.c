/* alloc.c: malloc and its family for wasm32, in size classes and page spans. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Layout and invariants.
 *
 * The heap is the 64 KiB wasm pages from the first page boundary at or
 * above __heap_base to the end of the initial memory, and the pages that
 * memory.grow gave us since (there is no sbrk, and wasm memory never
 * shrinks). Pages that someone else grew, such as a component adapter's,
 * are never marked empty, so never used. Each page of the heap is in
 * exactly one of these states:
 *
 *   empty       its bit is set in empty[]; its bytes mean nothing.
 *   span page   its first HEAD_CHUNKS chunks (256 B each) hold a struct
 *               page: a kind and a length byte per chunk. Its other chunks
 *               are cut into spans, runs of whole chunks, each one of:
 *                 small run   RUN_CHUNKS chunks, all of kind c in
 *                             1..NCLASS, cut into objects of
 *                             class_size(c); the free ones are on
 *                             free_objects[c]. Runs are never given back.
 *                 large       kind[first] = K_LARGE, len[first] = its
 *                             chunks, kind[last] != K_FREE.
 *                 free span   kind and len of its first and last chunk are
 *                             K_FREE and its chunks; it is on
 *                             free_spans[len]. No two free spans touch, and
 *                             none covers a whole page: that page is empty.
 *   huge        a huge object starts at offset 0 of its first page and owns
 *               its pages whole; each page after the first has its bit set
 *               in cont[].
 *
 * Sizes: small up to SMALL_MAX (1 KiB) in NCLASS classes, 16 bytes apart up
 * to 256 and 64 apart above; large up to SPAN_MAX (the 254 free chunks of a
 * page); huge above that. So a pointer at offset 0 of a page is a huge
 * object, and any other pointer is found through the kind byte of its chunk
 * in its page's header.
 *
 * Alignment: small objects are 16-byte aligned (class sizes are multiples
 * of 16, runs start on a chunk), large ones 256-byte and huge ones page
 * aligned. aligned_alloc finds more: a class whose size is the alignment,
 * a span started on a multiple of it, or a run of pages that starts on one.
 *
 * Why this shape: the common small malloc and free are a pop and a push on
 * one list, with no header in the object (malloc(16) costs 16 bytes); large
 * objects coalesce within their page in constant time through the boundary
 * tags in the header, so fragmentation stays within a page; huge ones take
 * and give back whole pages, and grow in place into empty pages or at the
 * end of memory. The page bitmaps cost 16 KiB of zeroed memory.
 */

#define PAGE_SHIFT 16
#define PAGE ((size_t)1 << PAGE_SHIFT)
#define MAX_PAGES 65536 /* 4 GiB of wasm32 memory */
#define CHUNK_SHIFT 8
#define CHUNK (1u << CHUNK_SHIFT)
#define CHUNKS (PAGE / CHUNK)
#define HEAD_CHUNKS (sizeof(struct page) / CHUNK)
#define USABLE (CHUNKS - HEAD_CHUNKS)
#define SPAN_MAX (USABLE * CHUNK)
#define SMALL_MAX 1024
#define NCLASS 28
#define RUN_CHUNKS 16
#define RUN_BYTES (RUN_CHUNKS * CHUNK)

/* kinds of chunk besides the classes 1..NCLASS; of the header's own chunks,
 * only the last one's kind is read, as the end of the span before the first */
enum { K_HEAD = 0, K_LARGE = 0xfd, K_BODY = 0xfe, K_FREE = 0xff };

struct page {
	unsigned char kind[CHUNKS];
	unsigned char len[CHUNKS];
};

/* a free span's first bytes: its place on its list */
struct span {
	struct span *next, **pprev;
};

_Static_assert(sizeof(struct page) % CHUNK == 0, "the header is whole chunks");
_Static_assert(USABLE < 256, "span lengths fit the len bytes");
_Static_assert(RUN_BYTES / SMALL_MAX >= 4, "a run holds several objects");
_Static_assert(SMALL_MAX < SPAN_MAX, "large objects come after small ones");

/* off the fast paths, and one copy for all callers: smaller and as fast */
#define COLD __attribute__((cold, noinline))

/* from wasm-ld: where the heap starts, and where the initial memory ends */
extern unsigned char __heap_base, __heap_end;

static void *free_objects[NCLASS + 1];
static struct span *free_spans[CHUNKS];
static uint32_t span_bits[CHUNKS / 32];     /* which free_spans[] are non-empty */
/* cont[] has a word to spare: the bit past the last page reads 0 */
static uint32_t empty[MAX_PAGES / 32], cont[MAX_PAGES / 32 + 1];
static size_t heap_first, heap_end;       /* page numbers */

/* 16-byte steps up to 256, then 64-byte steps up to SMALL_MAX */
static unsigned class_of(size_t n)
{
	return n <= 256 ? (n + 15 + !n) / 16 : (n + 63) / 64 + 12;
}

static size_t class_size(unsigned c)
{
	return c <= 16 ? c * 16 : (c - 12) * 64;
}

static struct page *page_of(void *p)
{
	return (struct page *)((uintptr_t)p & -PAGE);
}

static unsigned chunk_of(void *p)
{
	return (uintptr_t)p >> CHUNK_SHIFT & (CHUNKS - 1);
}

static void *chunk_at(struct page *pg, unsigned c)
{
	return (char *)pg + (c << CHUNK_SHIFT);
}

static int bit(const uint32_t *map, size_t i)
{
	return map[i / 32] >> i % 32 & 1;
}

/* Sets or clears the bits of pages i..i+n-1. */
static COLD void mark(uint32_t *map, size_t i, size_t n, uint32_t on)
{
	for (; n; n--, i++)
		map[i / 32] = (map[i / 32] & ~(1u << i % 32)) | on << i % 32;
}

/* Adds n empty pages at the end of memory; 0 if there is no more. */
static COLD size_t grow(size_t n)
{
	size_t old = __builtin_wasm_memory_grow(0, n);

	if (old == SIZE_MAX) {
		errno = ENOMEM;
		return 0;
	}
	mark(empty, old, n, 1);
	heap_end = old + n;
	return old;
}

/* n empty pages in a row, the first a multiple of align; 0 if none. */
static COLD size_t take_pages(size_t n, size_t align)
{
	size_t i, run;

	if (!heap_first) {
		/* the part of a page above __heap_base has no room for a header */
		heap_first = ((uintptr_t)&__heap_base + PAGE - 1) >> PAGE_SHIFT;
		heap_end = (uintptr_t)&__heap_end >> PAGE_SHIFT;
		mark(empty, heap_first, heap_end - heap_first, 1);
	}
	for (;;) {
		for (run = 0, i = heap_first; i < heap_end; i++) {
			run = bit(empty, i) && (run || !(i & (align - 1))) ? run + 1 : 0;
			if (run == n) {
				mark(empty, i -= n - 1, n, 0);
				return i;
			}
		}
		/* extend the empty pages at the end of memory, if any, to n */
		if (!grow(run ? n - run : n + (-heap_end & (align - 1))))
			return 0;
	}
}

/* How many pages the huge object at page i has. */
static COLD size_t huge_pages(size_t i)
{
	size_t n = 1;

	while (bit(cont, i + n))
		n++;
	return n;
}

/* Gives back page i and the pages that continue it. */
static COLD void free_pages(size_t i)
{
	size_t n = huge_pages(i);

	mark(cont, i, n, 0);
	mark(empty, i, n, 1);
}

static COLD void unlink_span(struct span *s, unsigned n)
{
	*s->pprev = s->next;
	if (s->next)
		s->next->pprev = s->pprev;
	if (!free_spans[n])
		span_bits[n / 32] &= ~(1u << n % 32);
}

static COLD void put_free(struct page *pg, unsigned c, unsigned n)
{
	struct span *s = chunk_at(pg, c);

	pg->kind[c] = pg->kind[c + n - 1] = K_FREE;
	pg->len[c] = pg->len[c + n - 1] = n;
	s->next = free_spans[n];
	s->pprev = &free_spans[n];
	if (s->next)
		s->next->pprev = &s->next;
	free_spans[n] = s;
	span_bits[n / 32] |= 1u << n % 32;
}

/* Frees chunks c..c+n-1 of pg, merged with the free spans beside them. */
static COLD void free_span(struct page *pg, unsigned c, unsigned n)
{
	unsigned m;

	if (c + n < CHUNKS && pg->kind[c + n] == K_FREE) {
		m = pg->len[c + n];
		unlink_span(chunk_at(pg, c + n), m);
		n += m;
	}
	if (pg->kind[c - 1] == K_FREE) {
		m = pg->len[c - 1];
		c -= m;
		unlink_span(chunk_at(pg, c), m);
		n += m;
	}
	if (n == USABLE)
		mark(empty, (uintptr_t)pg >> PAGE_SHIFT, 1, 1);
	else
		put_free(pg, c, n);
}

static void mark_large(struct page *pg, unsigned c, unsigned n)
{
	/* a stale K_FREE at the end would look like a free span to the next one */
	pg->kind[c + n - 1] = K_BODY;
	pg->kind[c] = K_LARGE;
	pg->len[c] = n;
}

/* A large object of n chunks, from the smallest free span that holds it. */
static COLD void *alloc_span(unsigned n)
{
	struct page *pg;
	struct span *s;
	unsigned w, have, c;
	uint32_t bits;
	size_t i;

	for (w = n / 32; w < CHUNKS / 32; w++) {
		bits = span_bits[w] & (w == n / 32 ? ~0u << n % 32 : ~0u);
		if (bits) {
			have = w * 32 + __builtin_ctz(bits);
			s = free_spans[have];
			unlink_span(s, have);
			pg = page_of(s);
			c = chunk_of(s);
			goto found;
		}
	}
	if (!(i = take_pages(1, 1)))
		return 0;
	pg = (struct page *)(i << PAGE_SHIFT);
	pg->kind[HEAD_CHUNKS - 1] = K_HEAD;
	c = HEAD_CHUNKS;
	have = USABLE;
found:
	if (have > n)
		put_free(pg, c + n, have - n);
	mark_large(pg, c, n);
	return chunk_at(pg, c);
}

static COLD void *refill(unsigned c)
{
	size_t size = class_size(c);
	char *run = alloc_span(RUN_CHUNKS), *o;

	if (!run)
		return 0;
	memset(&page_of(run)->kind[chunk_of(run)], c, RUN_CHUNKS);
	/* in address order, the first one for the caller */
	for (o = run + (RUN_BYTES / size - 1) * size; o != run; o -= size) {
		*(void **)o = free_objects[c];
		free_objects[c] = o;
	}
	return run;
}

/* Above SPAN_MAX: whole pages, the first a multiple of align (in pages). */
static COLD void *alloc_huge(size_t n, size_t align)
{
	size_t i;

	if (n > SIZE_MAX - PAGE) {
		errno = ENOMEM;
		return 0;
	}
	n = (n + PAGE - 1) >> PAGE_SHIFT;
	if (!(i = take_pages(n, align)))
		return 0;
	mark(cont, i + 1, n - 1, 1);
	return (void *)(i << PAGE_SHIFT);
}

__attribute__((noinline)) void *malloc(size_t n)
{
	unsigned c;
	void **p;

	if (n > SMALL_MAX)
		return n > SPAN_MAX ? alloc_huge(n, 1) : alloc_span((n + CHUNK - 1) >> CHUNK_SHIFT);
	c = class_of(n);
	if (!(p = free_objects[c]))
		return refill(c);
	free_objects[c] = *p;
	return p;
}

void free(void *p)
{
	struct page *pg = page_of(p);
	unsigned c = chunk_of(p), k;
	size_t i = (uintptr_t)p >> PAGE_SHIFT;

	if (!p)
		return;
	if (p == pg) {
		if (bit(empty, i) || bit(cont, i))
			__builtin_trap(); /* freed twice */
		free_pages(i);
	} else if ((k = pg->kind[c]) - 1 < NCLASS) {
		*(void **)p = free_objects[k];
		free_objects[k] = p;
	} else if (k == K_LARGE && !((uintptr_t)p & (CHUNK - 1))) {
		free_span(pg, c, pg->len[c]);
	} else {
		__builtin_trap(); /* not from malloc, or freed twice */
	}
}

size_t malloc_usable_size(void *p)
{
	struct page *pg = page_of(p);
	unsigned k;

	if (p == pg)
		return p ? huge_pages((uintptr_t)p >> PAGE_SHIFT) << PAGE_SHIFT : 0;
	k = pg->kind[chunk_of(p)];
	return k - 1 < NCLASS ? class_size(k) : (size_t)pg->len[chunk_of(p)] << CHUNK_SHIFT;
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (__builtin_mul_overflow(n, size, &n)) {
		errno = ENOMEM;
		return 0;
	}
	p = malloc(n);
	return p ? memset(p, 0, n) : 0;
}

/*
 * Resizes p where it is, if it stays of its kind (small, large, huge): 0 if
 * it did, else the bytes p has, for realloc to copy.
 */
static COLD size_t resize(void *p, size_t n)
{
	struct page *pg = page_of(p);
	unsigned c = chunk_of(p), k = pg->kind[c], have, want, m;
	size_t i = (uintptr_t)p >> PAGE_SHIFT, pages, wanted, j;

	if (p == pg) {
		pages = huge_pages(i);
		if (n <= SPAN_MAX || n > SIZE_MAX - PAGE)
			return pages << PAGE_SHIFT;
		wanted = (n + PAGE - 1) >> PAGE_SHIFT;
		if (wanted < pages)
			free_pages(i + wanted);
		if (wanted <= pages)
			return 0;
		/* the pages after it must be empty, or grown at the end of memory */
		for (j = i + pages; j < i + wanted && j < heap_end; j++)
			if (!bit(empty, j))
				return pages << PAGE_SHIFT;
		if (j < i + wanted && grow(i + wanted - j) != j)
			return pages << PAGE_SHIFT; /* no memory, or someone else grew it in between */
		mark(empty, i + pages, wanted - pages, 0);
		mark(cont, i + pages, wanted - pages, 1);
		return 0;
	}
	if (k - 1 < NCLASS) /* shrinking small objects in place costs little */
		return n <= class_size(k) ? 0 : class_size(k);
	have = pg->len[c];
	want = (n + CHUNK - 1) >> CHUNK_SHIFT;
	if (n <= SMALL_MAX || n > SPAN_MAX)
		return have << CHUNK_SHIFT;
	if (want > have) {
		if (c + have == CHUNKS || pg->kind[c + have] != K_FREE || have + (m = pg->len[c + have]) < want)
			return have << CHUNK_SHIFT;
		unlink_span(chunk_at(pg, c + have), m);
		have += m;
	}
	mark_large(pg, c, want);
	if (have > want)
		free_span(pg, c + want, have - want);
	return 0;
}

void *realloc(void *p, size_t n)
{
	size_t have;
	void *q;

	if (!p)
		return malloc(n);
	if (!(have = resize(p, n)))
		return p;
	if ((q = malloc(n))) {
		memcpy(q, p, n < have ? n : have);
		free(p);
	}
	return q;
}

void *aligned_alloc(size_t align, size_t n)
{
	unsigned m = (n + CHUNK - 1) >> CHUNK_SHIFT, step = align > CHUNK ? align >> CHUNK_SHIFT : 1, c, a, end;
	struct page *pg;
	char *p;

	if (!align || align & (align - 1)) {
		errno = EINVAL;
		return 0;
	}
	if (align <= 16)
		return malloc(n);
	/* a class of exactly n bytes, a multiple of align, in a chunk-aligned run */
	if (n <= 256 && align <= 256)
		return malloc(n ? (n + align - 1) & -align : align);
	if (n > SPAN_MAX || m + step - 1 > USABLE)
		return alloc_huge(n, align > PAGE ? align >> PAGE_SHIFT : 1);
	/* a span with room for m chunks (at least one) from a multiple of step */
	m += !m;
	if (!(p = alloc_span(m + step - 1)))
		return 0;
	pg = page_of(p);
	c = chunk_of(p);
	a = (c + step - 1) & -step;
	end = c + m + step - 1;
	/* keep the aligned m chunks, free what is before and after */
	mark_large(pg, a, m);
	if (a > c)
		free_span(pg, c, a - c);
	if (end > a + m)
		free_span(pg, a + m, end - a - m);
	return chunk_at(pg, a);
}

int posix_memalign(void **res, size_t align, size_t n)
{
	void *p;

	if (align < sizeof(void *) || align & (align - 1))
		return EINVAL;
	if (!(p = aligned_alloc(align, n)))
		return ENOMEM;
	*res = p;
	return 0;
}

/* musl's own code calls these names: without them dlmalloc.o would come back */
void *__libc_malloc(size_t) __attribute__((alias("malloc")));
void *__libc_calloc(size_t, size_t) __attribute__((alias("calloc")));
void __libc_free(void *) __attribute__((alias("free")));
