/*
 * descriptors.c: descriptor functions over WASI preview1, which has no call
 * that makes a second descriptor for an open file (fd_renumber moves one,
 * closing the other). wasm32-wasi-run's /dev/fd/N is one: opened, it is the
 * program's descriptor N again, sharing its offset and flags, as on the BSDs
 * (doc/running.md). Elsewhere a directory can still be opened again through
 * itself, which is what dup and its kin then give for one (fts, as in grep
 * -r, duplicates directories only); anything else fails with ENOSYS, except
 * dup2 and dup3 of a descriptor onto itself, which change nothing. A process
 * is alone with its files, so advisory locks always succeed.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>
#include "porting.h"

static int valid(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0;
}

static int fail(int error)
{
	errno = error;
	return -1;
}

/*
 * A second descriptor for what FD is: the runner's /dev/fd/N, opened for the
 * directions FD has; else, for a directory, the directory opened again
 * through itself with its rights and flags; else ENOSYS.
 */
static int reopen_directory(int fd)
{
	__wasi_fdstat_t st;
	__wasi_errno_t error;
	__wasi_fd_t again;
	int flags;

	if ((error = __wasi_fd_fdstat_get(fd, &st)) != 0)
		return fail(error);
	if ((again = porting_open_fd(fd, st.fs_rights_base & __WASI_RIGHTS_FD_WRITE ?
				     st.fs_rights_base & __WASI_RIGHTS_FD_READ ? O_RDWR : O_WRONLY : O_RDONLY)) >= 0)
		return (int)again;
	if (st.fs_filetype != __WASI_FILETYPE_DIRECTORY)
		return fail(ENOSYS);
	flags = st.fs_flags;
	error = __wasi_path_open(fd, 0, ".", __WASI_OFLAGS_DIRECTORY, st.fs_rights_base, st.fs_rights_inheriting,
				 flags, &again);
	return error ? fail(error) : (int)again;
}

/*
 * A duplicate of FD numbered LOW or above (exactly LOW, with EXACT): the
 * host gives out numbers of its own choosing, so the numbers below are
 * held while it gives out the next, then closed. A host that skips LOW
 * makes an exact one fail with ENOSYS.
 */
int porting_duplicate(int fd, int low, int exact)
{
	int again = reopen_directory(fd), above, error;

	if (again < 0 || again == low || (again > low && !exact))
		return again;
	if (again > low) {
		close(again);
		return fail(ENOSYS);
	}
	above = porting_duplicate(fd, low, exact);
	error = errno;
	close(again);
	errno = error;
	return above;
}

int dup(int fd)
{
	return porting_duplicate(fd, 0, 0);
}

int dup2(int fd, int to)
{
	__wasi_errno_t error;
	int again;

	if (!valid(fd))
		return -1;
	if (to < 0 || to >= getdtablesize())
		return fail(EBADF);
	if (fd == to)
		return to;
	if (valid(to)) {
		/* fd_renumber replaces TO in one step, as dup2 does */
		if ((again = reopen_directory(fd)) < 0)
			return -1;
		if ((error = __wasi_fd_renumber((__wasi_fd_t)again, (__wasi_fd_t)to)) != 0) {
			close(again);
			return fail(error);
		}
	} else if (porting_duplicate(fd, to, 1) < 0) {
		return -1;
	}
	/* TO starts without FD_CLOEXEC, whatever the descriptor it replaced had */
	return fcntl(to, F_SETFD, 0) == 0 ? to : -1;
}

int dup3(int fd, int to, int flags)
{
	if (fd == to || (flags & ~O_CLOEXEC))
		return fail(EINVAL);
	if (dup2(fd, to) < 0)
		return -1;
	return (flags & O_CLOEXEC) && fcntl(to, F_SETFD, FD_CLOEXEC) < 0 ? -1 : to;
}

/* wasi-libc's working directory is a path, which a descriptor does not give. */
int fchdir(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	return fail(S_ISDIR(st.st_mode) ? ENOSYS : ENOTDIR);
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
