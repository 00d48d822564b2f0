// SPDX-License-Identifier: MIT
/**
 * ImageSpec: the plain-data form of one Kiln image.
 *
 * Both front ends produce it: the construct tree (image.ts) and
 * machine-written specs (YAML/JSON files validated against
 * schema/image-spec.schema.json). Every later phase (resolve, plan, build)
 * reads only this, so both paths get the same checks and the same output.
 */

import type { BoardId, BoardInfo } from './board-info.ts';

export type { BoardId, BoardInfo } from './board-info.ts';

/** Where an image is meant to run: under QEMU (exit via semihosting) or on the board itself. */
export type ImageTarget = 'qemu' | 'hardware';

/** The compiler and linker family used to build an image. */
export type ToolchainId = 'gcc' | 'clang';

/** A value a micro-library option can take (Kconfig bool, int/hex, string). */
export type OptionValue = boolean | number | string;

/**
 * One micro-library or application selected for an image.
 *
 * `kind` is the library's name in its manifest (lib/<dir>/library.yaml);
 * each option key is the camelCase form of a Kconfig symbol of that
 * library: option `exitStatus` of a library whose symbol is APP_HELLO is
 * the Kconfig symbol APP_HELLO_EXIT_STATUS.
 */
export interface ComponentSpec {
  readonly kind: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
}

/** The two allocator slots: the one used during boot and init, and the application's. */
export interface AllocatorsSpec {
  readonly boot: string;
  readonly app: string;
}

/** Limits a build must stay within. */
export interface BudgetSpec {
  /** Largest board artifact (raw image) in bytes. */
  readonly imageBytes?: number;
  /** Most static RAM (data, bss, stacks, heap reserve) in bytes. */
  readonly ramBytes?: number;
  /**
   * Most bytes of embedded files (`files`); synth refuses more before
   * reading them.
   * @default 33554432 (32 MiB)
   */
  readonly embedBytes?: number;
}

/**
 * A file or folder the image's RAM file system holds at boot (lib/posix-ramfs).
 *
 * Exactly one of `from` and `content` is given.
 */
export interface FileSpec {
  /** Absolute path in the image, e.g. '/www' or '/main.lua'. */
  readonly at: string;
  /**
   * A file or folder on the host, embedded at build time: a folder's
   * contents go under `at`. Absolute in the normal form; a spec file may
   * give it relative to the spec file's folder.
   */
  readonly from?: string;
  /** The file's text, given inline. */
  readonly content?: string;
}

/**
 * The user's own program: C, C++ and assembly sources of the user's
 * project, built into the image as a micro-library of its own (named
 * `name`), which the image uses like any other (`applications: [{ kind:
 * name }]`).
 */
export interface ProgramSpec {
  /** The library's name, and the kind the image uses it by: lowercase letters, digits and dashes. */
  readonly name: string;
  /**
   * Its source files (.c, .cc, .cpp, .cxx, .S). Absolute in the normal
   * form; a spec file may give globs relative to its own folder
   * (`src/*.c`, `src/**\/*.cpp`).
   */
  readonly sources: readonly string[];
  /** Include folders for its sources, searched before Kiln's. Absolute in the normal form. @default none */
  readonly include?: readonly string[];
  /** Preprocessor definitions (-DNAME=VALUE). @default none */
  readonly defines?: Readonly<Record<string, string>>;
  /** More compiler flags for its sources only, e.g. ['-Wall', '-Werror']. @default none */
  readonly cflags?: readonly string[];
  /** What it needs from Kiln's POSIX layer besides the C library, clocks and main()'s arguments. @default none */
  readonly requires?: ProgramRequirements;
}

/** What a program needs from the image: each brings the libraries that provide it. */
export interface ProgramRequirements {
  /** BSD sockets over lwIP (the board must have a network device). */
  readonly network?: boolean;
  /** POSIX threads (the image needs a scheduler that runs them). */
  readonly threads?: boolean;
  /** Files: open/read/write over the RAM file system, which holds what `files` embeds. */
  readonly files?: boolean;
}

/** One image, as plain data. */
export interface ImageSpec {
  /** Unique within an app or fleet: lowercase letters, digits and dashes. */
  readonly id: string;
  /**
   * The board: an id (Kiln's own boards/<id>/board.yaml, or a board in one
   * of `libraryFolders`), or the board's whole description.
   */
  readonly board: BoardId | BoardInfo;
  /** @default 'qemu' */
  readonly target?: ImageTarget;
  /** @default 'gcc' */
  readonly toolchain?: ToolchainId;
  /** The applications the image runs; at least one. */
  readonly applications: readonly ComponentSpec[];
  /** Extra micro-libraries asked for explicitly (those an application needs are found by the resolver). */
  readonly libraries?: readonly ComponentSpec[];
  readonly allocators?: AllocatorsSpec;
  /** A scheduler library name, or 'none' for run to completion. */
  readonly scheduler?: string;
  /** Raw Kconfig symbol values, for what no construct models yet. */
  readonly config?: Readonly<Record<string, OptionValue>>;
  /** Size and RAM limits; a build over them fails. */
  readonly budget?: BudgetSpec;
  /**
   * Files and folders embedded in the image's RAM file system, in order (a
   * later entry at the same path replaces an earlier one). Needs an
   * application or library that brings the RAM file system.
   */
  readonly files?: readonly FileSpec[];
  /**
   * main()'s argument vector, argv[0] first (lib/posix-process). Applications
   * read it with kiln_process_args().
   * @default [the first application's kind]
   */
  readonly args?: readonly string[];
  /** The environment the process starts with (getenv). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Folders of micro-libraries and boards the image may use besides
   * Kiln's own: each sub-folder holding a library.yaml is a library, each
   * holding a board.yaml a board (a folder that itself holds one counts
   * too). Absolute in the normal form; a spec file may give them relative
   * to its own folder.
   */
  readonly libraryFolders?: readonly string[];
  /** The user's own programs, each a library the image may use by its name. @default none */
  readonly programs?: readonly ProgramSpec[];
}

/** A file of many images with shared defaults (fleet.yaml / fleet.json). */
export interface FleetSpec {
  readonly version: 1;
  /** Values every image starts from; an image's own fields override them. */
  readonly defaults?: Partial<Omit<ImageSpec, 'id'>>;
  readonly images: readonly ImageSpec[];
}

/**
 * Where a piece of an image came from, in the user's terms.
 *
 * Errors and `kiln explain` use it to point at the construct path and the
 * line of image.ts (or of the spec file) that asked for something.
 */
export interface Origin {
  /** Construct path, e.g. 'web/HttpServer', when the image came from constructs. */
  readonly path?: string;
  /** The user's file (absolute or relative to the working directory). */
  readonly file?: string;
  /** 1-based line and column in that file. */
  readonly line?: number;
  readonly column?: number;
  /** A JSON pointer into a spec file, e.g. '/images/3/board'. */
  readonly pointer?: string;
}

/** Formats an origin the way compilers do: file:line:col (path). */
export function formatOrigin(origin: Origin | undefined): string {
  if (!origin) return '<unknown origin>';
  const where = origin.file
    ? `${origin.file}${origin.line ? `:${origin.line}${origin.column ? `:${origin.column}` : ''}` : ''}`
    : '';
  const what = origin.path ?? origin.pointer;
  if (where && what) return `${where} (${what})`;
  return where || what || '<unknown origin>';
}
