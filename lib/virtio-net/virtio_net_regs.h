/* SPDX-License-Identifier: MIT */
/*
 * virtio-net device layout (Virtual I/O Device (VIRTIO) Version 1.1,
 * section 5.1). Private to the driver.
 */
#ifndef VIRTIO_NET_REGS_H
#define VIRTIO_NET_REGS_H

/* Feature bits (section 5.1.3). */
#define VIRTIO_NET_F_MAC         (1ull << 5)   /* the device has a MAC address in its configuration */

/* Configuration space (section 5.1.4). */
#define VIRTIO_NET_CONFIG_MAC    (0)           /* 6 bytes */

/* Queues (section 5.1.2). */
#define VIRTIO_NET_QUEUE_RX      (0)
#define VIRTIO_NET_QUEUE_TX      (1)

/*
 * struct virtio_net_hdr (section 5.1.6) precedes every frame: 10 bytes
 * for a legacy device without mergeable buffers, 12 (with num_buffers)
 * under virtio 1.x. Kiln offloads nothing, so it is all zeros on
 * transmit and ignored on receive.
 */
#define VIRTIO_NET_HDR_LEGACY    (10)
#define VIRTIO_NET_HDR_V1        (12)

/* One buffer: the header and a full Ethernet frame (14 + 1500), rounded up. */
#define VIRTIO_NET_BUFFER        (1536)
#define VIRTIO_NET_ETH_FRAME_MAX (1514)

#endif /* VIRTIO_NET_REGS_H */
