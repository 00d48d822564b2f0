// SPDX-License-Identifier: MIT
import { Board } from '../../constructs/board.ts';

/** What the GPU firmware reads from the boot partition next to kernel8.img. */
const CONFIG_TXT = [
  '# Written by Kiln: boot kernel8.img in 64-bit mode with the PL011 on GPIO 14/15.',
  'arm_64bit=1',
  'kernel=kernel8.img',
  'enable_uart=1',
  'dtoverlay=disable-bt',
  'init_uart_clock=48000000',
  '',
].join('\n');

/**
 * Raspberry Pi 3 Model B+ (BCM2837B0, four Cortex-A53), emulated by QEMU's
 * raspi3b machine.
 *
 * The firmware loads kernel8.img at 0x80000 and enters at EL2; the console
 * is the PL011 (UART0) at 0x3F201000. There is no GIC.
 */
export class RaspberryPi3BPlus extends Board<'RaspberryPi3BPlus', { network: never; cores: 4 }> {
  constructor() {
    super({
      id: 'raspberry-pi-3b-plus',
      displayName: 'Raspberry Pi 3 Model B+',
      symbol: 'PLAT_RPI3BP',
      cpu: 'cortex-a53',
      cores: 4,
      // 1 GiB, of which the GPU keeps the top (76 MiB with the default gpu_mem split).
      ram: { base: 0, size: 0x3b40_0000 },
      loadAddress: 0x8_0000,
      entryLevel: 2,
      console: { driver: 'pl011', base: 0x3f20_1000, clockHz: 48_000_000, baud: 115_200, qemuSerialIndex: 0 },
      interruptController: { kind: 'bcm2836', blocks: { local: 0x4000_0000, armctrl: 0x3f00_b200 } },
      // EL1 physical timer: local source bit 1 (CNTPNSIRQ), routed to core 0 by the local controller.
      timer: { irq: 1 },
      // Cores 1-3 of a raw kernel8.img poll 0xd8 + 8 * core (the firmware's armstub, and QEMU's boot stub).
      spinTable: [0xe0, 0xe8, 0xf0],
      devices: [
        { name: 'PERIPHERALS', base: 0x3f00_0000, size: 0x100_0000, kind: 'device' },
        { name: 'UART0', base: 0x3f20_1000, size: 0x1000, kind: 'device' },
        { name: 'MINI_UART', base: 0x3f21_5040, size: 0x40, kind: 'device' },
        { name: 'LOCAL_INTC', base: 0x4000_0000, size: 0x1000, kind: 'device' },
      ],
      network: [],
      artifact: { form: 'raw', file: 'kernel8.img', companions: { 'config.txt': CONFIG_TXT } },
      qemu: { machine: 'raspi3b', serialCount: 1, extraArgs: [], kernel: 'artifact' },
    });
  }
}
