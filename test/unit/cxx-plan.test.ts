// SPDX-License-Identifier: MIT
// C++ in the plan, without a compiler: which units are C++, the compiler
// and flags they get, what the link adds, the linker script's C++ lines,
// and the errors a missing runtime or a missing C++ compiler give.
import t from 'tap';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KilnError } from '../../synth/errors.ts';
import { sourceLanguage } from '../../synth/plan/link-plan.ts';
import { cxxArchiveRow } from '../../synth/report/sizes.ts';
import { synthesize } from '../../synth/synthesize.ts';
import { CXX_INCLUDE_DIR, findToolchain, missingCxxCompilers, PICOLIBC_DIR, toolchainFlags } from '../../synth/toolchain.ts';
import type { ImageSpec } from '../../synth/spec/image-spec.ts';
import type { LinkPlan } from '../../synth/plan/link-plan.ts';
import { ROOT, tempDir } from '../helpers/cli.ts';

const LIBS = join(ROOT, 'test/fixtures/cxx/libs');

function demo(id: string, extra: Partial<ImageSpec> = {}): ImageSpec {
  return { id, board: 'qemu-virt', applications: [{ kind: 'cxx-demo' }], libraryFolders: [LIBS], ...extra };
}

function unitsOf(plan: LinkPlan) {
  return plan.libraries.flatMap((l) => l.units.map((u) => ({ ...u, library: l.name })));
}

t.test('GIVEN sources by extension THEN .cc, .cpp and .cxx are C++, .S assembly, the rest C', async (t) => {
  t.same(['a.cc', 'b.cpp', 'c.cxx', 'd.c', 'e.S', 'f.h'].map(sourceLanguage), ['c++', 'c++', 'c++', 'c', 'asm', 'c']);
});

