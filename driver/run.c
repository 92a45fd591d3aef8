/* run.c: running a plan's steps, and moving the finished output into place. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builtins.h"
#include "run.h"
#include "tempfiles.h"

extern char **environ;

/* Prints a command as clang's -### does: every word quoted. */
static void print_command(FILE *f, char *const argv[])
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

static _Noreturn void cannot_run(const struct step *s, int err)
{
	errno = err;
	if (err == ENOENT && s->package)
		fatal("%s: cannot run %s (install it: %s)", s->name, s->argv.v[0], s->package);
	fatal("%s: cannot run %s:", s->name, s->argv.v[0]);
}

/*
 * Starts the step's program with the fatal signals blocked here and
 * unblocked in it, so that a signal either comes before the driver knows
 * the child (it then dies of it at once) or is passed on to the child
 * (tempfiles.c). The child is waited for without being reaped first, so
 * that its pid cannot be reused while the handler may still signal it.
 */
static int spawn_and_wait(const struct step *s)
{
	posix_spawnattr_t attr;
	sigset_t old;
	siginfo_t info;
	pid_t pid;
	int status, err;

	posix_spawnattr_init(&attr);
	temps_block_signals(&old);
	posix_spawnattr_setsigmask(&attr, &old);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	err = posix_spawnp(&pid, s->argv.v[0], NULL, &attr, s->argv.v, environ);
	posix_spawnattr_destroy(&attr);
	if (err) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		cannot_run(s, err);
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

static void run_step(const struct step *s)
{
	int status;

	if (s->builtin) {
		char *msg = NULL;

		if (find_builtin(s->argv.v[0])((int)s->argv.len, s->argv.v, &msg) < 0)
			fatal("%s: %s", s->name, msg);
		return;
	}
	fflush(stdout);
	fflush(stderr);
	status = spawn_and_wait(s);
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
