// SPDX-License-Identifier: MIT
import type { BoardId } from '../synth/spec/image-spec.ts';
import type { Provides } from './capabilities.ts';

/** Type-level keys: the board's class name and what it provides, for the compiler's checks. */
declare const BOARD_NAME: unique symbol;
declare const PROVIDES: unique symbol;

const BOARD_BRAND = Symbol.for('kiln.Board');

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
  readonly kind: 'gicv2' | 'bcm2836';
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
  readonly id: BoardId;
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

/**
 * A board an image is built for.
 *
 * Subclasses (QemuVirt, RaspberryPi3BPlus, Ultra96V2) carry the board's
 * memory map, console, interrupt controller, core count, load address,
 * boot artifact form and QEMU machine as plain data in `info`.
 *
 * @typeParam Name - the class name, shown in compile-time errors
 * @typeParam P - what the board provides, checked against what components require
 */
export abstract class Board<Name extends string = string, P extends Provides = Provides> {
  /** True when `x` is a Board from any copy of Kiln. */
  static isBoard(x: unknown): x is Board {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[BOARD_BRAND] === true;
  }

  declare readonly [BOARD_NAME]: Name;
  declare readonly [PROVIDES]: P;

  readonly info: BoardInfo;

  protected constructor(info: BoardInfo) {
    Object.defineProperty(this, BOARD_BRAND, { value: true });
    this.info = info;
  }

  /** The board's id as written in specs, e.g. 'qemu-virt'. */
  get id(): BoardId {
    return this.info.id;
  }
}

/** 1 MiB in bytes. */
export const MiB = 1024 * 1024;

/** The class name of a board type, for error types. */
export type BoardNameOf<B> = B extends { readonly [BOARD_NAME]: infer N extends string } ? N : 'this board';
/** What a board type provides. */
export type ProvidesOf<B> = B extends { readonly [PROVIDES]: infer P } ? P : never;
