/* plan.c: from what the user asked and what the specs say, the steps to run. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "artifacts.h"
#include "builtins.h"
#include "fileio.h"
#include "libraries.h"
#include "plan.h"
#include "ports.h"
#include "tempfiles.h"
#include "wit.h"
#include "wasm/wasm.h"

void spec_check(char *err)
{
	if (err)
		fatal("%s", err);
}

/* A scalar at key under n, or NULL; anything else there is a spec error. */
static const char *scalar_at(const struct node *n, const char *key)
{
	const struct node *v = node_get(n, key);

	if (!v)
		return NULL;
	if (v->kind != NODE_SCALAR)
		spec_check(node_error(v, "'%s' must be a string", key));
	return v->str;
}

static const struct node *need(const struct node *n, const char *where, const char *key)
{
	const struct node *v = node_get(n, key);

	if (!v) {
		if (n)
			spec_check(node_error(n, "'%s' has no '%s'", where, key));
		fatal("no spec defines '%s.%s'", where, key);
	}
	return v;
}

/* Does the scalar at n's key say value? */
static int says(const struct node *n, const char *key, const char *value)
{
	const char *v = scalar_at(n, key);

	return v && strcmp(v, value) == 0;
}

/* Variables every step sees: the spec's, the artifact's, and the driver's. */
static void base_scope(struct scope *sc, const struct invocation *inv, const struct node *spec,
                       const struct node *artifact)
{
	struct strvec includes = {0}, libdirs = {0}, rpath = {0};

	sc->layers[sc->nlayers++] = node_get(spec, "vars");
	if (artifact)
		sc->layers[sc->nlayers++] = node_get(artifact, "vars");
	if (inv->sysroot)
		scope_set(sc, "sysroot", inv->sysroot);
	if (inv->debug)
		scope_set(sc, "debug", "1");
	if (inv->strip)
		scope_set(sc, "strip", "1");
	if (inv->optimize)
		scope_set(sc, "optimize", inv->optimize);
	if (inv->verbose)
		scope_set(sc, "verbose", "1");
	if (inv->cxx)
		scope_set(sc, "cxx", "1");
	if (inv->no_exceptions)
		scope_set(sc, "no-exceptions", "1");
	if (inv->emit && strcmp(inv->emit, "core") == 0)
		scope_set(sc, "core", "1");
	if (inv->static_link)
		scope_set(sc, "static", "1");
	if (inv->export_dynamic)
		scope_set(sc, "export-dynamic", "1");
	if (inv->wit)
		scope_set(sc, "wit", inv->wit);
	scope_set_list(sc, "user-flags", &inv->compile_args);
	scope_set_list(sc, "env-names", &inv->env);
	if (!inv->no_env_from_source)
		scope_set(sc, "env-from-source", "1");
	port_search_words(inv, spec, &includes, &libdirs, &rpath);
	scope_set_list(sc, "port-includes", &includes);
	scope_set_list(sc, "port-library-dirs", &libdirs);
	scope_set_list(sc, "port-rpath", &rpath);
	strvec_free(&includes);
	strvec_free(&libdirs);
	strvec_free(&rpath);
}

static void add_step(struct plan *p, const struct node *spec, const char *name,
                     struct scope *sc)
{
	const struct node *step = need(node_get(spec, "steps"), "steps", name);
	const struct node *tool_name = need(step, name, "tool");
	const struct node *tool, *argv;
	struct step *s;
	char *err = NULL;

