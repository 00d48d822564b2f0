// SPDX-License-Identifier: MIT
import { Board } from '../../constructs/board.ts';
import { builtinBoardInfo } from '../builtin.ts';

/**
 * QEMU's generic ARM64 machine (`-M virt -cpu cortex-a53`).
 *
 * Entered at EL1 with one core running; PL011 console at 0x09000000,
 * GICv2, 32 virtio-mmio slots. Its data: boards/qemu-virt/board.yaml.
 */
export class QemuVirt extends Board<'QemuVirt', { network: 'virtio-net'; cores: 1 }> {
  constructor() {
    super(builtinBoardInfo('qemu-virt'));
  }
}
