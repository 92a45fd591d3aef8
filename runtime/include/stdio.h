/*
 * stdio.h: wasi-libc's, with what it leaves out and wasm32-wasi-cc's
 * porting layer provides (runtime/porting/; doc/porting.md): temporary
 * files, and popen, which fails (ENOSYS) since WASI has no processes.
 */
#ifndef __wasm32_wasi_cc_stdio_h
#define __wasm32_wasi_cc_stdio_h

/* wasi-libc marks its declarations of these deprecated; ours replace them */
#define tmpfile __wasm32_wasi_cc_hidden_tmpfile
#define tmpnam __wasm32_wasi_cc_hidden_tmpnam
#include_next <stdio.h>
#undef tmpfile
#undef tmpnam

#ifdef __cplusplus
extern "C" {
#endif

/* A path of the temporary directory, and its longest name */
#define P_tmpdir "/tmp"
#ifndef L_tmpnam
#define L_tmpnam 4096
#endif
#ifndef TMP_MAX
#define TMP_MAX 238328
#endif

FILE *tmpfile(void);
char *tmpnam(char *);
char *tempnam(const char *, const char *);
FILE *popen(const char *, const char *);
int pclose(FILE *);
void flockfile(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);

#ifdef __cplusplus
}
#endif

#endif
