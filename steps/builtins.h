/* builtins.h: steps the driver runs in-process instead of spawning a tool. */
#ifndef BUILTINS_H
#define BUILTINS_H

#include <stddef.h>
#include <stdio.h>

/*
 * A spec tool with `builtin: NAME` (instead of `path:`) names one of these.
 * It is called with the step's argv as a program would be (argv[0] is NAME)
 * and returns 0, or -1 with *err set to an allocated one-line message
 * ("FILE: what is wrong"); it must not print, exit, or leave partial output.
 */
typedef int builtin_fn(int argc, char **argv, char **err);

/* declare-env.c: declare-env [--no-source] INPUT OUTPUT [NAME...] records the --env names and those found in the source. */
int builtin_declare_env(int argc, char **argv, char **err);
/* scan-env.c: scan-env [LINK-STRIP-FLAG...] -o OUTPUT INPUT records the names a module passes to getenv as literals. */
int builtin_scan_env(int argc, char **argv, char **err);
/* What is wrong with an environment variable name ("contains '='"), or NULL. */
const char *env_name_problem(const char *name);
/* -v: the names the command at file declares, one a line, those --env did not give marked as from the source. */
struct strvec;
void env_print_declared(FILE *f, const char *file, const struct strvec *given);
/* s on one line: control bytes, and bytes past ASCII when s is no UTF-8, as \xNN (allocated). */
char *env_name_printable(const char *s);
/* component-wrap.c: component-wrap --templates DIR -o OUTPUT INPUT makes a command component. */
int builtin_component_wrap(int argc, char **argv, char **err);
int builtin_component_link(int argc, char **argv, char **err);
/* dll-exports.c: dll-exports -o OUTPUT WORD... writes the export rule's linker words for a dll. */
int builtin_dll_exports(int argc, char **argv, char **err);
/* dylink.c: dylink [--dll] -o OUTPUT INPUT WORD... gives a linked dll or dynamic executable its two-level namespace. */
int builtin_dylink(int argc, char **argv, char **err);

/* witsteps.c: a typed command's steps (--wit=, doc/typed-main.md): wit-header WIT OUTPUT, wit-glue WIT OUTPUT,
 * wit-embed WIT CORE OUTPUT (the world for jco new), wit-main WIT COMPONENT OUTPUT (the signature as JSON). */
int builtin_wit_header(int argc, char **argv, char **err);
int builtin_wit_glue(int argc, char **argv, char **err);
int builtin_wit_embed(int argc, char **argv, char **err);
int builtin_wit_main(int argc, char **argv, char **err);

/* check-exports.c: check-exports FILE ALLOWED... refuses other exports of a command. */
int builtin_check_exports(int argc, char **argv, char **err);

/* The builtin of that name, or NULL. */
builtin_fn *find_builtin(const char *name);

#endif
