// SPDX-License-Identifier: MIT
import t from 'tap';
import { BUILTIN_BOARD_IDS as BOARD_IDS } from '../../synth/spec/board-info.ts';
import { Board, findBoard, tryFindBoard } from '../../constructs/index.ts';
import { boardHeader } from '../../synth/plan/board-header.ts';
import { linkerScript } from '../../synth/plan/linker-script.ts';

t.test('GIVEN every board id THEN a board exists with consistent data', async (t) => {
  for (const id of BOARD_IDS) {
    const board = findBoard(id);
    t.ok(Board.isBoard(board), `${id} is branded`);
    const { info } = board;
    t.equal(info.id, id);
    t.ok(info.loadAddress >= info.ram.base && info.loadAddress < info.ram.base + info.ram.size, `${id}: load address inside RAM`);
    t.equal(info.loadAddress % 0x1000, 0, `${id}: load address page aligned`);
    t.ok(info.console.qemuSerialIndex < info.qemu.serialCount, `${id}: console is one of QEMU's serial ports`);
    t.ok(info.devices.some((d) => d.base === info.console.base), `${id}: console UART is in the memory map`);
  }
  t.equal(tryFindBoard('raspberry-pi-5'), undefined);
  t.throws(() => findBoard('raspberry-pi-5'), /unknown board "raspberry-pi-5"; Kiln has qemu-virt, raspberry-pi-3b-plus, ultra96-v2/);
});

t.test('GIVEN the boards THEN their facts match BOARDS.md (load address, console, entry level)', async (t) => {
  const virt = findBoard('qemu-virt').info;
  t.equal(virt.loadAddress, 0x40080000);
  t.equal(virt.console.base, 0x09000000);
  const rpi = findBoard('raspberry-pi-3b-plus').info;
  t.equal(rpi.loadAddress, 0x80000);
  t.equal(rpi.console.base, 0x3f201000);
  t.equal(rpi.artifact.file, 'kernel8.img');
  t.match(rpi.artifact.companions?.['config.txt'], /arm_64bit=1/);
  const u96 = findBoard('ultra96-v2').info;
  t.equal(u96.console.base, 0xff010000, 'the Ultra96-V2 console is UART1');
  t.equal(u96.console.qemuSerialIndex, 1, 'UART1 is QEMU\'s second serial');
  t.equal(u96.artifact.form, 'arm64-image');
});

t.test('GIVEN a board WHEN its header and linker script are generated THEN addresses come from its memory map', async (t) => {
  const rpi = findBoard('raspberry-pi-3b-plus').info;
  const header = boardHeader(rpi);
  t.match(header, /#define KILN_BOARD_UART0_BASE 0x3f201000UL/);
  t.match(header, /#define KILN_BOARD_LOAD_ADDRESS 0x80000UL/);
  const ld = linkerScript(rpi, { stackSize: 0x4000, imageHeader: false });
  t.match(ld, /ORIGIN = 0x80000, LENGTH = 0x3b380000/);
  t.match(ld, /ENTRY\(_start\)/);
  t.match(ld, /\. \+= 0x4000;\n\t\t__stack_top = \.;/);
  t.match(linkerScript(findBoard('ultra96-v2').info, { stackSize: 0x4000, imageHeader: true }), /ENTRY\(kiln_image_head\)/);
});
