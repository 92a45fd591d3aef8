/* schema.h: what a spec may say: the known keys, the shape of their values, the values allowed. */
#ifndef SCHEMA_H
#define SCHEMA_H

#include "spec.h"

/*
 * Checks the merged spec: every key known (at the top; in an artifact,
 * allocator, step, tool, role, the linker table and a template's
 * conditional), every value of its shape, and the values of `state`,
 * `lifetime`, `inputs`, `emit`, a step's `output`, a role's `kind` and a
 * linker option's syntax among those allowed. Returns 0, or -1 with *err
 * set to "FILE:LINE:COL: message" (allocated) at the first problem.
 */
int schema_check(const struct node *spec, char **err);

#endif
