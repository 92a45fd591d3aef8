/*
 * sys/wait.h: waiting for child processes, for wasm32-wasi. wasi-libc has
 * no such header: WASI has no processes, so there is never a child to wait
 * for. wait() and waitpid() fail with ECHILD, as POSIX says they do for a
 * process without children (doc/porting.md).
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#ifdef __cplusplus
extern "C" {
#endif

#include <sys/types.h>
#include <signal.h>
#include <__wait_status.h>

#define WSTOPPED   2
#define WEXITED    4
#define WCONTINUED 8
#define WNOWAIT    0x1000000

typedef enum { P_ALL = 0, P_PID = 1, P_PGID = 2 } idtype_t;

pid_t wait(int *);
pid_t waitpid(pid_t, int *, int);
int waitid(idtype_t, id_t, siginfo_t *, int);

#ifdef __cplusplus
}
#endif

#endif
