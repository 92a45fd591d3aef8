/*
 * fcntl.h: wasi-libc's, with its flags usable in #if, and the fcntl commands it leaves out, which the
 * porting layer's fcntl (runtime/porting/fcntl.c) answers: record locks
 * always succeed (no other process can hold one), F_GETLK reports the
 * region unlocked, and F_DUPFD fails with ENOSYS (WASI preview1 cannot
 * duplicate a descriptor).
 */
#ifndef __wasm32_wasi_cc_fcntl_h
#define __wasm32_wasi_cc_fcntl_h

#include_next <fcntl.h>

/*
 * wasi-libc builds these from casts, which #if cannot evaluate (gnulib
 * tests `#if O_NONBLOCK`): the same values as plain constants
 * (runtime/porting/fcntl.c checks that they agree).
 */
#undef O_APPEND
#undef O_DSYNC
#undef O_NONBLOCK
#undef O_RSYNC
#undef O_SYNC
#undef O_CREAT
#undef O_DIRECTORY
#undef O_EXCL
#undef O_TRUNC
#define O_APPEND    0x0001
#define O_DSYNC     0x0002
#define O_NONBLOCK  0x0004
#define O_RSYNC     0x0008
#define O_SYNC      0x0010
#define O_CREAT     0x1000
#define O_DIRECTORY 0x2000
#define O_EXCL      0x4000
#define O_TRUNC     0x8000
#define O_NDELAY    O_NONBLOCK

#define F_DUPFD 0
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_SETOWN 8
#define F_GETOWN 9
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#define F_DUPFD_CLOEXEC 1030

#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2

#endif
