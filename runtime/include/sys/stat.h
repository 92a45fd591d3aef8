/*
 * sys/stat.h: wasi-libc's, with the mode functions it leaves out. WASI
 * preview1 has no file modes to change: chmod and its kin succeed without
 * effect on a file that exists, and umask keeps the mask it is given
 * (runtime/porting/modes.c; doc/porting.md).
 */
#ifndef __wasm32_wasi_cc_sys_stat_h
#define __wasm32_wasi_cc_sys_stat_h

#include_next <sys/stat.h>

#ifdef __cplusplus
extern "C" {
#endif

int chmod(const char *, mode_t);
int fchmod(int, mode_t);
int fchmodat(int, const char *, mode_t, int);
int lchmod(const char *, mode_t);
mode_t umask(mode_t);
int mkfifo(const char *, mode_t);
int mkfifoat(int, const char *, mode_t);
int mknod(const char *, mode_t, dev_t);
int mknodat(int, const char *, mode_t, dev_t);

#ifdef __cplusplus
}
#endif

#endif
