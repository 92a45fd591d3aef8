/* options.c: matching words against the option table, and what each asks for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "options.h"

/* In the order of options.def, as enum opt_id: option_table[id] is the option id. */
const struct option option_table[] = {
#define OPT(id, spelling, aliases, syntax, dest, metavar, values, help) \
	{OPT_##id, spelling, aliases, syntax, dest, metavar, values, help, OPT_UNKNOWN, NULL},
#define ALIAS(id, spelling, target, value, help) \
	{OPT_##id, spelling, NULL, FLAG, DRIVER, NULL, NULL, help, OPT_##target, value},
#include "options.def"
#undef OPT
#undef ALIAS
};
const size_t option_count = LEN(option_table);

const char *const c_suffixes[] = {".c", ".i", ".s", ".S", ".ll", ".bc", NULL};
const char *const cxx_suffixes[] = {".cc", ".cp", ".cpp", ".cxx", ".c++", ".C", ".ii", NULL};

static int suffix_in(const char *path, const char *const *suffixes)
{
	const char *dot = strrchr(base_name(path), '.');

	for (size_t i = 0; dot && suffixes[i]; i++)
		if (strcmp(dot, suffixes[i]) == 0)
			return 1;
	return 0;
}

void mode_from_name(struct invocation *inv, const char *name)
{
	inv->cxx = has_suffix(name, "c++") || has_suffix(name, "g++");
	inv->cpp = strcmp(name, "cpp") == 0 || has_suffix(name, "-cpp");
	if (inv->cpp) {
		inv->mode = MODE_PREPROCESS;
		inv->mode_given = 1;
	}
}

int list_word(const char *list, char sep, size_t k, const char **w, size_t *n)
{
	while (list && *list) {
		const char *end = strchr(list, sep);
		size_t len = end ? (size_t)(end - list) : strlen(list);

		if (k-- == 0) {
			*w = list;
			*n = len;
			return 1;
		}
		list = end ? end + 1 : list + len;
	}
	return 0;
}

int option_spelling(const struct option *o, size_t k, const char **s, size_t *n,
                    enum opt_syntax *syntax)
{
	if (k == 0) {
		*s = o->spelling;
		*n = strlen(o->spelling);
	} else if (!list_word(o->aliases, ' ', k - 1, s, n)) {
		return 0;
	}
	*syntax = o->syntax;
	if (k > 0 && o->syntax == JOINED && (*s)[*n - 1] != '=')
		*syntax = SEPARATE;
	return 1;
}

/* What a word matched: an option, by which spelling, with what syntax. */
struct match {
	const struct option *o;
	size_t len; /* of the spelling */
	enum opt_syntax syntax;
};

/* The longest spelling that matches arg (m.o NULL for none). */
static struct match match(const char *arg)
{
	struct match best = {0};

	for (size_t i = 0; i < option_count; i++) {
		const struct option *o = &option_table[i];
		enum opt_syntax syntax;
		const char *s;
		size_t n;

		for (size_t k = 0; option_spelling(o, k, &s, &n, &syntax); k++) {
			int ok = strncmp(arg, s, n) == 0;

			if (syntax == FLAG || syntax == SEPARATE)
				ok = ok && arg[n] == '\0';
			if (ok && n > best.len)
				best = (struct match){o, n, syntax};
		}
	}
	return best;
}

/*
 * -O's level as wasm-opt spells it, for the optimizer step after the link:
 * -O is -O1 and -Og optimizes as -O1 (clang), -Ofast and -O4 or above as
 * -O3; NULL for -O0.
 */
static const char *optimize_level(const char *value)
{
	if (strcmp(value, "0") == 0)
		return NULL;
	if (!*value || strcmp(value, "1") == 0 || strcmp(value, "g") == 0)
		return "1";
	if (strcmp(value, "s") == 0 || strcmp(value, "z") == 0 || strcmp(value, "2") == 0)
		return value;
	if (strcmp(value, "fast") == 0 || (*value >= '3' && *value <= '9'))
		return "3";
	return "2";
}

/* Whether the option's `values` (a|b; @mapping and NULL: any) allow value. */
static int value_allowed(const struct option *o, const char *value)
{
	const char *w;
	size_t n;

	if (!o->values || o->values[0] == '@')
		return 1;
	for (size_t k = 0; list_word(o->values, '|', k, &w, &n); k++)
		if (strlen(value) == n && strncmp(value, w, n) == 0)
			return 1;
	return 0;
}

/* Refuses a value the option's `values` do not list: "expected a, b or c". */
static void check_value(const struct option *o, const char *word, const char *value)
{
	const char *w;
	size_t n, k, count = 0;
	char *list;

	if (value_allowed(o, value))
		return;
	for (k = 0; list_word(o->values, '|', k, &w, &n); k++)
		;
	list = xcalloc(1, strlen(o->values) * 2 + 1);
	for (count = k, k = 0; list_word(o->values, '|', k, &w, &n); k++) {
		if (k)
			strcat(list, k + 1 == count ? " or " : ", ");
		strncat(list, w, n);
	}
	usage_error("%s: expected %s", word, list);
}

int option_selects_artifact(const char *word, const char **name)
{
	struct match m = match(word);
	const struct option *o = m.o;
	const char *value = m.syntax == JOINED ? word + m.len : NULL;

	if (!o || (m.syntax != FLAG && m.syntax != JOINED))
		return 0;
	if (o->alias_value) {
		value = o->alias_value;
		o = &option_table[o->alias_of];
	}
	if (o->id == OPT_ARTIFACT && value && *value) {
		*name = value;
		return 1;
	}
	if (o->id == OPT_WIT && value && !*value) {
		*name = NULL;
		return 1;
	}
	if (o->id == OPT_EXEC_MODEL && value_allowed(o, value)) {
		*name = NULL;
		return 1;
	}
	return 0;
}

static void add_input(struct invocation *inv, const char *path, const char *lang)
{
	struct input *in;

	if (inv->ninputs == inv->inputs_cap) {
		inv->inputs_cap = inv->inputs_cap ? inv->inputs_cap * 2 : 8;
		inv->inputs = xreallocarray(inv->inputs, inv->inputs_cap, sizeof(*inv->inputs));
	}
	in = &inv->inputs[inv->ninputs++];
	/* c++ compiles C sources as C++, as g++ does */
	if (!lang && inv->cxx && has_suffix(path, ".c"))
		lang = "c++";
	in->path = path;
	in->lang = lang;
	in->is_cxx = lang ? has_prefix(lang, "c++") : suffix_in(path, cxx_suffixes);
	in->is_preprocessed = lang ? strstr(lang, "cpp-output") != NULL
	                           : has_suffix(path, ".i") || has_suffix(path, ".ii");
	in->is_source = lang != NULL || strcmp(path, "-") == 0 || in->is_cxx ||
	                suffix_in(path, c_suffixes);
}

static void add_link(struct invocation *inv, const char *arg, int input, int group)
{
	/* the linker's spellings of -rdynamic: the driver's export rule, as for dlls */
	if (group && (strcmp(arg, "-E") == 0 || strcmp(arg, "--export-dynamic") == 0 ||
	              strcmp(arg, "-export-dynamic") == 0))
		inv->export_dynamic = 1;
	if (group && (strcmp(arg, "--version") == 0 || strcmp(arg, "-version") == 0 ||
	              strcmp(arg, "--help") == 0 || strcmp(arg, "-help") == 0))
		inv->linker_query = 1;
	if (inv->nlink == inv->link_cap) {
		inv->link_cap = inv->link_cap ? inv->link_cap * 2 : 16;
		inv->link = xreallocarray(inv->link, inv->link_cap, sizeof(*inv->link));
	}
	inv->link[inv->nlink++] = (struct link_word){arg, input, group};
}

void add_link_word(struct invocation *inv, const char *arg)
{
	add_link(inv, arg, -1, 0);
}

/* The artifact kind name (NULL: the one whose spec `flags:` list flag), asked for by flag. */
static void ask_artifact(struct invocation *inv, const char *name, const char *flag)
{
	inv->artifact_asks = xreallocarray(inv->artifact_asks, inv->nartifact_asks + 1, sizeof(*inv->artifact_asks));
	inv->artifact_asks[inv->nartifact_asks++] = (struct artifact_ask){name, flag};
}

static void set_mode(struct invocation *inv, enum mode m)
{
	/* as with cc, the last of -c -S -E that stops earliest wins */
	if (!inv->mode_given || m < inv->mode)
		inv->mode = m;
	inv->mode_given = 1;
}

static void set_target(const char *triple)
{
	if (strcmp(triple, "wasm32-wasi") && strcmp(triple, "wasm32-wasip1") &&
	    strcmp(triple, "wasm32-unknown-wasi") && strcmp(triple, "wasm32-unknown-wasip1"))
		usage_error("unsupported target '%s' (this driver targets wasm32-wasi only)", triple);
}

/*
 * --env=A,B: the names of the environment variables a command reads, Typed
 * Main's level 0 (doc/design.md): checked here, when the command is linked,
 * by the rule of declare-env.c, rather than when the runner reads them.
 */
static void add_env_names(struct invocation *inv, const char *word, const char *value)
{
	const char *p = value;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		char *name = xstrndup(p, n);
		const char *why = env_name_problem(name);
		size_t i;

		if (n == 0)
			usage_error("%s: empty environment variable name", env_name_printable(word));
		if (why)
			usage_error("%s: environment variable name '%s' %s", env_name_printable(word),
			            env_name_printable(name), why);
		for (i = 0; i < inv->env.len && strcmp(inv->env.v[i], name) != 0; i++)
			;
		if (i == inv->env.len)
			strvec_push(&inv->env, name);
		else
			free(name);
		if (!comma)
			break;
		p = comma + 1;
	}
}

/* Acts on an option whose destination is the driver. */
static void driver_option(struct invocation *inv, const struct option *o, const char *word,
                          const char *value, const char **lang)
{
	switch (o->id) {
	case OPT_C:
		set_mode(inv, MODE_COMPILE);
		break;
	case OPT_S:
		set_mode(inv, MODE_ASSEMBLY);
		break;
	case OPT_E:
		set_mode(inv, MODE_PREPROCESS);
		break;
	case OPT_SYNTAX_ONLY:
		set_mode(inv, MODE_SYNTAX);
		break;
	case OPT_PTHREAD:
		/*
		 * What -pthread means to the preprocessor, and no more: clang
		 * would also turn on atomics, which makes errno (_Thread_local in
		 * wasi-libc) real thread-local storage that libc.so and the
		 * single-threaded libc.a do not have (doc/porting.md).
		 */
		strvec_push(&inv->compile_args, "-D_REENTRANT");
		break;
	case OPT_OUTPUT:
		/* as with gcc and clang, the last -o wins (GNU bc's Makefile gives two) */
		inv->output = value;
		break;
	case OPT_LANG:
		*lang = strcmp(value, "none") == 0 ? NULL : value;
		break;
	case OPT_EXEC_MODEL:
		ask_artifact(inv, NULL, word);
		break;
	case OPT_ARTIFACT:
		if (!*value)
			usage_error("%s: expected an artifact kind", word);
		ask_artifact(inv, value, word);
		break;
	case OPT_ALLOCATOR:
		if (!*value)
			usage_error("%s: expected an allocator name", word);
		inv->allocator = value;
		break;
	case OPT_EMIT:
		inv->emit = value;
		break;
	case OPT_WIT:
		if (!*value)
			usage_error("%s: expected a WIT file", word);
		inv->wit = value;
		/* the spec whose flags: has --wit= says which kind that is */
		ask_artifact(inv, NULL, "--wit=");
		break;
	case OPT_HOST_DIRS:
		inv->host_dirs = HOST_DIRS_WARN;
		break;
	case OPT_NO_HOST_DIRS:
		inv->host_dirs = HOST_DIRS_OFF;
		break;
	case OPT_HOST_DIRS_ERROR:
		inv->host_dirs = HOST_DIRS_ERROR;
		break;
	case OPT_VERBOSE:
		inv->verbose = 1;
		break;
	case OPT_DRY_RUN:
		inv->dry_run = 1;
		break;
	case OPT_SPECS:
		strvec_push(&inv->specs, value);
		break;
	case OPT_TARGET:
		set_target(value);
		break;
	case OPT_SYSROOT:
		inv->sysroot = value;
		break;
	case OPT_ENV:
		add_env_names(inv, word, value);
		break;
	case OPT_NO_ENV_SOURCE:
	case OPT_ENV_SOURCE:
		inv->no_env_from_source = o->id == OPT_NO_ENV_SOURCE;
		break;
	case OPT_USE_PORT:
		/* a name from ports/, never a path */
		if (!*value || strchr(value, '/') || value[0] == '.')
			usage_error("%s: not the name of a port (wasm32-wasi-port known lists them)", word);
		strvec_push(&inv->ports, value);
		break;
	case OPT_STRIP:
		inv->strip = 1;
		break;
	case OPT_STATIC:
		inv->static_link = 1;
		break;
	case OPT_RDYNAMIC:
		inv->export_dynamic = 1;
		break;
	case OPT_DL_OPENABLE:
		if (!*value)
			usage_error("%s: expected a library", word);
		strvec_push(&inv->dl_openable, word);
		break;
	case OPT_NOSTDLIB:
		inv->nostartfiles = inv->nodefaultlibs = 1;
		break;
	case OPT_NOSTARTFILES:
		inv->nostartfiles = 1;
		break;
	case OPT_NODEFLIBS:
	case OPT_NOLIBC:
		inv->nodefaultlibs = 1;
		break;
	case OPT_WRITE_SPEC_CACHE:
		inv->spec_cache_dir = value;
		break;
	case OPT_DUMPSPECS:
	case OPT_DUMPMACHINE:
	case OPT_DUMPVERSION:
	case OPT_PRINT_SEARCH_DIRS:
	case OPT_PRINT_FILE_NAME:
	case OPT_PRINT_PROG_NAME:
	case OPT_PRINT_LIBGCC:
	case OPT_PRINT_SYSROOT:
	case OPT_PRINT_PORT_DIRS:
	case OPT_VERSION:
	case OPT_HELP:
	case OPT_COMPLETION:
		inv->queries = xreallocarray(inv->queries, inv->nqueries + 1, sizeof(*inv->queries));
		inv->queries[inv->nqueries++] = (struct query){o->id, value};
		break;
	default:
		fatal("option '%s' has no handler", o->spelling);
	}
}

/* Splits a COMMA option's value into words, for the linker. */
static void add_comma_link(struct invocation *inv, const char *value, int group)
{
	const char *p = value;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);

		add_link(inv, xstrndup(p, n), -1, group);
		if (!comma)
			break;
		p = comma + 1;
	}
}

