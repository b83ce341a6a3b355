/*
 * The C reference of scripts/bench: the same route and nexthop requests the library sends, built
 * with Debian's libmnl and sent 256 per sendmsg, once with NLM_F_ACK on every message (each batch's
 * ACKs drained before the next), once without (the kernel answers only failures: the fastest a
 * process can feed rtnetlink, the kernel's own limit). Also a dump of a table into plain structs.
 *
 *   mnl_bench install FILE IFINDEX TABLE ack|noack   -> "seconds requests errors cpu-seconds"
 *   mnl_bench dump TABLE                            -> "seconds routes cpu-seconds"
 * (cpu-seconds: the process's user + system time over the same span; the kernel's handlers run in
 * the sender's and the reader's context, so they count)
 *
 * FILE holds one request a line, as scripts/bench generates it for every contender:
 *   nh ID DST KEY   ip nexthop add id ID encap ip id KEY dst DST key dev IFINDEX
 *   r DST           ip route add DST/32 dev IFINDEX table TABLE
 *   r DST NHID      ip route add DST/32 nhid NHID table TABLE
 *
 * Build: gcc -O2 -o mnl_bench mnl_bench.c -lmnl
 */
#include <arpa/inet.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/lwtunnel.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PER_SENDMSG 256
#ifndef TUNNEL_KEY
#define TUNNEL_KEY 0x04 /* include/net/ip_tunnels.h (not uapi) */
#endif

struct req {
	int nexthop;     /* 1: nexthop object, 0: route */
	uint32_t dst;    /* network order */
	uint32_t id;     /* nexthop id, or the route's nhid (0: dev route) */
	uint64_t key;
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static struct req *load(const char *path, size_t *count)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(2);
	}
	size_t cap = 1024, n = 0;
	struct req *v = malloc(cap * sizeof(*v));
	char kind[8], a[64];
	char line[256];
	while (fgets(line, sizeof(line), f)) {
		unsigned long long x = 0, y = 0;
		int k = sscanf(line, "%7s %63s %llu %llu", kind, a, &x, &y);
		if (k < 2)
			continue;
		if (n == cap)
			v = realloc(v, (cap *= 2) * sizeof(*v));
		memset(&v[n], 0, sizeof(v[n]));
		if (strcmp(kind, "nh") == 0) {
			/* nh ID DST KEY: the id comes first */
			v[n].nexthop = 1;
			v[n].id = strtoul(a, NULL, 10);
			k = sscanf(line, "%7s %*s %63s %llu", kind, a, &y);
			v[n].key = y;
		} else {
			v[n].id = k >= 3 ? (uint32_t)x : 0;
		}
		if (inet_pton(AF_INET, a, &v[n].dst) != 1) {
			fprintf(stderr, "bad address %s\n", a);
			exit(2);
		}
		n++;
	}
	fclose(f);
	*count = n;
	return v;
}

static void put_request(char *buf, const struct req *r, uint32_t seq, int ifindex, int table, int ack)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL | (ack ? NLM_F_ACK : 0);
	nlh->nlmsg_seq = seq;
	if (r->nexthop) {
		nlh->nlmsg_type = RTM_NEWNEXTHOP;
		struct nhmsg *nh = mnl_nlmsg_put_extra_header(nlh, sizeof(*nh));
		nh->nh_family = AF_INET;
		mnl_attr_put_u32(nlh, NHA_ID, r->id);
		struct nlattr *e = mnl_attr_nest_start(nlh, NHA_ENCAP);
		mnl_attr_put_u64(nlh, LWTUNNEL_IP_ID, htobe64(r->key));
		mnl_attr_put_u32(nlh, LWTUNNEL_IP_DST, r->dst);
		mnl_attr_put_u16(nlh, LWTUNNEL_IP_FLAGS, htons(TUNNEL_KEY));
		mnl_attr_nest_end(nlh, e);
		mnl_attr_put_u16(nlh, NHA_ENCAP_TYPE, LWTUNNEL_ENCAP_IP);
		mnl_attr_put_u32(nlh, NHA_OIF, ifindex);
		return;
	}
	nlh->nlmsg_type = RTM_NEWROUTE;
	struct rtmsg *rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = AF_INET;
	rtm->rtm_dst_len = 32;
	rtm->rtm_table = table < 256 ? table : RT_TABLE_UNSPEC;
	rtm->rtm_protocol = RTPROT_BOOT;
	rtm->rtm_scope = r->id ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	rtm->rtm_type = RTN_UNICAST;
	mnl_attr_put_u32(nlh, RTA_DST, r->dst);
	if (table >= 256)
		mnl_attr_put_u32(nlh, RTA_TABLE, table);
	if (r->id)
		mnl_attr_put_u32(nlh, RTA_NH_ID, r->id);
	else
		mnl_attr_put_u32(nlh, RTA_OIF, ifindex);
}

static int errors;

static int count_errors(const struct nlmsghdr *nlh, void *data)
{
	(void)data;
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	if (e->error != 0 && errors++ < 5)
		fprintf(stderr, "seq %u: %s\n", e->msg.nlmsg_seq, strerror(-e->error));
	return MNL_CB_OK;
}

