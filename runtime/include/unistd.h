/*
 * unistd.h: wasi-libc's, with the POSIX functions it leaves out, which
 * wasm32-wasi-cc's porting layer provides (runtime/porting/). WASI preview1
 * has no processes, users, terminals or descriptor duplication: what cannot
 * work fails with a documented errno, what has nothing to act on succeeds
 * without effect; doc/porting.md has the table. Visible whatever the
 * feature macros.
 */
#ifndef __wasm32_wasi_cc_unistd_h
#define __wasm32_wasi_cc_unistd_h

#ifndef _WASI_EMULATED_GETPID
#define _WASI_EMULATED_GETPID
#endif
#include_next <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

/* descriptors */
int pipe(int [2]);
int pipe2(int [2], int);
int dup(int);
int dup2(int, int);
int dup3(int, int, int);
int fchdir(int);
int lockf(int, int, off_t);
void sync(void);
int syncfs(int);
int getdtablesize(void);
int getpagesize(void);

/* owners */
int chown(const char *, uid_t, gid_t);
int fchown(int, uid_t, gid_t);
int lchown(const char *, uid_t, gid_t);
int fchownat(int, const char *, uid_t, gid_t, int);

/* users and groups */
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int getgroups(int, gid_t []);
int setuid(uid_t);
int seteuid(uid_t);
int setgid(gid_t);
int setegid(gid_t);
int setreuid(uid_t, uid_t);
int setregid(gid_t, gid_t);
int setresuid(uid_t, uid_t, uid_t);
int setresgid(gid_t, gid_t, gid_t);
int getresuid(uid_t *, uid_t *, uid_t *);
int getresgid(gid_t *, gid_t *, gid_t *);
int setgroups(size_t, const gid_t *);
int issetugid(void);
int euidaccess(const char *, int);
int eaccess(const char *, int);
char *getlogin(void);
int getlogin_r(char *, size_t);
int gethostname(char *, size_t);
int sethostname(const char *, size_t);
char *ctermid(char *);

/* processes */
pid_t fork(void);
pid_t vfork(void);
int execve(const char *, char *const [], char *const []);
int execv(const char *, char *const []);
int execle(const char *, const char *, ...);
int execl(const char *, const char *, ...);
int execvp(const char *, char *const []);
int execlp(const char *, const char *, ...);
int execvpe(const char *, char *const [], char *const []);
int fexecve(int, char *const [], char *const []);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t);
int setpgid(pid_t, pid_t);
pid_t setpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t);
int nice(int);
int daemon(int, int);
int chroot(const char *);

/* signals and terminals */
unsigned alarm(unsigned);
unsigned ualarm(unsigned, unsigned);
int pause(void);
char *ttyname(int);
int ttyname_r(int, char *, size_t);
pid_t tcgetpgrp(int);
int tcsetpgrp(int, pid_t);

#ifdef __cplusplus
}
#endif

#endif