	if (tool_name->kind != NODE_SCALAR)
		spec_check(node_error(tool_name, "'tool' must name one of 'tools'"));
	tool = node_get(node_get(spec, "tools"), tool_name->str);
	if (!tool)
		spec_check(node_error(tool_name, "no tool '%s' in 'tools'", tool_name->str));
	argv = need(step, name, "argv");
	if (p->nsteps == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->steps = xreallocarray(p->steps, p->cap, sizeof(*p->steps));
	}
	s = &p->steps[p->nsteps++];
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->tool = tool_name->str;
	s->package = scalar_at(tool, "install");
	if (node_get(tool, "builtin")) {
		const char *b = scalar_at(tool, "builtin");

		if (!find_builtin(b))
			spec_check(node_error(node_get(tool, "builtin"), "no builtin '%s' in this driver", b));
		s->builtin = 1;
		strvec_push(&s->argv, b);
	} else {
		strvec_push(&s->argv, template_word(need(tool, tool_name->str, "path"), sc, &err));
		spec_check(err);
	}
	if (template_expand(argv, sc, &s->argv, &err) < 0)
		spec_check(err);
}

/* The input words for clang: each file, with -x before it when one was given. */
static void push_input(struct strvec *words, const struct input *in, const char **lang)
{
	const char *want = in->lang ? in->lang : "none";

	if (strcmp(want, *lang ? *lang : "none") != 0) {
		strvec_push(words, "-x");
		strvec_push(words, want);
		*lang = in->lang;
	}
	strvec_push(words, in->path);
}

static const char *mode_flag(enum mode m)
{
	switch (m) {
	case MODE_PREPROCESS:
		return "-E";
	case MODE_ASSEMBLY:
		return "-S";
	case MODE_SYNTAX:
		return "-fsyntax-only";
	default:
		return "-c";
	}
}

/* Refuses an -o that names one of the inputs: the output would destroy it. */
static void check_not_input(const struct invocation *inv, const char *output)
{
	struct stat out, in;

	if (!output || stat(output, &out) < 0 || !S_ISREG(out.st_mode))
		return;
	for (size_t i = 0; i < inv->ninputs; i++)
		if (stat(inv->inputs[i].path, &in) == 0 && in.st_dev == out.st_dev &&
		    in.st_ino == out.st_ino)
			usage_error("input file '%s' is the same as output file", inv->inputs[i].path);
}

/*
 * A FIFO as the output: the step writing it would block until someone
 * reads, forever if nobody does. So it must have a reader now, and the
 * driver holds it open for writing until it exits (deliberately never
 * closed), so that the reader sees no end of file between the steps.
 */
static void check_fifo(const struct invocation *inv, const char *output)
{
	struct stat st;

	if (inv->dry_run || !output || stat(output, &st) < 0 || !S_ISFIFO(st.st_mode))
		return;
	if (open(output, O_WRONLY | O_NONBLOCK) < 0) {
		if (errno == ENXIO)
			fatal("cannot write %s: a FIFO that nobody reads", output);
		fatal("cannot write %s:", output);
	}
}

void plan_compile_only(struct plan *p, const struct invocation *inv, const struct node *spec)
{
	struct scope sc = {0};
	struct strvec inputs = {0};
	const char *lang = NULL;
	int preprocessed = 1; /* every input is (.i, .ii) */

	if (inv->ninputs == 0)
		usage_error("no input files");
	/* what to link: asked for, and not done (clang says as much) */
	if (inv->artifact_flag)
		warn("%s is unused: %s links nothing", inv->artifact_flag, mode_flag(inv->mode));
	if (inv->emit)
		warn("--emit=%s is unused: %s links nothing", inv->emit, mode_flag(inv->mode));
	if (inv->wit)
		warn("--wit=%s is unused: %s links nothing", inv->wit, mode_flag(inv->mode));
	check_not_input(inv, inv->output);
	check_fifo(inv, inv->output);
	base_scope(&sc, inv, spec, NULL);
	for (size_t i = 0; i < inv->ninputs; i++) {
		const struct input *in = &inv->inputs[i];

		if (in->is_cxx)
			scope_set(&sc, "cxx-input", "1");
		if (!in->is_preprocessed)
			preprocessed = 0;
		if (in->is_source || inv->mode == MODE_PREPROCESS)
			push_input(&inputs, in, &lang);
		else
			warn("%s: linker input unused because linking is not done", in->path);
	}
	/* clang warns of include directories that only preprocessed inputs (.i) leave unused */
	scope_set(&sc, "preprocessed-input", preprocessed ? "1" : "");
	scope_set(&sc, "mode-flag", mode_flag(inv->mode));
	scope_set_list(&sc, "inputs", &inputs);
	if (inv->output && inv->mode != MODE_SYNTAX)
		scope_set(&sc, "output", inv->output);
	if (inputs.len)
		add_step(p, spec, "compile", &sc);
	strvec_free(&inputs);
	scope_free(&sc);
}

