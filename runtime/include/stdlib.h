/*
 * stdlib.h: wasi-libc's, with what it leaves out and wasm32-wasi-cc's
 * porting layer provides (runtime/porting/; doc/porting.md): temporary
 * files in $TMPDIR, /tmp or the working directory, realpath, the program's
 * name (getprogname), and the macros that decode system()'s status.
 */
#ifndef __wasm32_wasi_cc_stdlib_h
#define __wasm32_wasi_cc_stdlib_h

#include_next <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

#include <__wait_status.h>

int mkstemp(char *);
int mkostemp(char *, int);
int mkstemps(char *, int);
int mkostemps(char *, int, int);
char *mkdtemp(char *);
char *mktemp(char *);
char *realpath(const char *__restrict, char *__restrict);
int getloadavg(double *, int);
void *valloc(size_t);
void *memalign(size_t, size_t);
const char *getprogname(void);
void setprogname(const char *);

#ifdef __cplusplus
}
#endif

#endif
