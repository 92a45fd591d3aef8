/*
 * __typedef_sigset_t.h: sigset_t for wasm32-wasi-cc. wasi-libc's is a
 * one-byte placeholder, too small for a signal set; the porting layer's
 * signal functions (runtime/porting/signal.c) take this one: a bit for each
 * of signals 1 to 64. wasi-libc itself only passes sigset_t pointers along
 * (pselect ignores its mask), so its size is ours to choose. Every header
 * reaches the type through this file, so that all code agrees on it.
 */
#ifndef __wasilibc___typedef_sigset_t_h
#define __wasilibc___typedef_sigset_t_h

typedef struct __sigset_t {
	unsigned long __bits[64 / (8 * sizeof(unsigned long))];
} sigset_t;

#endif
