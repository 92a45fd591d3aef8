/*
 * socket.c: the sockets API beyond wasi-libc's accept, send, recv and
 * getsockopt. WASI preview1 cannot create a socket (EAFNOSUPPORT), and on
 * the sockets the host hands over it can only send, receive and shut down:
 * naming, binding, connecting and listening fail with EOPNOTSUPP, after the
 * usual EBADF and ENOTSOCK checks. shutdown replaces wasi-libc's, which
 * passes whatever the host answers (node: ENOTSUP for any descriptor).
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <wasi/api.h>

/* 0 if fd is a socket; -1 with errno EBADF or ENOTSOCK otherwise */
static int is_socket(int fd)
{
	__wasi_fdstat_t st;

	if (fd < 0 || __wasi_fd_fdstat_get((__wasi_fd_t)fd, &st) != __WASI_ERRNO_SUCCESS) {
		errno = EBADF;
		return -1;
	}
	if (st.fs_filetype != __WASI_FILETYPE_SOCKET_STREAM && st.fs_filetype != __WASI_FILETYPE_SOCKET_DGRAM) {
		errno = ENOTSOCK;
		return -1;
	}
	return 0;
}

static int unsupported(int fd)
{
	if (is_socket(fd) == 0)
		errno = EOPNOTSUPP;
	return -1;
}

int shutdown(int fd, int how)
{
	static const __wasi_sdflags_t flags[] = {
		[SHUT_RD] = __WASI_SDFLAGS_RD,
		[SHUT_WR] = __WASI_SDFLAGS_WR,
		[SHUT_RDWR] = __WASI_SDFLAGS_RD | __WASI_SDFLAGS_WR,
	};
	__wasi_errno_t err;

	if (is_socket(fd) < 0)
		return -1;
	if (how < 0 || how >= (int)(sizeof flags / sizeof flags[0])) {
		errno = EINVAL;
		return -1;
	}
	err = __wasi_sock_shutdown((__wasi_fd_t)fd, flags[how]);
	if (err != __WASI_ERRNO_SUCCESS) {
		errno = err;
		return -1;
	}
	return 0;
}

int socket(int domain, int type, int protocol)
{
	(void)domain, (void)type, (void)protocol;
	errno = EAFNOSUPPORT;
	return -1;
}

int socketpair(int domain, int type, int protocol, int fds[2])
{
	(void)domain, (void)type, (void)protocol, (void)fds;
	errno = EAFNOSUPPORT;
	return -1;
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	(void)addr, (void)len;
	return unsupported(fd);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	(void)addr, (void)len;
	return unsupported(fd);
}

int listen(int fd, int backlog)
{
	(void)backlog;
	return unsupported(fd);
}

int getsockname(int fd, struct sockaddr *__restrict addr, socklen_t *__restrict len)
{
	(void)addr, (void)len;
	return unsupported(fd);
}

int getpeername(int fd, struct sockaddr *__restrict addr, socklen_t *__restrict len)
{
	(void)addr, (void)len;
	return unsupported(fd);
}

int setsockopt(int fd, int level, int name, const void *value, socklen_t len)
{
	(void)level, (void)name, (void)value, (void)len;
	if (is_socket(fd) == 0)
		errno = ENOPROTOOPT;
	return -1;
}

/* The host's sockets are connected: the address is ignored, as POSIX says for them. */
ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr, socklen_t alen)
{
	(void)addr, (void)alen;
	return send(fd, buf, len, flags);
}

/* The peer's address is unknown: none is stored (*alen becomes 0). */
ssize_t recvfrom(int fd, void *__restrict buf, size_t len, int flags, struct sockaddr *__restrict addr,
		 socklen_t *__restrict alen)
{
	ssize_t n = recv(fd, buf, len, flags);

	if (n >= 0 && addr && alen)
		*alen = 0;
	return n;
}

/* No control messages: what send and recv do, over the message's buffers. */
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	__wasi_size_t sent;
	__wasi_errno_t e;

	if (flags != 0 || msg->msg_controllen != 0) {
		errno = EOPNOTSUPP;
		return -1;
	}
	if (is_socket(fd) < 0)
		return -1;
	e = __wasi_sock_send((__wasi_fd_t)fd, (const __wasi_ciovec_t *)msg->msg_iov, (size_t)msg->msg_iovlen, 0, &sent);
	if (e != __WASI_ERRNO_SUCCESS) {
		errno = e;
		return -1;
	}
	return (ssize_t)sent;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	__wasi_size_t got;
	__wasi_roflags_t out;
	__wasi_errno_t e;

	if ((flags & ~(MSG_PEEK | MSG_WAITALL)) != 0) {
		errno = EOPNOTSUPP;
		return -1;
	}
	if (is_socket(fd) < 0)
		return -1;
	e = __wasi_sock_recv((__wasi_fd_t)fd, (const __wasi_iovec_t *)msg->msg_iov, (size_t)msg->msg_iovlen,
			     (__wasi_riflags_t)flags, &got, &out);
	if (e != __WASI_ERRNO_SUCCESS) {
		errno = e;
		return -1;
	}
	msg->msg_namelen = 0;
	msg->msg_controllen = 0;
	msg->msg_flags = (out & __WASI_ROFLAGS_RECV_DATA_TRUNCATED) ? MSG_TRUNC : 0;
	return (ssize_t)got;
}

/* Several messages, one sendmsg each: the count sent, or -1 if the first fails. */
int sendmmsg(int fd, struct mmsghdr *msgs, unsigned int n, unsigned int flags)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		ssize_t r = sendmsg(fd, &msgs[i].msg_hdr, (int)flags);

		if (r < 0)
			return i ? (int)i : -1;
		msgs[i].msg_len = (unsigned int)r;
	}
	return (int)i;
}

/* Several messages, one recvmsg each; the timeout is not kept (no timers). */
int recvmmsg(int fd, struct mmsghdr *msgs, unsigned int n, unsigned int flags, struct timespec *timeout)
{
	unsigned int i;

	(void)timeout;
	for (i = 0; i < n; i++) {
		ssize_t r = recvmsg(fd, &msgs[i].msg_hdr, (int)flags);

		if (r < 0)
			return i ? (int)i : -1;
		msgs[i].msg_len = (unsigned int)r;
	}
	return (int)i;
}

/* No out-of-band data can be seen, so never at its mark. */
int sockatmark(int fd)
{
	return is_socket(fd) < 0 ? -1 : 0;
}
