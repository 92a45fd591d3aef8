/* pcfile.h: reading pkg-config .pc files, for --use-port. */
#ifndef PCFILE_H
#define PCFILE_H

#include "util.h"

/*
 * Reads the module in the .pc file path, then each module it requires
 * (Requires and Requires.private, found as NAME.pc in the directories
 * dirs): their Cflags into cflags, their Libs and Libs.private (what a
 * static archive needs) into libs, each word once and in pkg-config's
 * order. Returns NULL, or the error (allocated).
 */
char *pc_read(const char *path, const struct strvec *dirs, struct strvec *cflags, struct strvec *libs);

#endif
