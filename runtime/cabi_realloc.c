/* cabi_realloc.c: the allocator the component adapter uses, taken from the program's own. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * The preview1 adapter that makes a command a component keeps its state in
 * the program's memory, allocated through the main module's cabi_realloc.
 * Without this export wit-component gives the adapter pages of its own from
 * memory.grow, behind the back of the program's allocator: sbrk-based dlmalloc
 * then takes them for its own heap and the two overwrite each other (the
 * adapter's "assertion failed" in fd_write after a program grew its heap).
 * Linked into commands that are wrapped, not into core-only ones; weak, so
 * that a program's own cabi_realloc is the one used.
 */
__attribute__((weak, export_name("cabi_realloc")))
void *cabi_realloc(void *ptr, size_t old_size, size_t align, size_t new_size);

void *cabi_realloc(void *ptr, size_t old_size, size_t align, size_t new_size)
{
	void *p;

	if (new_size == 0)
		return (void *)align; /* the canonical ABI allows any aligned non-null pointer */
	if (!ptr) {
		p = aligned_alloc(align, (new_size + align - 1) / align * align);
	} else if (align <= _Alignof(max_align_t)) {
		p = realloc(ptr, new_size);
	} else {
		p = aligned_alloc(align, (new_size + align - 1) / align * align);
		if (p)
			memcpy(p, ptr, old_size < new_size ? old_size : new_size);
	}
	if (!p)
		__builtin_trap(); /* the adapter cannot go on without memory */
	return p;
}
