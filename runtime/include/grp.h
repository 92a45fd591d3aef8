/*
 * grp.h: the group database, for wasm32-wasi. wasi-libc has no such
 * header: WASI has no groups. Like the user database (pwd.h) it is empty:
 * every look-up finds nothing (runtime/porting/passwd.c; doc/porting.md).
 */
#ifndef _GRP_H
#define _GRP_H

#ifdef __cplusplus
extern "C" {
#endif

#define __NEED_size_t
#define __NEED_gid_t
#include <bits/alltypes.h>

struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};

void setgrent(void);
void endgrent(void);
struct group *getgrent(void);
struct group *getgrgid(gid_t);
struct group *getgrnam(const char *);
int getgrgid_r(gid_t, struct group *, char *, size_t, struct group **);
int getgrnam_r(const char *, struct group *, char *, size_t, struct group **);
int getgrouplist(const char *, gid_t, gid_t *, int *);
int initgroups(const char *, gid_t);

#ifdef __cplusplus
}
#endif

#endif
