/*
 * __mode_t.h: wasi-libc's, with S_IFIFO apart from S_IFSOCK as POSIX
 * requires (Linux's 0x1000; wasi-libc gives both 0xc000). WASI preview1 has
 * no FIFOs, so stat never reports one: sockets stay S_IFSOCK, and S_ISFIFO
 * no longer says a socket is a FIFO. S_IFMT, the union of the types,
 * becomes 0xf000.
 */
#ifndef __wasm32_wasi_cc___mode_t_h
#define __wasm32_wasi_cc___mode_t_h

#include_next <__mode_t.h>

#undef S_IFIFO
#define S_IFIFO (0x1000)

#endif
