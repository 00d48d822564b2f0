// SPDX-License-Identifier: MIT
import { spawnSync } from 'node:child_process';
import type { ToolchainId } from './spec/image-spec.ts';
import type { HostTool } from './tools.ts';

/** Where Debian's picolibc for aarch64 lives (package picolibc-aarch64-linux-gnu). */
export const PICOLIBC_DIR = '/usr/lib/picolibc/aarch64-linux-gnu';

/** The cross gcc whose libgcc.a both backends link (clang-14 ships no aarch64 bare-metal compiler-rt in Debian). */
const GCC_DRIVER = 'aarch64-linux-gnu-gcc';

/** The cross g++ (Debian's g++-aarch64-linux-gnu), which also brings libstdc++'s headers and archives. */
const GXX_DRIVER = 'aarch64-linux-gnu-g++';

/**
 * The cross gcc's own folder (its headers, libgcc.a, libstdc++.a,
 * libsupc++.a, libgcc_eh.a): Debian bookworm's gcc-12 cross packages.
 * Named rather than asked of the driver, since synth starts no process.
 */
export const CROSS_GCC_DIR = '/usr/lib/gcc-cross/aarch64-linux-gnu/12';

/** libstdc++'s headers for the cross gcc (package libstdc++-12-dev-arm64-cross). */
export const CXX_INCLUDE_DIR = '/usr/aarch64-linux-gnu/include/c++/12';

/** Whether a source is C++ by its extension (.cc, .cpp, .cxx), the one rule every library unit follows. */
export function isCxxSource(path: string): boolean {
  return /\.(cc|cpp|cxx)$/.test(path);
}

/**
 * Build options an image chooses through Kconfig (lib/toolchain): they
 * change code generation, so they are part of every object's key.
 */
export interface BuildOptions {
  /** Link-time optimization. @default true */
  readonly lto: boolean;
  /** -Os or -O2. @default 'size' */
  readonly optimize: 'size' | 'speed';
  /**
   * How the image's C++ is compiled and linked; set when the image has
   * the C++ runtime (lib/cxxrt), absent for a C-only image.
   * @default undefined
   */
  readonly cxx?: CxxOptions;
}

/** C++ options an image chooses through lib/cxxrt's Kconfig. */
export interface CxxOptions {
  /** -fexceptions, the unwind tables kept and libsupc++'s EH linked (LIBCXXRT_EXCEPTIONS). @default false */
  readonly exceptions: boolean;
  /** -frtti: typeid and dynamic_cast (LIBCXXRT_RTTI). @default false */
  readonly rtti: boolean;
}

/** The options every image gets unless its configuration says otherwise. */
export const DEFAULT_BUILD_OPTIONS: BuildOptions = { lto: true, optimize: 'size' };

/** How a toolchain's linker is driven: through the compiler driver, or lld called directly. */
export type LinkerKind = 'gcc-driver' | 'lld';

/**
 * A cross toolchain as data: the programs, and the flags an image built
 * with it gets for given build options. Everything in here ends up in the
 * link plan and in build.ninja; nothing is decided later.
 */
export interface Toolchain {
  readonly id: ToolchainId;
  /** Compiler for C and assembly sources. */
  readonly cc: string;
  /** Compiler for C++ sources. */
  readonly cxx: string;
  /** Program that links. */
  readonly ld: string;
  readonly linker: LinkerKind;
  readonly objcopy: string;
  /** Programs a build needs, with the Debian package of each (for messages and the version report). */
  readonly tools: readonly HostTool[];
  /** Programs a build needs only when an image compiles C++ (the compiler, libstdc++'s headers and archives). */
  readonly cxxTools: readonly HostTool[];
}

/** Flags for one image: compiling (C and assembly) and linking. */
export interface ToolchainFlags {
  /** Flags for every C source. */
  readonly cflags: readonly string[];
  /** Flags for every C++ source. */
  readonly cxxflags: readonly string[];
  /** Flags for every assembly (.S) source. */
  readonly asflags: readonly string[];
  /** Flags of the final link (the linker script, map and output are added by the build rule). */
  readonly ldflags: readonly string[];
  /** Archives linked after the objects. */
  readonly libs: readonly string[];
  /** How the link asks for a map file: the map path is appended. */
  readonly mapFlag: string;
}

