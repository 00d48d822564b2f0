// SPDX-License-Identifier: MIT
import { Board } from '../../constructs/board.ts';
import { builtinBoardInfo } from '../builtin.ts';

/**
 * Avnet Ultra96-V2 (Xilinx Zynq UltraScale+ ZU3EG, four Cortex-A53),
 * emulated by QEMU's xlnx-zcu102 machine.
 *
 * U-Boot starts the arm64 Image with booti at 0x80000, at EL1 (EL2 with
 * virtualization). The board's console is UART1 at 0xFF010000, which is
 * QEMU's second -serial. Its data: boards/ultra96-v2/board.yaml.
 */
export class Ultra96V2 extends Board<'Ultra96V2', { network: never; cores: 4 }> {
  constructor() {
    super(builtinBoardInfo('ultra96-v2'));
  }
}
