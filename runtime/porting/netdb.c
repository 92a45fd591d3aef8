/*
 * netdb.c: names and addresses without a resolver. WASI preview1 has no name
 * service: numeric addresses, numeric ports and "localhost" are converted as
 * anywhere else; every other host name is not found, and the services,
 * protocols and networks databases are empty.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int h_errno_value;

int *__h_errno_location(void)
{
	return &h_errno_value;
}

const char *hstrerror(int code)
{
	switch (code) {
	case HOST_NOT_FOUND: return "Unknown host";
	case TRY_AGAIN: return "Host name lookup failure";
	case NO_RECOVERY: return "Unknown server error";
	case NO_DATA: return "No address associated with name";
	default: return "Resolver internal error";
	}
}

void herror(const char *prefix)
{
	fprintf(stderr, "%s%s%s\n", prefix && *prefix ? prefix : "", prefix && *prefix ? ": " : "",
		hstrerror(h_errno));
}

const char *gai_strerror(int code)
{
	switch (code) {
	case 0: return "Success";
	case EAI_BADFLAGS: return "Invalid flags";
	case EAI_NONAME: return "Name does not resolve";
	case EAI_AGAIN: return "Try again";
	case EAI_FAIL: return "Non-recoverable error";
	case EAI_NODATA: return "Name has no usable address";
	case EAI_FAMILY: return "Unrecognized address family or invalid length";
	case EAI_SOCKTYPE: return "Unrecognized socket type";
	case EAI_SERVICE: return "Unrecognized service";
	case EAI_MEMORY: return "Out of memory";
	case EAI_SYSTEM: return "System error";
	case EAI_OVERFLOW: return "Overflow";
	default: return "Unknown error";
	}
}

/* The addresses a host name stands for, without a resolver: 0 or an EAI_ code. */
struct addresses {
	int n;
	int family[2];
	unsigned char addr[2][16];
};

static int find_addresses(const char *node, int family, int flags, struct addresses *out)
{
	static const unsigned char loop6[16] = { [15] = 1 };
	static const unsigned char any6[16];
	struct in_addr v4;
	int want4 = family == AF_UNSPEC || family == AF_INET, want6 = family == AF_UNSPEC || family == AF_INET6;

	out->n = 0;
	if (node == NULL || ((flags & AI_NUMERICHOST) == 0 && strcmp(node, "localhost") == 0)) {
		int passive = node == NULL && (flags & AI_PASSIVE);

		if (want4) {
			v4.s_addr = htonl(passive ? INADDR_ANY : INADDR_LOOPBACK);
			out->family[out->n] = AF_INET;
			memcpy(out->addr[out->n++], &v4, 4);
		}
		if (want6) {
			out->family[out->n] = AF_INET6;
			memcpy(out->addr[out->n++], passive ? any6 : loop6, 16);
		}
		return 0;
	}
	if (inet_pton(AF_INET, node, &v4) == 1) {
		if (!want4)
			return EAI_NONAME;
		out->family[0] = AF_INET;
		memcpy(out->addr[0], &v4, 4);
		out->n = 1;
		return 0;
	}
	if (inet_pton(AF_INET6, node, out->addr[0]) == 1) {
		if (!want6)
			return EAI_NONAME;
		out->family[0] = AF_INET6;
		out->n = 1;
		return 0;
	}
	return EAI_NONAME;
}

/* a port number, in network order, or -1 */
static int find_port(const char *service, int flags)
{
	char *end;
	unsigned long port;

	if (service == NULL)
		return 0;
	port = strtoul(service, &end, 10);
	if (*service && *end == '\0' && port <= 65535)
		return htons((unsigned short)port);
	(void)flags;
	return -1;
}

void freeaddrinfo(struct addrinfo *ai)
{
	while (ai) {
		struct addrinfo *next = ai->ai_next;

		free(ai);
		ai = next;
	}
}

/* One entry with its address and canonical name in the same block, which freeaddrinfo frees. */
static struct addrinfo *entry(int family, const unsigned char *addr, int port, int socktype, int protocol,
			      const char *canon)
{
	size_t alen = family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
	size_t clen = canon ? strlen(canon) + 1 : 0;
	struct addrinfo *ai = calloc(1, sizeof *ai + sizeof(struct sockaddr_in6) + clen);

	if (!ai)
		return NULL;
	ai->ai_family = family;
	ai->ai_socktype = socktype;
	ai->ai_protocol = protocol;
	ai->ai_addrlen = (socklen_t)alen;
	ai->ai_addr = (struct sockaddr *)(ai + 1);
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ai->ai_addr;

		sin->sin_family = AF_INET;
		sin->sin_port = (in_port_t)port;
		memcpy(&sin->sin_addr, addr, 4);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ai->ai_addr;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = (in_port_t)port;
		memcpy(&sin6->sin6_addr, addr, 16);
	}
	if (canon) {
		ai->ai_canonname = (char *)ai->ai_addr + sizeof(struct sockaddr_in6);
		memcpy(ai->ai_canonname, canon, clen);
	}
	return ai;
}

int getaddrinfo(const char *__restrict node, const char *__restrict service, const struct addrinfo *__restrict hints,
		struct addrinfo **__restrict res)
{
	static const struct addrinfo none;
	const struct addrinfo *h = hints ? hints : &none;
	int known = AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL | AI_ADDRCONFIG | AI_NUMERICSERV;
	int types[2], protocols[2], ntypes = 0, port, e;
	struct addresses found;
	struct addrinfo *head = NULL, **tail = &head;