/** Code generation every library shares: the board's core, no host assumptions. */
const COMMON_CFLAGS = [
  '-mcpu=cortex-a53',
  // Boot code runs C before the MMU is on, when memory is Device-typed and unaligned accesses fault on hardware.
  '-mstrict-align',
  '-g',
  '-std=gnu11',
  // One section per function and per object: --gc-sections can then drop what nothing references.
  '-ffunction-sections',
  '-fdata-sections',
  '-fno-pie',
  '-fno-stack-protector',
  '-fno-asynchronous-unwind-tables',
  '-fno-unwind-tables',
  '-Wall',
  '-Wextra',
  // picolibc declares clock_gettime, nanosleep and CLOCK_MONOTONIC only when the system says it has them; Kiln's time library does.
  '-D_POSIX_TIMERS',
  '-D_POSIX_MONOTONIC_CLOCK',
];

/** Stands for the Kiln checkout in flags; build.ninja and compile_commands.json fill it in. */
export const KILN_ROOT_TOKEN = '{kiln}';
/** Stands for the user cache's folder of unpacked upstream sources (<cache>/upstream); build.ninja fills it in. */
export const UPSTREAM_TOKEN = '{upstream}';
/** Stands for the user cache's folder of generated upstream sources (<cache>/generated). */
export const GENERATED_TOKEN = '{generated}';
/** Stands for the assembly folder (the build's working directory) in flags. */
export const ASSEMBLY_TOKEN = '{assembly}';

/**
 * Kiln's few headers that let libstdc++'s headers, configured for glibc,
 * sit on picolibc (lib/cxxrt/sysinclude: features.h, single-threaded
 * gthreads). Searched before libstdc++'s own folders.
 */
const CXX_SYSINCLUDE = `${KILN_ROOT_TOKEN}/lib/cxxrt/sysinclude`;

/**
 * Where C++ sources look for system headers, in order: Kiln's shims,
 * libstdc++'s headers, then picolibc's. libstdc++'s C wrappers (<cstdlib>)
 * reach the C library with #include_next, so picolibc must come after
 * them, and glibc's headers (installed with the cross g++) never: the
 * compiler's default folders are left out.
 */
const CXX_SYSTEM_INCLUDES = [
  '-isystem', CXX_SYSINCLUDE,
  '-isystem', CXX_INCLUDE_DIR,
  '-isystem', `${CXX_INCLUDE_DIR}/aarch64-linux-gnu`,
  '-isystem', `${CXX_INCLUDE_DIR}/backward`,
  '-isystem', `${PICOLIBC_DIR}/include`,
];

/** The language flags of C++ sources: C++17 with GNU extensions; exceptions and RTTI as the image chose. */
function cxxLanguage(cxx: CxxOptions | undefined): string[] {
  return [
    '-std=gnu++17',
    cxx?.exceptions ? '-fexceptions' : '-fno-exceptions',
    cxx?.rtti ? '-frtti' : '-fno-rtti',
  ];
}

/**
 * The C++ flags beside a toolchain's C flags: the same flags with the C
 * standard replaced by the C++ one, and the system include folders
 * replaced by CXX_SYSTEM_INCLUDES (`prefix`: what replaces the C flags'
 * own way of naming picolibc's headers).
 */
function cxxFlagsFrom(cflags: readonly string[], prefix: readonly string[], cxx: CxxOptions | undefined): string[] {
  const out: string[] = [...prefix];
  for (let i = 0; i < cflags.length; i++) {
    const f = cflags[i];
    if (f === '--specs=picolibc.specs' || f === '-nostdlibinc') continue;
    if (f === '-isystem' && cflags[i + 1] === `${PICOLIBC_DIR}/include`) {
      i++;
      continue;
    }
    if (f === '-std=gnu11') out.push(...cxxLanguage(cxx));
    else out.push(f);
  }
  return out;
}

/**
 * Paths that must not reach the ELF: the Kiln checkout becomes /kiln and
 * the assembly folder (the working directory, which gcc's LTO records as
 * the compilation directory) becomes ".". gcc lets the last matching map
 * win, so the more specific one comes last.
 */
const PREFIX_MAPS = [`-ffile-prefix-map=${KILN_ROOT_TOKEN}=/kiln`, `-ffile-prefix-map=${ASSEMBLY_TOKEN}=.`];