/* A temporary named after path: "dir/name.c" and ".o" give "name.o"; standard input is "stdin". */
static const char *temp_named(const struct invocation *inv, const char *path, const char *suffix)
{
	const char *base = strcmp(path, "-") == 0 ? "stdin" : base_name(path);
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	char *name = xasprintf("%.*s%s", (int)n, base, suffix);
	const char *t = temp_file(inv->dry_run, name);

	free(name);
	return t;
}

/*
 * The entry `name` (or the spec's `default-NAME`) of a mapping of choices
 * such as `artifacts` or `allocators`; an unknown name lists the known ones.
 */
static const struct node *choose(const struct node *spec, const char *section, const char *what,
                                 const char *default_key, const char *name)
{
	const struct node *choices = node_get(spec, section), *c;
	size_t len = 1;
	char *list;

	if (!name && !(name = scalar_at(spec, default_key)))
		fatal("no spec defines '%s'", default_key);
	c = node_get(choices, name);
	if (c && c->kind == NODE_MAP)
		return c;
	for (size_t i = 0; choices && i < choices->len; i++)
		len += strlen(choices->keys[i]) + 2;
	list = xcalloc(1, len);
	for (size_t i = 0; choices && i < choices->len; i++) {
		if (i)
			strcat(list, ", ");
		strcat(list, choices->keys[i]);
	}
	usage_error("unknown %s '%s' (known: %s)", what, name, list);
}

/* Is path a dll or a dynamic executable (libraries.c)? */
static int is_dynamic(const char *path)
{
	return library_is_dynamic(library_file_kind(path));
}

/* Whether -lNAME asks for the loader's functions (the spec's `loader-libraries`: -ldl). */
static int loader_library(const struct node *spec, const char *name)
{
	const struct node *list = node_get(spec, "loader-libraries");

	for (size_t i = 0; list && list->kind == NODE_SEQ && i < list->len; i++)
		if (list->items[i]->kind == NODE_SCALAR && strcmp(list->items[i]->str, name) == 0)
			return 1;
	return 0;
}

/*
 * The artifact when none was asked for: the spec's `dynamic-artifact` when
 * a link input is a dll, -lNAME finds a dll (library_search: through the -L
 * directories, then the port prefixes' lib directories, which the link
 * searches next), or NAME is a loader library (-ldl, for dlopen); else the
 * spec's default. With -static, a dll among the inputs is an error.
 */
static const char *automatic_artifact(const struct invocation *inv, const struct node *spec)
{
	struct strvec words = {0}, ports_inc = {0}, ports_lib = {0};
	struct link_line line;
	int dynamic = 0;

	for (size_t i = 0; i < inv->ninputs; i++)
		if (!inv->inputs[i].is_source && is_dynamic(inv->inputs[i].path)) {
			if (inv->static_link)
				usage_error("%s: a dll, and -static links none", inv->inputs[i].path);
			dynamic = 1;
			break;
		}
	if (inv->static_link)
		return scalar_at(spec, "default-artifact");

	for (size_t i = 0; i < inv->nlink; i++)
		if (inv->link[i].input < 0)
			strvec_push(&words, inv->link[i].arg);
	port_search_words(inv, spec, &ports_inc, &ports_lib, NULL);
	strvec_append(&words, &ports_lib);
	link_line_parse(&line, (int)words.len, words.v);
	for (size_t i = 0; i < line.libraries.len && !dynamic; i++) {
		const char *w = line.libraries.v[i];
		char *path;

		if (!has_prefix(w, "-l"))
			continue; /* the inputs are above; another word is an option's value */
		if (loader_library(spec, w + 2)) {
			dynamic = 1;
		} else if ((path = link_line_path(&line, w))) {
			dynamic = is_dynamic(path);
			free(path);
		}
	}
	link_line_free(&line);
	strvec_free(&words);
	strvec_free(&ports_inc);
	strvec_free(&ports_lib);
	if (dynamic && !scalar_at(spec, "dynamic-artifact"))
		fatal("no spec defines 'dynamic-artifact'");
	return scalar_at(spec, dynamic ? "dynamic-artifact" : "default-artifact");
}

