/* SPDX-License-Identifier: MIT */
/*
 * virtio-net driver (Virtual I/O Device (VIRTIO) Version 1.1, section
 * 5.1) over the virtio-mmio transport.
 *
 * Buffer k of a queue is the two-descriptor chain 2k, 2k + 1: the
 * virtio-net header, then the frame, in one 1.5 KiB block. Two
 * descriptors keep legacy devices happy (without VIRTIO_F_ANY_LAYOUT
 * they want the header apart) and cost nothing under virtio 1.x.
 *
 * Every receive buffer is offered at open; a frame's buffer is offered
 * again as soon as the stack has copied it. Transmit buffers come from a
 * free list refilled from the used ring.
 */
#include <stdio.h>
#include <string.h>
#include <kiln/alloc.h>
#include <kiln/config.h>
#include <kiln/irq.h>
#include <virtio/mmio.h>
#include <virtio-net/virtio-net.h>
#include "virtio_net_regs.h"

struct virtio_net_state {
	struct virtio_mmio mmio;
	struct virtq rx, tx;
	uint32_t hdr_len;
	uint16_t rx_count, tx_count;
	uint8_t *rx_bufs, *tx_bufs;
	uint16_t *tx_free;
	uint16_t tx_free_count;
	int tx_slot;             /* the buffer tx_buffer() gave, or -1 */
	int rx_slot;             /* the buffer rx_peek() gave, or -1 */
	uint32_t rx_len;
	struct kiln_netdev_stats stats;
};

static void chain(struct virtq *q, uint16_t slot, uint8_t *buf, uint32_t hdr_len, uint32_t frame_len, uint16_t write)
{
	struct virtq_desc *d = &q->desc[2 * slot];

	d[0].addr = (uint64_t)(uintptr_t)buf;
	d[0].len = hdr_len;
	d[0].flags = VIRTQ_DESC_F_NEXT | write;
	d[0].next = (uint16_t)(2 * slot + 1);
	d[1].addr = (uint64_t)(uintptr_t)(buf + hdr_len);
	d[1].len = frame_len;
	d[1].flags = write;
	d[1].next = 0;
}

static void offer_rx(struct virtio_net_state *s, uint16_t slot)
{
	chain(&s->rx, slot, s->rx_bufs + (size_t)slot * VIRTIO_NET_BUFFER, s->hdr_len,
	      VIRTIO_NET_BUFFER - s->hdr_len, VIRTQ_DESC_F_WRITE);
	virtq_offer(&s->rx, (uint16_t)(2 * slot));
}

/* The device raised its interrupt: acknowledge it. The frames are taken in thread context. */
static void virtio_net_irq(unsigned int irq, void *arg)
{
	struct virtio_net_state *s = arg;

	(void)irq;
	virtio_mmio_ack(&s->mmio);
	s->stats.interrupts++;
	kiln_netdev_interrupt();
}

static int virtio_net_open(void *dev, struct kiln_netdev_info *info)
{
	struct virtio_net *vn = dev;
	struct virtio_net_state *s;
	uint64_t features;

	s = kiln_calloc(1, sizeof(*s));
	if (!s)
		return -1;
	if (virtio_mmio_find(&s->mmio, vn->base, vn->stride, vn->count, vn->irq, VIRTIO_ID_NET)) {
		printf("virtio-net: no virtio network device in the board's %u virtio-mmio slots (is QEMU given one?)\n",
		       (unsigned)vn->count);
		kiln_free(s);
		return -1;
	}
	features = virtio_mmio_negotiate(&s->mmio, VIRTIO_NET_F_MAC);
	if (s->mmio.version >= 2 && !features) {
		printf("virtio-net: the device refused the features Kiln needs\n");
		kiln_free(s);
		return -1;
	}
	s->hdr_len = s->mmio.version >= 2 ? VIRTIO_NET_HDR_V1 : VIRTIO_NET_HDR_LEGACY;
	if (virtio_mmio_queue(&s->mmio, &s->rx, VIRTIO_NET_QUEUE_RX, 2 * CONFIG_LIBVIRTIO_NET_RX_BUFFERS) ||
	    virtio_mmio_queue(&s->mmio, &s->tx, VIRTIO_NET_QUEUE_TX, 2 * CONFIG_LIBVIRTIO_NET_TX_BUFFERS)) {
		printf("virtio-net: could not set up the receive and transmit queues\n");
		return -1;
	}
	s->rx_count = s->rx.num / 2;
	s->tx_count = s->tx.num / 2;
	s->rx_bufs = kiln_memalign(64, (size_t)s->rx_count * VIRTIO_NET_BUFFER);
	s->tx_bufs = kiln_memalign(64, (size_t)s->tx_count * VIRTIO_NET_BUFFER);
	s->tx_free = kiln_malloc(sizeof(uint16_t) * s->tx_count);
	if (!s->rx_bufs || !s->tx_bufs || !s->tx_free) {
		printf("virtio-net: no memory for %u receive and %u transmit buffers\n", s->rx_count, s->tx_count);
		return -1;
	}
	memset(s->tx_bufs, 0, (size_t)s->tx_count * VIRTIO_NET_BUFFER);
	for (uint16_t k = 0; k < s->tx_count; k++)
		s->tx_free[s->tx_free_count++] = (uint16_t)(s->tx_count - 1 - k);
	for (uint16_t k = 0; k < s->rx_count; k++)
		offer_rx(s, k);
	s->tx_slot = -1;
	s->rx_slot = -1;

	if (features & VIRTIO_NET_F_MAC) {
		for (int i = 0; i < KILN_NETDEV_MAC_LEN; i++)
			info->mac[i] = virtio_mmio_config8(&s->mmio, VIRTIO_NET_CONFIG_MAC + (uint32_t)i);
	} else {
		/* A locally administered address (bit 1 of the first byte) QEMU's default would not clash with. */
		static const uint8_t local[KILN_NETDEV_MAC_LEN] = { 0x02, 0x4b, 0x49, 0x4c, 0x4e, 0x01 };

		memcpy(info->mac, local, sizeof(local));
	}
	info->mtu = 1500;
	info->link_up = 1;
	snprintf(info->transport, sizeof(info->transport), "virtio-mmio v%u (%s) at %#lx, irq %u",
		 (unsigned)s->mmio.version, s->mmio.version >= 2 ? "virtio 1.x" : "legacy",
		 (unsigned long)s->mmio.base, s->mmio.irq);

	vn->state = s;
	kiln_irq_attach(s->mmio.irq, virtio_net_irq, s);
	kiln_irq_enable(s->mmio.irq);
	virtio_mmio_ready(&s->mmio);
	virtio_mmio_notify(&s->mmio, &s->rx);
	return 0;
}

