/*
 * process.c: processes, for wasm32-wasi. WASI preview1 can neither create
 * nor replace a process, and a program has no parent or children it can
 * see: fork, exec and popen fail with ENOSYS, pipe too (a pipe is only of
 * use between processes, or between threads), the waits find no child
 * (ECHILD). The program is its own process group and session.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int unsupported(void)
{
	errno = ENOSYS;
	return -1;
}

pid_t fork(void) { return unsupported(); }
pid_t vfork(void) { return unsupported(); }

int execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path, (void)argv, (void)envp;
	return unsupported();
}

int execv(const char *path, char *const argv[])
{
	(void)path, (void)argv;
	return unsupported();
}

int execvp(const char *file, char *const argv[])
{
	(void)file, (void)argv;
	return unsupported();
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	(void)file, (void)argv, (void)envp;
	return unsupported();
}

int fexecve(int fd, char *const argv[], char *const envp[])
{
	(void)fd, (void)argv, (void)envp;
	return unsupported();
}

int execl(const char *path, const char *arg, ...)
{
	(void)path, (void)arg;
	return unsupported();
}

int execle(const char *path, const char *arg, ...)
{
	(void)path, (void)arg;
	return unsupported();
}

int execlp(const char *file, const char *arg, ...)
{
	(void)file, (void)arg;
	return unsupported();
}

FILE *popen(const char *command, const char *mode)
{
	(void)command, (void)mode;
	errno = ENOSYS;
	return NULL;
}

/* No stream popen made can exist. */
int pclose(FILE *f)
{
	(void)f;
	errno = ECHILD;
	return -1;
}

pid_t wait(int *status)
{
	(void)status;
	errno = ECHILD;
	return -1;
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	(void)pid, (void)status, (void)options;
	errno = ECHILD;
	return -1;
}

int waitid(idtype_t type, id_t id, siginfo_t *info, int options)
{
	(void)type, (void)id, (void)info, (void)options;
	errno = ECHILD;
	return -1;
}

/* The process that started the program is outside its world: init's. */
pid_t getppid(void) { return 1; }
pid_t getpgrp(void) { return getpid(); }

pid_t getpgid(pid_t pid)
{
	if (pid != 0 && pid != getpid()) {
		errno = ESRCH;
		return -1;
	}
	return getpid();
}

pid_t getsid(pid_t pid)
{
	return getpgid(pid);
}

/* It already leads its group and session. */
int setpgid(pid_t pid, pid_t pgid)
{
	if ((pid != 0 && pid != getpid()) || (pgid != 0 && pgid != getpid())) {
		errno = EPERM;
		return -1;
	}
	return 0;
}

pid_t setpgrp(void) { return getpid(); }

pid_t setsid(void)
{
	errno = EPERM;
	return -1;
}

/* The nice value setpriority keeps, moved by inc (clamped as it is). */
int nice(int inc)
{
	int now = getpriority(PRIO_PROCESS, 0);

	inc = inc < -40 ? -40 : inc > 40 ? 40 : inc;
	if (setpriority(PRIO_PROCESS, 0, now + inc) < 0)
		return -1;
	return getpriority(PRIO_PROCESS, 0);
}

/* daemon() forks: there is nothing to detach from. */
int daemon(int nochdir, int noclose)
{
	(void)nochdir, (void)noclose;
	return unsupported();
}

int chroot(const char *path)
{
	(void)path;
	errno = EPERM;
	return -1;
}
