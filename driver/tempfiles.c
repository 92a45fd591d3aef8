/* tempfiles.c: temporary files, named, registered, and removed whatever happens. */
#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tempfiles.h"
#include "util.h"

static char *dir;              /* created on first use */
static struct strvec files;    /* every temporary file to remove */
static struct strvec dirs;     /* and directories, removed after them */
static volatile sig_atomic_t removing;
static volatile sig_atomic_t child;   /* the step running, 0 for none */
static volatile sig_atomic_t pending; /* a signal that arrived while it ran */
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};

/*
 * A tool killed at the wrong moment may leave a file of its own in one of
 * the driver's directories (wasm-ld's output.tmpXXXX, made a moment before
 * it asks to have it removed on a signal). The directories are the driver's
 * alone (mkdtemp, mode 0700), so what is left in them goes too, except in
 * a signal handler, where opendir is not safe; no tool runs then.
 */
static void empty_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);
}

static void remove_temps(int sweep)
{
	if (removing)
		return;
	removing = 1;
	for (size_t i = 0; i < files.len; i++)
		if (files.v[i])
			unlink(files.v[i]);
	for (size_t i = dirs.len; i-- > 0;) {
		if (sweep)
			empty_dir(dirs.v[i]);
		rmdir(dirs.v[i]);
	}
}

/*
 * On the way out, a signal must not find the removal half done: its handler
 * would see it under way and die at once, leaving the rest. So the fatal
 * signals wait until it is over, and one that came meanwhile then ends the
 * driver as it would have.
 */
void temps_remove(void)
{
	sigset_t old;

	temps_block_signals(&old);
	remove_temps(1);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static _Noreturn void die_of(int sig, int in_handler)
{
	sigset_t set;

	remove_temps(!in_handler);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

/*
 * A step may still be writing a temporary (wasm-ld writes its own beside
 * its output, then renames it) when a signal comes to the driver alone:
 * removing the temporaries then would race with it. So the signal goes on
 * to the step, the driver waits for it to end, and only then cleans up and
 * dies of the signal (temps_child_done).
 */
static void on_signal(int sig)
{
	if (child > 0) {
		pending = sig;
		kill(child, sig);
		return;
	}
	die_of(sig, 1);
}

void temps_init(void)
{
	exit_cleanup = temps_remove;
	for (size_t i = 0; i < LEN(fatal_signals); i++) {
		struct sigaction sa = {0}, old;

		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		/* leave alone a signal the caller chose to ignore (nohup) */
		if (sigaction(fatal_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(fatal_signals[i], &sa, NULL);
	}
}

void temps_block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < LEN(fatal_signals); i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void temps_child(pid_t pid)
{
	child = pid;
}

void temps_child_done(void)
{
	child = 0;
	if (pending)
		die_of(pending, 0);
}

static const char *tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	return t && *t ? t : "/tmp";
}

static int seen(const char *path)
{
	for (size_t i = 0; i < files.len; i++)
		if (files.v[i] && strcmp(files.v[i], path) == 0)
			return 1;
	return 0;
}

/*
 * What is made and what is registered for removal change together, with
 * the fatal signals held: a signal between the two would leave a directory
 * nobody removes, or find the lists in the middle of growing.
 */
static void push(struct strvec *sv, char *path)
{
	sigset_t old;

	temps_block_signals(&old);
	strvec_push(sv, path);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Creates a directory from a mkdtemp template, or of the name given. */
static int make_dir(int dry_run, char *path, int template)
{
	sigset_t old;
	int ok = 1;

	temps_block_signals(&old);
	if (!dry_run)
		ok = template ? mkdtemp(path) != NULL : mkdir(path, 0700) == 0;
	if (ok)
		strvec_push(&dirs, path);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ok;
}

/*
 * Tools write the file's name into what they make (wasm-ld names the module
 * after its output), so a temporary keeps the name it stands for and is
 * kept apart from others of that name by its directory.
 */
const char *temp_file(int dry_run, const char *name)
{
	char *path;

	if (!dir) {
		dir = xasprintf("%s/wasm32-wasi-cc-XXXXXX", tmpdir());
		if (!make_dir(dry_run, dir, 1))
			fatal("cannot create a temporary directory in %s:", tmpdir());
	}
	path = xasprintf("%s/%s", dir, name);
	if (seen(path)) {
		static int subdirs;
		char *sub = xasprintf("%s/%d", dir, ++subdirs);

		if (!make_dir(dry_run, sub, 0))
			fatal("cannot create %s:", sub);
		free(path);
		path = xasprintf("%s/%s", sub, name);
	}
	push(&files, path);
	return path;
}

const char *output_temp(int dry_run, const char *output)
{
	const char *base = base_name(output);
	char *tmp = xasprintf("%.*s.%s.tmp-XXXXXX", (int)(base - output), output, base);
	char *path;

	if (!make_dir(dry_run, tmp, 1))
		fatal("cannot create a directory beside %s:", output);
	path = xasprintf("%s/%s", tmp, base);
	push(&files, path);
	return path;
}

void temp_keep(const char *path)
{
	for (size_t i = 0; i < files.len; i++)
		if (files.v[i] && strcmp(files.v[i], path) == 0)
			files.v[i] = NULL;
}
