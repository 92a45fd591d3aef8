/*
 * fcntl.h: wasi-libc's, with the fcntl commands it leaves out, which the
 * porting layer's fcntl (runtime/porting/fcntl.c) answers: record locks
 * always succeed (no other process can hold one), F_GETLK reports the
 * region unlocked, and F_DUPFD fails with ENOSYS (WASI preview1 cannot
 * duplicate a descriptor).
 */
#ifndef __wasm32_wasi_cc_fcntl_h
#define __wasm32_wasi_cc_fcntl_h

#include_next <fcntl.h>

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
