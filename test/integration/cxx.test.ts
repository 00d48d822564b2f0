// SPDX-License-Identifier: MIT
// C++ images (test/fixtures/cxx): a user library in C++ built with gcc and
// clang, on every board, with and without exceptions; booted in QEMU, with
// assertions on what the guest printed (the static object's destructor
// runs at exit) and on its exit status; the C++ runtime's bytes in the
// size report, and the C++ hello against the C hello.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, tempDir } from '../helpers/cli.ts';

/** What every cxx-demo image prints, in order, whatever its options. */
const COMMON = [
  'cxx-demo: static banner constructed',
  'cxx-demo: static object constructed before main ok',
  'cxx-demo: areas 12 25 12, kinds rect square shape',
  'cxx-demo: virtual calls ok',
  'cxx-demo: sorted 1 3 7 19 23 42 64 88, 4 above 20',
  'cxx-demo: std::array, std::sort and a lambda ok',
  'cxx-demo: new and delete (plain, array, aligned, nothrow) ok',
  'cxx-demo: function-local static (guard) ok',
  'cxx-demo: templates, std::optional, std::atomic ok',
  'cxx-demo: "kiln fires images quickly" (4 words, longest 7)',
  'cxx-demo: std::vector, std::string, std::map ok',
];
/** What the images with exceptions and RTTI print besides. */
const FULL = [
  'cxx-demo: RTTI (dynamic_cast, typeid) ok',
  'cxx-demo: caught demo error code 42',
  'cxx-demo: exceptions (throw through frames, std::out_of_range, rethrow) ok',
];
const END = ['cxx-demo: 0 checks failed', 'cxx-demo: static banner destroyed'];

/** The guest's lines (the console sends CR LF). */
function lines(stdout: string): string[] {
  return stdout.replace(/\r/g, '').split('\n').filter((l) => l.length > 0);
}

interface SizeRow { name: string; kind: string; total: number }

t.test('C++ images built with gcc and clang', async (t) => {
  const out = join(tempDir('kiln-cxx-'), 'kiln.out');
  const build = await kiln(['build', 'test/fixtures/cxx/image.ts', '-o', out], { timeoutMs: 600_000 });
  t.equal(build.code, 0, `kiln build succeeds\n${build.stderr}`);

  const run = (id: string) => kiln(['run', join(out, id)], { timeoutMs: 60_000 });

  for (const id of ['demo-gcc-virt', 'demo-clang-virt', 'demo-gcc-rpi3', 'demo-gcc-ultra96']) {
    t.test(`GIVEN ${id} (exceptions and RTTI on) WHEN booted THEN every check passes and the static object is destroyed at exit`, async (t) => {
      const r = await run(id);
      t.same(lines(r.stdout), [...COMMON, ...FULL, ...END], 'the whole console output, in order');
      t.equal(r.code, 0, 'exit status 0: no check failed');
    });
  }

  for (const id of ['demo-noexc-gcc-virt', 'demo-noexc-clang-virt']) {
    t.test(`GIVEN ${id} (the defaults: no exceptions, no RTTI) WHEN booted THEN the language and containers still work`, async (t) => {
      const r = await run(id);
      t.same(lines(r.stdout), [...COMMON, ...END]);
      t.equal(r.code, 0);
    });
  }

  t.test('GIVEN an exception nobody catches WHEN it is thrown THEN std::terminate names it and the image ends with 134, without destructors', async (t) => {
    const r = await run('demo-uncaught-virt');
    const got = lines(r.stdout);
    t.same(got.slice(-5), [
      'cxx-demo: 0 checks failed',
      "terminate called after throwing an instance of '(anonymous namespace)::DemoError'",
      '  what():  demo error',
      'kiln: c++: abort() called',
      'kiln: c++: exiting with status 134',
    ]);
    t.notOk(got.includes('cxx-demo: static banner destroyed'), 'abort() runs no destructor');
    t.equal(r.code, 134);
  });

  for (const tc of ['gcc', 'clang']) {
    t.test(`GIVEN the C++ hello built with ${tc} WHEN booted THEN the static object greets before main and says goodbye at exit`, async (t) => {
      const r = await run(`hello-${tc}-virt`);
      t.same(lines(r.stdout), ['cxx-hello: constructed before main', 'Hello from C++ on Kiln!', 'cxx-hello: destroyed at exit']);
      t.equal(r.code, 0);
    });
  }

  t.test('GIVEN the reports THEN the C++ runtime\'s bytes have rows of their own', async (t) => {
    const rows = (id: string) => (JSON.parse(readFileSync(join(out, id, 'report.json'), 'utf8')) as { sizes: { libraries: SizeRow[] } }).sizes.libraries;
    const bytes = (id: string) => (JSON.parse(readFileSync(join(out, id, 'report.json'), 'utf8')) as { artifact: { bytes: number } }).artifact.bytes;
    const hello = rows('hello-gcc-virt');
    t.ok(hello.some((r) => r.name === 'cxxrt' && r.kind === 'library' && r.total > 0), 'cxxrt is a library row');
    const demo = rows('demo-gcc-virt');
    const libstdcxx = demo.find((r) => r.name === '(libstdc++)');
    const unwinder = demo.find((r) => r.name === '(libgcc_eh: the unwinder)');
    t.ok(libstdcxx && libstdcxx.total > 10_000, `libstdc++'s members have their row (${libstdcxx?.total} bytes)`);
    t.ok(unwinder && unwinder.total > 10_000, `and the unwinder (${unwinder?.total} bytes)`);
    t.notOk(demo.some((r) => r.name === 'libstdc++-12-dev-arm64-cross'), 'not under the Debian package\'s name');
    const c = bytes('hello-c-virt');
    const cxx = bytes('hello-gcc-virt');
    t.comment(`hello on virt: C ${c} bytes, C++ (static object + std::array) ${cxx} bytes; cxxrt ${hello.find((r) => r.name === 'cxxrt')?.total} bytes`);
    t.ok(cxx > c && cxx < c + 16_384, 'C++ hello costs less than 16 KiB more than the C hello');
    t.ok(bytes('demo-noexc-gcc-virt') < bytes('demo-gcc-virt'), 'exceptions cost bytes: they are off by default');
  });

  t.test('GIVEN nothing changed WHEN built again THEN nothing is compiled', async (t) => {
    const again = await kiln(['build', 'test/fixtures/cxx/image.ts', '-o', out, '--progress'], { timeoutMs: 300_000 });
    t.equal(again.code, 0);
    t.notMatch(again.stderr, /\] (CC|LINK) /, 'no compile or link step');
  });
});
