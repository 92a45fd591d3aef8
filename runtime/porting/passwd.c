/*
 * passwd.c: the user and group databases, for wasm32-wasi: empty, since
 * WASI has no users. Look-ups find nothing (NULL, errno unchanged; the _r
 * forms return 0 with *result NULL), enumeration ends at once, as on a
 * system whose passwd and group files list no one.
 */
#include <grp.h>
#include <pwd.h>
#include <stddef.h>
#include <unistd.h>

void setpwent(void) {}
void endpwent(void) {}
struct passwd *getpwent(void) { return NULL; }

struct passwd *getpwuid(uid_t uid)
{
	(void)uid;
	return NULL;
}

struct passwd *getpwnam(const char *name)
{
	(void)name;
	return NULL;
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t size, struct passwd **result)
{
	(void)uid, (void)pw, (void)buf, (void)size;
	*result = NULL;
	return 0;
}

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t size, struct passwd **result)
{
	(void)name, (void)pw, (void)buf, (void)size;
	*result = NULL;
	return 0;
}

void setgrent(void) {}
void endgrent(void) {}
struct group *getgrent(void) { return NULL; }

struct group *getgrgid(gid_t gid)
{
	(void)gid;
	return NULL;
}

struct group *getgrnam(const char *name)
{
	(void)name;
	return NULL;
}

int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t size, struct group **result)
{
	(void)gid, (void)gr, (void)buf, (void)size;
	*result = NULL;
	return 0;
}

int getgrnam_r(const char *name, struct group *gr, char *buf, size_t size, struct group **result)
{
	(void)name, (void)gr, (void)buf, (void)size;
	*result = NULL;
	return 0;
}

/* The user is in the group it names, and in no other. */
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *count)
{
	(void)user;
	if (*count < 1) {
		*count = 1;
		return -1;
	}
	groups[0] = group;
	*count = 1;
	return 1;
}

/* The user's groups, as getgrouplist gives them: the group it names. */
int initgroups(const char *user, gid_t group)
{
	(void)user;
	return setgroups(1, &group);
}
