/* SPDX-License-Identifier: MIT */
/*
 * virtio-mmio register map (Virtual I/O Device (VIRTIO) Version 1.1,
 * section 4.2.2; legacy layout: section 4.2.4). Private to the transport.
 */
#ifndef VIRTIO_MMIO_REGS_H
#define VIRTIO_MMIO_REGS_H

#define VIRTIO_MMIO_MAGIC_VALUE         (0x000)  /* "virt" */
#define VIRTIO_MMIO_VERSION             (0x004)  /* 1: legacy, 2: virtio 1.x */
#define VIRTIO_MMIO_DEVICE_ID           (0x008)  /* 0: no device in this slot */
#define VIRTIO_MMIO_VENDOR_ID           (0x00c)
#define VIRTIO_MMIO_DEVICE_FEATURES     (0x010)  /* 32 feature bits, chosen by ..._SEL */
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL (0x014)
#define VIRTIO_MMIO_DRIVER_FEATURES     (0x020)
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL (0x024)
#define VIRTIO_MMIO_GUEST_PAGE_SIZE     (0x028)  /* legacy only */
#define VIRTIO_MMIO_QUEUE_SEL           (0x030)
#define VIRTIO_MMIO_QUEUE_NUM_MAX       (0x034)
#define VIRTIO_MMIO_QUEUE_NUM           (0x038)
#define VIRTIO_MMIO_QUEUE_ALIGN         (0x03c)  /* legacy only */
#define VIRTIO_MMIO_QUEUE_PFN           (0x040)  /* legacy only */
#define VIRTIO_MMIO_QUEUE_READY         (0x044)  /* virtio 1.x only */
#define VIRTIO_MMIO_QUEUE_NOTIFY        (0x050)
#define VIRTIO_MMIO_INTERRUPT_STATUS    (0x060)
#define VIRTIO_MMIO_INTERRUPT_ACK       (0x064)
#define VIRTIO_MMIO_STATUS              (0x070)
#define VIRTIO_MMIO_QUEUE_DESC_LOW      (0x080)  /* virtio 1.x: descriptor table */
#define VIRTIO_MMIO_QUEUE_DESC_HIGH     (0x084)
#define VIRTIO_MMIO_QUEUE_DRIVER_LOW    (0x090)  /* virtio 1.x: available ring */
#define VIRTIO_MMIO_QUEUE_DRIVER_HIGH   (0x094)
#define VIRTIO_MMIO_QUEUE_DEVICE_LOW    (0x0a0)  /* virtio 1.x: used ring */
#define VIRTIO_MMIO_QUEUE_DEVICE_HIGH   (0x0a4)
#define VIRTIO_MMIO_CONFIG              (0x100)  /* device-specific configuration */

#define VIRTIO_MMIO_MAGIC               (0x74726976u)

/* Device status bits (section 2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE       (1u << 0)  /* the guest saw the device */
#define VIRTIO_STATUS_DRIVER            (1u << 1)  /* and has a driver for it */
#define VIRTIO_STATUS_DRIVER_OK         (1u << 2)  /* the driver is ready */
#define VIRTIO_STATUS_FEATURES_OK       (1u << 3)  /* feature negotiation done (1.x) */
#define VIRTIO_STATUS_FAILED            (1u << 7)  /* the driver gave up */

/* Legacy queues: the guest's page size and the used ring's alignment (section 4.2.4). */
#define VIRTIO_MMIO_LEGACY_PAGE         (4096u)

#endif /* VIRTIO_MMIO_REGS_H */
