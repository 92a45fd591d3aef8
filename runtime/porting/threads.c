/*
 * threads.c: C11's <threads.h>, which wasi-libc declares but does not
 * define, on top of the single-threaded pthreads of this layer: the same
 * behaviour, in C11's result codes (thrd_error where pthreads give an
 * errno, thrd_timedout for ETIMEDOUT, thrd_busy for EBUSY).
 */
#include <errno.h>
#include <pthread.h>
#include <threads.h>

static int result(int r)
{
	switch (r) {
	case 0: return thrd_success;
	case EBUSY: return thrd_busy;
	case ETIMEDOUT: return thrd_timedout;
	case ENOMEM: return thrd_nomem;
	default: return thrd_error;
	}
}

int thrd_create(thrd_t *thread, thrd_start_t start, void *arg)
{
	(void)thread, (void)start, (void)arg;
	return thrd_error;
}

_Noreturn void thrd_exit(int status)
{
	pthread_exit((void *)(long)status);
}

int thrd_detach(thrd_t thread)
{
	return result(pthread_detach((pthread_t)thread));
}

int thrd_join(thrd_t thread, int *status)
{
	(void)status;
	return result(pthread_join((pthread_t)thread, NULL));
}

int thrd_sleep(const struct timespec *duration, struct timespec *remaining)
{
	if (nanosleep(duration, remaining) == 0)
		return 0;
	return errno == EINTR ? -1 : -2;
}

void thrd_yield(void)
{
	sched_yield();
}

thrd_t thrd_current(void)
{
	return (thrd_t)pthread_self();
}

#undef thrd_equal
int thrd_equal(thrd_t a, thrd_t b)
{
	return a == b;
}

void call_once(once_flag *flag, void (*init)(void))
{
	pthread_once((pthread_once_t *)flag, init);
}

/* mtx_t and cnd_t have the layout of pthread_mutex_t and pthread_cond_t. */
int mtx_init(mtx_t *m, int type)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, type & mtx_recursive ? PTHREAD_MUTEX_RECURSIVE : PTHREAD_MUTEX_NORMAL);
	return result(pthread_mutex_init((pthread_mutex_t *)m, &a));
}

void mtx_destroy(mtx_t *m)
{
	pthread_mutex_destroy((pthread_mutex_t *)m);
}

int mtx_lock(mtx_t *m)
{
	return result(pthread_mutex_lock((pthread_mutex_t *)m));
}

int mtx_trylock(mtx_t *m)
{
	return result(pthread_mutex_trylock((pthread_mutex_t *)m));
}

int mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict deadline)
{
	return result(pthread_mutex_timedlock((pthread_mutex_t *)m, deadline));
}

int mtx_unlock(mtx_t *m)
{
	return result(pthread_mutex_unlock((pthread_mutex_t *)m));
}

int cnd_init(cnd_t *c)
{
	return result(pthread_cond_init((pthread_cond_t *)c, NULL));
}

void cnd_destroy(cnd_t *c)
{
	pthread_cond_destroy((pthread_cond_t *)c);
}

int cnd_signal(cnd_t *c)
{
	return result(pthread_cond_signal((pthread_cond_t *)c));
}

int cnd_broadcast(cnd_t *c)
{
	return result(pthread_cond_broadcast((pthread_cond_t *)c));
}

int cnd_wait(cnd_t *c, mtx_t *m)
{
	return result(pthread_cond_wait((pthread_cond_t *)c, (pthread_mutex_t *)m));
}

int cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m, const struct timespec *restrict deadline)
{
	return result(pthread_cond_timedwait((pthread_cond_t *)c, (pthread_mutex_t *)m, deadline));
}

int tss_create(tss_t *key, tss_dtor_t destructor)
{
	return result(pthread_key_create((pthread_key_t *)key, destructor));
}

void tss_delete(tss_t key)
{
	pthread_key_delete((pthread_key_t)key);
}

void *tss_get(tss_t key)
{
	return pthread_getspecific((pthread_key_t)key);
}

int tss_set(tss_t key, void *value)
{
	return result(pthread_setspecific((pthread_key_t)key, value));
}
