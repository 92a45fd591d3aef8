/*
 * pwd.h: the user database, for wasm32-wasi. wasi-libc has no such header:
 * WASI has no users. The database is empty: every look-up finds nothing
 * (NULL with errno unchanged, or 0 with *result NULL for the _r forms), as
 * on a system whose passwd file lists no one (runtime/porting/passwd.c;
 * doc/porting.md).
 */
#ifndef _PWD_H
#define _PWD_H

#ifdef __cplusplus
extern "C" {
#endif

#define __NEED_size_t
#define __NEED_uid_t
#define __NEED_gid_t
#define __NEED_FILE
#include <bits/alltypes.h>

struct passwd {
	char *pw_name;
	char *pw_passwd;
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;
	char *pw_dir;
	char *pw_shell;
};

void setpwent(void);
void endpwent(void);
struct passwd *getpwent(void);
struct passwd *getpwuid(uid_t);
struct passwd *getpwnam(const char *);
int getpwuid_r(uid_t, struct passwd *, char *, size_t, struct passwd **);
int getpwnam_r(const char *, struct passwd *, char *, size_t, struct passwd **);

#ifdef __cplusplus
}
#endif

#endif
