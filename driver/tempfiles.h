/* tempfiles.h: temporary files, named, registered, and removed whatever happens. */
#ifndef TEMPFILES_H
#define TEMPFILES_H

#include <signal.h>
#include <sys/types.h>

/*
 * With dry_run (-###) nothing is created and the names keep their XXXXXX,
 * so that printed plans compare equal from one run to the next.
 */

/* A path named after `name` in the driver's private directory under $TMPDIR. */
const char *temp_file(int dry_run, const char *name);

/* A file beside `output` that a step writes and rename() then moves into place. */
const char *output_temp(int dry_run, const char *output);

/* Stops removing path at exit: it has become the user's output. */
void temp_keep(const char *path);

/* Removes every temporary; installed as the exit cleanup and on fatal signals. */
void temps_init(void);
void temps_remove(void);

/*
 * While a step runs as process pid (temps_child), a fatal signal is passed
 * on to it; once it has ended and been waited for, temps_child_done()
 * removes the temporaries and dies of that signal, if one came. Both are
 * called with the fatal signals blocked (temps_block_signals: *old is the
 * mask to restore), so that no signal falls between the two.
 */
void temps_block_signals(sigset_t *old);
void temps_child(pid_t pid);
void temps_child_done(void);

#endif
