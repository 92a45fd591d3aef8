/*
 * semaphore.c: unnamed POSIX semaphores for the one thread of a wasm32-wasi
 * process. Posting and taking a positive count work; a wait on a zero count
 * fails with EDEADLK (nothing else could post), a timed one sleeps until
 * its deadline and fails with ETIMEDOUT. Named semaphores would live in a
 * file system WASI does not give: sem_open fails with ENOSYS.
 */
#include <errno.h>
#include <limits.h>
#include <semaphore.h>
#include <time.h>
#include "porting.h"

#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX INT_MAX
#endif

int sem_init(sem_t *s, int shared, unsigned value)
{
	(void)shared;
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	s->__val[0] = (int)value;
	return 0;
}

int sem_destroy(sem_t *s)
{
	(void)s;
	return 0;
}

int sem_post(sem_t *s)
{
	if (s->__val[0] == SEM_VALUE_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	s->__val[0]++;
	return 0;
}

int sem_trywait(sem_t *s)
{
	if (s->__val[0] == 0) {
		errno = EAGAIN;
		return -1;
	}
	s->__val[0]--;
	return 0;
}

int sem_wait(sem_t *s)
{
	if (sem_trywait(s) == 0)
		return 0;
	errno = EDEADLK;
	return -1;
}

int sem_timedwait(sem_t *restrict s, const struct timespec *restrict deadline)
{
	if (sem_trywait(s) == 0)
		return 0;
	if (deadline->tv_nsec < 0 || deadline->tv_nsec >= 1000000000L) {
		errno = EINVAL;
		return -1;
	}
	porting_sleep_until(CLOCK_REALTIME, deadline);
	errno = ETIMEDOUT;
	return -1;
}

int sem_getvalue(sem_t *restrict s, int *restrict value)
{
	*value = s->__val[0];
	return 0;
}

sem_t *sem_open(const char *name, int flags, ...)
{
	(void)name, (void)flags;
	errno = ENOSYS;
	return SEM_FAILED;
}

int sem_close(sem_t *s)
{
	(void)s;
	errno = EINVAL;
	return -1;
}

int sem_unlink(const char *name)
{
	(void)name;
	errno = ENOENT;
	return -1;
}
