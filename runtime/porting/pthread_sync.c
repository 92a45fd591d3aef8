/*
 * pthread_sync.c: mutexes, condition variables, read-write locks, spin
 * locks and barriers for the one thread of a wasm32-wasi process. They keep
 * their state as POSIX describes it; a wait that only another thread could
 * end fails with EDEADLK instead of hanging, or, when it has a deadline,
 * sleeps until the deadline and fails with ETIMEDOUT.
 */
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include "porting.h"

void porting_sleep_until(clockid_t clock, const struct timespec *deadline)
{
	while (clock_nanosleep(clock, TIMER_ABSTIME, deadline, NULL) == EINTR)
		;
}

static int valid_deadline(const struct timespec *t)
{
	return t->tv_nsec >= 0 && t->tv_nsec < 1000000000L;
}

/* ---------------------------------------------------------- mutexes */

/* pthread_mutex_t's words: the type (0 in PTHREAD_MUTEX_INITIALIZER), the lock count */
enum { TYPE, COUNT };

int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict a)
{
	*m = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	if (a)
		m->__u.__i[TYPE] = (int)(a->__attr & 3);
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->__u.__i[COUNT] ? EBUSY : 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	if (m->__u.__i[COUNT] == 0) {
		m->__u.__i[COUNT] = 1;
		return 0;
	}
	if (m->__u.__i[TYPE] == PTHREAD_MUTEX_RECURSIVE) {
		if (m->__u.__i[COUNT] == __INT_MAX__)
			return EAGAIN;
		m->__u.__i[COUNT]++;
		return 0;
	}
	return EBUSY;
}

/* The holder is this thread, which would wait for itself. */
int pthread_mutex_lock(pthread_mutex_t *m)
{
	int r = pthread_mutex_trylock(m);

	return r == EBUSY ? EDEADLK : r;
}

int pthread_mutex_timedlock(pthread_mutex_t *restrict m, const struct timespec *restrict deadline)
{
	int r = pthread_mutex_trylock(m);

	if (r != EBUSY)
		return r;
	if (m->__u.__i[TYPE] == PTHREAD_MUTEX_ERRORCHECK)
		return EDEADLK;
	if (!valid_deadline(deadline))
		return EINVAL;
	porting_sleep_until(CLOCK_REALTIME, deadline);
	return ETIMEDOUT;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->__u.__i[COUNT] == 0)
		return EPERM;
	m->__u.__i[COUNT]--;
	return 0;
}

int pthread_mutex_consistent(pthread_mutex_t *m)
{
	(void)m;
	return EINVAL; /* never inconsistent: no owner can die holding it */
}

int pthread_mutex_getprioceiling(const pthread_mutex_t *restrict m, int *restrict ceiling)
{
	(void)m;
	*ceiling = 0;
	return 0;
}

int pthread_mutex_setprioceiling(pthread_mutex_t *restrict m, int ceiling, int *restrict old)
{
	(void)m;
	if (old)
		*old = 0;
	return ceiling == 0 ? 0 : EINVAL;
}

/* ---------------------------------------------------------- condition variables */

/* pthread_cond_t's first word: the clock of timed waits (CLOCK_REALTIME is 0). */
int pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict a)
{
	*c = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
	if (a)
		c->__u.__i[0] = (int)(a->__attr & 0xff);
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

int pthread_cond_signal(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

/* No other thread exists to signal it. */
int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m)
{
	(void)c;
	return m->__u.__i[COUNT] == 0 ? EPERM : EDEADLK;
}

int pthread_cond_timedwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m,
                           const struct timespec *restrict deadline)
{
	int count = m->__u.__i[COUNT];

	if (count == 0)
		return EPERM;
	if (!valid_deadline(deadline))
		return EINVAL;
	m->__u.__i[COUNT] = 0;
	porting_sleep_until((clockid_t)c->__u.__i[0], deadline);
	m->__u.__i[COUNT] = count;
	return ETIMEDOUT;
}

/* ---------------------------------------------------------- read-write locks */

enum { READERS, WRITER };

int pthread_rwlock_init(pthread_rwlock_t *restrict l, const pthread_rwlockattr_t *restrict a)
{
	(void)a;
	*l = (pthread_rwlock_t)PTHREAD_RWLOCK_INITIALIZER;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
	return l->__u.__i[READERS] || l->__u.__i[WRITER] ? EBUSY : 0;
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
	if (l->__u.__i[WRITER])
		return EBUSY;
	if (l->__u.__i[READERS] == __INT_MAX__)
		return EAGAIN;
	l->__u.__i[READERS]++;
	return 0;
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
	if (l->__u.__i[WRITER] || l->__u.__i[READERS])
		return EBUSY;
	l->__u.__i[WRITER] = 1;
	return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
	int r = pthread_rwlock_tryrdlock(l);

	return r == EBUSY ? EDEADLK : r;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
	int r = pthread_rwlock_trywrlock(l);

	return r == EBUSY ? EDEADLK : r;
}

static int timed(int r, const struct timespec *deadline)
{
	if (r != EBUSY)
		return r;
	if (!valid_deadline(deadline))
		return EINVAL;
	porting_sleep_until(CLOCK_REALTIME, deadline);
	return ETIMEDOUT;
}

int pthread_rwlock_timedrdlock(pthread_rwlock_t *restrict l, const struct timespec *restrict deadline)
{
	return timed(pthread_rwlock_tryrdlock(l), deadline);
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t *restrict l, const struct timespec *restrict deadline)
{
	return timed(pthread_rwlock_trywrlock(l), deadline);
}

int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
	if (l->__u.__i[WRITER])
		l->__u.__i[WRITER] = 0;
	else if (l->__u.__i[READERS])
		l->__u.__i[READERS]--;
	else
		return EPERM;
	return 0;
}

/* ---------------------------------------------------------- spin locks */

int pthread_spin_init(pthread_spinlock_t *s, int shared)
{
	(void)shared;
	*s = 0;
	return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *s)
{
	return *s ? EBUSY : 0;
}

int pthread_spin_trylock(pthread_spinlock_t *s)
{
	if (*s)
		return EBUSY;
	*s = 1;
	return 0;
}

int pthread_spin_lock(pthread_spinlock_t *s)
{
	return *s ? EDEADLK : pthread_spin_trylock(s);
}

int pthread_spin_unlock(pthread_spinlock_t *s)
{
	*s = 0;
	return 0;
}

/* ---------------------------------------------------------- barriers */

/* The first word: how many threads the barrier waits for. */
int pthread_barrier_init(pthread_barrier_t *restrict b, const pthread_barrierattr_t *restrict a,
                         unsigned count)
{
	(void)a;
	if (count == 0 || count > __INT_MAX__)
		return EINVAL;
	b->__u.__i[0] = (int)count;
	return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
	(void)b;
	return 0;
}

/* A barrier for one thread opens at once; for more, never. */
int pthread_barrier_wait(pthread_barrier_t *b)
{
	return b->__u.__i[0] == 1 ? PTHREAD_BARRIER_SERIAL_THREAD : EDEADLK;
}
