// SPDX-License-Identifier: MIT
// Deep recursion and the main stack (issue 19): a Lua script recursing
// without bound, in Lua and through C (gsub, pcall, metamethods,
// coroutines, the parser), gets Lua's own errors, as the host's lua5.4
// does, and never reaches the guard page, because the image's stack follows
// what Lua declares it needs; a C program recursing without bound ends in
// the guard page, reported as a stack overflow with the stack's size and
// how to raise it, and exit status 134.
import t from 'tap';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.ts';
import { memoryFigures, runGuest, runHost, splitGuestOutput } from '../fixtures/posix/guest.ts';
import { buildProgram } from './os-support.ts';

/** LIBARM64_CRASH_STATUS's default. */
const CRASH_STATUS = 134;
/** What lib/app-lua/library.yaml declares, and the C image's .configure(). */
const LUA_STACK = 0x80000;
const C_STACK = 0x8000;

t.test('GIVEN images that recurse without bound', async (t) => {
  const out = await buildProgram('test/fixtures/programs/stack.ts');

  t.test('WHEN the Lua image recurses in every way THEN each ends in Lua\'s error, as on the host, within its stack', async (t) => {
    const script = join(ROOT, 'test/fixtures/stack/unbounded.lua');
    const host = await runHost('lua5.4', [script]);
    t.equal(host.code, 0, `the host's lua5.4 runs it (stderr: ${host.stderr})`);
    t.match(host.stdout, /string\.gsub calling itself\tfalse\tC stack overflow/, 'the host hits Lua\'s C-stack limit');

    const run = await runGuest(join(out, 'stack-lua'), { timeoutMs: 60_000 });
    const guest = splitGuestOutput(run.output);
    t.equal(run.status, 0, `exit status 0, no crash\n${run.output.slice(-3000)}`);
    t.notMatch(run.output, /kiln: crash/, 'no crash report');
    t.equal(guest.program.trimEnd(), host.stdout.trimEnd(), 'the same errors as lua5.4, line for line');
    t.match(guest.program, /^Lua function\tfalse\tstack overflow$/m, 'a Lua-function recursion gets "stack overflow"');
    t.match(guest.program, /^still running$/m, 'and the script goes on after all of them');

    const memory = memoryFigures(guest.kiln);
    t.ok(memory, 'the memory report is printed');
    t.equal(memory!.stacks - 4096, LUA_STACK, 'the main stack is what Lua declares (plus the exception stack\'s page)');
    t.ok(memory!.bootStackUsed < LUA_STACK, `the deepest recursion used ${memory!.bootStackUsed} of ${LUA_STACK} bytes`);
    t.ok(memory!.bootStackUsed > LUA_STACK / 2, 'and Lua\'s C-stack limit was reached: more than half of it');
  });

  t.test('WHEN a C program recurses into the guard page THEN it is reported as a stack overflow with the size and the fix, status 134', async (t) => {
    const run = await runGuest(join(out, 'stack-c'), { timeoutMs: 20_000 });
    t.equal(run.status, CRASH_STATUS, `exit status\n${run.output}`);
    t.match(run.output, /recursing without bound/);
    t.notMatch(run.output, /came back/);
    t.match(run.output, /translation fault \(nothing mapped there\), level 3 on a write/);
    t.match(run.output, /fault address 0x[0-9a-f]{16}: the guard page below the boot stack: stack overflow/);
    t.match(run.output, new RegExp(`stack overflow: the main stack is ${C_STACK} bytes \\(${C_STACK / 1024} KiB\\)`), 'the stack\'s size');
    t.match(run.output, new RegExp(`raise LIBBOOT_STACK_SIZE: \\.configure\\(\\{ LIBBOOT_STACK_SIZE: 0x${(C_STACK * 2).toString(16)} \\}\\) in image\\.ts`), 'how to raise it');
    t.match(run.output, /kiln: crash: exiting with status 134/);
  });
});
