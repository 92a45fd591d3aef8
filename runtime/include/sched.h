/*
 * sched.h: wasi-libc's (sched_yield), with the scheduling interface it
 * leaves out. One process with one thread and no scheduler to ask: the
 * policy is SCHED_OTHER with priority 0, and cannot change (EPERM)
 * (runtime/porting/sched.c).
 */
#ifndef __wasm32_wasi_cc_sched_h
#define __wasm32_wasi_cc_sched_h

#include_next <sched.h>

#ifdef __cplusplus
extern "C" {
#endif

struct sched_param {
	int sched_priority;
	int __reserved[7];
};

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5

int sched_get_priority_max(int);
int sched_get_priority_min(int);
int sched_getparam(pid_t, struct sched_param *);
int sched_getscheduler(pid_t);
int sched_rr_get_interval(pid_t, struct timespec *);
int sched_setparam(pid_t, const struct sched_param *);
int sched_setscheduler(pid_t, int, const struct sched_param *);

#ifdef __cplusplus
}
#endif

#endif
