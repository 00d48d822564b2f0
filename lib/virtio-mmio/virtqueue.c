/* SPDX-License-Identifier: MIT */
/*
 * Split virtqueues (Virtual I/O Device (VIRTIO) Version 1.1, section 2.6).
 *
 * The rings live in ordinary cacheable RAM shared with the device; the
 * barriers order the driver's stores and loads against the device's as
 * sections 2.6.13 and 2.6.14 require.
 */
#include <stdint.h>
#include <string.h>
#include <kiln/alloc.h>
#include <virtio/virtqueue.h>

#define align_up(x, a) (((x) + (a) - 1) & ~((size_t)(a) - 1))

int virtq_alloc(struct virtq *q, uint16_t index, uint16_t num, size_t align)
{
	size_t desc = sizeof(struct virtq_desc) * num;
	size_t avail = sizeof(struct virtq_avail) + sizeof(uint16_t) * num + sizeof(uint16_t);
	size_t used_at = align_up(desc + avail, align);
	size_t used = sizeof(struct virtq_used) + sizeof(struct virtq_used_elem) * num + sizeof(uint16_t);
	char *mem;

	if (!num || (num & (num - 1)))
		return -1;
	q->size = align_up(used_at + used, align);
	mem = kiln_memalign(align, q->size);
	if (!mem)
		return -1;
	memset(mem, 0, q->size);
	q->memory = mem;
	q->num = num;
	q->index = index;
	q->desc = (struct virtq_desc *)mem;
	q->avail = (struct virtq_avail *)(mem + desc);
	q->used = (struct virtq_used *)(mem + used_at);
	q->last_used = 0;
	return 0;
}

void virtq_offer(struct virtq *q, uint16_t head)
{
	q->avail->ring[q->avail->idx & (q->num - 1)] = head;
	/* The descriptors and the ring entry before the index that publishes them. */
	__asm__ volatile("dmb sy" ::: "memory");
	q->avail->idx++;
}

int virtq_has_used(const struct virtq *q)
{
	return *(volatile uint16_t *)&q->used->idx != q->last_used;
}

int virtq_take(struct virtq *q, uint16_t *head, uint32_t *len)
{
	const struct virtq_used_elem *e;

	if (!virtq_has_used(q))
		return 0;
	/* The entry after the index that published it. */
	__asm__ volatile("dmb sy" ::: "memory");
	e = &q->used->ring[q->last_used & (q->num - 1)];
	*head = (uint16_t)e->id;
	*len = e->len;
	q->last_used++;
	return 1;
}

int virtq_wants_notify(const struct virtq *q)
{
	__asm__ volatile("dmb sy" ::: "memory");
	return !(*(volatile uint16_t *)&q->used->flags & VIRTQ_USED_F_NO_NOTIFY);
}