t.test('GIVEN a user library with a .cpp source WHEN synthesized with gcc and clang THEN its units get the C++ compiler and flags, C units keep theirs', async (t) => {
  const outdir = join(tempDir(), 'kiln.out');
  const result = synthesize([demo('g'), demo('c', { toolchain: 'clang' })], { outdir });
  for (const [id, cc, cxx] of [['g', 'aarch64-linux-gnu-gcc', 'aarch64-linux-gnu-g++'], ['c', 'clang-14', 'clang++-14']] as const) {
    const plan = result.images.find((i) => i.id === id)!.linkPlan;
    const units = unitsOf(plan);
    const app = units.find((u) => u.source.endsWith('/cxx-demo/demo.cpp'))!;
    t.equal(app.language, 'c++', `${id}: demo.cpp is C++`);
    t.equal(app.compiler, cxx, `${id}: compiled by ${cxx}`);
    t.ok(app.flags.includes('-std=gnu++17') && !app.flags.includes('-std=gnu11'), `${id}: C++17, not C11`);
    t.ok(app.flags.includes('-fno-exceptions') && app.flags.includes('-fno-rtti'), `${id}: no exceptions, no RTTI by default`);
    t.ok(app.flags.includes('-flto'), `${id}: LTO like the C units`);
    // libstdc++'s C wrappers reach the C library with #include_next: its folders come before picolibc's.
    const sys = app.flags.filter((f, i) => app.flags[i - 1] === '-isystem');
    t.ok(sys.indexOf(CXX_INCLUDE_DIR) >= 0 && sys.indexOf(CXX_INCLUDE_DIR) < sys.indexOf(`${PICOLIBC_DIR}/include`), `${id}: libstdc++'s headers before picolibc's`);
    t.equal(sys[0], '{kiln}/lib/cxxrt/sysinclude', `${id}: Kiln's shims first`);
    t.notOk(app.flags.some((f) => f.includes('--specs=')), `${id}: no picolibc.specs (it would put picolibc's headers first)`);
    const c = units.find((u) => u.source.endsWith('/lib/boot/boot.c'))!;
    t.equal(c.compiler, cc, `${id}: C stays with ${cc}`);
    t.same(c.flags.slice(0, plan.flags.cflags.length), plan.flags.cflags, `${id}: C units start from the C flags`);
    t.ok(unitsOf(plan).some((u) => u.library === 'cxxrt' && u.source.endsWith('new.cc')), `${id}: the C++ runtime is linked`);
    t.ok(plan.flags.libs.some((l) => l.endsWith('/libstdc++.a')), `${id}: libstdc++ is linked (the members used)`);
    t.ok(plan.flags.libs.some((l) => l.endsWith('/libgcc_eh.a')), `${id}: and the unwinder its members reach`);
    const edges = readFileSync(join(outdir, 'build.ninja'), 'utf8');
    t.match(edges, new RegExp(`build ${app.object.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cc .*\\n  cc = ${cxx.replace(/\+/g, '\\+')}\\n`), `${id}: build.ninja compiles it with ${cxx}`);
  }
  const config = readFileSync(join(outdir, 'g', '.config'), 'utf8');
  t.match(config, /^CONFIG_LIBCXXRT=y$/m, 'the runtime is on');
  t.match(readFileSync(join(outdir, 'g', 'linkplan.yaml'), 'utf8'), /name: cxxrt[\s\S]*?reason: selected by APP_CXX_DEMO/, 'because the C++ library selected it');
  const doc = parse(readFileSync(join(outdir, 'g', 'linkplan.yaml'), 'utf8')) as { toolchain: { cxx?: string; cxxflags?: string[] } };
  t.equal(doc.toolchain.cxx, 'aarch64-linux-gnu-g++', 'linkplan.yaml names the C++ compiler');
  const db = JSON.parse(readFileSync(join(outdir, 'compile_commands.json'), 'utf8')) as { file: string; arguments: string[] }[];
  const entry = db.find((e) => e.file.endsWith('/cxx-demo/demo.cpp') && e.arguments[0] === 'aarch64-linux-gnu-g++');
  t.ok(entry, 'compile_commands.json has demo.cpp with g++');
  t.ok(entry?.arguments.includes(`-isystem`) && entry.arguments.includes(join(ROOT, 'lib/cxxrt/sysinclude')), 'with the shims\' folder filled in');
  const ld = readFileSync(join(outdir, 'g', 'link.ld'), 'utf8');
  t.match(ld, /\*\(\.gcc_except_table \.gcc_except_table\.\*\)/, 'libstdc++\'s exception tables go with the read-only data');
  t.match(ld, /__eh_frame_hdr_start = \.;\n\t\t__eh_frame_hdr_end = \.;/, 'an empty unwind index without exceptions');
  t.match(ld, /\/DISCARD\/ : \{\n\t\t\*\(\.eh_frame \.eh_frame_hdr\)/, 'unwind tables are discarded');
});

t.test('GIVEN LIBCXXRT_EXCEPTIONS and LIBCXXRT_RTTI WHEN synthesized THEN C++ gets -fexceptions -frtti and the link keeps the unwind tables', async (t) => {
  const outdir = join(tempDir(), 'kiln.out');
  const result = synthesize([demo('x', { config: { LIBCXXRT_EXCEPTIONS: true, LIBCXXRT_RTTI: true } })], { outdir });
  const plan = result.images[0].linkPlan;
  const app = unitsOf(plan).find((u) => u.source.endsWith('demo.cpp'))!;
  t.ok(app.flags.includes('-fexceptions') && app.flags.includes('-frtti'));
  t.notOk(app.flags.includes('-fno-exceptions'));
  t.ok(plan.flags.ldflags.includes('-Wl,--eh-frame-hdr'), 'the linker writes the unwind index');
  const ld = readFileSync(join(outdir, 'x', 'link.ld'), 'utf8');
  t.match(ld, /\.eh_frame_hdr : AT\(LOADADDR\(\.rodata\) \+ \(ADDR\(\.eh_frame_hdr\) - ADDR\(\.rodata\)\)\)/, 'the index is stored and moved with .rodata');
  t.match(ld, /KEEP\(\*\(\.eh_frame\)\)\n\t\t\. = ALIGN\(16\);\n\t\t__rodata_copy_end = \.;/, 'the tables end the moved read-only range');
  t.notMatch(ld, /\/DISCARD\/[^}]*eh_frame/, 'nothing discards them');
  t.notOk(unitsOf(plan).some((u) => u.source.endsWith('throw.cc')), 'std::__throw_* come from libstdc++ (they throw)');
  const clang = toolchainFlags(findToolchain('clang'), { lto: true, optimize: 'size', cxx: { exceptions: true, rtti: false } });
  t.ok(clang.ldflags.includes('--eh-frame-hdr') && clang.cxxflags.includes('-fno-rtti'), 'lld too; RTTI follows its own option');
});