	if (h->ai_flags & ~known)
		return EAI_BADFLAGS;
	if (h->ai_family != AF_UNSPEC && h->ai_family != AF_INET && h->ai_family != AF_INET6)
		return EAI_FAMILY;
	if (node == NULL && service == NULL)
		return EAI_NONAME;
	if (h->ai_socktype == 0 || h->ai_socktype == SOCK_STREAM) {
		types[ntypes] = SOCK_STREAM;
		protocols[ntypes++] = IPPROTO_TCP;
	}
	if (h->ai_socktype == 0 || h->ai_socktype == SOCK_DGRAM) {
		types[ntypes] = SOCK_DGRAM;
		protocols[ntypes++] = IPPROTO_UDP;
	}
	if (ntypes == 0)
		return EAI_SOCKTYPE;
	port = find_port(service, h->ai_flags);
	if (port < 0)
		return (h->ai_flags & AI_NUMERICSERV) ? EAI_NONAME : EAI_SERVICE;
	e = find_addresses(node, h->ai_family, h->ai_flags, &found);
	if (e)
		return e;
	for (int a = 0; a < found.n; a++)
		for (int t = 0; t < ntypes; t++) {
			const char *canon = (h->ai_flags & AI_CANONNAME) && head == NULL ? (node ? node : "localhost")
											 : NULL;

			*tail = entry(found.family[a], found.addr[a], port, types[t],
				      h->ai_protocol ? h->ai_protocol : protocols[t], canon);
			if (*tail == NULL) {
				freeaddrinfo(head);
				return EAI_MEMORY;
			}
			tail = &(*tail)->ai_next;
		}
	*res = head;
	return 0;
}

int getnameinfo(const struct sockaddr *__restrict sa, socklen_t salen, char *__restrict host, socklen_t hostlen,
		char *__restrict serv, socklen_t servlen, int flags)
{
	const void *addr;
	int port;

	if (sa->sa_family == AF_INET && salen >= sizeof(struct sockaddr_in)) {
		addr = &((const struct sockaddr_in *)sa)->sin_addr;
		port = ((const struct sockaddr_in *)sa)->sin_port;
	} else if (sa->sa_family == AF_INET6 && salen >= sizeof(struct sockaddr_in6)) {
		addr = &((const struct sockaddr_in6 *)sa)->sin6_addr;
		port = ((const struct sockaddr_in6 *)sa)->sin6_port;
	} else {
		return EAI_FAMILY;
	}
	if (host && hostlen) {
		if (flags & NI_NAMEREQD)
			return EAI_NONAME;
		if (!inet_ntop(sa->sa_family, addr, host, hostlen))
			return EAI_OVERFLOW;
	}
	if (serv && servlen && snprintf(serv, servlen, "%d", ntohs((in_port_t)port)) >= (int)servlen)
		return EAI_OVERFLOW;
	return 0;
}

/* gethostbyname's one result: an IPv4 or IPv6 address, numeric or localhost's. */
static struct {
	struct hostent h;
	char name[NI_MAXHOST + 1];
	char *aliases[1];
	char *list[2];
	unsigned char addr[16];
} host;

struct hostent *gethostbyname2(const char *name, int family)
{
	struct addresses found;

	if ((family != AF_INET && family != AF_INET6) || strlen(name) > NI_MAXHOST) {
		h_errno = HOST_NOT_FOUND;
		return NULL;
	}
	if (find_addresses(name, family, 0, &found) != 0) {
		h_errno = HOST_NOT_FOUND;
		return NULL;
	}
	strcpy(host.name, name);
	memcpy(host.addr, found.addr[0], 16);
	host.aliases[0] = NULL;
	host.list[0] = (char *)host.addr;
	host.list[1] = NULL;
	host.h.h_name = host.name;
	host.h.h_aliases = host.aliases;
	host.h.h_addrtype = family;
	host.h.h_length = family == AF_INET ? 4 : 16;
	host.h.h_addr_list = host.list;
	return &host.h;
}

struct hostent *gethostbyname(const char *name)
{
	return gethostbyname2(name, AF_INET);
}

/* The databases: empty (no resolver, no /etc/services, /etc/protocols, /etc/networks). */
struct hostent *gethostbyaddr(const void *addr, socklen_t len, int family)
{
	(void)addr, (void)len, (void)family;
	h_errno = HOST_NOT_FOUND;
	return NULL;
}

struct hostent *gethostent(void)
{
	return NULL;
}

void sethostent(int stay)
{
	(void)stay;
}

void endhostent(void)
{
}

struct servent *getservbyname(const char *name, const char *proto)
{
	(void)name, (void)proto;
	return NULL;
}

struct servent *getservbyport(int port, const char *proto)
{
	(void)port, (void)proto;
	return NULL;
}

struct servent *getservent(void)
{
	return NULL;
}

void setservent(int stay)
{
	(void)stay;
}

void endservent(void)
{
}

struct protoent *getprotobyname(const char *name)
{
	(void)name;
	return NULL;
}

struct protoent *getprotobynumber(int proto)
{
	(void)proto;
	return NULL;
}

struct protoent *getprotoent(void)
{
	return NULL;
}

void setprotoent(int stay)
{
	(void)stay;
}

void endprotoent(void)
{
}

struct netent *getnetbyname(const char *name)
{
	(void)name;
	return NULL;
}

struct netent *getnetbyaddr(uint32_t net, int type)
{
	(void)net, (void)type;
	return NULL;
}

struct netent *getnetent(void)
{
	return NULL;
}

void setnetent(int stay)
{
	(void)stay;
}

void endnetent(void)
{
}
