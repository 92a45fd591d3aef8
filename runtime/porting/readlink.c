/*
 * readlink.c: the call under readlink and readlinkat, in place of
 * wasi-libc's (removed from libc.so; ahead of libc.a in static links). A
 * host may refuse a buffer too small for the whole target (node's fails
 * with ENOBUFS, even for one that fits without a terminating null), where
 * POSIX truncates: callers that grow their buffer until the result is
 * shorter than it, as gnulib's areadlink does, then fail outright. This
 * asks again with a buffer large enough and returns the first BUFSIZE bytes.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

ssize_t __wasilibc_nocwd_readlinkat(int fd, const char *restrict path, char *restrict buf, size_t bufsize);

static int too_small(__wasi_errno_t error)
{
	return error == __WASI_ERRNO_NOBUFS || error == __WASI_ERRNO_RANGE;
}

ssize_t __wasilibc_nocwd_readlinkat(int fd, const char *restrict path, char *restrict buf, size_t bufsize)
{
	__wasi_errno_t error;
	size_t used, size;
	uint8_t *whole;

	error = __wasi_path_readlink(fd, path, (uint8_t *)buf, bufsize, &used);
	/* a target that no buffer up to 64 KiB holds stays an error */
	for (size = PATH_MAX; too_small(error) && size <= 64 * 1024; size *= 2) {
		if (size <= bufsize)
			continue;
		if (!(whole = malloc(size)))
			return -1;
		error = __wasi_path_readlink(fd, path, whole, size, &used);
		if (error == 0) {
			used = used < bufsize ? used : bufsize;
			memcpy(buf, whole, used);
		}
		free(whole);
	}
	if (error != 0) {
		errno = error;
		return -1;
	}
	return used;
}
