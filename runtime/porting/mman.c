/*
 * mman.c: mmap and its family over the allocator, in whole pages of the size
 * sysconf(_SC_PAGESIZE) reports (64 KiB, a wasm page), aligned to it as POSIX
 * promises (wasi-libc's emulation, which this replaces, is not). There is no
 * memory protection in wasm: mprotect, mlock and madvise are no-ops on pages
 * that exist, and every page is resident (mincore). mremap moves to grow.
 */
#define _WASI_EMULATED_MMAN
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE ((size_t)PAGESIZE)

/* A mapping: its pages, and which of them munmap has not released yet. */
struct map {
	struct map *next;
	char *base;
	size_t pages;
	size_t live;
	unsigned char *mapped; /* one bit a page */
};

static struct map *maps;

static int aligned(const void *addr)
{
	return ((uintptr_t)addr & (PAGE - 1)) == 0;
}

/* length in whole pages, rounded up */
static size_t pages_of(size_t length)
{
	return length ? length / PAGE + (length % PAGE != 0) : 0;
}

/*
 * The range [addr, addr + length) as whole pages, within the address space:
 * EINVAL if addr is not page-aligned, or if the range is empty and may not be.
 */
static int page_range(const void *addr, size_t length, int may_be_empty, uintptr_t *start, uintptr_t *end)
{
	size_t pages = pages_of(length);

	if (!aligned(addr) || (length == 0 && !may_be_empty) ||
	    pages > (UINTPTR_MAX - (uintptr_t)addr) / PAGE) {
		errno = EINVAL;
		return -1;
	}
	*start = (uintptr_t)addr;
	*end = *start + pages * PAGE;
	return 0;
}

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	struct map *map;
	size_t pages = pages_of(length), done = 0;

	(void)addr; /* a hint only, without MAP_FIXED */
	if ((flags & (MAP_PRIVATE | MAP_SHARED)) == 0 || (flags & MAP_FIXED) || (prot & ~(PROT_READ | PROT_WRITE)) ||
	    length == 0 || offset < 0 || (uint64_t)offset % PAGE) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	if (pages > SIZE_MAX / PAGE) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	map = malloc(sizeof *map);
	if (map) {
		map->mapped = malloc((pages + 7) / 8);
		map->base = aligned_alloc(PAGE, pages * PAGE);
	}
	if (!map || !map->mapped || !map->base) {
		if (map) {
			free(map->mapped);
			free(map->base);
		}
		free(map);
		errno = ENOMEM;
		return MAP_FAILED;
	}
	if (!(flags & MAP_ANONYMOUS)) {
		while (done < length) {
			ssize_t n = pread(fd, map->base + done, length - done, offset + (off_t)done);

			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				free(map->mapped);
				free(map->base);
				free(map);
				return MAP_FAILED;
			}
			if (n == 0)
				break;
			done += (size_t)n;
		}
	}
	memset(map->base + done, 0, pages * PAGE - done);
	memset(map->mapped, 0xff, (pages + 7) / 8);
	map->pages = map->live = pages;
	map->next = maps;
	maps = map;
	return map->base;
}

/* Releases the pages of the range; a mapping goes back to the allocator with its last page. */
int munmap(void *addr, size_t length)
{
	uintptr_t start, end;
	struct map **link = &maps;

	if (page_range(addr, length, 0, &start, &end) < 0)
		return -1;
	while (*link) {
		struct map *map = *link;
		uintptr_t base = (uintptr_t)map->base, top = base + map->pages * PAGE;

		if (start < top && end > base) {
			size_t from = start > base ? (start - base) / PAGE : 0;
			size_t to = end < top ? (end - base) / PAGE : map->pages;

			for (size_t i = from; i < to; i++)
				if (map->mapped[i / 8] & (1u << (i % 8))) {
					map->mapped[i / 8] &= (unsigned char)~(1u << (i % 8));
					map->live--;
				}
		}
		if (map->live == 0) {
			*link = map->next;
			free(map->base);
			free(map->mapped);
			free(map);
		} else {
			link = &map->next;
		}
	}
	return 0;
}

