/*
 * devfd.c: what wasm32-wasi-run's /dev/fd gives beyond preview1: a second
 * descriptor for an open one (dup), and a pipe inside the program. Opening
 * /dev/fd/N is the program's descriptor N again, as on the BSDs; opening
 * /dev/fd/pipe makes a pipe and gives its read end R, and /dev/fd/R opened
 * for writing is its write end (doc/running.md). Elsewhere these opens fail,
 * and so do dup of a file and pipe, with ENOSYS.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "porting.h"

int porting_open_fd(int fd, int access)
{
	char name[sizeof "/dev/fd/" + 10] = "/dev/fd/", digits[10];
	int again, n = 0, i = sizeof "/dev/fd/" - 1;

	if (fd < 0) {
		errno = EBADF;
		return -1;
	}
	do
		digits[n++] = (char)('0' + fd % 10);
	while ((fd /= 10) > 0);
	while (n > 0)
		name[i++] = digits[--n];
	name[i] = '\0';
	if ((again = open(name, access | O_NOCTTY)) < 0 && errno != EBADF && errno != EACCES)
		errno = ENOSYS;
	return again;
}

int pipe2(int fd[2], int flags)
{
	int r, w;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK)) {
		errno = EINVAL;
		return -1;
	}
	if ((r = open("/dev/fd/pipe", O_RDONLY | (flags & O_NONBLOCK))) < 0) {
		errno = ENOSYS;
		return -1;
	}
	if ((w = porting_open_fd(r, O_WRONLY)) < 0 || ((flags & O_NONBLOCK) && fcntl(w, F_SETFL, O_NONBLOCK) < 0) ||
	    ((flags & O_CLOEXEC) && (fcntl(r, F_SETFD, FD_CLOEXEC) < 0 || fcntl(w, F_SETFD, FD_CLOEXEC) < 0))) {
		int error = errno;

		close(r);
		if (w >= 0)
			close(w);
		errno = error;
		return -1;
	}
	fd[0] = r;
	fd[1] = w;
	return 0;
}

int pipe(int fd[2])
{
	return pipe2(fd, 0);
}
