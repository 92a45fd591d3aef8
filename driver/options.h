/* options.h: the option table and what a command line asks for. */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

enum opt_syntax { FLAG, JOINED, SEPARATE, JOINED_OR_SEPARATE, COMMA };
enum opt_dest { DRIVER, COMPILE, LINK, IGNORED };

enum opt_id {
#define OPT(id, spelling, aliases, syntax, dest, metavar, values, help) OPT_##id,
#define ALIAS(id, spelling, target, value, help) OPT_##id,
#include "options.def"
#undef OPT
#undef ALIAS
	OPT_UNKNOWN,
};

struct option {
	enum opt_id id;
	const char *spelling;
	const char *aliases; /* other spellings, separated by spaces, or NULL */
	enum opt_syntax syntax;
	enum opt_dest dest;
	const char *metavar;
	const char *values;  /* "a|b", "@mapping" of the spec, or NULL */
	const char *help;
	enum opt_id alias_of;      /* an ALIAS row: the option it is */
	const char *alias_value;   /* an ALIAS row: with this value; NULL for an OPT row */
};

extern const struct option option_table[];
extern const size_t option_count;

enum mode { MODE_LINK, MODE_PREPROCESS, MODE_SYNTAX, MODE_ASSEMBLY, MODE_COMPILE };

/* An input file, with the language -x gave it (NULL: by its suffix). */
struct input {
	const char *path;
	const char *lang;
	int is_source; /* compiled by clang, else handed to the linker */
	int is_cxx;    /* C++: compiled with libc++'s headers */
	int is_preprocessed; /* .i, .ii: no header is searched, so no include directories */
};

/*
 * One word of the link line, in command-line order: an input (by index, so
 * that a compiled source can stand where it was named) or a flag. Words
 * from -Wl, and -Xlinker carry a group number: consecutive ones form one
 * group, so that an unknown linker option can take its values with it.
 */
struct link_word {
	const char *arg;
	int input;      /* index into inputs, or -1 */
	int group;      /* 0: not from -Wl,/-Xlinker */
};

/* An option that asks the driver something (--help, -print-file-name=x). */
struct query {
	enum opt_id id;
	const char *value;
};

struct invocation {
	enum mode mode;
	int mode_given;        /* -c, -S or -E was given explicitly */
	int implies_preprocess;/* -M or -MM */
	const char *output;
	int verbose, dry_run, debug, strip;
	const char *optimize;  /* the last -O's level as wasm-opt spells it (1 2 3 s z), NULL for -O0 */
	int no_exceptions;     /* the last of -fexceptions, -fno-exceptions is -fno-exceptions */
	int cxx;               /* invoked as c++: C sources are C++, libc++ is linked */
	int cpp;               /* invoked as cpp: preprocess only */
	int nostartfiles, nodefaultlibs;
	int static_link;    /* -static */
	int export_dynamic; /* -rdynamic, -Wl,-E */
	int linker_query;   /* -Wl,--version or -Wl,--help: ask the linker, link nothing */
	struct query *queries; /* --version, -print-*...: answered in order, then exit */
	size_t nqueries;
	/* the flags that ask for an artifact kind, in order: the kind's name, or NULL for the kind whose
	   spec `flags:` list the flag (artifact_resolve, once the specs are read, checks they agree) */
	struct artifact_ask { const char *name, *flag; } *artifact_asks;
	size_t nartifact_asks;
	const char *artifact;  /* spec name of what to produce (artifact_resolve); NULL: the default */
	const char *artifact_flag; /* the flag that chose it, for messages */
	const char *emit;      /* "core", "component", "header" or NULL */
	const char *wit;       /* --wit=: the WIT world of a typed command (doc/typed-main.md) */
	const char *allocator; /* spec name of the liballoc implementation; NULL: the default */
	const char *sysroot;
	enum { HOST_DIRS_WARN, HOST_DIRS_OFF, HOST_DIRS_ERROR } host_dirs; /* -W[no-|error=]host-dirs */
	struct strvec dir_flags; /* -I, -isystem, -iquote, -idirafter, -L: the flag, then its directory */
	struct strvec specs;   /* --specs= files, in order */
	const char *spec_cache_dir; /* -write-spec-cache=: write it, then exit */
	struct strvec env;     /* --env= names, checked, without duplicates */
	int no_env_from_source; /* the last of -f[no-]env-from-source is -fno-env-from-source */
	struct strvec dl_openable; /* --dl-openable= words, for the dylink words (steps/complink/link.c) */
	struct strvec ports;   /* --use-port= names, in order */
	struct strvec compile_args;
	struct input *inputs;
	size_t ninputs, inputs_cap;
	struct link_word *link;
	size_t nlink, link_cap;
};

/* Sets what the program name asks for: wasm32-wasi-c++ and -cpp. */
void mode_from_name(struct invocation *inv, const char *name);

/* Parses argv (response files already expanded); usage errors are fatal. */
void parse_args(struct invocation *inv, int argc, char **argv);

/* Appends a word to the link line, after what is there (a flag, not an input). */
void add_link_word(struct invocation *inv, const char *arg);

/*
 * Whether word alone asks for an artifact kind, as parse_args takes it: 1
 * with *name the kind, or NULL for the kind whose spec `flags:` list word
 * (-mexec-model=reactor); 0 when it asks for none.
 */
int option_selects_artifact(const char *word, const char **name);

/* Expands @file arguments, recursively, as GCC does. */
void expand_response_files(int *argc, char ***argv);

/* The k-th spelling of o (0: its own, then its aliases) and its syntax; 0 when there is none. */
int option_spelling(const struct option *o, size_t k, const char **s, size_t *n,
                    enum opt_syntax *syntax);
/* The k-th word of a list separated by sep, as *w and *n; 0 when there is none. */
int list_word(const char *list, char sep, size_t k, const char **w, size_t *n);

/* The suffixes of C and of C++ sources (NULL-terminated); others are linker inputs. */
extern const char *const c_suffixes[];
extern const char *const cxx_suffixes[];

/* Prints --help from the option table. */
void print_option_help(FILE *f);

#endif
