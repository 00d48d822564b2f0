/* SPDX-License-Identifier: MIT */
/*
 * Split virtqueues (Virtual I/O Device (VIRTIO) Version 1.1, section
 * 2.6): the descriptor table, the available ring the driver fills and the
 * used ring the device fills. Transport-independent; the transport tells
 * the device where they are.
 */
#ifndef VIRTIO_VIRTQUEUE_H
#define VIRTIO_VIRTQUEUE_H

#include <stddef.h>
#include <stdint.h>

#define VIRTQ_DESC_F_NEXT      (1u << 0)  /* the chain continues in @next */
#define VIRTQ_DESC_F_WRITE     (1u << 1)  /* the device writes this buffer */
#define VIRTQ_USED_F_NO_NOTIFY (1u << 0)  /* the device asks not to be notified */

/** struct virtq_desc - one buffer of a chain (section 2.6.5). */
struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

/** struct virtq_avail - heads of chains offered to the device (section 2.6.6). */
struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

/** struct virtq_used_elem - a chain the device is done with, and bytes it wrote. */
struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

/** struct virtq_used - chains handed back by the device (section 2.6.8). */
struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[];
};

/**
 * struct virtq - one queue as the driver sees it.
 * @num:       entries (a power of two)
 * @desc:      descriptor table
 * @avail:     available ring
 * @used:      used ring
 * @memory:    the block holding all three (legacy: one contiguous layout)
 * @size:      its size in bytes
 * @last_used: used ring entries consumed so far (free-running)
 * @index:     the queue's number on its device
 */
struct virtq {
	uint16_t num;
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	struct virtq_used *used;
	void *memory;
	size_t size;
	uint16_t last_used;
	uint16_t index;
};

/**
 * virtq_alloc() - zeroed rings for @num entries, laid out as legacy
 * devices require (the used ring on the next @align boundary), which
 * also satisfies virtio 1.x's alignments.
 *
 * Return: 0, or -1 when @num is not a power of two or memory is short.
 */
int virtq_alloc(struct virtq *q, uint16_t index, uint16_t num, size_t align);

/** virtq_offer() - make the chain starting at descriptor @head available to the device. */
void virtq_offer(struct virtq *q, uint16_t head);

/**
 * virtq_take() - the next chain the device handed back.
 * @head: set to the chain's first descriptor
 * @len:  set to the bytes the device wrote into it
 *
 * Return: 1 when there was one, 0 when none.
 */
int virtq_take(struct virtq *q, uint16_t *head, uint32_t *len);

/** virtq_has_used() - whether the device has handed back a chain not yet taken. */
int virtq_has_used(const struct virtq *q);

/** virtq_wants_notify() - whether the device asked to be notified of new chains. */
int virtq_wants_notify(const struct virtq *q);

#endif /* VIRTIO_VIRTQUEUE_H */
