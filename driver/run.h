/* run.h: running a plan's steps, and moving the finished output into place. */
#ifndef RUN_H
#define RUN_H

#include "plan.h"

/* Runs every step (prints them with -v, only prints them with -###); fatal on a failure. */
void run_plan(const struct plan *p, const struct invocation *inv);

/*
 * Replaces the driver with a one-step plan's command: the compile-only
 * path costs no more than clang itself. Returns only with -### or when the
 * step is a builtin, which runs in-process.
 */
void exec_plan(const struct plan *p, const struct invocation *inv);

#endif
