/*
 * termios.c: terminals as far as WASI preview1 goes (runtime/include/termios.h).
 * A descriptor isatty calls a terminal is described as the cooked terminal
 * a shell leaves, which nothing here can change; any other descriptor is no
 * terminal (ENOTTY), so that tcgetattr and isatty always agree.
 */
#include <errno.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* 0 on a terminal; else -1 with errno ENOTTY, or EBADF for a bad descriptor. */
static int terminal(int fd)
{
	if (isatty(fd))
		return 0;
	if (errno != EBADF)
		errno = ENOTTY;
	return -1;
}

static void cooked(struct termios *t)
{
	static const cc_t cc[] = {
		[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025, [VEOF] = 004,
		[VMIN] = 1, [VSTART] = 021, [VSTOP] = 023, [VSUSP] = 032, [VREPRINT] = 022,
		[VDISCARD] = 017, [VWERASE] = 027, [VLNEXT] = 026,
	};

	memset(t, 0, sizeof *t);
	t->c_iflag = ICRNL | IXON | IUTF8;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B38400 | CS8 | CREAD | HUPCL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(t->c_cc, cc, sizeof cc);
	t->__c_ispeed = t->__c_ospeed = B38400;
}

int tcgetattr(int fd, struct termios *t)
{
	if (terminal(fd) < 0)
		return -1;
	cooked(t);
	return 0;
}

int tcsetattr(int fd, int action, const struct termios *t)
{
	struct termios now;

	if (terminal(fd) < 0)
		return -1;
	cooked(&now);
	if ((action != TCSANOW && action != TCSADRAIN && action != TCSAFLUSH) ||
	    t->c_iflag != now.c_iflag || t->c_oflag != now.c_oflag || t->c_cflag != now.c_cflag ||
	    t->c_lflag != now.c_lflag || memcmp(t->c_cc, now.c_cc, sizeof now.c_cc) != 0 ||
	    cfgetispeed(t) != B38400 || cfgetospeed(t) != B38400) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* Output is the host's as soon as it is written; input is never discarded. */
int tcdrain(int fd)
{
	return terminal(fd);
}

int tcflush(int fd, int queue)
{
	if (terminal(fd) < 0)
		return -1;
	if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

int tcflow(int fd, int action)
{
	if (terminal(fd) < 0)
		return -1;
	if (action != TCOOFF && action != TCOON && action != TCIOFF && action != TCION) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

int tcsendbreak(int fd, int duration)
{
	(void)duration;
	return terminal(fd);
}

/* The program leads its session (getsid(0), doc/porting.md). */
pid_t tcgetsid(int fd)
{
	return terminal(fd) < 0 ? -1 : getpid();
}

speed_t cfgetispeed(const struct termios *t)
{
	return t->__c_ispeed;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_cflag & CBAUD;
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	if (speed & ~(speed_t)CBAUD) {
		errno = EINVAL;
		return -1;
	}
	t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | speed;
	t->__c_ospeed = speed;
	return 0;
}

int cfsetispeed(struct termios *t, speed_t speed)
{
	if (speed & ~(speed_t)CBAUD) {
		errno = EINVAL;
		return -1;
	}
	/* 0: the same as the output speed (POSIX) */
	t->__c_ispeed = speed ? speed : cfgetospeed(t);
	return 0;
}

int cfsetspeed(struct termios *t, speed_t speed)
{
	return cfsetospeed(t, speed) < 0 ? -1 : cfsetispeed(t, speed);
}

/* What glibc and musl make of a raw terminal, for tcsetattr to refuse. */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
