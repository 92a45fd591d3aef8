/* versionscript.h: an ELF version script's global: patterns (versionscript.c). */
#ifndef VERSIONSCRIPT_H
#define VERSIONSCRIPT_H

#include "util.h"

struct version_script {
	int given;           /* a script was read: it decides what is exported */
	struct strvec global; /* fnmatch patterns of the global: parts */
};

/* Adds the patterns of the script at path; -1 with *err "FILE:LINE: what is wrong". */
int version_script_read(const char *path, struct version_script *vs, char **err);
/* Whether a global: pattern matches name. */
int version_script_exports(const struct version_script *vs, const char *name);
void version_script_free(struct version_script *vs);

#endif