/* Pages that exist: within the memory the program has (linear memory 0). */
static int existing(void *addr, size_t length)
{
	uintptr_t start, end;

	if (page_range(addr, length, 1, &start, &end) < 0)
		return -1;
	if (end > __builtin_wasm_memory_size(0) * PAGE) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

int mprotect(void *addr, size_t length, int prot)
{
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) {
		errno = EINVAL;
		return -1;
	}
	return existing(addr, length);
}

int msync(void *addr, size_t length, int flags)
{
	if ((flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) || (flags & (MS_ASYNC | MS_SYNC)) == (MS_ASYNC | MS_SYNC)) {
		errno = EINVAL;
		return -1;
	}
	return existing(addr, length);
}

int madvise(void *addr, size_t length, int advice)
{
	(void)advice;
	return existing(addr, length);
}

int posix_madvise(void *addr, size_t length, int advice)
{
	(void)advice;
	return existing(addr, length) < 0 ? errno : 0;
}

/* Nothing is ever paged out. */
int mlock(const void *addr, size_t length)
{
	(void)addr, (void)length;
	return 0;
}

int munlock(const void *addr, size_t length)
{
	(void)addr, (void)length;
	return 0;
}

int mlockall(int flags)
{
	(void)flags;
	return 0;
}

int munlockall(void)
{
	return 0;
}

int mlock2(const void *addr, size_t length, unsigned flags)
{
	(void)addr, (void)length;
	if (flags & ~(unsigned)MLOCK_ONFAULT) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* Every page that exists is resident. */
int mincore(void *addr, size_t length, unsigned char *vec)
{
	if (existing(addr, length) < 0)
		return -1;
	memset(vec, 1, pages_of(length));
	return 0;
}

/* Whether [start, end) are pages of one mapping that munmap has left. */
static int mapped(uintptr_t start, uintptr_t end)
{
	for (struct map *map = maps; map; map = map->next) {
		uintptr_t base = (uintptr_t)map->base;

		if (start < base || end > base + map->pages * PAGE)
			continue;
		for (size_t i = (start - base) / PAGE; i < (end - base) / PAGE; i++)
			if (!(map->mapped[i / 8] & (1u << (i % 8))))
				return 0;
		return 1;
	}
	return 0;
}

/*
 * Shrinks in place (the tail is unmapped); grows only by moving, with
 * MREMAP_MAYMOVE (ENOMEM without): a new mapping, the contents copied.
 */
void *mremap(void *old, size_t old_length, size_t new_length, int flags, ...)
{
	uintptr_t start, end;
	size_t old_pages = pages_of(old_length), new_pages = pages_of(new_length);
	void *p;

	if ((flags & ~MREMAP_MAYMOVE) || new_length == 0 || page_range(old, old_length, 0, &start, &end) < 0) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	if (!mapped(start, end)) {
		errno = EFAULT;
		return MAP_FAILED;
	}
	if (new_pages <= old_pages) {
		if (new_pages < old_pages)
			munmap((char *)old + new_pages * PAGE, (old_pages - new_pages) * PAGE);
		return old;
	}
	if (!(flags & MREMAP_MAYMOVE)) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	p = mmap(NULL, new_length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return p;
	memcpy(p, old, old_pages * PAGE);
	munmap(old, old_length);
	return p;
}

/* Deprecated in Linux too; a mapping here is a copy, with no file pages to rearrange. */
int remap_file_pages(void *addr, size_t size, int prot, size_t pgoff, int flags)
{
	(void)addr, (void)size, (void)prot, (void)pgoff, (void)flags;
	errno = ENOSYS;
	return -1;
}

/* No memory is shared with another process: there is none. */
int shm_open(const char *name, int flags, mode_t mode)
{
	(void)name, (void)flags, (void)mode;
	errno = ENOSYS;
	return -1;
}

int shm_unlink(const char *name)
{
	(void)name;
	errno = ENOSYS;
	return -1;
}
