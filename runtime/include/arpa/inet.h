/*
 * arpa/inet.h: wasi-libc's, with the IPv4 text conversions it leaves out
 * (runtime/porting/inet.c). They touch no network, so they work as
 * anywhere else.
 */
#ifndef __wasm32_wasi_cc_arpa_inet_h
#define __wasm32_wasi_cc_arpa_inet_h

#include_next <arpa/inet.h>

#ifdef __cplusplus
extern "C" {
#endif

in_addr_t inet_addr(const char *);
in_addr_t inet_network(const char *);
char *inet_ntoa(struct in_addr);
struct in_addr inet_makeaddr(in_addr_t, in_addr_t);
in_addr_t inet_lnaof(struct in_addr);
in_addr_t inet_netof(struct in_addr);

#ifdef __cplusplus
}
#endif

#endif
