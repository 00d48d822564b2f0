// SPDX-License-Identifier: MIT
import { Board, MiB } from '../../constructs/board.ts';

/**
 * Avnet Ultra96-V2 (Xilinx Zynq UltraScale+ ZU3EG, four Cortex-A53),
 * emulated by QEMU's xlnx-zcu102 machine.
 *
 * U-Boot starts the arm64 Image with booti at 0x80000, at EL1 (EL2 with
 * virtualization). The board's console is UART1 at 0xFF010000, which is
 * QEMU's second -serial.
 */
export class Ultra96V2 extends Board<'Ultra96V2', { network: never; cores: 4 }> {
  constructor() {
    super({
      id: 'ultra96-v2',
      displayName: 'Avnet Ultra96-V2 (ZynqMP ZU3EG)',
      symbol: 'PLAT_ULTRA96V2',
      cpu: 'cortex-a53',
      cores: 4,
      ram: { base: 0, size: 2048 * MiB },
      loadAddress: 0x8_0000,
      entryLevel: 1,
      console: { driver: 'cadence-uart', base: 0xff01_0000, qemuSerialIndex: 1 },
      interruptController: { kind: 'gicv2', blocks: { distributor: 0xf901_0000, cpuInterface: 0xf902_0000 } },
      // EL1 physical timer: PPI 14, GIC INTID 30.
      timer: { irq: 30 },
      devices: [
        { name: 'UART0', base: 0xff00_0000, size: 0x1000, kind: 'device' },
        { name: 'UART1', base: 0xff01_0000, size: 0x1000, kind: 'device' },
        { name: 'GEM0', base: 0xff0b_0000, size: 0x1000, kind: 'device' },
        { name: 'GICD', base: 0xf901_0000, size: 0x1_0000, kind: 'device' },
        { name: 'GICC', base: 0xf902_0000, size: 0x2_0000, kind: 'device' },
      ],
      network: [],
      artifact: { form: 'arm64-image', file: 'Image' },
      qemu: {
        machine: 'xlnx-zcu102',
        memoryMiB: 2048,
        serialCount: 2,
        // The DisplayPort's audio device probes every audio back end unless given one.
        extraArgs: ['-audiodev', 'none,id=snd0'],
        stderrNoise: ['audiodev default parameter is deprecated'],
        kernel: 'artifact',
      },
    });
  }
}
