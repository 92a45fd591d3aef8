/*
 * pthread_attr.c: the attribute objects of <pthread.h>. They are kept and
 * reported back, though in a process of one thread nothing is created
 * with them.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

/* The fields of pthread_attr_t's words (wasi-libc's layout: 9 of them). */
enum { STACKSIZE, GUARDSIZE, DETACH, SCOPE, POLICY, PRIORITY, INHERIT, STACKADDR };

#define DEFAULT_STACKSIZE (128 * 1024)

int pthread_attr_init(pthread_attr_t *a)
{
	memset(a, 0, sizeof *a);
	a->__u.__s[STACKSIZE] = DEFAULT_STACKSIZE;
	a->__u.__s[GUARDSIZE] = 0;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	(void)a;
	return 0;
}

#define GETSET(name, field, type, check)                                        \
	int pthread_attr_get##name(const pthread_attr_t *restrict a, type *restrict v) \
	{                                                                       \
		*v = (type)a->__u.__s[field];                                   \
		return 0;                                                       \
	}                                                                       \
	int pthread_attr_set##name(pthread_attr_t *a, type v)                   \
	{                                                                       \
		if (!(check))                                                   \
			return EINVAL;                                          \
		a->__u.__s[field] = (unsigned long)v;                           \
		return 0;                                                       \
	}

GETSET(guardsize, GUARDSIZE, size_t, 1)
GETSET(stacksize, STACKSIZE, size_t, v >= PTHREAD_STACK_MIN)
GETSET(detachstate, DETACH, int, v == PTHREAD_CREATE_JOINABLE || v == PTHREAD_CREATE_DETACHED)
GETSET(scope, SCOPE, int, v == PTHREAD_SCOPE_SYSTEM || v == PTHREAD_SCOPE_PROCESS)
GETSET(schedpolicy, POLICY, int, v == SCHED_OTHER || v == SCHED_FIFO || v == SCHED_RR)
GETSET(inheritsched, INHERIT, int, v == PTHREAD_INHERIT_SCHED || v == PTHREAD_EXPLICIT_SCHED)

int pthread_attr_getschedparam(const pthread_attr_t *restrict a, struct sched_param *restrict p)
{
	memset(p, 0, sizeof *p);
	p->sched_priority = (int)a->__u.__s[PRIORITY];
	return 0;
}

int pthread_attr_setschedparam(pthread_attr_t *restrict a, const struct sched_param *restrict p)
{
	a->__u.__s[PRIORITY] = (unsigned long)p->sched_priority;
	return 0;
}

int pthread_attr_getstack(const pthread_attr_t *restrict a, void **restrict addr, size_t *restrict size)
{
	*addr = (void *)a->__u.__s[STACKADDR];
	*size = a->__u.__s[STACKSIZE];
	return 0;
}

int pthread_attr_setstack(pthread_attr_t *a, void *addr, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->__u.__s[STACKADDR] = (unsigned long)addr;
	a->__u.__s[STACKSIZE] = size;
	return 0;
}

/* mutex, condition, read-write lock and barrier attributes: bit fields of one word */
#define FIELD(word, shift, bits) (((word) >> (shift)) & ((1u << (bits)) - 1))
#define SETFIELD(word, shift, bits, v) \
	((word) = ((word) & ~(((1u << (bits)) - 1) << (shift))) | ((unsigned)(v) << (shift)))

enum { M_TYPE = 0, M_PSHARED = 2, M_ROBUST = 3, M_PROTOCOL = 4 };

int pthread_mutexattr_init(pthread_mutexattr_t *a) { a->__attr = 0; return 0; }
int pthread_mutexattr_destroy(pthread_mutexattr_t *a) { (void)a; return 0; }

#define ATTRFIELD(object, name, shift, bits, check)                                   \
	int pthread_##object##_get##name(const pthread_##object##_t *restrict a, int *restrict v) \
	{                                                                             \
		*v = (int)FIELD(a->__attr, shift, bits);                              \
		return 0;                                                             \
	}                                                                             \
	int pthread_##object##_set##name(pthread_##object##_t *a, int v)              \
	{                                                                             \
		if (!(check))                                                         \
			return EINVAL;                                                \
		SETFIELD(a->__attr, shift, bits, v);                                  \
		return 0;                                                             \
	}

ATTRFIELD(mutexattr, type, M_TYPE, 2, v >= PTHREAD_MUTEX_NORMAL && v <= PTHREAD_MUTEX_ERRORCHECK)
ATTRFIELD(mutexattr, pshared, M_PSHARED, 1, v == PTHREAD_PROCESS_PRIVATE || v == PTHREAD_PROCESS_SHARED)
ATTRFIELD(mutexattr, robust, M_ROBUST, 1, v == PTHREAD_MUTEX_STALLED || v == PTHREAD_MUTEX_ROBUST)
ATTRFIELD(mutexattr, protocol, M_PROTOCOL, 2, v >= PTHREAD_PRIO_NONE && v <= PTHREAD_PRIO_PROTECT)

int pthread_condattr_init(pthread_condattr_t *a) { a->__attr = 0; return 0; }
int pthread_condattr_destroy(pthread_condattr_t *a) { (void)a; return 0; }
ATTRFIELD(condattr, pshared, 31, 1, v == PTHREAD_PROCESS_PRIVATE || v == PTHREAD_PROCESS_SHARED)

int pthread_condattr_getclock(const pthread_condattr_t *restrict a, clockid_t *restrict clock)
{
	*clock = (clockid_t)FIELD(a->__attr, 0, 8);
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	SETFIELD(a->__attr, 0, 8, (unsigned)clock);
	return 0;
}

int pthread_barrierattr_init(pthread_barrierattr_t *a) { a->__attr = 0; return 0; }
int pthread_barrierattr_destroy(pthread_barrierattr_t *a) { (void)a; return 0; }
ATTRFIELD(barrierattr, pshared, 0, 1, v == PTHREAD_PROCESS_PRIVATE || v == PTHREAD_PROCESS_SHARED)

int pthread_rwlockattr_init(pthread_rwlockattr_t *a) { memset(a, 0, sizeof *a); return 0; }
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a) { (void)a; return 0; }

int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *restrict a, int *restrict v)
{
	*v = (int)a->__attr[0];
	return 0;
}

int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *a, int v)
{
	if (v != PTHREAD_PROCESS_PRIVATE && v != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	a->__attr[0] = (unsigned)v;
	return 0;
}
