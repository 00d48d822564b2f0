/* SPDX-License-Identifier: MIT */
/*
 * lwIP's options for Kiln (lwIP's opt.h lists them all): fixed choices
 * of the port first, then the image's Kconfig values (LIBLWIP_*).
 */
#ifndef KILN_LWIPOPTS_H
#define KILN_LWIPOPTS_H

#include <kiln/config.h>

/* The port: no OS threads in the stack, one thread of control at a time. */
#define NO_SYS                      1   /* callbacks (raw API) only; Kiln's sockets sit on them */
#define SYS_LIGHTWEIGHT_PROT        0   /* interrupt handlers never call lwIP */
#define LWIP_NETCONN                0   /* need threads (NO_SYS=0) */
#define LWIP_SOCKET                 0   /* lib/posix-socket provides sockets */
#define LWIP_RAW                    0
#define LWIP_SINGLE_NETIF           1   /* one network device per image */
#define LWIP_NETIF_STATUS_CALLBACK  1   /* told when DHCP gives the address */
#define LWIP_NETIF_HOSTNAME         1   /* sent with DHCP requests */
#define LWIP_RAND()                 (kiln_lwip_rand())

/* Protocols. */
#define LWIP_IPV4                   1
#define LWIP_IPV6                   0
#define LWIP_ARP                    1
#define LWIP_ETHERNET               1
#define LWIP_ICMP                   1
#define LWIP_IGMP                   0
#define LWIP_AUTOIP                 0
#define LWIP_DNS                    0
#define IP_REASSEMBLY               0   /* TCP's MSS fits a frame; no fragments expected */
#define IP_FRAG                     0
#define ETH_PAD_SIZE                0

#ifdef CONFIG_LIBLWIP_TCP
#define LWIP_TCP                    1
#define MEMP_NUM_TCP_PCB            CONFIG_LIBLWIP_TCP_PCBS
#define MEMP_NUM_TCP_PCB_LISTEN     CONFIG_LIBLWIP_TCP_LISTEN_PCBS
#define MEMP_NUM_TCP_SEG            CONFIG_LIBLWIP_TCP_SEGMENTS
#define TCP_MSS                     CONFIG_LIBLWIP_TCP_MSS
#define TCP_WND                     CONFIG_LIBLWIP_TCP_WINDOW
#define TCP_SND_BUF                 CONFIG_LIBLWIP_TCP_SEND_BUFFER
#define TCP_SND_QUEUELEN            ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
#define TCP_LISTEN_BACKLOG          1   /* listen()'s backlog bounds connections not yet accepted */
#define LWIP_TCP_KEEPALIVE          1   /* SO_KEEPALIVE and TCP_KEEP* */
#define SO_REUSE                    1   /* SO_REUSEADDR */
#define TCP_QUEUE_OOSEQ             1
#else
#define LWIP_TCP                    0
#endif

#ifdef CONFIG_LIBLWIP_UDP
#define LWIP_UDP                    1
#define MEMP_NUM_UDP_PCB            CONFIG_LIBLWIP_UDP_PCBS
#else
#define LWIP_UDP                    0
#endif

#ifdef CONFIG_LIBLWIP_DHCP
#define LWIP_DHCP                   1
#define DHCP_DOES_ARP_CHECK         0   /* QEMU's DHCP server does not hand out taken addresses; saves a second at boot */
#else
#define LWIP_DHCP                   0
#endif

/* Memory: lwIP's heap and pools are fixed regions in .bss. */
#define MEM_LIBC_MALLOC             0
#define MEMP_MEM_MALLOC             0
#define MEM_ALIGNMENT               8
#define MEM_SIZE                    CONFIG_LIBLWIP_MEM_SIZE
#define PBUF_POOL_SIZE              CONFIG_LIBLWIP_PBUF_POOL_SIZE

/* Statistics for the network report. */
#ifdef CONFIG_LIBLWIP_STATS
#define LWIP_STATS                  1
#define LWIP_STATS_DISPLAY          0
#define LWIP_STATS_LARGE            1   /* 32-bit counters: 16-bit ones wrap within a second of load */
#define MEM_STATS                   1
#define MEMP_STATS                  1
#define MIB2_STATS                  1   /* retransmissions, resets, failed attempts */
#else
#define LWIP_STATS                  0
#endif

#endif /* KILN_LWIPOPTS_H */
