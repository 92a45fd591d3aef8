/*
 * misc.c: the rest of what wasi-libc declares or ported code calls, one
 * line of reasoning each: no setuid programs (secure_getenv is getenv), a
 * program alone in its sandbox (load 0), page-aligned allocation through
 * aligned_alloc, stdio locks for one thread, no STREAMS, and kernel
 * interfaces WASI does not have (ENOSYS).
 */
#include <dirent.h>
#include <errno.h>
#include <ifaddrs.h>
#include <stdio.h>
#include <stdlib.h>
#include <stropts.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/timex.h>
#include <sys/uio.h>
#include <unistd.h>

char *secure_getenv(const char *name)
{
	return getenv(name);
}

/* Nothing else runs in the program's world: its load is 0 (as many samples as asked, up to 3). */
int getloadavg(double *loads, int n)
{
	if (n < 0)
		return -1;
	if (n > 3)
		n = 3;
	for (int i = 0; i < n; i++)
		loads[i] = 0;
	return n;
}

void *memalign(size_t align, size_t size)
{
	return aligned_alloc(align, size);
}

void *valloc(size_t size)
{
	return aligned_alloc((size_t)getpagesize(), size);
}

/* One thread: a stream is never locked by another. */
void flockfile(FILE *f)
{
	(void)f;
}

int ftrylockfile(FILE *f)
{
	(void)f;
	return 0;
}

void funlockfile(FILE *f)
{
	(void)f;
}

int eventfd(unsigned count, int flags)
{
	(void)count, (void)flags;
	errno = ENOSYS;
	return -1;
}

int eventfd_read(int fd, eventfd_t *value)
{
	(void)fd, (void)value;
	errno = ENOSYS;
	return -1;
}

int eventfd_write(int fd, eventfd_t value)
{
	(void)fd, (void)value;
	errno = ENOSYS;
	return -1;
}

int getifaddrs(struct ifaddrs **list)
{
	(void)list;
	errno = ENOSYS;
	return -1;
}

void freeifaddrs(struct ifaddrs *list)
{
	(void)list;
}

int sysinfo(struct sysinfo *info)
{
	(void)info;
	errno = ENOSYS;
	return -1;
}

/* The host's clock is not the program's to discipline, nor its state to read. */
int adjtimex(struct timex *t)
{
	(void)t;
	errno = ENOSYS;
	return -1;
}

int clock_adjtime(clockid_t clock, struct timex *t)
{
	(void)clock, (void)t;
	errno = ENOSYS;
	return -1;
}

/* Raw directory entries: readdir is the way through preview1's fd_readdir. */
int getdents(int fd, struct dirent *buf, size_t size)
{
	(void)fd, (void)buf, (void)size;
	errno = ENOSYS;
	return -1;
}

/* No descriptor is a STREAMS file (as on Linux); EBADF for a bad one. */
int isastream(int fd)
{
	struct stat st;

	return fstat(fd, &st) < 0 ? -1 : 0;
}

/* No other process's memory can be reached. */
ssize_t process_vm_readv(pid_t pid, const struct iovec *local, unsigned long nlocal,
                         const struct iovec *remote, unsigned long nremote, unsigned long flags)
{
	(void)pid, (void)local, (void)nlocal, (void)remote, (void)nremote, (void)flags;
	errno = ENOSYS;
	return -1;
}

ssize_t process_vm_writev(pid_t pid, const struct iovec *local, unsigned long nlocal,
                          const struct iovec *remote, unsigned long nremote, unsigned long flags)
{
	(void)pid, (void)local, (void)nlocal, (void)remote, (void)nremote, (void)flags;
	errno = ENOSYS;
	return -1;
}
