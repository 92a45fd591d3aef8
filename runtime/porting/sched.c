/*
 * sched.c: the scheduling interface of <sched.h> for a wasm32-wasi process:
 * no scheduler to ask, so the policy is SCHED_OTHER with priority 0 (the
 * only one), and nothing can change it.
 */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

/*
 * Only the program's own process can be looked at: its parent (getppid) is
 * outside the program's world (EPERM), any other is not there (ESRCH).
 */
static int self(pid_t pid)
{
	if (pid == 0 || pid == getpid())
		return 1;
	errno = pid < 0 ? EINVAL : pid == getppid() ? EPERM : ESRCH;
	return 0;
}

int sched_get_priority_max(int policy)
{
	if (policy != SCHED_OTHER && policy != SCHED_FIFO && policy != SCHED_RR &&
	    policy != SCHED_BATCH && policy != SCHED_IDLE) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

int sched_get_priority_min(int policy)
{
	return sched_get_priority_max(policy);
}

int sched_getscheduler(pid_t pid)
{
	return self(pid) ? SCHED_OTHER : -1;
}

int sched_getparam(pid_t pid, struct sched_param *param)
{
	if (!self(pid))
		return -1;
	memset(param, 0, sizeof *param);
	return 0;
}

int sched_setparam(pid_t pid, const struct sched_param *param)
{
	return sched_setscheduler(pid, SCHED_OTHER, param);
}

int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param)
{
	if (!self(pid))
		return -1;
	if (policy != SCHED_OTHER || param->sched_priority != 0) {
		errno = EPERM;
		return -1;
	}
	return 0;
}

/* No time slices: a round-robin quantum of 0 says so. */
int sched_rr_get_interval(pid_t pid, struct timespec *t)
{
	if (!self(pid))
		return -1;
	t->tv_sec = 0;
	t->tv_nsec = 0;
	return 0;
}
