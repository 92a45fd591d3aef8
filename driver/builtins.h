/* builtins.h: steps the driver runs in-process instead of spawning a tool. */
#ifndef BUILTINS_H
#define BUILTINS_H

/*
 * A spec tool with `builtin: NAME` (instead of `path:`) names one of these.
 * It is called with the step's argv as a program would be (argv[0] is NAME)
 * and returns 0, or -1 with *err set to an allocated one-line message
 * ("FILE: what is wrong"); it must not print, exit, or leave partial output.
 */
typedef int builtin_fn(int argc, char **argv, char **err);

/* envdecl.c: declare-env INPUT OUTPUT [NAME...] records the --env names. */
int builtin_declare_env(int argc, char **argv, char **err);
/* wrap.c: component-wrap --templates DIR -o OUTPUT INPUT makes a command component. */
int builtin_component_wrap(int argc, char **argv, char **err);

/* The builtin of that name, or NULL. */
builtin_fn *find_builtin(const char *name);

#endif
