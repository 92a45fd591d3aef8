/*
 * sys/resource.h: wasi-libc's (with its process-clock emulation), with the
 * resource limits it leaves out (runtime/porting/rlimit.c; doc/porting.md):
 * RLIMIT_STACK is the program's real stack, RLIMIT_AS and RLIMIT_DATA the
 * 4 GiB a wasm32 memory can reach, the rest unlimited; setrlimit records
 * values getrlimit then reports, but nothing enforces them.
 */
#ifndef __wasm32_wasi_cc_sys_resource_h
#define __wasm32_wasi_cc_sys_resource_h

#ifndef _WASI_EMULATED_PROCESS_CLOCKS
#define _WASI_EMULATED_PROCESS_CLOCKS
#endif
#include_next <sys/resource.h>

#ifdef __cplusplus
extern "C" {
#endif

#define __NEED_id_t
#include <bits/alltypes.h>

typedef unsigned long long rlim_t;

struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};

#define RLIM_INFINITY (~0ULL)
#define RLIM_SAVED_CUR RLIM_INFINITY
#define RLIM_SAVED_MAX RLIM_INFINITY

#define RLIMIT_CPU     0
#define RLIMIT_FSIZE   1
#define RLIMIT_DATA    2
#define RLIMIT_STACK   3
#define RLIMIT_CORE    4
#define RLIMIT_RSS     5
#define RLIMIT_NPROC   6
#define RLIMIT_NOFILE  7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS      9
#define RLIMIT_LOCKS   10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE    13
#define RLIMIT_RTPRIO  14
#define RLIMIT_RTTIME  15
#define RLIMIT_NLIMITS 16
#define RLIM_NLIMITS   RLIMIT_NLIMITS

#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2

int getrlimit(int, struct rlimit *);
int setrlimit(int, const struct rlimit *);
int getpriority(int, id_t);
int setpriority(int, id_t, int);

#ifdef __cplusplus
}
#endif

#endif
