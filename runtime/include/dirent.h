/*
 * dirent.h: wasi-libc's, with the entry types it leaves out: no entry is
 * ever reported as a socket of that kind or a whiteout, but code that
 * compares d_type with them compiles. Without wasi-libc's opendirat(int,
 * const char *), which no standard has and whose name gnulib's fts gives
 * a function of its own (in grep, findutils, coreutils, diffutils): its
 * portable spelling is openat and fdopendir.
 */
#ifndef __wasm32_wasi_cc_dirent_h
#define __wasm32_wasi_cc_dirent_h

#define opendirat __wasm32_wasi_cc_hidden_opendirat
#include_next <dirent.h>
#undef opendirat

#ifndef DT_SOCK
#define DT_SOCK __WASI_FILETYPE_SOCKET_DGRAM
#endif
#ifndef DT_WHT
#define DT_WHT 14
#endif

#endif
