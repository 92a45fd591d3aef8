/*
 * descriptors.c: descriptor functions WASI preview1 cannot provide. It has
 * no way to make a second descriptor for an open file (fd_renumber moves
 * one, closing the other), so dup and its kin fail with ENOSYS, except
 * dup2 and dup3 of a descriptor onto itself, which change nothing. A
 * process is alone with its files, so advisory locks always succeed.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static int valid(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0;
}

int dup(int fd)
{
	if (!valid(fd))
		return -1;
	errno = ENOSYS;
	return -1;
}

int dup2(int fd, int to)
{
	if (!valid(fd))
		return -1;
	if (to < 0 || to >= getdtablesize()) {
		errno = EBADF;
		return -1;
	}
	if (fd == to)
		return to;
	errno = ENOSYS;
	return -1;
}

int dup3(int fd, int to, int flags)
{
	if (fd == to || (flags & ~O_CLOEXEC)) {
		errno = EINVAL;
		return -1;
	}
	return dup2(fd, to);
}

/* No descriptor names a directory to change to: chdir takes paths only. */
int fchdir(int fd)
{
	if (!valid(fd))
		return -1;
	errno = ENOSYS;
	return -1;
}

int flock(int fd, int op)
{
	(void)op;
	return valid(fd) ? 0 : -1;
}

int lockf(int fd, int op, off_t len)
{
	(void)op, (void)len;
	return valid(fd) ? 0 : -1;
}

/* Every write is the host's already: nothing is buffered in the process. */
void sync(void)
{
}

int syncfs(int fd)
{
	return valid(fd) ? 0 : -1;
}

/* RLIMIT_NOFILE's (rlimit.c) */
int getdtablesize(void)
{
	struct rlimit rl;

	return getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 0x7fffffff ? (int)rl.rlim_cur : 0x7fffffff;
}

/* A wasm page. */
int getpagesize(void)
{
	return 65536;
}
