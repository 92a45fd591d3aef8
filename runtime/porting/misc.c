/*
 * misc.c: the rest of what wasi-libc declares or ported code calls, one
 * line of reasoning each: no setuid programs (secure_getenv is getenv), no
 * load average, page-aligned allocation through aligned_alloc, stdio locks
 * for one thread, and kernel interfaces WASI does not have (ENOSYS).
 */
#include <errno.h>
#include <ifaddrs.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/sysinfo.h>
#include <unistd.h>

char *secure_getenv(const char *name)
{
	return getenv(name);
}

int getloadavg(double *loads, int n)
{
	(void)loads, (void)n;
	return -1;
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
