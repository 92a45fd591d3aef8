/* libc_state.c: musl's libc.o without the program's name (progname.c), so that only programs that use the name link its setting. */
#include <stddef.h>

/*
 * libc's state (struct __libc, zero at start); its size is the one of the
 * wasi-libc we link against, read from its libc.a by runtime/porting.mk.
 */
#ifndef LIBC_STATE_SIZE
#error "LIBC_STATE_SIZE: the size of wasi-libc's __libc (runtime/porting.mk)"
#endif
_Alignas(16) unsigned char __libc[LIBC_STATE_SIZE];
size_t __hwcap;
