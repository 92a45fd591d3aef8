/*
 * __struct_sockaddr_un.h: wasi-libc's, which aligns the structure to max_align_t without
 * defining it; under -std=c99 nothing else does, so clang's own header
 * defines it first.
 */
#include <__stddef_max_align_t.h>
#include_next <__struct_sockaddr_un.h>
