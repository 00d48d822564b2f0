// SPDX-License-Identifier: MIT
/**
 * BoardInfo: everything Kiln knows about a board, as plain data.
 *
 * It is part of the ImageSpec: a spec names a board (Kiln's own, found in
 * boards/<id>/board.yaml, or one in a library folder) or describes it
 * inline, and the constructs' Board classes produce exactly this data.
 * Every later phase reads the board only from here.
 */

/** The ids of the boards Kiln ships, as written in specs (boards/<id>/board.yaml). */
export const BUILTIN_BOARD_IDS = ['qemu-virt', 'raspberry-pi-3b-plus', 'ultra96-v2'] as const;

/** A board's id as written in specs: Kiln's own, or a user board's. */
export type BoardId = string;

/** A region of the physical address space. */
export interface MemoryRegion {
  /** Name used in generated C macros: KILN_BOARD_<NAME>_BASE. */
  readonly name: string;
  readonly base: number;
  readonly size: number;
  /** 'normal' memory is cacheable RAM; 'device' is MMIO. */
  readonly kind: 'normal' | 'device';
}

/** The UART that carries the console, and the driver library that runs it. */
export interface ConsoleUart {
  /** Driver library name (lib/<dir>/library.yaml `name`), e.g. 'pl011'. */
  readonly driver: string;
  readonly base: number;
  /** UART reference clock; 0 keeps the firmware's line settings. */
  readonly clockHz?: number;
  readonly baud?: number;
  /** Which QEMU -serial this UART is (0 = first). */
  readonly qemuSerialIndex: number;
}

/** The interrupt controller(s) a board has. */
export interface InterruptController {
  /** The driver library that runs it (library.yaml `name`), e.g. 'gicv2'. */
  readonly kind: string;
  /** Register blocks by name, e.g. distributor and cpu-interface. */
  readonly blocks: Readonly<Record<string, number>>;
}

/** How the board wires the ARM generic timer (its frequency is read from CNTFRQ_EL0, never assumed). */
export interface GenericTimer {
  /**
   * Interrupt of the EL1 physical timer in the interrupt controller's own
   * numbering: GIC INTID 30 (PPI 14) on GICv2 boards; on the BCM2836
   * local controller, source bit 1 (CNTPNSIRQ).
   */
  readonly irq: number;
}

/**
 * A bank of virtio-mmio transport slots (QEMU virt): where the virtio
 * devices QEMU is given appear. QEMU fills them from the last slot down,
 * so drivers probe every slot for the device they drive.
 */
export interface VirtioMmioSlots {
  /** Address of slot 0. */
  readonly base: number;
  /** Bytes from one slot to the next. */
  readonly stride: number;
  /** How many slots there are. */
  readonly count: number;
  /** Interrupt of slot 0 in the interrupt controller's numbering; slot n has irq + n. */
  readonly irq: number;
}

/** What a real board's boot firmware loads, and what QEMU is given. */
export interface BootArtifact {
  /** raw: objcopy -O binary; arm64-image: raw with the arm64 Image header. */
  readonly form: 'raw' | 'arm64-image';
  /** File name of the artifact in the image folder. */
  readonly file: string;
  /** Extra files a user copies next to it (name to content), e.g. config.txt. */
  readonly companions?: Readonly<Record<string, string>>;
}

/** How QEMU emulates the board. */
export interface QemuMachine {
  /** -M value. */
  readonly machine: string;
  /** -cpu value; omitted where the machine fixes the CPU. */
  readonly cpu?: string;
  /** -m value in MiB; omitted where the machine fixes the RAM size. */
  readonly memoryMiB?: number;
  /** How many -serial backends to declare so the console lands on stdio. */
  readonly serialCount: number;
  /**
   * QEMU's model of the board's network device (e.g. 'virtio-net-device'),
   * attached to user-mode networking for images with a network stack;
   * other images get `-nic none`.
   * @default the machine's own NICs are left as QEMU configures them
   */
  readonly nic?: string;
  /** Further arguments. */
  readonly extraArgs: readonly string[];
  /** Environment variables QEMU needs for a quiet run. */
  readonly env?: Readonly<Record<string, string>>;
  /** Harmless lines this machine prints on stderr, which `kiln run` hides. */
  readonly stderrNoise?: readonly string[];
  /** Whether -kernel is given the ELF or the boot artifact. */
  readonly kernel: 'elf' | 'artifact';
}

/** Everything Kiln knows about a board: pure data. */
export interface BoardInfo {
  /** The board's id as specs name it: lowercase letters, digits and dashes. */
  readonly id: string;
  readonly displayName: string;
  /** Kconfig symbol of the platform (boards/<id>/Kconfig). */
  readonly symbol: string;
  readonly cpu: 'cortex-a53';
  readonly cores: number;
  readonly ram: { readonly base: number; readonly size: number };
  /** Where the image is linked and loaded. */
  readonly loadAddress: number;
  /** The exception level the board's own firmware enters the image at. */
  readonly entryLevel: 1 | 2 | 3;
  readonly console: ConsoleUart;
  readonly interruptController: InterruptController;
  /** The generic timer's wiring; boards without it cannot use the time library. */
  readonly timer?: GenericTimer;
  /**
   * Where the other cores of a raw image wait for an entry address (a
   * spin table: one 8-byte slot per core, polled between WFEs). Kiln
   * writes the address of a WFI loop to each slot and sends an event, so
   * they sleep instead of polling.
   * @default none: the other cores are off, or park themselves in the entry code
   */
  readonly spinTable?: readonly number[];
  /** MMIO regions other than RAM, for the generated memory map. */
  readonly devices: readonly MemoryRegion[];
  /** The board's virtio-mmio slots, where virtio devices (virtio-net) are found. */
  readonly virtioMmio?: VirtioMmioSlots;
  /** Network device kinds the board provides. */
  readonly network: readonly ('virtio-net' | 'cadence-gem' | 'usb-cdc-ether')[];
  readonly artifact: BootArtifact;
  readonly qemu: QemuMachine;
}