/* Reads until the ACK (or error) of message seq `last` has arrived. */
static void drain(struct mnl_socket *nl, char *rbuf, size_t rlen, uint32_t last)
{
	for (;;) {
		ssize_t got = mnl_socket_recvfrom(nl, rbuf, rlen);
		if (got < 0) {
			perror("recvfrom");
			exit(1);
		}
		int n = (int)got;
		int seen = 0;
		for (const struct nlmsghdr *h = (void *)rbuf; mnl_nlmsg_ok(h, n); h = mnl_nlmsg_next(h, &n)) {
			if (h->nlmsg_type == NLMSG_ERROR) {
				count_errors(h, NULL);
				if (h->nlmsg_seq == last)
					seen = 1;
			}
		}
		if (seen)
			return;
	}
}

static int install(const char *file, int ifindex, int table, int ack)
{
	size_t n;
	struct req *reqs = load(file, &n);
	struct mnl_socket *nl = mnl_socket_open(NETLINK_ROUTE);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("mnl_socket");
		return 1;
	}
	int one = 1, big = 8 << 20;
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof(big));
	setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_SNDBUFFORCE, &big, sizeof(big));
	size_t blen = PER_SENDMSG * 256 + 64;
	char *buf = malloc(blen);
	size_t rlen = 1 << 20;
	char *rbuf = malloc(rlen);
	uint32_t seq = 1;

	double c0 = cpu();
	double t0 = now();
	for (size_t i = 0; i < n;) {
		size_t len = 0;
		size_t k = 0;
		for (; k < PER_SENDMSG && i < n; k++, i++) {
			put_request(buf + len, &reqs[i], seq++, ifindex, table, ack);
			len += NLMSG_ALIGN(((struct nlmsghdr *)(buf + len))->nlmsg_len);
		}
		if (!ack && i == n) {
			/* one barrier at the very end: its ACK follows every error */
			struct nlmsghdr *b = mnl_nlmsg_put_header(buf + len);
			b->nlmsg_type = NLMSG_NOOP;
			b->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
			b->nlmsg_seq = seq++;
			len += NLMSG_ALIGN(b->nlmsg_len);
		}
		if (mnl_socket_sendto(nl, buf, len) < 0) {
			perror("sendto");
			return 1;
		}
		if (ack)
			drain(nl, rbuf, rlen, seq - 1);
	}
	if (!ack)
		drain(nl, rbuf, rlen, seq - 1);
	double t = now() - t0;
	double c = cpu() - c0;
	printf("%.6f %zu %d %.6f\n", t, n, errors, c);
	mnl_socket_close(nl);
	return errors ? 3 : 0;
}

/* --- dump into structs --------------------------------------------------------------------- */

struct route {
	uint32_t dst, gateway, oif, table, nhid, priority;
	uint8_t dst_len, protocol, scope, type;
	uint16_t encap_type;
};

static struct route *routes;
static size_t nroutes, caproutes;

static int route_attr(const struct nlattr *a, void *data)
{
	struct route *r = data;
	switch (mnl_attr_get_type(a)) {
	case RTA_DST: r->dst = mnl_attr_get_u32(a); break;
	case RTA_GATEWAY: r->gateway = mnl_attr_get_u32(a); break;
	case RTA_OIF: r->oif = mnl_attr_get_u32(a); break;
	case RTA_TABLE: r->table = mnl_attr_get_u32(a); break;
	case RTA_NH_ID: r->nhid = mnl_attr_get_u32(a); break;
	case RTA_PRIORITY: r->priority = mnl_attr_get_u32(a); break;
	case RTA_ENCAP_TYPE: r->encap_type = mnl_attr_get_u16(a); break;
	}
	return MNL_CB_OK;
}

static int route_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)data;
	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return MNL_CB_OK;
	if (nroutes == caproutes)
		routes = realloc(routes, (caproutes = caproutes ? caproutes * 2 : 4096) * sizeof(*routes));
	struct route *r = &routes[nroutes++];
	memset(r, 0, sizeof(*r));
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	r->dst_len = rtm->rtm_dst_len;
	r->protocol = rtm->rtm_protocol;
	r->scope = rtm->rtm_scope;
	r->type = rtm->rtm_type;
	r->table = rtm->rtm_table;
	mnl_attr_parse(nlh, sizeof(*rtm), route_attr, r);
	return MNL_CB_OK;
}

static int dump(int table)
{
	struct mnl_socket *nl = mnl_socket_open(NETLINK_ROUTE);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("mnl_socket");
		return 1;
	}
	int one = 1;
	mnl_socket_setsockopt(nl, NETLINK_GET_STRICT_CHK, &one, sizeof(one));
	size_t rlen = 64 * 1024;
	char *rbuf = malloc(rlen);
	char buf[256];
	double c0 = cpu();
	double t0 = now();
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = 1;
	struct rtmsg *rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = AF_INET;
	mnl_attr_put_u32(nlh, RTA_TABLE, table);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
		perror("sendto");
		return 1;
	}
	unsigned port = mnl_socket_get_portid(nl);
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl, rbuf, rlen);
		if (n < 0) {
			perror("recvfrom");
			return 1;
		}
		int rc = mnl_cb_run(rbuf, n, 1, port, route_cb, NULL);
		if (rc <= MNL_CB_STOP)
			break;
	}
	double t = now() - t0;
	double c = cpu() - c0;
	printf("%.6f %zu %.6f\n", t, nroutes, c);
	mnl_socket_close(nl);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 6 && strcmp(argv[1], "install") == 0)
		return install(argv[2], atoi(argv[3]), atoi(argv[4]), strcmp(argv[5], "ack") == 0);
	if (argc == 3 && strcmp(argv[1], "dump") == 0)
		return dump(atoi(argv[2]));
	fprintf(stderr, "usage: %s install FILE IFINDEX TABLE ack|noack | dump TABLE\n", argv[0]);
	return 2;
}