static void reclaim_tx(struct virtio_net_state *s)
{
	uint16_t head;
	uint32_t len;

	while (virtq_take(&s->tx, &head, &len))
		s->tx_free[s->tx_free_count++] = head / 2;
}

static void *virtio_net_tx_buffer(void *dev, size_t len)
{
	struct virtio_net_state *s = ((struct virtio_net *)dev)->state;
	uint8_t *buf;

	if (len > VIRTIO_NET_ETH_FRAME_MAX)
		return 0;
	reclaim_tx(s);
	if (!s->tx_free_count) {
		s->stats.tx_busy++;
		return 0;
	}
	s->tx_slot = s->tx_free[--s->tx_free_count];
	buf = s->tx_bufs + (size_t)s->tx_slot * VIRTIO_NET_BUFFER;
	memset(buf, 0, s->hdr_len);
	return buf + s->hdr_len;
}

static void virtio_net_tx_commit(void *dev, size_t len)
{
	struct virtio_net_state *s = ((struct virtio_net *)dev)->state;
	uint16_t slot = (uint16_t)s->tx_slot;

	chain(&s->tx, slot, s->tx_bufs + (size_t)slot * VIRTIO_NET_BUFFER, s->hdr_len, (uint32_t)len, 0);
	virtq_offer(&s->tx, (uint16_t)(2 * slot));
	s->tx_slot = -1;
	s->stats.tx_frames++;
	s->stats.tx_bytes += len;
	if (virtq_wants_notify(&s->tx))
		virtio_mmio_notify(&s->mmio, &s->tx);
}

static const void *virtio_net_rx_peek(void *dev, size_t *len)
{
	struct virtio_net_state *s = ((struct virtio_net *)dev)->state;
	uint16_t head;
	uint32_t written;

	if (s->rx_slot < 0) {
		if (!virtq_take(&s->rx, &head, &written))
			return 0;
		s->rx_slot = head / 2;
		s->rx_len = written > s->hdr_len ? written - s->hdr_len : 0;
		s->stats.rx_frames++;
		s->stats.rx_bytes += s->rx_len;
	}
	*len = s->rx_len;
	return s->rx_bufs + (size_t)s->rx_slot * VIRTIO_NET_BUFFER + s->hdr_len;
}

static void virtio_net_rx_release(void *dev)
{
	struct virtio_net_state *s = ((struct virtio_net *)dev)->state;

	if (s->rx_slot < 0)
		return;
	offer_rx(s, (uint16_t)s->rx_slot);
	s->rx_slot = -1;
	if (virtq_wants_notify(&s->rx))
		virtio_mmio_notify(&s->mmio, &s->rx);
}

static int virtio_net_pending(void *dev)
{
	struct virtio_net_state *s = ((struct virtio_net *)dev)->state;

	return s->rx_slot >= 0 || virtq_has_used(&s->rx);
}

static void virtio_net_stats(void *dev, struct kiln_netdev_stats *out)
{
	*out = ((struct virtio_net *)dev)->state->stats;
}

const struct kiln_netdev_ops virtio_net_ops = {
	.name = "virtio-net",
	.open = virtio_net_open,
	.tx_buffer = virtio_net_tx_buffer,
	.tx_commit = virtio_net_tx_commit,
	.rx_peek = virtio_net_rx_peek,
	.rx_release = virtio_net_rx_release,
	.pending = virtio_net_pending,
	.stats = virtio_net_stats,
};
