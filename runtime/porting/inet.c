/*
 * inet.c: the IPv4 text conversions wasi-libc leaves out: inet_addr,
 * inet_network, inet_ntoa and the classful helpers. inet_addr and
 * inet_network accept what inet_aton accepts (a.b.c.d, a.b.c, a.b, a, in
 * decimal, octal or hex).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>

in_addr_t inet_addr(const char *s)
{
	struct in_addr a;

	return inet_aton(s, &a) ? a.s_addr : INADDR_NONE;
}

in_addr_t inet_network(const char *s)
{
	return ntohl(inet_addr(s));
}

char *inet_ntoa(struct in_addr in)
{
	static char buf[16];
	const unsigned char *b = (const unsigned char *)&in;

	snprintf(buf, sizeof buf, "%d.%d.%d.%d", b[0], b[1], b[2], b[3]);
	return buf;
}

/* Classful addressing: the network part is 8, 16 or 24 bits. */
struct in_addr inet_makeaddr(in_addr_t net, in_addr_t host)
{
	struct in_addr a;

	if (net < 256)
		a.s_addr = htonl(net << 24 | (host & 0xffffff));
	else if (net < 65536)
		a.s_addr = htonl(net << 16 | (host & 0xffff));
	else
		a.s_addr = htonl(net << 8 | (host & 0xff));
	return a;
}

static unsigned host_bits(in_addr_t h)
{
	return (h >> 31) == 0 ? 24 : (h >> 30) == 2 ? 16 : 8;
}

in_addr_t inet_lnaof(struct in_addr in)
{
	in_addr_t h = ntohl(in.s_addr);

	return h & ((1u << host_bits(h)) - 1);
}

in_addr_t inet_netof(struct in_addr in)
{
	in_addr_t h = ntohl(in.s_addr);

	return h >> host_bits(h);
}
