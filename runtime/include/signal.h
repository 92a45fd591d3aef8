/*
 * signal.h: wasi-libc's, with the parts of POSIX signals it leaves out.
 * wasm32-wasi-cc's porting layer (runtime/porting/signal.c) implements them
 * inside the process: handlers, masks and pending signals work for what
 * raise(), kill(getpid(), ...) and abort() send; nothing arrives from
 * outside, since WASI has no signals (doc/porting.md). Visible whatever the
 * feature macros, like the rest of the layer.
 */
#ifndef __wasm32_wasi_cc_signal_h
#define __wasm32_wasi_cc_signal_h

#ifndef _WASI_EMULATED_SIGNAL
#define _WASI_EMULATED_SIGNAL
#endif
#include_next <signal.h>

#ifdef __cplusplus
extern "C" {
#endif

#define __NEED_pid_t
#define __NEED_uid_t
#define __NEED_clock_t
#define __NEED_sigset_t
#define __NEED_pthread_t
#define __NEED_struct_timespec
#include <bits/alltypes.h>

#define SIG_BLOCK     0
#define SIG_UNBLOCK   1
#define SIG_SETMASK   2

#define SA_NOCLDSTOP  1
#define SA_NOCLDWAIT  2
#define SA_SIGINFO    4
#define SA_ONSTACK    0x08000000
#define SA_RESTART    0x10000000
#define SA_NODEFER    0x40000000
#define SA_RESETHAND  0x80000000
#define SA_NOMASK     SA_NODEFER
#define SA_ONESHOT    SA_RESETHAND

#define MINSIGSTKSZ 2048
#define SIGSTKSZ    8192
#define SS_ONSTACK  1
#define SS_DISABLE  2

#define SI_USER 0

/* si_code of a SIGCHLD (Linux's values): no child ever sends one */
#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_DUMPED    3
#define CLD_TRAPPED   4
#define CLD_STOPPED   5
#define CLD_CONTINUED 6

union sigval {
	int sival_int;
	void *sival_ptr;
};

/* What a SA_SIGINFO handler is told: who sent the signal, from where. */
typedef struct {
	int si_signo, si_errno, si_code;
	pid_t si_pid;
	uid_t si_uid;
	int si_status;
	void *si_addr;
	union sigval si_value;
	int __reserved[8];
} siginfo_t;

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler   __sa_handler.sa_handler
#define sa_sigaction __sa_handler.sa_sigaction

struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
};
typedef struct sigaltstack stack_t;

int kill(pid_t, int);
int killpg(pid_t, int);
int sigemptyset(sigset_t *);
int sigfillset(sigset_t *);
int sigaddset(sigset_t *, int);
int sigdelset(sigset_t *, int);
int sigismember(const sigset_t *, int);
int sigprocmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int pthread_sigmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int sigaction(int, const struct sigaction *__restrict, struct sigaction *__restrict);
int sigpending(sigset_t *);
int sigsuspend(const sigset_t *);
int sigwait(const sigset_t *__restrict, int *__restrict);
int sigaltstack(const stack_t *__restrict, stack_t *__restrict);
int siginterrupt(int, int);
int pthread_kill(pthread_t, int);
void psiginfo(const siginfo_t *, const char *);

#ifdef __cplusplus
}
#endif

#endif