const GCC: Toolchain = {
  id: 'gcc',
  cc: GCC_DRIVER,
  cxx: GXX_DRIVER,
  ld: GCC_DRIVER,
  linker: 'gcc-driver',
  objcopy: 'aarch64-linux-gnu-objcopy',
  tools: [
    { program: GCC_DRIVER, debianPackage: 'gcc-aarch64-linux-gnu' },
    { program: 'aarch64-linux-gnu-objcopy', debianPackage: 'binutils-aarch64-linux-gnu' },
  ],
  cxxTools: [{ program: GXX_DRIVER, debianPackage: 'g++-aarch64-linux-gnu' }],
};

const CLANG: Toolchain = {
  id: 'clang',
  cc: 'clang-14',
  cxx: 'clang++-14',
  ld: 'ld.lld-14',
  linker: 'lld',
  // GNU objcopy/strip inflate lld's output; LLVM's own tools do not.
  objcopy: 'llvm-objcopy-14',
  tools: [
    { program: 'clang-14', debianPackage: 'clang-14' },
    { program: 'ld.lld-14', debianPackage: 'lld-14' },
    { program: 'llvm-objcopy-14', debianPackage: 'llvm-14' },
    // libgcc.a for aarch64 comes with the cross gcc.
    { program: GCC_DRIVER, debianPackage: 'gcc-aarch64-linux-gnu' },
  ],
  cxxTools: [
    { program: 'clang++-14', debianPackage: 'clang-14' },
    // libstdc++'s headers and archives come with the cross g++ (Debian ships no libc++ for aarch64 bare metal).
    { program: GXX_DRIVER, debianPackage: 'g++-aarch64-linux-gnu' },
  ],
};

/** The toolchain with this id. */
export function findToolchain(id: ToolchainId): Toolchain {
  switch (id) {
    case 'gcc':
      return GCC;
    case 'clang':
      return CLANG;
    default:
      throw new Error(`unknown toolchain "${String(id)}"; use 'gcc' or 'clang'`);
  }
}

