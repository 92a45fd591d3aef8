/*
 * modes.c: file modes and owners, for wasm32-wasi. WASI preview1 has
 * neither: a file's mode is whatever the host gave it. So chmod, chown and
 * their kin succeed without effect on a file that exists (and fail as stat
 * would on one that does not), umask keeps the mask it is given and
 * reports the last one, and FIFOs and device nodes cannot be made (ENOSYS).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int exists(const char *path, int flags)
{
	struct stat st;

	return fstatat(AT_FDCWD, path, &st, flags) == 0 ? 0 : -1;
}

static int exists_fd(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? 0 : -1;
}

int chmod(const char *path, mode_t mode)
{
	(void)mode;
	return exists(path, 0);
}

int lchmod(const char *path, mode_t mode)
{
	(void)mode;
	return exists(path, AT_SYMLINK_NOFOLLOW);
}

int fchmod(int fd, mode_t mode)
{
	(void)mode;
	return exists_fd(fd);
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	struct stat st;

	(void)mode;
	return fstatat(dirfd, path, &st, flags) == 0 ? 0 : -1;
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	(void)uid, (void)gid;
	return exists(path, 0);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	(void)uid, (void)gid;
	return exists(path, AT_SYMLINK_NOFOLLOW);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	(void)uid, (void)gid;
	return exists_fd(fd);
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	struct stat st;

	(void)uid, (void)gid;
	return fstatat(dirfd, path, &st, flags) == 0 ? 0 : -1;
}

mode_t umask(mode_t mask)
{
	static mode_t current = 022;
	mode_t old = current;

	current = mask & 0777;
	return old;
}

int mkfifo(const char *path, mode_t mode)
{
	(void)path, (void)mode;
	errno = ENOSYS;
	return -1;
}

int mkfifoat(int dirfd, const char *path, mode_t mode)
{
	(void)dirfd, (void)path, (void)mode;
	errno = ENOSYS;
	return -1;
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	(void)path, (void)mode, (void)dev;
	errno = ENOSYS;
	return -1;
}

int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	(void)dirfd, (void)path, (void)mode, (void)dev;
	errno = ENOSYS;
	return -1;
}
