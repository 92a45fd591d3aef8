/*
 * __wait_status.h: the macros that decode a wait status, shared by
 * <stdlib.h> (for system()) and <sys/wait.h>. wasm32-wasi-cc's own header:
 * WASI has no child processes, so no status is ever produced, but code
 * that decodes one must compile. The encoding is Linux's.
 */
#ifndef __wasm32_wasi_cc_wait_status_h
#define __wasm32_wasi_cc_wait_status_h

#define WNOHANG    1
#define WUNTRACED  2

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WCOREDUMP(s) ((s) & 0x80)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f && (s) != 0xffff)
#define WIFCONTINUED(s) ((s) == 0xffff)

#endif
