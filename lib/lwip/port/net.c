/* SPDX-License-Identifier: MIT */
/*
 * Kiln's lwIP port: the board's network device as lwIP's interface, the
 * stack brought up at boot, and the poll and wait that drive it.
 *
 * No thread runs the stack (NO_SYS). Whoever needs the network to make
 * progress calls kiln_net_poll(): received frames go to lwIP, due timers
 * run. Between polls the caller idles in kiln_net_wait(), which sleeps
 * in WFI until the device's interrupt or the stack's next timer (with
 * threads, after the others have run: wait_thread.c; without, wait_idle.c).
 * Frames are copied once each way, between the driver's buffers and lwIP's.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <kiln/boot.h>
#include <kiln/config.h>
#include <kiln/init.h>
#include <kiln/irq.h>
#include <kiln/net.h>
#include <kiln/netdev.h>
#include <kiln/time.h>
#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/init.h"
#include "lwip/memp.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/stats.h"
#include "lwip/timeouts.h"
#include "netif/ethernet.h"
#include "net_private.h"

/* Frames handed to lwIP per poll, so a flood cannot starve timers. */
#define RX_BUDGET 64
/*
 * How long a sender waits for the device to free a transmit buffer. A frame
 * dropped here costs a TCP retransmission timeout, seconds (lwIP's first is
 * 3 s, QEMU's user network's 6 s), so waiting is cheaper: under QEMU the
 * buffers are freed by its I/O thread, which a busy host can leave
 * unscheduled for tens of milliseconds.
 */
#define TX_WAIT_NS (250u * 1000 * 1000)
/*
 * Meanwhile the core idles this long at a time rather than spinning: a
 * spinning vCPU takes the host's CPU from the very thread that frees the
 * buffers (on a loaded two-core host, 85,000 spins and 3 dropped frames in
 * a test that idling passes with 2 and none).
 */
#define TX_IDLE_NS (200u * 1000)

static struct netif netif;
static struct kiln_netdev_info device;
static int have_device;
static int polling;
static uint64_t rx_dropped;

static uint64_t ms_since_boot(void)
{
	uint64_t hz = kiln_time_hz();

	return (kiln_time_ticks() - kiln_boot_entry_ticks()) * 1000u / (hz ? hz : 1);
}

/* lwIP sends a frame: copy it into a transmit buffer of the device. */
static err_t link_output(struct netif *nif, struct pbuf *p)
{
	void *buf = kiln_netdev_tx_buffer(p->tot_len);

	(void)nif;
	if (!buf) {
		/* Every buffer is in flight: the device frees them without our help, soon. */
		uint64_t until = kiln_time_now_ns() + TX_WAIT_NS;

		while (!buf && kiln_time_now_ns() < until) {
			kiln_time_idle_until_ns(kiln_time_now_ns() + TX_IDLE_NS);
			buf = kiln_netdev_tx_buffer(p->tot_len);
		}
		if (!buf) {
			LINK_STATS_INC(link.memerr);
			return ERR_MEM;
		}
	}
	pbuf_copy_partial(p, buf, p->tot_len, 0);
	kiln_netdev_tx_commit(p->tot_len);
	LINK_STATS_INC(link.xmit);
	return ERR_OK;
}

static err_t netif_setup(struct netif *nif)
{
	nif->name[0] = 'e';
	nif->name[1] = 'n';
	nif->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(nif->hwaddr, device.mac, ETH_HWADDR_LEN);
	nif->mtu = device.mtu;
	nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	nif->output = etharp_output;
	nif->linkoutput = link_output;
	netif_set_hostname(nif, "kiln");
	return ERR_OK;
}

static void status_changed(struct netif *nif)
{
	char addr[IP4ADDR_STRLEN_MAX], gw[IP4ADDR_STRLEN_MAX];

	if (!netif_is_up(nif) || ip4_addr_isany_val(*netif_ip4_addr(nif)))
		return;
	ip4addr_ntoa_r(netif_ip4_addr(nif), addr, sizeof(addr));
	ip4addr_ntoa_r(netif_ip4_gw(nif), gw, sizeof(gw));
	printf("net: %s up, gateway %s (%s), %llu ms after boot\n", addr, gw,
	       LWIP_DHCP ? "DHCP" : "static", (unsigned long long)ms_since_boot());
}

/* No device is not a failure of the boot: the image runs, and its sockets report ENETDOWN. */
static int kiln_net_init(void)
{
	ip4_addr_t addr, mask, gw;

	lwip_init();
	if (kiln_netdev_open(&device)) {
		printf("net: no network device; sockets will report ENETDOWN\n");
		return 0;
	}
	have_device = 1;
	printf("net: %s %02x:%02x:%02x:%02x:%02x:%02x, %s\n", device.name, device.mac[0], device.mac[1],
	       device.mac[2], device.mac[3], device.mac[4], device.mac[5], device.transport);
	ip4_addr_set_zero(&addr);
	ip4_addr_set_zero(&mask);
	ip4_addr_set_zero(&gw);
#if !LWIP_DHCP
	if (!ip4addr_aton(CONFIG_LIBLWIP_IPV4_ADDRESS, &addr) || !ip4addr_aton(CONFIG_LIBLWIP_IPV4_NETMASK, &mask) ||
	    !ip4addr_aton(CONFIG_LIBLWIP_IPV4_GATEWAY, &gw))
		printf("net: the static address, netmask or gateway in the configuration is not an IPv4 address\n");
#endif
	netif_add(&netif, &addr, &mask, &gw, 0, netif_setup, ethernet_input);
	netif_set_default(&netif);
	netif_set_status_callback(&netif, status_changed);
	netif_set_up(&netif);
	if (device.link_up)
		netif_set_link_up(&netif);
#if LWIP_DHCP
	dhcp_start(&netif);
#endif
	kiln_net_poll();
	return 0;
}

