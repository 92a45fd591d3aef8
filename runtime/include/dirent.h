/*
 * dirent.h: wasi-libc's, with the entry types it leaves out: no entry is
 * ever reported as a socket of that kind or a whiteout, but code that
 * compares d_type with them compiles.
 */
#ifndef __wasm32_wasi_cc_dirent_h
#define __wasm32_wasi_cc_dirent_h

#include_next <dirent.h>

#ifndef DT_SOCK
#define DT_SOCK __WASI_FILETYPE_SOCKET_DGRAM
#endif
#ifndef DT_WHT
#define DT_WHT 14
#endif

#endif
