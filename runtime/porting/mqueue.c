/*
 * mqueue.c: POSIX message queues, which wasi-libc declares (mqueue.h) and
 * does not define. A queue is between processes or threads, and a program
 * has neither: every call fails with ENOSYS.
 */
#include <errno.h>
#include <mqueue.h>

static int unsupported(void)
{
	errno = ENOSYS;
	return -1;
}

mqd_t mq_open(const char *name, int flags, ...)
{
	(void)name, (void)flags;
	return (mqd_t)unsupported();
}

int mq_close(mqd_t q)
{
	(void)q;
	return unsupported();
}

int mq_unlink(const char *name)
{
	(void)name;
	return unsupported();
}

int mq_getattr(mqd_t q, struct mq_attr *attr)
{
	(void)q, (void)attr;
	return unsupported();
}

int mq_setattr(mqd_t q, const struct mq_attr *attr, struct mq_attr *old)
{
	(void)q, (void)attr, (void)old;
	return unsupported();
}

int mq_notify(mqd_t q, const struct sigevent *event)
{
	(void)q, (void)event;
	return unsupported();
}

int mq_send(mqd_t q, const char *msg, size_t len, unsigned prio)
{
	(void)q, (void)msg, (void)len, (void)prio;
	return unsupported();
}

ssize_t mq_receive(mqd_t q, char *msg, size_t len, unsigned *prio)
{
	(void)q, (void)msg, (void)len, (void)prio;
	return unsupported();
}

int mq_timedsend(mqd_t q, const char *msg, size_t len, unsigned prio, const struct timespec *at)
{
	(void)q, (void)msg, (void)len, (void)prio, (void)at;
	return unsupported();
}

ssize_t mq_timedreceive(mqd_t q, char *__restrict msg, size_t len, unsigned *__restrict prio,
                        const struct timespec *__restrict at)
{
	(void)q, (void)msg, (void)len, (void)prio, (void)at;
	return unsupported();
}