/* After the allocators and the scheduler, just before main(). */
KILN_INIT(kiln_net_init, KILN_INIT_NET);

void kiln_net_poll(void)
{
	size_t len;
	const void *frame;

	if (polling || !have_device)
		return;
	polling = 1;
	for (int n = 0; n < RX_BUDGET && (frame = kiln_netdev_rx_peek(&len)); n++) {
		struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);

		if (p)
			pbuf_take(p, frame, (u16_t)len);
		kiln_netdev_rx_release();
		if (!p) {
			/* The pool is full of data the application has not read: drop; TCP sends it again. */
			rx_dropped++;
			LINK_STATS_INC(link.memerr);
			continue;
		}
		LINK_STATS_INC(link.recv);
		if (netif.input(p, &netif) != ERR_OK)
			pbuf_free(p);
	}
	sys_check_timeouts();
	polling = 0;
}

void kiln_net_wait(uint64_t deadline_ns)
{
	uint64_t now = kiln_time_now_ns();
	uint64_t until = deadline_ns ? deadline_ns : now + KILN_NSEC_PER_SEC;
	u32_t timer_ms = sys_timeouts_sleeptime();
	unsigned long flags;

	if (timer_ms != SYS_TIMEOUTS_SLEEPTIME_INFINITE && now + (uint64_t)timer_ms * 1000000u < until)
		until = now + (uint64_t)timer_ms * 1000000u;
	/* With threads, the others run first (wait_thread.c). */
	until = kiln_net_idle_until(now, until);
	/* Masked from the check to WFI: a frame arriving in between still wakes the core. */
	flags = kiln_irq_save();
	if (!kiln_netdev_pending())
		kiln_time_idle_until_ns(until);
	kiln_irq_restore(flags);
}

int kiln_net_ready(void)
{
	return have_device && netif_is_up(&netif) && !ip4_addr_isany_val(*netif_ip4_addr(&netif));
}

int kiln_net_wait_ready(uint64_t timeout_ns)
{
	uint64_t deadline = kiln_time_now_ns() + timeout_ns;

	if (!have_device)
		return -1;
	for (;;) {
		kiln_net_poll();
		if (kiln_net_ready())
			return 0;
		if (kiln_time_now_ns() >= deadline)
			return -1;
		kiln_net_wait(deadline);
	}
}

uint32_t kiln_net_ipv4(void)
{
	return have_device ? ip4_addr_get_u32(netif_ip4_addr(&netif)) : 0;
}

#if LWIP_STATS
/* lwIP's pool names, from its own list of pools. */
static const char *const pool_names[MEMP_MAX] = {
#define LWIP_MEMPOOL(name, num, size, desc) desc,
#include "lwip/priv/memp_std.h"
};
#endif

size_t kiln_net_report(char *buf, size_t len)
{
	struct kiln_netdev_stats d;
	size_t n = 0;

#define OUT(...)                                                                   \
	do {                                                                       \
		int w = snprintf(buf + n, len > n ? len - n : 0, __VA_ARGS__);     \
		if (w > 0)                                                         \
			n += (size_t)w;                                            \
	} while (0)

	if (!len)
		return 0;
	buf[0] = 0;
	kiln_netdev_stats(&d);
	OUT("net.device %s rx_frames=%llu tx_frames=%llu rx_bytes=%llu tx_bytes=%llu tx_busy=%llu interrupts=%llu rx_dropped=%llu\n",
	    have_device ? device.name : "none", (unsigned long long)d.rx_frames, (unsigned long long)d.tx_frames,
	    (unsigned long long)d.rx_bytes, (unsigned long long)d.tx_bytes, (unsigned long long)d.tx_busy,
	    (unsigned long long)d.interrupts, (unsigned long long)rx_dropped);
#if LWIP_STATS
#define PROTO(label, st)                                                                                      \
	OUT("net.%s xmit=%lu recv=%lu drop=%lu chkerr=%lu memerr=%lu proterr=%lu err=%lu\n", label,           \
	    (unsigned long)(st).xmit, (unsigned long)(st).recv, (unsigned long)(st).drop, (unsigned long)(st).chkerr, \
	    (unsigned long)(st).memerr, (unsigned long)(st).proterr, (unsigned long)(st).err)
	PROTO("link", lwip_stats.link);
	PROTO("ip", lwip_stats.ip);
#if LWIP_TCP
	PROTO("tcp", lwip_stats.tcp);
	OUT("net.tcp_mib retransmitted=%lu resets_sent=%lu established_resets=%lu attempt_fails=%lu\n",
	    (unsigned long)lwip_stats.mib2.tcpretranssegs, (unsigned long)lwip_stats.mib2.tcpoutrsts,
	    (unsigned long)lwip_stats.mib2.tcpestabresets, (unsigned long)lwip_stats.mib2.tcpattemptfails);
#endif
#undef PROTO
	OUT("net.heap used=%lu max=%lu size=%lu errors=%lu\n", (unsigned long)lwip_stats.mem.used,
	    (unsigned long)lwip_stats.mem.max, (unsigned long)lwip_stats.mem.avail, (unsigned long)lwip_stats.mem.err);
	for (int i = 0; i < MEMP_MAX; i++) {
		const struct stats_mem *s = lwip_stats.memp[i];

		if (s)
			OUT("net.pool %s used=%lu max=%lu size=%lu errors=%lu\n", pool_names[i], (unsigned long)s->used,
			    (unsigned long)s->max, (unsigned long)s->avail, (unsigned long)s->err);
	}
#endif
#undef OUT
	return n < len ? n : len - 1;
}