/* Does the artifact's `emit` list (default: core only) hold what --emit asked for? */
static void check_emit(const struct invocation *inv, const struct node *a, const char *name)
{
	const struct node *list = node_get(a, "emit");
	const char *value = inv->emit;

	if (!value)
		return;
	if (!list && strcmp(value, "core") == 0)
		return;
	for (size_t i = 0; list && i < list->len; i++)
		if (strcmp(list->items[i]->str, value) == 0)
			return;
	usage_error("--emit=%s: a %s is %s, never %s", value, name,
	            strcmp(value, "core") == 0 ? "a component" : "a core module",
	            strcmp(value, "core") == 0 ? "a core module" : "a component");
}

static const struct node *find_artifact(const struct invocation *inv, const struct node *spec, const char **pname)
{
	const char *name = inv->artifact ? inv->artifact : automatic_artifact(inv, spec);
	const struct node *a = choose(spec, "artifacts", "artifact kind", "default-artifact", name);
	const struct node *refused;
	const char *lifetime = scalar_at(a, "lifetime"), *state;
	/* the kind whose flags: has --wit= (specs/typed-command.yaml) links a world's main */
	const char *typed = artifact_by_flag(spec, "--wit=");

	*pname = name ? name : scalar_at(spec, "default-artifact");
	if (!inv->wit && typed && strcmp(*pname, typed) == 0)
		usage_error("%s: a typed command needs its world: name it with --wit=FILE",
		            inv->artifact_flag ? inv->artifact_flag : *pname);

	if ((refused = node_get(a, "refused")))
		usage_error("%s: %s", inv->artifact_flag ? inv->artifact_flag : name,
		            refused->kind == NODE_SCALAR ? refused->str : "refused by the specs");
	if (inv->static_link && inv->artifact && (state = scalar_at(a, "state")) &&
	    strcmp(state, "imports-state") == 0)
		usage_error("-static conflicts with %s", inv->artifact_flag);
	if (inv->env.len && (!lifetime || strcmp(lifetime, "command") != 0))
		usage_error("--env declares what a command reads; a %s is not a command", name);
	check_emit(inv, a, name);
	return a;
}

/* ${allocator-link}: the link words of the liballoc implementation chosen. */
static void set_allocator(struct scope *sc, const struct invocation *inv, const struct node *spec)
{
	const struct node *a = choose(spec, "allocators", "allocator", "default-allocator", inv->allocator);
	struct strvec words = {0};
	char *err = NULL;

	if (template_expand(need(a, "allocators", "link"), sc, &words, &err) < 0)
		spec_check(err);
	scope_set_list(sc, "allocator-link", &words);
	strvec_free(&words);
}

/*
 * The link words of the standard roles the artifact names: before and after
 * the user's, and the libraries only the dylink step reads (a role's
 * `dylink`, such as the allocator, which is no input wasm-ld could take).
 */
