/* run.c: running a plan's steps, and moving the finished output into place. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builtins.h"
#include "fileio.h"
#include "run.h"
#include "tempfiles.h"

extern char **environ;

/* A command as clang's -### prints it: every word quoted. */
static void put_command(FILE *f, char *const argv[])
{
	for (size_t i = 0; argv[i]; i++) {
		fputs(" \"", f);
		for (const char *c = argv[i]; *c; c++) {
			if (*c == '"' || *c == '\\' || *c == '$')
				fputc('\\', f);
			fputc(*c, f);
		}
		fputc('"', f);
	}
	fputc('\n', f);
}

/*
 * Prints a command, the line made first and written at once: stderr is
 * unbuffered, and a character at a time was a system call each (some
 * thousands for -### of a link).
 */
static void print_command(FILE *f, char *const argv[])
{
	char *line = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&line, &len);

	if (m) {
		put_command(m, argv);
		if (fclose(m) == 0) {
			fwrite(line, 1, len, f);
			free(line);
			return;
		}
	}
	free(line);
	put_command(f, argv);
}

static _Noreturn void cannot_run(const struct step *s, int err)
{
	errno = err;
	if (err == ENOENT && s->package)
		fatal("%s: cannot run %s (install it: %s)", s->name, s->argv.v[0], s->package);
	fatal("%s: cannot run %s:", s->name, s->argv.v[0]);
}

/* Why the step's program could not run, as cannot_run says it. */
static char *why_not_run(const struct step *s, int err)
{
	if (err == ENOENT && s->package)
		return xasprintf("cannot run %s (install it: %s)", s->argv.v[0], s->package);
	return xasprintf("cannot run %s: %s", s->argv.v[0], strerror(err));
}

/*
 * Starts the step's program with the fatal signals blocked here and
 * unblocked in it, so that a signal either comes before the driver knows
 * the child (it then dies of it at once) or is passed on to the child
 * (tempfiles.c). The child is waited for without being reaped first, so
 * that its pid cannot be reused while the handler may still signal it.
 * Returns the wait status, or -1 with *err set if it could not start.
 */
static int spawn_and_wait(const struct step *s, int *err)
{
	posix_spawn_file_actions_t actions;
	posix_spawnattr_t attr;
	sigset_t old;
	siginfo_t info;
	pid_t pid;
	int status;

	posix_spawnattr_init(&attr);
	posix_spawn_file_actions_init(&actions);
	if (s->log)
		posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, s->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	temps_block_signals(&old);
	posix_spawnattr_setsigmask(&attr, &old);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	*err = posix_spawnp(&pid, s->argv.v[0], &actions, &attr, s->argv.v, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&actions);
	if (*err) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return -1;
	}
	temps_child(pid);
	sigprocmask(SIG_SETMASK, &old, NULL);
	while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) < 0)
		if (errno != EINTR)
			fatal("%s: waiting for %s:", s->name, s->tool);
	temps_block_signals(&old);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			fatal("%s: waiting for %s:", s->name, s->tool);
	temps_child_done();
	sigprocmask(SIG_SETMASK, &old, NULL);
	return status;
}

/* The first line of what the step's program wrote to its log, at most 200 bytes. */
static char *first_line(const struct step *s)
{
	struct wasm_buf b = {0};
	char *err = NULL, *line;
	size_t n = 0;

	if (file_read(s->log, &b, &err) < 0) {
		free(err);
		return xstrdup("it said nothing");
	}
	while (n < b.len && n < 200 && b.p[n] != '\n')
		n++;
	line = n ? xasprintf("%.*s", (int)n, (const char *)b.p) : xstrdup("it said nothing");
	free(b.p);
	return line;
}

/*
 * A step that may be skipped failed (status), or could not start (status
 * -1, err): one line says so, and its input goes on as its output.
 */
static void skip_step(const struct step *s, int status, int err)
{
	struct wasm_buf b = {0};
	char *why, *msg = NULL;

	if (status < 0)
		why = why_not_run(s, err);
	else if (WIFSIGNALED(status))
		why = xasprintf("%s killed by signal %d (%s)", s->tool, WTERMSIG(status), strsignal(WTERMSIG(status)));
	else {
		char *line = first_line(s);

		why = xasprintf("%s exited with status %d: %s", s->tool, WEXITSTATUS(status), line);
		free(line);
	}
	warn("%s: %s; skipped, the module stays as linked", s->name, why);
	free(why);
	if (file_read(s->skip_input, &b, &msg) < 0 || file_write(s->skip_output, b.p, b.len, &msg) < 0)
		fatal("%s: %s", s->name, msg);
	free(b.p);
}

/* What a step that succeeded wrote to its log goes on to standard error. */
static void show_log(const struct step *s)
{
	struct wasm_buf b = {0};
	char *err = NULL;

	if (file_read(s->log, &b, &err) < 0) {
		free(err);
		return;
	}
	fwrite(b.p, 1, b.len, stderr);
	free(b.p);
}

static void run_step(const struct step *s)
{
	int status, err;

	if (s->builtin) {
		char *msg = NULL;

		if (find_builtin(s->argv.v[0])((int)s->argv.len, s->argv.v, &msg) < 0)
			fatal("%s: %s", s->name, msg);
		return;
	}
	fflush(stdout);
	fflush(stderr);
	status = spawn_and_wait(s, &err);
	if (s->skip_input && (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		skip_step(s, status, err);
		return;
	}
	if (status < 0)
		cannot_run(s, err);
	if (s->log)
		show_log(s);
	if (WIFSIGNALED(status))
		fatal("%s: %s killed by signal %d (%s)", s->name, s->tool, WTERMSIG(status),
		      strsignal(WTERMSIG(status)));
	if (WEXITSTATUS(status) != 0)
		fatal("%s: %s exited with status %d", s->name, s->tool, WEXITSTATUS(status));
}

void run_plan(const struct plan *p, const struct invocation *inv)
{
	sigset_t old;

	for (size_t i = 0; i < p->nsteps; i++) {
		if (inv->verbose || inv->dry_run)
			print_command(stderr, p->steps[i].argv.v);
		if (!inv->dry_run)
			run_step(&p->steps[i]);
	}
	if (inv->dry_run || !p->final_tmp || p->final_tmp == p->output)
		return;
	if (p->executable) {
		mode_t mask = umask(0);

		umask(mask);
		if (chmod(p->final_tmp, 0777 & ~mask) < 0)
			fatal("%s:", p->final_tmp);
	}
	/* the output appears and stops being a temporary at one moment */
	temps_block_signals(&old);
	if (rename(p->final_tmp, p->output) < 0)
		fatal("cannot write %s:", p->output);
	temp_keep(p->final_tmp);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void exec_plan(const struct plan *p, const struct invocation *inv)
{
	const struct step *s = &p->steps[0];

	if (s->builtin) {
		run_plan(p, inv);
		return;
	}
	if (inv->verbose || inv->dry_run)
		print_command(stderr, s->argv.v);
	if (inv->dry_run)
		return;
	fflush(stdout);
	fflush(stderr);
	execvp(s->argv.v[0], s->argv.v);
	cannot_run(s, errno);
}
