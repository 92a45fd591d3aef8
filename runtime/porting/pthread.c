/*
 * pthread.c: the thread functions of <pthread.h> for the one thread a
 * wasm32-wasi process has (WASI preview1 has no threads; the header says
 * why each function does what it does): creation fails with EAGAIN, the
 * thread itself can be named, detached, cancelled and exited, and once,
 * keys, cleanup handlers and attributes really work.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

struct __pthread {
	int cancel_state, cancel_type, cancel_pending;
	struct __ptcb *cleanup;
};

static struct __pthread self;
#define SELF ((pthread_t)&self)

pthread_t pthread_self(void)
{
	return SELF;
}

#undef pthread_equal
int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
                   void *(*start)(void *), void *restrict arg)
{
	(void)thread, (void)attr, (void)start, (void)arg;
	return EAGAIN;
}

int pthread_join(pthread_t thread, void **result)
{
	(void)result;
	return thread == SELF ? EDEADLK : ESRCH;
}

int pthread_detach(pthread_t thread)
{
	return thread == SELF ? 0 : ESRCH;
}

/* ---------------------------------------------------------- keys */

static struct {
	int used;
	void (*destructor)(void *);
	const void *value;
} keys[PTHREAD_KEYS_MAX];

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (!keys[k].used) {
			keys[k].used = 1;
			keys[k].destructor = destructor;
			keys[k].value = NULL;
			*key = k;
			return 0;
		}
	}
	return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
	if (key >= PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	keys[key].used = 0;
	return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
	return key < PTHREAD_KEYS_MAX && keys[key].used ? (void *)keys[key].value : NULL;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key >= PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	keys[key].value = value;
	return 0;
}

/* ---------------------------------------------------------- exit */

void _pthread_cleanup_push(struct __ptcb *cb, void (*f)(void *), void *x)
{
	cb->__f = f;
	cb->__x = x;
	cb->__next = self.cleanup;
	self.cleanup = cb;
}

void _pthread_cleanup_pop(struct __ptcb *cb, int run)
{
	self.cleanup = cb->__next;
	if (run)
		cb->__f(cb->__x);
}

/*
 * The last thread ends: cleanup handlers, then key destructors (while
 * values remain, at most PTHREAD_DESTRUCTOR_ITERATIONS rounds), then the
 * process exits with status 0, as when the last thread of any process ends.
 */
_Noreturn void pthread_exit(void *result)
{
	(void)result;
	while (self.cleanup) {
		struct __ptcb *cb = self.cleanup;

		self.cleanup = cb->__next;
		cb->__f(cb->__x);
	}
	for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		int again = 0;

		for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *v = (void *)keys[k].value;

			if (keys[k].used && v && keys[k].destructor) {
				keys[k].value = NULL;
				keys[k].destructor(v);
				again = 1;
			}
		}
		if (!again)
			break;
	}
	exit(0);
}

/* ---------------------------------------------------------- cancellation */

int pthread_cancel(pthread_t thread)
{
	if (thread != SELF)
		return ESRCH;
	self.cancel_pending = 1;
	if (self.cancel_state == PTHREAD_CANCEL_ENABLE && self.cancel_type == PTHREAD_CANCEL_ASYNCHRONOUS)
		pthread_exit(PTHREAD_CANCELED);
	return 0;
}

void pthread_testcancel(void)
{
	if (self.cancel_pending && self.cancel_state == PTHREAD_CANCEL_ENABLE)
		pthread_exit(PTHREAD_CANCELED);
}

int pthread_setcancelstate(int state, int *old)
{
	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if (old)
		*old = self.cancel_state;
	self.cancel_state = state;
	return 0;
}

int pthread_setcanceltype(int type, int *old)
{
	if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	if (old)
		*old = self.cancel_type;
	self.cancel_type = type;
	return 0;
}

/* ---------------------------------------------------------- once */

int pthread_once(pthread_once_t *once, void (*init)(void))
{
	enum { NEVER, RUNNING, DONE };

	if (*once == DONE)
		return 0;
	if (*once == RUNNING)
		return EDEADLK; /* init calls pthread_once on its own control */
	*once = RUNNING;
	init();
	*once = DONE;
	return 0;
}

/* ---------------------------------------------------------- scheduling, signals */

int pthread_getschedparam(pthread_t thread, int *restrict policy, struct sched_param *restrict param)
{
	if (thread != SELF)
		return ESRCH;
	*policy = SCHED_OTHER;
	memset(param, 0, sizeof *param);
	return 0;
}

int pthread_setschedparam(pthread_t thread, int policy, const struct sched_param *param)
{
	if (thread != SELF)
		return ESRCH;
	return policy == SCHED_OTHER && param->sched_priority == 0 ? 0 : EPERM;
}

int pthread_setschedprio(pthread_t thread, int prio)
{
	if (thread != SELF)
		return ESRCH;
	return prio == 0 ? 0 : EPERM;
}

static int concurrency;

int pthread_getconcurrency(void)
{
	return concurrency;
}

int pthread_setconcurrency(int level)
{
	if (level < 0)
		return EINVAL;
	concurrency = level;
	return 0;
}

/*
 * The thread's CPU clock: WASI's thread CPU-time clock, as
 * CLOCK_THREAD_CPUTIME_ID is, under a clockid of its own, as Linux gives
 * each thread one. wasi-libc's clockid_t points at the WASI clock's number,
 * which clock_gettime and clock_getres read.
 */
struct __clockid {
	__wasi_clockid_t id;
};
static const struct __clockid thread_clock = {__WASI_CLOCKID_THREAD_CPUTIME_ID};

int pthread_getcpuclockid(pthread_t thread, clockid_t *clock)
{
	if (thread != SELF)
		return ESRCH;
	*clock = &thread_clock;
	return 0;
}

/* fork never succeeds, so the handlers never run */
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
	(void)prepare, (void)parent, (void)child;
	return 0;
}

int pthread_kill(pthread_t thread, int sig)
{
	if (thread != SELF)
		return ESRCH;
	if (sig == 0)
		return 0;
	return raise(sig) < 0 ? errno : 0;
}
