/* tempfiles.c: temporary files, named, registered, and removed whatever happens. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tempfiles.h"
#include "util.h"

static char *dir;              /* created on first use */
static struct strvec files;    /* every temporary to remove */
static volatile sig_atomic_t removing;

void temps_remove(void)
{
	if (removing)
		return;
	removing = 1;
	for (size_t i = 0; i < files.len; i++)
		if (files.v[i])
			unlink(files.v[i]);
	if (dir)
		rmdir(dir);
}

static void on_signal(int sig)
{
	temps_remove();
	signal(sig, SIG_DFL);
	raise(sig);
}

void temps_init(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};

	exit_cleanup = temps_remove;
	for (size_t i = 0; i < LEN(sigs); i++) {
		struct sigaction sa = {0}, old;

		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		/* leave alone a signal the caller chose to ignore (nohup) */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
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

const char *temp_file(int dry_run, const char *name)
{
	char *path;

	if (!dir) {
		dir = xasprintf("%s/wasm32-wasi-cc-XXXXXX", tmpdir());
		if (!dry_run && !mkdtemp(dir))
			fatal("cannot create a temporary directory in %s:", tmpdir());
	}
	path = xasprintf("%s/%s", dir, name);
	/* two inputs of one name (a/x.c, b/x.c) get two files */
	for (int n = 2; seen(path); n++) {
		free(path);
		path = xasprintf("%s/%d-%s", dir, n, name);
	}
	strvec_push(&files, path);
	return path;
}

const char *output_temp(int dry_run, const char *output)
{
	const char *base = base_name(output);
	char *path = xasprintf("%.*s.%s.tmp-XXXXXX", (int)(base - output), output, base);
	int fd;

	if (!dry_run) {
		if ((fd = mkstemp(path)) < 0)
			fatal("cannot create a file beside %s:", output);
		close(fd);
	}
	strvec_push(&files, path);
	return path;
}

void temp_keep(const char *path)
{
	for (size_t i = 0; i < files.len; i++)
		if (files.v[i] && strcmp(files.v[i], path) == 0)
			files.v[i] = NULL;
}
