/*
 * signal.c: POSIX signals inside one process, for wasm32-wasi. WASI has no
 * signals, so nothing arrives from outside; what the program sends itself
 * (raise, kill and killpg naming itself, pthread_kill of itself) is
 * delivered as POSIX says: the action installed by sigaction or signal,
 * the mask of sigprocmask (a blocked signal stays pending and is delivered
 * when unblocked), SA_RESETHAND, SA_NODEFER, sa_mask and SA_SIGINFO. The
 * default action of a signal that terminates ends the program with status
 * 128 + the signal number, as a shell reports it, saying "Program received
 * fatal signal: NAME" on standard error first; the stop signals are
 * ignored, since nothing could continue the program. Replaces wasi-libc's
 * emulation (libwasi-emulated-signal), whose raise knows no masks.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* SIG_ERR and SIG_IGN (wasi-libc's header): distinct functions, never called. */
void __SIG_ERR(int sig)
{
	(void)sig;
	__builtin_trap();
}

void __SIG_IGN(int sig)
{
	(void)sig;
}

static struct sigaction actions[_NSIG];
static sigset_t blocked, pending;

#define BITS (8 * sizeof blocked.__bits[0])

static int valid(int sig)
{
	return sig > 0 && sig < _NSIG;
}

int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof *set);
	return 0;
}

int sigfillset(sigset_t *set)
{
	sigemptyset(set);
	for (int sig = 1; sig < _NSIG; sig++)
		set->__bits[(sig - 1) / BITS] |= 1UL << ((sig - 1) % BITS);
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	set->__bits[(sig - 1) / BITS] |= 1UL << ((sig - 1) % BITS);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	set->__bits[(sig - 1) / BITS] &= ~(1UL << ((sig - 1) % BITS));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	return !!(set->__bits[(sig - 1) / BITS] & (1UL << ((sig - 1) % BITS)));
}

static int terminates(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return 0;
	default:
		return 1;
	}
}

/* A default action that terminates: said on standard error, as wasi-libc's emulation did. */
static _Noreturn void die(int sig)
{
	static const char said[] = "Program received fatal signal: ";
	const char *name = strsignal(sig);

	(void)!write(2, said, sizeof said - 1);
	(void)!write(2, name, strlen(name));
	(void)!write(2, "\n", 1);
	_Exit(128 + sig);
}

/* Runs sig's action now; the caller has checked that it is not blocked. */
static void deliver(int sig)
{
	struct sigaction act = actions[sig];
	sigset_t saved = blocked;

	if (act.sa_handler == SIG_IGN)
		return;
	if (act.sa_handler == SIG_DFL) {
		if (terminates(sig))
			die(sig);
		return;
	}
	if (act.sa_flags & SA_RESETHAND)
		actions[sig].sa_handler = SIG_DFL;
	for (size_t i = 0; i < sizeof blocked.__bits / sizeof blocked.__bits[0]; i++)
		blocked.__bits[i] |= act.sa_mask.__bits[i];
	if (!(act.sa_flags & SA_NODEFER))
		sigaddset(&blocked, sig);
	if (act.sa_flags & SA_SIGINFO) {
		siginfo_t info;

		memset(&info, 0, sizeof info);
		info.si_signo = sig;
		info.si_code = SI_USER;
		info.si_pid = getpid();
		act.sa_sigaction(sig, &info, NULL);
	} else {
		act.sa_handler(sig);
	}
	blocked = saved;
}

/* Delivers, lowest first, the pending signals the mask no longer blocks. */
static int deliver_pending(void)
{
	int delivered = 0;

	for (int sig = 1; sig < _NSIG; sig++) {
		if (sigismember(&pending, sig) == 1 && sigismember(&blocked, sig) == 0) {
			sigdelset(&pending, sig);
			deliver(sig);
			delivered = 1;
		}
	}
	return delivered;
}

int raise(int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	if (sigismember(&blocked, sig) == 1 && sig != SIGKILL && sig != SIGSTOP)
		sigaddset(&pending, sig);
	else
		deliver(sig);
	return 0;
}

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	if (!valid(sig) || (act && (sig == SIGKILL || sig == SIGSTOP))) {
		errno = EINVAL;
		return -1;
	}
	if (old)
		*old = actions[sig];
	if (act)
		actions[sig] = *act;
	return 0;
}

