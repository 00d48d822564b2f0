// SPDX-License-Identifier: MIT
/**
 * The U-Boot side of an arm64-Image board's medium (Ultra96-V2): the
 * boot script's text, the address it loads the Image at, and the README
 * saying what the user adds. Pure: the text is compiled into boot.scr by
 * mkimage (write-medium.ts).
 */
import type { BoardInfo } from '../spec/board-info.ts';

const MiB = 1024 * 1024;

/**
 * Where boot.scr loads the Image before `booti` moves it to its place
 * (a 2 MiB aligned base near the start of RAM + the header's text_offset,
 * the board's load address): above that place and the image's memory,
 * inside RAM, 2 MiB aligned. 0x18000000 (the address Xilinx's own U-Boot
 * environment uses for kernel_addr_r) when the board's RAM allows it.
 *
 * @param imageBytes - the image's extent in memory from its load address (artifact, .bss included)
 * @throws Error when RAM is too small to hold both copies
 */
export function imageStagingAddress(board: BoardInfo, imageBytes: number): number {
  const ramEnd = board.ram.base + board.ram.size;
  const imageEnd = board.loadAddress + imageBytes;
  const preferred = board.ram.base + 0x18000000;
  const candidates = [preferred, align(imageEnd + 16 * MiB, 2 * MiB)];
  for (const at of candidates) {
    if (at >= imageEnd && at + imageBytes <= ramEnd - 32 * MiB) return at;
  }
  throw new Error(`the board's RAM (${hex(board.ram.base)}-${hex(ramEnd)}) has no room to stage a ${imageBytes}-byte Image above its load address ${hex(board.loadAddress)}`);
}

/** The boot script's text (boot.cmd), which mkimage compiles into boot.scr. */
export function bootScriptText(opts: { readonly imageId: string; readonly board: BoardInfo; readonly imageBytes: number }): string {
  const at = hex(imageStagingAddress(opts.board, opts.imageBytes));
  return [
    `# Kiln: boot image "${opts.imageId}" (${opts.board.displayName}) with booti.`,
    `# U-Boot's distro boot sets devtype, devnum and distro_bootpart; run by hand, the SD card's first partition.`,
    `if test -z "\${devtype}"; then setenv devtype mmc; setenv devnum 0; setenv distro_bootpart 1; fi`,
    `echo "Kiln: loading ${opts.board.artifact.file} for ${opts.imageId}"`,
    `load \${devtype} \${devnum}:\${distro_bootpart} ${at} ${opts.board.artifact.file}`,
    `# booti moves the Image to the start of RAM + text_offset (${hex(opts.board.loadAddress)}) and passes U-Boot's device tree in x0.`,
    `booti ${at} - \${fdtcontroladdr}`,
    '',
  ].join('\n');
}

/** The U-Boot commands of a boot script (its lines without comments and blank lines), as a test compares them. */
export function scriptCommands(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** README.txt of an Ultra96-V2 medium: what is in it, what the user adds, and the serial settings. */
export function uBootReadme(opts: { readonly imageId: string; readonly board: BoardInfo }): string {
  const b = opts.board;
  const uart = b.devices.find((d) => d.base === b.console.base)?.name ?? 'the console UART';
  return `Kiln boot files for image "${opts.imageId}" on the ${b.displayName}
${'='.repeat(40)}

boot/ holds what Kiln built:

  ${b.artifact.file.padEnd(10)} the image (arm64 Image header, text_offset ${hex(b.loadAddress)})
  boot.scr   U-Boot script (mkimage -T script): loads ${b.artifact.file} from the card and starts it with booti

Copy both to the first partition (FAT32) of a micro-SD card, next to BOOT.BIN.

What you must add: BOOT.BIN
---------------------------
The ZynqMP boot ROM reads BOOT.BIN from the card. Kiln does not make it; it
holds, in this order:

  1. FSBL (zynqmp_fsbl.elf), the first-stage boot loader for the Ultra96-V2's
     ZU3EG and its DDR, from AMD/Xilinx Vitis (or PetaLinux) for the
     Ultra96-V2 hardware description (Avnet publishes the board files);
  2. PMU firmware (pmufw.elf), from the same tools;
  3. ARM Trusted Firmware (bl31.elf), built from Xilinx's arm-trusted-firmware
     with PLAT=zynqmp RESET_TO_BL31=0 (or taken from PetaLinux);
  4. U-Boot (u-boot.elf), built from U-Boot with xilinx_zynqmp_virt_defconfig
     and the Ultra96-V2 device tree (DEVICE_TREE=avnet-ultra96-rev1), or
     from PetaLinux; optionally its device tree (system.dtb).

bootgen (from Vitis, or the open-source bootgen repository) packs them:

  the_ROM_image:
  {
    [bootloader, destination_cpu=a53-0] zynqmp_fsbl.elf
    [pmufw_image] pmufw.elf
    [destination_cpu=a53-0, exception_level=el-3, trustzone] bl31.elf
    [destination_cpu=a53-0, exception_level=el-2] u-boot.elf
  }

  bootgen -arch zynqmp -image boot.bif -o BOOT.BIN -w

U-Boot's distro boot finds boot.scr on the card and runs it. By hand, at
U-Boot's prompt: "load mmc 0:1 \${scriptaddr} boot.scr; source \${scriptaddr}".

Serial console
--------------
The console is ${uart} (${hex(b.console.base)}), the Ultra96-V2's USB-to-UART on
the JTAG/UART pod (or the UART1 pins of the low-speed header):
${b.console.baud ?? 115200} baud, 8 data bits, no parity, 1 stop bit, no flow control
(screen /dev/ttyUSB1 ${b.console.baud ?? 115200}; the pod shows two ports, the UART is usually the second).
The image uses the baud rate U-Boot set up.
`;
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}
