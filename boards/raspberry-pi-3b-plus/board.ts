// SPDX-License-Identifier: MIT
import { Board } from '../../constructs/board.ts';
import { builtinBoardInfo } from '../builtin.ts';

/**
 * Raspberry Pi 3 Model B+ (BCM2837B0, four Cortex-A53), emulated by QEMU's
 * raspi3b machine.
 *
 * The firmware loads kernel8.img at 0x80000 and enters at EL2; the console
 * is the PL011 (UART0) at 0x3F201000. There is no GIC. Its data:
 * boards/raspberry-pi-3b-plus/board.yaml.
 */
export class RaspberryPi3BPlus extends Board<'RaspberryPi3BPlus', { network: never; cores: 4 }> {
  constructor() {
    super(builtinBoardInfo('raspberry-pi-3b-plus'));
  }
}
