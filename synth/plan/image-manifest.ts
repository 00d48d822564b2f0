// SPDX-License-Identifier: MIT
import type { BoardInfo } from '../spec/board-info.ts';
import type { Resolution } from '../kconfig/index.ts';
import type { ImageSpec } from '../spec/image-spec.ts';
import type { LinkPlan } from './link-plan.ts';

/** How `kiln run` starts QEMU for an image: everything but -kernel. */
export interface QemuCommand {
  readonly binary: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** File in the image folder given to -kernel. */
  readonly kernel: string;
  /** Harmless stderr lines to hide. */
  readonly stderrNoise: readonly string[];
  /**
   * The image's network device on QEMU user-mode networking (the guest is
   * 10.0.2.15 behind QEMU's NAT), when the image has a network stack:
   * `kiln run --forward` adds host port forwards to `netdev`.
   */
  readonly network?: { readonly netdev: string; readonly device: string };
}

/** manifest.json: what the image folder holds and how to run it. No paths outside it, no times. */
export interface ImageManifest {
  readonly kiln: 'image-manifest/1';
  readonly id: string;
  readonly board: { readonly id: string; readonly name: string };
  readonly target: 'qemu' | 'hardware';
  readonly toolchain: string;
  /** How the image ends: semihosting returns main()'s status to QEMU. */
  readonly exit: 'semihosting' | 'halt';
  readonly spec: ImageSpec;
  readonly libraries: readonly string[];
  readonly files: Readonly<Record<string, string>>;
  readonly artifact: { readonly file: string; readonly form: string; readonly companions: readonly string[] };
  readonly qemu: QemuCommand;
}

/** What decides how QEMU runs an image, besides its board. */
export interface QemuChoices {
  /** How the image ends. */
  readonly exit: 'semihosting' | 'halt';
  /** Whether the image has a network driver (it then gets the board's NIC on user-mode networking). */
  readonly network: boolean;
  /** The ELF's and the artifact's file names in the image folder. */
  readonly elf: string;
  readonly artifact: string;
}

/**
 * How `kiln run` starts QEMU for an image: derived from the board
 * description alone (and the image's exit path and network), so `kiln run`
 * can derive it again instead of trusting an image folder's manifest.
 */
export function qemuInvocation(board: BoardInfo, choices: QemuChoices): QemuCommand {
  const q = board.qemu;
  const serials: string[] = [];
  for (let i = 0; i < q.serialCount; i++) serials.push('-serial', i === board.console.qemuSerialIndex ? 'stdio' : 'null');
  const network = q.nic && choices.network ? { netdev: 'user,id=n0', device: `${q.nic},netdev=n0` } : undefined;
  return {
    binary: 'qemu-system-aarch64',
    args: [
      '-M', q.machine,
      ...(q.cpu ? ['-cpu', q.cpu] : []),
      ...(q.memoryMiB ? ['-m', `${q.memoryMiB}M`] : []),
      '-display', 'none',
      '-monitor', 'none',
      ...serials,
      ...(q.nic && !network ? ['-nic', 'none'] : []),
      ...q.extraArgs,
      ...(choices.exit === 'semihosting' ? ['-semihosting'] : []),
    ],
    env: { ...(q.env ?? {}) },
    kernel: q.kernel === 'elf' ? choices.elf : choices.artifact,
    stderrNoise: [...(q.stderrNoise ?? [])],
    ...(network ? { network } : {}),
  };
}

/** Builds an image's manifest from its plan. */
export function imageManifest(spec: ImageSpec, board: BoardInfo, plan: LinkPlan, resolution: Resolution): ImageManifest {
  const exit = resolution.isEnabled('LIBEXIT_SEMIHOST') ? 'semihosting' : 'halt';
  const rel = (p: string) => p.slice(plan.image.length + 1);
  return {
    kiln: 'image-manifest/1',
    id: spec.id,
    board: { id: board.id, name: board.displayName },
    target: spec.target ?? 'qemu',
    toolchain: plan.toolchain.id,
    exit,
    spec,
    libraries: plan.libraries.map((l) => l.name),
    files: {
      config: '.config',
      configHeader: 'include/kiln/config.h',
      boardHeader: 'include/kiln/board.h',
      bindings: 'bindings.c',
      linkerScript: 'link.ld',
      linkPlan: 'linkplan.yaml',
      ninja: 'build.ninja',
      elf: rel(plan.elf),
      map: rel(plan.map),
      artifact: plan.artifact.file,
      report: 'report.json',
    },
    artifact: { file: plan.artifact.file, form: plan.artifact.form, companions: Object.keys(board.artifact.companions ?? {}) },
    qemu: qemuInvocation(board, { exit, network: resolution.isEnabled('LIBNETDEV'), elf: rel(plan.elf), artifact: plan.artifact.file }),
  };
}
