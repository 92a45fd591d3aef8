/*
 * rlimit.c: resource limits, for wasm32-wasi. Nothing enforces a limit, so
 * the limits are what the program really has: RLIMIT_STACK its stack (the
 * linker's __stack_low and __stack_high; in a dynamic program the
 * allocator's), RLIMIT_AS and RLIMIT_DATA the 4 GiB a wasm32 memory can
 * grow to, RLIMIT_CORE 0 (no core files), RLIMIT_NOFILE 1024 (a finite
 * number, which loops closing every descriptor up to it need; what
 * getdtablesize says), the rest unlimited. setrlimit
 * may lower a limit or raise it back up to its maximum; getrlimit then
 * reports the new value, which is recorded, not enforced. The nice value
 * (getpriority, setpriority) is kept the same way.
 */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

extern char __stack_low[] __attribute__((weak));
extern char __stack_high[] __attribute__((weak));

static struct rlimit limits[RLIMIT_NLIMITS];
static int known;

static void init(void)
{
	rlim_t memory = (rlim_t)1 << 32;

	for (int i = 0; i < RLIMIT_NLIMITS; i++)
		limits[i].rlim_cur = limits[i].rlim_max = RLIM_INFINITY;
	if (__stack_high && __stack_high > __stack_low) /* the stack may start at 0 */
		limits[RLIMIT_STACK].rlim_cur = limits[RLIMIT_STACK].rlim_max =
			(rlim_t)(__stack_high - __stack_low);
	limits[RLIMIT_AS].rlim_cur = limits[RLIMIT_AS].rlim_max = memory;
	limits[RLIMIT_DATA].rlim_cur = limits[RLIMIT_DATA].rlim_max = memory;
	limits[RLIMIT_CORE].rlim_cur = limits[RLIMIT_CORE].rlim_max = 0;
	limits[RLIMIT_NOFILE].rlim_cur = limits[RLIMIT_NOFILE].rlim_max = 1024;
	known = 1;
}

int getrlimit(int resource, struct rlimit *rl)
{
	if (resource < 0 || resource >= RLIMIT_NLIMITS) {
		errno = EINVAL;
		return -1;
	}
	if (!known)
		init();
	*rl = limits[resource];
	return 0;
}

int setrlimit(int resource, const struct rlimit *rl)
{
	if (resource < 0 || resource >= RLIMIT_NLIMITS || rl->rlim_cur > rl->rlim_max) {
		errno = EINVAL;
		return -1;
	}
	if (!known)
		init();
	if (rl->rlim_max > limits[resource].rlim_max) {
		errno = EPERM;
		return -1;
	}
	limits[resource] = *rl;
	return 0;
}

/*
 * The nice value: 0 at first. The program's user is 0, who may set any, and
 * it is kept within Linux's -20..19 (clamped, as Linux does); no scheduler
 * reads it. The program's process is its group (its pid) and its user's
 * only process: any other is not there (ESRCH).
 */
static int niceness;

static int ours(int which, id_t who)
{
	switch (which) {
	case PRIO_PROCESS:
	case PRIO_PGRP:
		if (who == 0 || who == (id_t)getpid())
			return 1;
		break;
	case PRIO_USER:
		if (who == 0)
			return 1;
		break;
	default:
		errno = EINVAL;
		return 0;
	}
	errno = ESRCH;
	return 0;
}

int getpriority(int which, id_t who)
{
	return ours(which, who) ? niceness : -1;
}

int setpriority(int which, id_t who, int prio)
{
	if (!ours(which, who))
		return -1;
	niceness = prio < -20 ? -20 : prio > 19 ? 19 : prio;
	return 0;
}