static void add_roles(struct scope *sc, const struct invocation *inv, const struct node *spec,
                      const struct node *artifact)
{
	const struct node *list = node_get(artifact, "roles"), *roles = node_get(spec, "roles");
	struct strvec names = {0}, before = {0}, after = {0}, dylink = {0};
	char *err = NULL;

	if (list && template_expand(list, sc, &names, &err) < 0)
		spec_check(err);
	for (size_t i = 0; i < names.len; i++) {
		const struct node *role = node_get(roles, names.v[i]), *n;
		const char *kind;

		if (!role)
			spec_check(node_error(list, "no role '%s' in 'roles'", names.v[i]));
		kind = scalar_at(role, "kind");
		if (kind && strcmp(kind, "start") == 0 && inv->nostartfiles)
			continue;
		if (kind && strcmp(kind, "lib") == 0 && inv->nodefaultlibs)
			continue;
		if ((n = node_get(role, "before")) && template_expand(n, sc, &before, &err) < 0)
			spec_check(err);
		if ((n = node_get(role, "after")) && template_expand(n, sc, &after, &err) < 0)
			spec_check(err);
		if ((n = node_get(role, "dylink")) && template_expand(n, sc, &dylink, &err) < 0)
			spec_check(err);
	}
	scope_set_list(sc, "roles-before", &before);
	scope_set_list(sc, "roles-after", &after);
	scope_set_list(sc, "roles-dylink", &dylink);
	strvec_free(&names);
	strvec_free(&before);
	strvec_free(&after);
	strvec_free(&dylink);
}

/*
 * -Wl,--version or -Wl,--help: the linker prints its answer and links
 * nothing, so, as with GCC, it runs with the user's linker words (the
 * `linker-query` step) and nothing else: no input needed, no output made.
 */
static void linker_words_free(struct linker_words *w)
{
	strvec_free(&w->link);
	strvec_free(&w->dylink);
	strvec_free(&w->exports);
}

static void plan_linker_query(struct plan *p, const struct invocation *inv, const struct node *spec)
{
	struct linker_words words = {0};
	struct scope sc = {0};

	for (size_t i = 0; i < inv->nlink; i++)
		if (inv->link[i].group)
			filter_linker_words(node_get(spec, "linker"), inv, &i, &words);
	base_scope(&sc, inv, spec, NULL);
	scope_set_list(&sc, "link-args", &words.link);
	add_step(p, spec, "linker-query", &sc);
	linker_words_free(&words);
	scope_free(&sc);
}

/*
 * Whether the link word w is -lNAME of a library the artifact's roles
 * already provide (the `provided-libraries` variable: -lwasi-emulated-signal,
 * whose functions the porting layer has too): such a word is dropped, so
 * that the two do not collide.
 */
static int provided_library(const struct node *spec, const struct node *artifact, const char *w)
{
	const struct node *list = node_get(node_get(artifact, "vars"), "provided-libraries");

	if (!list)
		list = node_get(node_get(spec, "vars"), "provided-libraries");
	if (!has_prefix(w, "-l") || !list || list->kind != NODE_SEQ)
		return 0;
	for (size_t i = 0; i < list->len; i++)
		if (list->items[i]->kind == NODE_SCALAR && strcmp(list->items[i]->str, w + 2) == 0)
			return 1;
	return 0;
}

/* The world of --wit=, read before anything runs: its errors are FILE:LINE:COL, and leave no output. */
static void check_wit(const struct invocation *inv)
{
	struct wit_world w;
	char *err = NULL;

	if (wit_load(inv->wit, &w, &err) < 0)
		fatal("%s", err);
	wit_free(&w);
}

/* --wit=FILE --emit=header: one step writes the header, to -o or standard output. */
static void plan_header(struct plan *p, const struct invocation *inv, const struct node *spec)
{
	struct scope sc = {0};

	if (!inv->wit)
		usage_error("--emit=header writes the C header of a WIT world: name it with --wit=FILE");
	if (inv->ninputs)
		usage_error("--emit=header takes no input files, only --wit=%s", inv->wit);
	check_wit(inv);
	p->output = inv->output;
	check_fifo(inv, p->output);
	if (p->output && strcmp(p->output, "-") == 0)
		p->output = NULL;
	if (!p->output)
		p->output = "/dev/stdout";
	p->final_tmp = strcmp(p->output, "/dev/stdout") ? output_temp(inv->dry_run, p->output) : p->output;
	base_scope(&sc, inv, spec, NULL);
	scope_set(&sc, "output", p->final_tmp);
	add_step(p, spec, "wit-header", &sc);
	scope_free(&sc);
}

