/*
 * ppoll.c: poll with a timespec and a signal mask for the wait. The mask
 * is the layer's (signal.c): set for the poll, the old one put back, so a
 * signal it unblocks is delivered as the wait begins, as with ppoll.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout, const sigset_t *mask)
{
	sigset_t old;
	int ms = -1, r, e;

	if (timeout) {
		if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000) {
			errno = EINVAL;
			return -1;
		}
		/* rounded up, as poll may not wait less than asked */
		if (timeout->tv_sec >= INT_MAX / 1000 - 1)
			ms = INT_MAX;
		else
			ms = (int)timeout->tv_sec * 1000 + (int)((timeout->tv_nsec + 999999) / 1000000);
	}
	if (mask && sigprocmask(SIG_SETMASK, mask, &old) < 0)
		return -1;
	r = poll(fds, n, ms);
	e = errno;
	if (mask)
		sigprocmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return r;
}
