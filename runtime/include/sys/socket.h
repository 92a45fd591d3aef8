/*
 * sys/socket.h: wasi-libc's, with the rest of the sockets API declared as on
 * Linux (runtime/porting/socket.c; doc/porting.md). WASI preview1 cannot
 * create, bind or connect a socket: a program only uses the ones the host
 * hands it, through accept, send, recv, shutdown and getsockopt (wasi-libc's).
 * The constants wasi-libc defines keep its values (AF_INET is 1 here).
 */
#ifndef __wasm32_wasi_cc_sys_socket_h
#define __wasm32_wasi_cc_sys_socket_h

#include_next <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

/* wasi-libc's names a constant that does not exist */
#undef MSG_TRUNC
#define MSG_TRUNC __WASI_ROFLAGS_RECV_DATA_TRUNCATED

#define AF_LOCAL AF_UNIX
#define PF_UNSPEC AF_UNSPEC
#define PF_INET AF_INET
#define PF_INET6 AF_INET6
#define PF_UNIX AF_UNIX
#define PF_LOCAL AF_UNIX

/* apart from wasi-libc's SOCK_DGRAM (5) and SOCK_STREAM (6) */
#define SOCK_RAW 3
#define SOCK_RDM 4
#define SOCK_SEQPACKET 7

/* Linux's option names; setsockopt fails on each with ENOPROTOOPT */
#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_LINGER 13
#define SO_REUSEPORT 15
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL 38
#define SO_DOMAIN 39
#define SO_RCVTIMEO 66
#define SO_SNDTIMEO 67
#define SOMAXCONN 128

int socket(int, int, int);
int socketpair(int, int, int, int[2]);
int bind(int, const struct sockaddr *, socklen_t);
int connect(int, const struct sockaddr *, socklen_t);
int listen(int, int);
int getsockname(int, struct sockaddr *__restrict, socklen_t *__restrict);
int getpeername(int, struct sockaddr *__restrict, socklen_t *__restrict);
int setsockopt(int, int, int, const void *, socklen_t);
ssize_t sendto(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
ssize_t recvfrom(int, void *__restrict, size_t, int, struct sockaddr *__restrict, socklen_t *__restrict);
ssize_t sendmsg(int, const struct msghdr *, int);
ssize_t recvmsg(int, struct msghdr *, int);
int sockatmark(int);

#ifdef __cplusplus
}
#endif

#endif