/* The glue of --wit= (its core exports), written and compiled before the link; its object. */
static const char *plan_wit_glue(struct plan *p, const struct invocation *inv, const struct node *spec,
                                 struct scope *sc)
{
	struct strvec inputs = {0}, flags = {0};
	const char *glue = temp_named(inv, inv->wit, "-glue.c"), *object = temp_named(inv, inv->wit, "-glue.o");

	scope_set(sc, "output", glue);
	add_step(p, spec, "wit-glue", sc);
	/* the user's flags but the language's standard, which may be C++'s: the glue is C */
	for (size_t i = 0; i < inv->compile_args.len; i++)
		if (!has_prefix(inv->compile_args.v[i], "-std=") && strcmp(inv->compile_args.v[i], "-ansi") != 0)
			strvec_push(&flags, inv->compile_args.v[i]);
	scope_set_list(sc, "user-flags", &flags);
	strvec_push(&inputs, "-x");
	strvec_push(&inputs, "c");
	strvec_push(&inputs, glue);
	scope_set(sc, "cxx-input", "");
	scope_set(sc, "preprocessed-input", "");
	scope_set(sc, "mode-flag", "-c");
	scope_set_list(sc, "inputs", &inputs);
	scope_set(sc, "output", object);
	add_step(p, spec, "compile", sc);
	scope_set_list(sc, "user-flags", &inv->compile_args);
	strvec_free(&inputs);
	strvec_free(&flags);
	return object;
}