t.test('GIVEN a C-only image THEN nothing of C++ is in its plan', async (t) => {
  const outdir = join(tempDir(), 'kiln.out');
  const result = synthesize([{ id: 'c', board: 'qemu-virt', applications: [{ kind: 'hello' }] }], { outdir });
  const plan = result.images[0].linkPlan;
  t.equal(plan.options.cxx, undefined);
  t.same(plan.flags.libs, [], 'gcc links no C++ archive');
  t.notOk(unitsOf(plan).some((u) => u.language === 'c++'));
  t.notMatch(readFileSync(join(outdir, 'c', 'linkplan.yaml'), 'utf8'), /cxx/, 'linkplan.yaml has no C++ entries');
  t.notMatch(readFileSync(join(outdir, 'c', 'link.ld'), 'utf8'), /gcc_except_table|__eh_frame_hdr_start/, 'the linker script is the C one');
});

t.test('GIVEN a library with C++ sources that does not select LIBCXXRT WHEN synthesized THEN the error names the library, the source and the fix', async (t) => {
  const project = tempDir('kiln-cxx-');
  cpSync(LIBS, join(project, 'libs'), { recursive: true });
  const kconfig = join(project, 'libs/cxx-hello/Kconfig');
  writeFileSync(kconfig, readFileSync(kconfig, 'utf8').replace('\tselect LIBCXXRT\n', ''));
  const err = t.throws(() => synthesize([{ id: 'x', board: 'qemu-virt', applications: [{ kind: 'cxx-hello' }], libraryFolders: [join(project, 'libs')] }], { outdir: join(project, 'out') })) as KilnError;
  t.ok(KilnError.isKilnError(err) && err.fault === 'user', 'the user\'s error');
  t.equal(err.problems.length, 1);
  t.match(err.problems[0].message, `library "cxx-hello" has C++ sources (${join(project, 'libs/cxx-hello/hello.cpp')}) but the image has no C++ runtime`);
  t.match(err.problems[0].hint, /select LIBCXXRT/);
});

t.test('GIVEN images with C++ sources and no C++ compiler on the host THEN one line names a source, the images and the package', async (t) => {
  const gcc = findToolchain('gcc');
  const clang = findToolchain('clang');
  const sources = ['lib/boot/boot.c', 'lib/cxxrt/new.cc', '/home/me/app/main.cpp'];
  const images = [{ id: 'a', toolchain: gcc, sources }, { id: 'b', toolchain: gcc, sources }, { id: 'c', toolchain: gcc, sources: ['lib/boot/boot.c'] }];
  const none = missingCxxCompilers(images, (p) => p !== 'aarch64-linux-gnu-g++');
  t.same(none.map((p) => p.message), [
    '/home/me/app/main.cpp is C++ (images a, b), but aarch64-linux-gnu-g++ is not installed: apt-get install g++-aarch64-linux-gnu (or npm run setup)',
  ], 'the user\'s source rather than the runtime\'s, both images, the package; the C image is not named');
  t.same(missingCxxCompilers(images, () => true), [], 'nothing when the compiler is there');
  const viaClang = missingCxxCompilers([{ id: 'k', toolchain: clang, sources: ['lib/cxxrt/new.cc'] }], (p) => p !== 'aarch64-linux-gnu-g++');
  t.match(viaClang[0].message, /^lib\/cxxrt\/new\.cc is C\+\+ \(image k\), but aarch64-linux-gnu-g\+\+ is not installed: apt-get install g\+\+-aarch64-linux-gnu/, 'clang needs libstdc++ from the cross g++ too');
});

t.test('GIVEN archive members of the C++ runtime THEN the size report gives them rows of their own', async (t) => {
  t.equal(cxxArchiveRow('/usr/lib/gcc-cross/aarch64-linux-gnu/12/libstdc++.a'), '(libstdc++)');
  t.equal(cxxArchiveRow('/usr/lib/gcc-cross/aarch64-linux-gnu/12/libsupc++.a'), '(libsupc++)');
  t.equal(cxxArchiveRow('/usr/lib/gcc-cross/aarch64-linux-gnu/12/libgcc_eh.a'), '(libgcc_eh: the unwinder)');
  t.equal(cxxArchiveRow('/usr/lib/picolibc/aarch64-linux-gnu/lib/libc.a'), undefined, 'picolibc keeps its Debian package\'s row');
});
