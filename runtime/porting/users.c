/*
 * users.c: users, groups, host and terminal names, for wasm32-wasi. WASI
 * has no users: the program runs as user 0, group 0, with no supplementary
 * groups until it sets some (user 0 may: setgroups, initgroups), and cannot
 * become anyone else (EPERM). It has no login name
 * (getlogin: NULL, ENXIO), no terminal (ENOTTY) and the host name
 * "localhost".
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

uid_t getuid(void) { return 0; }
uid_t geteuid(void) { return 0; }
gid_t getgid(void) { return 0; }
gid_t getegid(void) { return 0; }
int issetugid(void) { return 0; }

/* The supplementary groups: none at first. */
static gid_t groups[NGROUPS_MAX];
static int group_count;

int getgroups(int size, gid_t list[])
{
	if (size == 0)
		return group_count;
	if (size < group_count) {
		errno = EINVAL;
		return -1;
	}
	for (int i = 0; i < group_count; i++)
		list[i] = groups[i];
	return group_count;
}

/* Only to the ids it already has. */
static int become(unsigned id)
{
	if (id != 0) {
		errno = EPERM;
		return -1;
	}
	return 0;
}

int setuid(uid_t uid) { return become(uid); }
int seteuid(uid_t uid) { return become(uid); }
int setgid(gid_t gid) { return become(gid); }
int setegid(gid_t gid) { return become(gid); }

int setreuid(uid_t r, uid_t e)
{
	return (r != (uid_t)-1 && become(r) < 0) || (e != (uid_t)-1 && become(e) < 0) ? -1 : 0;
}

int setregid(gid_t r, gid_t e)
{
	return (r != (gid_t)-1 && become(r) < 0) || (e != (gid_t)-1 && become(e) < 0) ? -1 : 0;
}

int setresuid(uid_t r, uid_t e, uid_t s)
{
	return setreuid(r, e) < 0 || (s != (uid_t)-1 && become(s) < 0) ? -1 : 0;
}

int setresgid(gid_t r, gid_t e, gid_t s)
{
	return setregid(r, e) < 0 || (s != (gid_t)-1 && become(s) < 0) ? -1 : 0;
}

int getresuid(uid_t *r, uid_t *e, uid_t *s)
{
	*r = *e = *s = 0;
	return 0;
}

int getresgid(gid_t *r, gid_t *e, gid_t *s)
{
	*r = *e = *s = 0;
	return 0;
}

/* User 0 may set any, up to NGROUPS_MAX. */
int setgroups(size_t size, const gid_t *list)
{
	if (size > NGROUPS_MAX) {
		errno = EINVAL;
		return -1;
	}
	for (size_t i = 0; i < size; i++)
		groups[i] = list[i];
	group_count = (int)size;
	return 0;
}

int euidaccess(const char *path, int mode)
{
	return access(path, mode);
}

int eaccess(const char *path, int mode)
{
	return access(path, mode);
}

char *getlogin(void)
{
	errno = ENXIO;
	return NULL;
}

int getlogin_r(char *name, size_t size)
{
	(void)name, (void)size;
	return ENXIO;
}

int gethostname(char *name, size_t size)
{
	static const char host[] = "localhost";

	if (size < sizeof host) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, host, sizeof host);
	return 0;
}

int sethostname(const char *name, size_t size)
{
	(void)name, (void)size;
	errno = EPERM;
	return -1;
}

/* POSIX allows the empty string when the terminal's name is unknown. */
char *ctermid(char *s)
{
	static char none[1];

	if (s) {
		*s = 0;
		return s;
	}
	return none;
}

static int not_a_tty(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? ENOTTY : errno;
}

char *ttyname(int fd)
{
	errno = not_a_tty(fd);
	return NULL;
}

int ttyname_r(int fd, char *name, size_t size)
{
	(void)name, (void)size;
	return not_a_tty(fd);
}

pid_t tcgetpgrp(int fd)
{
	errno = not_a_tty(fd);
	return -1;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	(void)pgrp;
	errno = not_a_tty(fd);
	return -1;
}

/* No login name (getlogin): as glibc when there is none, s emptied and returned. */
char *cuserid(char *s)
{
	if (s)
		*s = 0;
	return s;
}
