/*
 * fcntl.c: fcntl, in place of wasi-libc's (removed from libc.so; ahead of
 * libc.a in static links), which knows only the descriptor and status
 * flags. It answers those as wasi-libc does, and the commands ported code
 * also uses: FD_CLOEXEC, kept for each descriptor (no exec ever reads it;
 * O_CLOEXEC is 0, so a descriptor starts without it) and forgotten by
 * close, which replaces wasi-libc's for that; record locks, which always
 * succeed since no other process can hold one; and F_DUPFD, which
 * duplicates what dup can (descriptors.c: directories).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <wasi/api.h>
#include <wasi/libc.h>
#include "porting.h"

_Static_assert(O_APPEND == __WASI_FDFLAGS_APPEND && O_DSYNC == __WASI_FDFLAGS_DSYNC &&
	       O_NONBLOCK == __WASI_FDFLAGS_NONBLOCK && O_RSYNC == __WASI_FDFLAGS_RSYNC &&
	       O_SYNC == __WASI_FDFLAGS_SYNC, "fcntl.h's flags are WASI's fdflags");
_Static_assert(O_CREAT == __WASI_OFLAGS_CREAT << 12 && O_DIRECTORY == __WASI_OFLAGS_DIRECTORY << 12 &&
	       O_EXCL == __WASI_OFLAGS_EXCL << 12 && O_TRUNC == __WASI_OFLAGS_TRUNC << 12,
	       "fcntl.h's flags are wasi-libc's");

/* The access mode that a descriptor's rights allow. */
static int access_mode(const __wasi_fdstat_t *st)
{
	int reads = (st->fs_rights_base & (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR)) != 0;
	int writes = (st->fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0;

	if (reads)
		return writes ? O_RDWR : O_RDONLY;
	return writes ? O_WRONLY : O_SEARCH;
}

static int fail(int error)
{
	errno = error;
	return -1;
}

/* The descriptors that have FD_CLOEXEC: a bit each, grown as needed. */
static unsigned char *cloexec;
static size_t cloexec_size;

static int get_cloexec(int fd)
{
	return (size_t)fd / 8 < cloexec_size && (cloexec[fd / 8] & (1u << (fd % 8)));
}

static int set_cloexec(int fd, int on)
{
	if ((size_t)fd / 8 >= cloexec_size) {
		size_t size = (size_t)fd / 8 + 16;
		unsigned char *grown;

		if (!on)
			return 0;
		grown = realloc(cloexec, size);
		if (!grown)
			return fail(ENOMEM);
		for (size_t i = cloexec_size; i < size; i++)
			grown[i] = 0;
		cloexec = grown;
		cloexec_size = size;
	}
	if (on)
		cloexec[fd / 8] |= (unsigned char)(1u << (fd % 8));
	else
		cloexec[fd / 8] &= (unsigned char)~(1u << (fd % 8));
	return 0;
}

int close(int fd)
{
	__wasi_errno_t error;

	/* a host may take -1 for a number it does not know and answer EINVAL */
	if (fd < 0)
		return fail(EBADF);
	if ((error = __wasi_fd_close((__wasi_fd_t)fd)) != 0)
		return fail(error);
	set_cloexec(fd, 0);
	return 0;
}

int fcntl(int fd, int cmd, ...)
{
	__wasi_fdstat_t st;
	__wasi_errno_t error;
	va_list ap;
	void *arg;

	if ((error = __wasi_fd_fdstat_get(fd, &st)) != 0)
		return fail(error);
	va_start(ap, cmd);
	arg = va_arg(ap, void *);
	va_end(ap);
	switch (cmd) {
	case F_GETFD:
		return get_cloexec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		return set_cloexec(fd, ((int)(long)arg & FD_CLOEXEC) != 0);
	case F_GETFL:
		return st.fs_flags | access_mode(&st);
	case F_SETFL:
		if ((error = __wasi_fd_fdstat_set_flags(fd, (__wasi_fdflags_t)((int)(long)arg & 0xfff))) != 0)
			return fail(error);
		return 0;
	case F_GETLK:
	case F_OFD_GETLK:
		if (!arg)
			return fail(EFAULT);
		((struct flock *)arg)->l_type = F_UNLCK;
		return 0;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return arg ? 0 : fail(EFAULT);
	case F_DUPFD:
	case F_DUPFD_CLOEXEC: {
		int low = (int)(long)arg, again;

		/* the lowest descriptor asked for must be one that could exist */
		if (low < 0 || low >= getdtablesize())
			return fail(EINVAL);
		if ((again = porting_duplicate(fd, low, 0)) < 0 || cmd == F_DUPFD)
			return again;
		return set_cloexec(again, 1) == 0 ? again : -1;
	}
	default:
		return fail(EINVAL);
	}
}

/* Declared by wasi-libc's wasi/libc.h, defined under another name there: openat without a mode. */
int __wasilibc_openat_nomode(int fd, const char *path, int oflag)
{
	return openat(fd, path, oflag);
}