void (*signal(int sig, void (*handler)(int)))(int)
{
	struct sigaction act, old;

	memset(&act, 0, sizeof act);
	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

void (*bsd_signal(int sig, void (*handler)(int)))(int)
{
	return signal(sig, handler);
}

int siginterrupt(int sig, int flag)
{
	struct sigaction act;

	if (sigaction(sig, NULL, &act) < 0)
		return -1;
	if (flag)
		act.sa_flags &= ~SA_RESTART;
	else
		act.sa_flags |= SA_RESTART;
	return sigaction(sig, &act, NULL);
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	sigset_t next = blocked;

	if (set) {
		for (size_t i = 0; i < sizeof next.__bits / sizeof next.__bits[0]; i++) {
			switch (how) {
			case SIG_BLOCK: next.__bits[i] |= set->__bits[i]; break;
			case SIG_UNBLOCK: next.__bits[i] &= ~set->__bits[i]; break;
			case SIG_SETMASK: next.__bits[i] = set->__bits[i]; break;
			default: errno = EINVAL; return -1;
			}
		}
		/* SIGKILL and SIGSTOP cannot be blocked */
		sigdelset(&next, SIGKILL);
		sigdelset(&next, SIGSTOP);
	}
	if (old)
		*old = blocked;
	blocked = next;
	deliver_pending();
	return 0;
}

int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	return sigprocmask(how, set, old) < 0 ? errno : 0;
}

int sigpending(sigset_t *set)
{
	*set = pending;
	return 0;
}

/* A wait no signal can end: nothing but the program itself sends one. */
int sigsuspend(const sigset_t *mask)
{
	sigset_t saved = blocked;

	blocked = *mask;
	sigdelset(&blocked, SIGKILL);
	sigdelset(&blocked, SIGSTOP);
	int delivered = deliver_pending();
	blocked = saved;
	errno = delivered ? EINTR : EDEADLK;
	return -1;
}

int pause(void)
{
	errno = EDEADLK;
	return -1;
}

int sigwait(const sigset_t *restrict set, int *restrict sig)
{
	for (int s = 1; s < _NSIG; s++) {
		if (sigismember(set, s) == 1 && sigismember(&pending, s) == 1) {
			sigdelset(&pending, s);
			*sig = s;
			return 0;
		}
	}
	return EDEADLK;
}

int kill(pid_t pid, int sig)
{
	if (pid != getpid() && pid != 0 && pid != -1) {
		errno = ESRCH;
		return -1;
	}
	if (sig == 0)
		return 0;
	return raise(sig);
}

int killpg(pid_t pgrp, int sig)
{
	if (pgrp != getpgrp()) {
		errno = ESRCH;
		return -1;
	}
	return kill(0, sig);
}

/* No timer exists: the alarm never goes off. */
unsigned alarm(unsigned seconds)
{
	(void)seconds;
	return 0;
}

unsigned ualarm(unsigned value, unsigned interval)
{
	(void)value;
	(void)interval;
	return 0;
}

/* Handlers run on the program's own stack: the alternate one is recorded. */
int sigaltstack(const stack_t *restrict ss, stack_t *restrict old)
{
	static stack_t current = { .ss_flags = SS_DISABLE };

	if (ss && !(ss->ss_flags & SS_DISABLE) && ss->ss_size < MINSIGSTKSZ) {
		errno = ENOMEM;
		return -1;
	}
	if (old)
		*old = current;
	if (ss)
		current = *ss;
	return 0;
}

/* The descriptions of the signals, as glibc and musl word them. */
static const char *const descriptions[] = {
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted", [SIGBUS] = "Bus error", [SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed", [SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault", [SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe", [SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child process status",
	[SIGCONT] = "Continued", [SIGSTOP] = "Stopped (signal)", [SIGTSTP] = "Stopped",
	[SIGTTIN] = "Stopped (tty input)", [SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition", [SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded", [SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired", [SIGWINCH] = "Window changed",
	[SIGIO] = "I/O possible", [SIGPWR] = "Power failure", [SIGSYS] = "Bad system call",
};

char *strsignal(int sig)
{
	static char unknown[32];

	if (sig > 0 && (size_t)sig < sizeof descriptions / sizeof descriptions[0] && descriptions[sig])
		return (char *)descriptions[sig];
	snprintf(unknown, sizeof unknown, "Unknown signal %d", sig);
	return unknown;
}

void psignal(int sig, const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strsignal(sig));
	else
		fprintf(stderr, "%s\n", strsignal(sig));
}

void psiginfo(const siginfo_t *info, const char *s)
{
	psignal(info->si_signo, s);
}
