/*
 * utimens.c: utimensat and futimens as POSIX says: NULL times is the
 * current time for both, UTIME_NOW and UTIME_OMIT per time. wasi-libc's
 * (as Debian's libc.a has it) sets both to the epoch for NULL. Replaces its
 * members utimensat.o (__wasilibc_nocwd_utimensat, which utimensat calls
 * once it has found the preopen) and futimens.o.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <wasi/api.h>

#define NS 1000000000ull

/* The timestamps and flags for preview1, or EINVAL. */
static int stamps(const struct timespec *times, __wasi_timestamp_t at[2], __wasi_fstflags_t *flags)
{
	static const __wasi_fstflags_t set[2] = { __WASI_FSTFLAGS_ATIM, __WASI_FSTFLAGS_MTIM };
	static const __wasi_fstflags_t now[2] = { __WASI_FSTFLAGS_ATIM_NOW, __WASI_FSTFLAGS_MTIM_NOW };

	*flags = 0;
	for (int i = 0; i < 2; i++) {
		at[i] = 0;
		if (!times || times[i].tv_nsec == UTIME_NOW) {
			*flags |= now[i];
		} else if (times[i].tv_nsec != UTIME_OMIT) {
			if (times[i].tv_nsec < 0 || times[i].tv_nsec >= (long)NS || times[i].tv_sec < 0 ||
			    (uint64_t)times[i].tv_sec > (UINT64_MAX - NS) / NS)
				return EINVAL;
			at[i] = (uint64_t)times[i].tv_sec * NS + (uint64_t)times[i].tv_nsec;
			*flags |= set[i];
		}
	}
	return 0;
}

static int result(int error)
{
	if (error == 0)
		return 0;
	errno = error;
	return -1;
}

int __wasilibc_nocwd_utimensat(int fd, const char *path, const struct timespec *times, int flag)
{
	__wasi_timestamp_t at[2];
	__wasi_fstflags_t flags;
	int error = stamps(times, at, &flags);

	if (error)
		return result(error);
	return result(__wasi_path_filestat_set_times(fd, flag & AT_SYMLINK_NOFOLLOW ? 0 : __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW,
						     path, at[0], at[1], flags));
}

int futimens(int fd, const struct timespec *times)
{
	__wasi_timestamp_t at[2];
	__wasi_fstflags_t flags;
	int error = stamps(times, at, &flags);

	return result(error ? error : __wasi_fd_filestat_set_times(fd, at[0], at[1], flags));
}
