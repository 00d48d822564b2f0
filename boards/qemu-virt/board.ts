// SPDX-License-Identifier: MIT
import { Board, MiB } from '../../constructs/board.ts';

/**
 * QEMU's generic ARM64 machine (`-M virt -cpu cortex-a53`).
 *
 * Entered at EL1 with one core running; PL011 console at 0x09000000,
 * GICv2, 32 virtio-mmio slots.
 */
export class QemuVirt extends Board<'QemuVirt', { network: 'virtio-net'; cores: 1 }> {
  constructor() {
    super({
      id: 'qemu-virt',
      displayName: 'QEMU virt (Cortex-A53)',
      symbol: 'PLAT_QEMU_VIRT',
      cpu: 'cortex-a53',
      cores: 1,
      ram: { base: 0x4000_0000, size: 128 * MiB },
      loadAddress: 0x4008_0000,
      entryLevel: 1,
      console: { driver: 'pl011', base: 0x0900_0000, clockHz: 24_000_000, baud: 115_200, qemuSerialIndex: 0 },
      interruptController: { kind: 'gicv2', blocks: { distributor: 0x0800_0000, cpuInterface: 0x0801_0000 } },
      // EL1 physical timer: PPI 14, GIC INTID 30.
      timer: { irq: 30 },
      devices: [
        { name: 'GICD', base: 0x0800_0000, size: 0x1_0000, kind: 'device' },
        { name: 'GICC', base: 0x0801_0000, size: 0x1_0000, kind: 'device' },
        { name: 'UART0', base: 0x0900_0000, size: 0x1000, kind: 'device' },
        { name: 'VIRTIO_MMIO', base: 0x0a00_0000, size: 0x4000, kind: 'device' },
      ],
      // virtio-mmio slot n: 0x0a000000 + n * 0x200, GIC SPI 16 + n (INTID 48 + n).
      virtioMmio: { base: 0x0a00_0000, stride: 0x200, count: 32, irq: 48 },
      network: ['virtio-net'],
      artifact: { form: 'raw', file: 'image.bin' },
      qemu: {
        machine: 'virt',
        cpu: 'cortex-a53',
        memoryMiB: 128,
        serialCount: 1,
        nic: 'virtio-net-device',
        extraArgs: [],
        kernel: 'artifact',
      },
    });
  }
}