void parse_args(struct invocation *inv, int argc, char **argv)
{
	const char *lang = NULL;
	int group = 0, prev_was_linker = 0;

	for (int i = 1; i < argc; i++) {
		const char *word = argv[i], *value = NULL;
		const struct option *o;
		struct match m;
		int is_linker = 0;

		if (word[0] != '-' || word[1] == '\0') {
			int idx = (int)inv->ninputs;

			add_input(inv, word, lang);
			add_link(inv, NULL, idx, 0);
			prev_was_linker = 0;
			continue;
		}
		m = match(word);
		o = m.o;
		if (!o) {
			/* not ours: clang knows it, or says it does not */
			strvec_push(&inv->compile_args, word);
			prev_was_linker = 0;
			continue;
		}
		switch (m.syntax) {
		case FLAG:
			break;
		case JOINED:
		case COMMA:
			value = word + m.len;
			break;
		case SEPARATE:
		case JOINED_OR_SEPARATE:
			if (m.syntax == JOINED_OR_SEPARATE && word[m.len] != '\0') {
				value = word + m.len;
				break;
			}
			if (i + 1 >= argc)
				usage_error("missing argument to '%s'", word);
			value = argv[++i];
			break;
		}
		if (o->alias_value) {
			/* the option it is, with its value: -shared is --artifact=dll */
			value = o->alias_value;
			o = &option_table[o->alias_of];
		}
		if (value)
			check_value(o, word, value);
		if (o->id == OPT_INCLUDE_DIR || o->id == OPT_ISYSTEM || o->id == OPT_IQUOTE ||
		    o->id == OPT_IDIRAFTER || o->id == OPT_LIBDIR) {
			strvec_push(&inv->dir_flags, o->spelling);
			strvec_push(&inv->dir_flags, value);
		}
		switch (o->dest) {
		case IGNORED:
			break;
		case DRIVER:
			driver_option(inv, o, word, value, &lang);
			break;
		case COMPILE:
			strvec_push(&inv->compile_args, word);
			if (value && value != word + m.len)
				strvec_push(&inv->compile_args, value);
			if (o->id == OPT_DEBUG)
				inv->debug = strcmp(value, "0") != 0;
			if (o->id == OPT_OPTIMIZE)
				inv->optimize = optimize_level(value);
			if (o->id == OPT_EXCEPTIONS || o->id == OPT_NO_EXCEPTIONS)
				inv->no_exceptions = o->id == OPT_NO_EXCEPTIONS;
			if (o->id == OPT_DEP_M || o->id == OPT_DEP_MM)
				inv->implies_preprocess = 1;
			break;
		case LINK:
			if (o->id == OPT_WL || o->id == OPT_XLINKER) {
				if (!prev_was_linker)
					group++;
				is_linker = 1;
				if (o->id == OPT_WL)
					add_comma_link(inv, value, group);
				else
					add_link(inv, value, -1, group);
			} else if (o->id == OPT_LIBDIR || o->id == OPT_LIB) {
				add_link(inv, xasprintf("%s%s", o->spelling, value), -1, 0);
			} else if (o->id == OPT_UNDEFINED) {
				add_link(inv, xasprintf("--undefined=%s", value), -1, 0);
			} else if (o->id == OPT_ZOPT) {
				add_link(inv, "-z", -1, 0);
				add_link(inv, value, -1, 0);
			}
			break;
		}
		prev_was_linker = is_linker;
	}
	if (inv->implies_preprocess && !inv->mode_given)
		inv->mode = MODE_PREPROCESS;
	/* cpp IN OUT writes OUT, as GCC's cpp does */
	if (inv->cpp && inv->ninputs == 2 && !inv->output) {
		inv->output = inv->inputs[1].path;
		inv->ninputs = 1;
	}
}

void print_option_help(FILE *f)
{
	for (size_t i = 0; i < option_count; i++) {
		const struct option *o = &option_table[i];
		/* a space before the value when it may be the next word */
		int spaced = o->syntax == SEPARATE || o->syntax == JOINED_OR_SEPARATE;
		const char *arg = o->metavar ? o->metavar : o->values;
		int w;

		if (!o->help)
			continue;
		w = fprintf(f, "  %s%s%s", o->spelling, arg && spaced ? " " : "", arg ? arg : "");
		fprintf(f, "%*s%s", w < 30 ? 30 - w : 1, "", o->help);
		if (o->aliases)
			fprintf(f, " (also %s)", o->aliases);
		fputc('\n', f);
	}
}