/** The flags an image built with `tc` and `opts` compiles and links with. */
export function toolchainFlags(tc: Toolchain, opts: BuildOptions, link: { readonly gcSections: boolean } = { gcSections: true }): ToolchainFlags {
  const opt = opts.optimize === 'speed' ? '-O2' : '-Os';
  const lto = opts.lto ? ['-flto'] : [];
  // An image with C++ links libstdc++ (only the members it uses) and the unwinder, and with exceptions
  // keeps the unwind tables with the index (.eh_frame_hdr) the unwinder searches (lib/cxxrt finds it for it).
  const cxxArchives = opts.cxx ? [`${CROSS_GCC_DIR}/libstdc++.a`, `${CROSS_GCC_DIR}/libgcc_eh.a`] : [];
  if (tc.linker === 'gcc-driver') {
    const cflags = [
      '--specs=picolibc.specs',
      ...COMMON_CFLAGS,
      opt,
      // gcc 12 turns hand-written copy loops into calls to memcpy/memset themselves.
      '-fno-tree-loop-distribute-patterns',
      ...lto,
      ...PREFIX_MAPS,
    ];
    return {
      cflags,
      // Without picolibc.specs (which puts picolibc's headers first): the TLS model it would add, and gcc's own headers last.
      cxxflags: cxxFlagsFrom(cflags, ['-nostdinc', ...CXX_SYSTEM_INCLUDES, '-isystem', `${CROSS_GCC_DIR}/include`, '-ftls-model=local-exec'], opts.cxx),
      // Assembly has no intermediate representation to optimize at link time: -flto changes nothing for it.
      asflags: cflags.filter((f) => f !== '-flto'),
      ldflags: [
        '--specs=picolibc.specs',
        '-static',
        '-nostartfiles',
        '-no-pie',
        // With LTO, code is generated at link time: it needs the code generation flags again.
        '-mcpu=cortex-a53',
        '-mstrict-align',
        opt,
        '-g',
        '-ffunction-sections',
        '-fdata-sections',
        '-fno-tree-loop-distribute-patterns',
        ...lto,
        // One LTRANS unit: the same partitioning whatever the machine's core count.
        ...(opts.lto ? ['-flto-partition=one'] : []),
        ...PREFIX_MAPS,
        // picolibc.specs asks for --gc-sections itself: turning it off must be said after it.
        link.gcSections ? '-Wl,--gc-sections' : '-Wl,--no-gc-sections',
        '-Wl,--build-id=none',
        '-Wl,--no-warn-rwx-segments',
        ...(opts.cxx?.exceptions ? ['-Wl,--eh-frame-hdr'] : []),
      ],
      // Before picolibc.specs' own group (libgcc, libc), which they call into.
      libs: cxxArchives,
      mapFlag: '-Wl,-Map=',
    };
  }
  const cflags = [
    '--target=aarch64-none-elf',
    ...COMMON_CFLAGS,
    // DWARF 4 names addresses directly (DWARF 5's indexed ones need .debug_addr to read), which the size report relies on.
    '-gdwarf-4',
    opt,
    // picolibc's TLS model (its specs file says the same to gcc).
    '-ftls-model=local-exec',
    // LLVM otherwise assumes malloc never sets errno and folds away callers' ENOMEM checks.
    '-fno-builtin-malloc',
    // picolibc's headers instead of the host's; clang's own (stddef.h, stdarg.h) stay.
    '-nostdlibinc',
    '-isystem', `${PICOLIBC_DIR}/include`,
    ...lto,
    ...PREFIX_MAPS,
  ];
  return {
    cflags,
    // clang's own headers (stddef.h, stdarg.h) stay after these, as for C.
    cxxflags: cxxFlagsFrom(cflags, ['-nostdlibinc', ...CXX_SYSTEM_INCLUDES], opts.cxx),
    // clang-14's integrated assembler writes the source path as given into
    // DWARF, ignoring -ffile-prefix-map: assembly gets no debug info rather
    // than an absolute path in the image.
    asflags: cflags.filter((f) => f !== '-flto').map((f) => (f === '-g' ? '-g0' : f)),
    // -Os/-O2 travel in the bitcode as function attributes, so lld's LTO needs no level of its own.
    ldflags: [...(link.gcSections ? ['--gc-sections'] : []), '--build-id=none', ...(opts.cxx?.exceptions ? ['--eh-frame-hdr'] : [])],
    libs: ['--start-group', ...cxxArchives, `${PICOLIBC_DIR}/lib/libc.a`, libgccPath(), '--end-group'],
    mapFlag: '-Map=',
  };
}

/**
 * The problems of images that compile C++ sources on a host without the
 * toolchain's C++ compiler: one line per missing program, naming a C++
 * source (the image's own rather than the runtime's, which is only there
 * because of it), the images and the package to install. `has` says
 * whether a program is on PATH.
 */
export function missingCxxCompilers(
  images: readonly { readonly id: string; readonly toolchain: Toolchain; readonly sources: readonly string[] }[],
  has: (program: string) => boolean,
): { message: string }[] {
  const missing = new Map<string, { tool: HostTool; source: string; images: string[] }>();
  for (const image of images) {
    const cxx = image.sources.filter(isCxxSource);
    const source = cxx.find((s) => !s.startsWith('lib/cxxrt/')) ?? cxx[0];
    if (source === undefined) continue;
    const tool = image.toolchain.cxxTools.find((t) => !has(t.program));
    if (!tool) continue;
    const entry = missing.get(tool.program) ?? { tool, source, images: [] };
    entry.images.push(image.id);
    missing.set(tool.program, entry);
  }
  return [...missing.values()].map(({ tool, source, images: ids }) => ({
    message: `${source} is C++ (${ids.length === 1 ? 'image' : 'images'} ${ids.join(', ')}), but ${tool.program} is not installed: apt-get install ${tool.debianPackage} (or npm run setup)`,
  }));
}

let libgcc: string | undefined;

/**
 * libgcc.a of the aarch64 cross gcc, which the clang backend links for the
 * helpers picolibc and compiled code call (128-bit shifts, soft long double).
 * Asked of the gcc driver once per process; when gcc is missing the plain
 * name is kept and the build's tool check says what to install.
 */
export function libgccPath(): string {
  if (libgcc === undefined) {
    const r = spawnSync(GCC_DRIVER, ['-print-libgcc-file-name'], { encoding: 'utf8' });
    libgcc = r.status === 0 && r.stdout.trim() ? r.stdout.trim() : 'libgcc.a';
  }
  return libgcc;
}