void plan_link(struct plan *p, const struct invocation *inv, const struct node *spec)
{
	const struct node *artifact, *steps;
	const char **objects;
	const char *input = NULL, *artifact_key;
	struct linker_words words = {0};
	struct strvec names = {0};
	struct scope sc = {0};
	struct stat st;
	char *err = NULL;

	if (inv->linker_query) {
		plan_linker_query(p, inv, spec);
		return;
	}
	if (inv->emit && strcmp(inv->emit, "header") == 0) {
		plan_header(p, inv, spec);
		return;
	}
	artifact = find_artifact(inv, spec, &artifact_key);
	objects = xcalloc(inv->ninputs, sizeof(*objects));
	if (inv->ninputs == 0 && !says(artifact, "inputs", "optional"))
		usage_error("no input files");
	p->output = inv->output ? inv->output : "a.out";
	p->executable = 1;
	check_not_input(inv, p->output);
	for (size_t i = 0; i < inv->ninputs && !inv->dry_run; i++)
		if (strcmp(inv->inputs[i].path, "-") && access(inv->inputs[i].path, F_OK) < 0)
			fatal("%s:", inv->inputs[i].path);

	base_scope(&sc, inv, spec, artifact);
	for (size_t i = 0; i < inv->ninputs; i++) {
		const struct input *in = &inv->inputs[i];
		struct strvec compile_inputs = {0};
		const char *lang = NULL;

		if (!in->is_source)
			continue;
		push_input(&compile_inputs, in, &lang);
		scope_set(&sc, "cxx-input", in->is_cxx ? "1" : "");
		scope_set(&sc, "preprocessed-input", in->is_preprocessed ? "1" : "");
		objects[i] = temp_named(inv, in->path, ".o");
		scope_set(&sc, "mode-flag", "-c");
		scope_set_list(&sc, "inputs", &compile_inputs);
		scope_set(&sc, "output", objects[i]);
		add_step(p, spec, "compile", &sc);
		strvec_free(&compile_inputs);
	}

	for (size_t i = 0; i < inv->nlink; i++) {
		const struct link_word *w = &inv->link[i];

		if (w->input >= 0)
			strvec_push(&words.link, objects[w->input] ? objects[w->input] : inv->inputs[w->input].path);
		else if (w->group)
			filter_linker_words(node_get(spec, "linker"), inv, &i, &words);
		else if (!provided_library(spec, artifact, w->arg))
			strvec_push(&words.link, w->arg);
	}
	if (inv->wit) {
		check_wit(inv);
		strvec_push(&words.link, plan_wit_glue(p, inv, spec, &sc));
	}
	/* --dl-openable= is -Wl,--dl-openable= */
	strvec_append(&words.dylink, &inv->dl_openable);
	scope_set_list(&sc, "link-args", &words.link);
	scope_set_list(&sc, "dylink-args", &words.dylink);
	scope_set_list(&sc, "export-args", &words.exports);
	set_allocator(&sc, inv, spec);
	add_roles(&sc, inv, spec, artifact);

	/* Writing to /dev/null, say, must not replace it with a file. */
	check_fifo(inv, p->output);
	if (stat(p->output, &st) == 0 && !S_ISREG(st.st_mode))
		p->final_tmp = p->output;
	else
		p->final_tmp = output_temp(inv->dry_run, p->output);

	steps = need(artifact, artifact_key, "steps");
	if (template_expand(steps, &sc, &names, &err) < 0)
		spec_check(err);
	if (names.len == 0)
		spec_check(node_error(steps, "an artifact needs at least one step"));
	for (size_t k = 0; k < names.len; k++) {
		const struct node *step = need(node_get(spec, "steps"), "steps", names.v[k]);
		/* a step with `output: none` only checks its input, which goes on */
		int checks_only = says(step, "output", "none");
		/* a step with `on-failure: skip` passes its input on if it fails */
		int skippable = says(step, "on-failure", "skip");
		const char *output;

		if (checks_only && (k == 0 || k + 1 == names.len))
			spec_check(node_error(steps, "step '%s' writes nothing, so it can be neither first nor last", names.v[k]));
		if (skippable && k == 0)
			spec_check(node_error(steps, "step '%s' may be skipped, so it cannot be first", names.v[k]));
		if (checks_only)
			output = input;
		else if (k + 1 == names.len)
			output = p->final_tmp;
		else
			output = temp_file(inv->dry_run, base_name(p->output));
		if (input)
			scope_set(&sc, "input", input);
		scope_set(&sc, "output", output);
		add_step(p, spec, names.v[k], &sc);
		if (skippable) {
			struct step *s = &p->steps[p->nsteps - 1];

			s->skip_input = input;
			s->skip_output = output;
			s->log = temp_file(inv->dry_run, "stderr");
		}
		input = output;
	}
	strvec_free(&names);
	linker_words_free(&words);
	scope_free(&sc);
	free(objects);
}

char *plan_word(const struct invocation *inv, const struct node *spec, const struct node *tmpl)
{
	struct scope sc = {0};
	char *err = NULL, *w;

	base_scope(&sc, inv, spec, NULL);
	w = template_word(tmpl, &sc, &err);
	spec_check(err);
	scope_free(&sc);
	return w;
}

char *plan_var(const struct invocation *inv, const struct node *spec, const char *name)
{
	struct node ref = {.kind = NODE_SCALAR, .file = "(query)", .line = 1, .col = 1};
	char *w;

	if (!node_get(node_get(spec, "vars"), name) && !(inv->sysroot && strcmp(name, "sysroot") == 0))
		return NULL;
	ref.str = xasprintf("${%s}", name);
	w = plan_word(inv, spec, &ref);
	free(ref.str);
	return w;
}

void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->nsteps; i++)
		strvec_free(&p->steps[i].argv);
	free(p->steps);
	memset(p, 0, sizeof(*p));
}
