// SPDX-License-Identifier: MIT
// Pi prints the first 1000 digits correctly on every board; hello stays
// small, reports its boot ticks and its memory footprint.
import t from 'tap';
import { BOARDS, boot, buildProgram, buildReport, figure } from './os-support.ts';

/** The first 1000 digits of pi (computed independently with Machin's formula). */
const PI_1000 = [
  '3141592653589793238462643383279502884197169399375105820974944592307816406286',
  '2089986280348253421170679821480865132823066470938446095505822317253594081284',
  '8111745028410270193852110555964462294895493038196442881097566593344612847564',
  '8233786783165271201909145648566923460348610454326648213393607260249141273724',
  '5870066063155881748815209209628292540917153643678925903600113305305488204665',
  '2138414695194151160943305727036575959195309218611738193261179310511854807446',
  '2379962749567351885752724891227938183011949129833673362440656643086021394946',
  '3952247371907021798609437027705392171762931767523846748184676694051320005681',
  '2714526356082778577134275778960917363717872146844090122495343014654958537105',
  '0792279689258923542019956112129021960864034418159813629774771309960518707211',
  '3499999983729780499510597317328160963185950244594553469083026425223082533446',
  '8503526193118817101000313783875288658753320838142061717766914730359825349042',
  '8755468731159562863882353787593751957781857780532171226806613001927876611195',
  '909216420198',
].join('');

/**
 * Targets for hello on QEMU virt. The raw image went from 16 to 20 KiB
 * with the exact printf (issue 19): hello with the memory report prints
 * through vfprintf, and its text crossed into a fourth page.
 */
const HELLO_MAX_RAW = 20 * 1024;
const HELLO_MAX_FOOTPRINT = 64 * 1024;

t.test('GIVEN pi and hello built for every board', async (t) => {
  t.equal(PI_1000.length, 1000, 'the reference has 1000 digits');
  const out = await buildProgram('test/fixtures/programs/os-pi.ts');
  for (const b of BOARDS) {
    t.test(`WHEN pi-${b} boots THEN it prints the first 1000 digits of pi`, async (t) => {
      const r = await boot(out, `pi-${b}`);
      t.equal(r.status, 0, `exit status 0\n${r.output}`);
      t.match(r.output, /pi: 1000 digits/);
      const line = /^3\.(\d+)\r?$/m.exec(r.output);
      t.ok(line, 'a line of digits');
      t.equal(`3${line?.[1] ?? ''}`, PI_1000, 'every digit right');
      t.comment(`${b}: pi raw image ${buildReport(out, `pi-${b}`).artifact.bytes} bytes`);
    });
    t.test(`WHEN hello-timeline-${b} boots under -icount THEN it reports its boot ticks and each init step`, async (t) => {
      const r = await boot(out, `hello-timeline-${b}`, ['-icount', 'shift=0,sleep=off']);
      t.equal(r.status, 0, `exit status 0\n${r.output}`);
      t.match(r.output, /Hello from Kiln!/);
      const ticks = figure(r.output, /^kiln: boot ticks (\d+) \(entry to main, CNTFRQ \d+ Hz\)/m);
      t.ok(ticks > 0, `boot ticks ${ticks}`);
      t.match(r.output, /^kiln: boot stage kiln_mmu_init +at \d+ ticks \(\+\d+\)/m, 'the timeline names each init step');
      const again = await boot(out, `hello-timeline-${b}`, ['-icount', 'shift=0,sleep=off']);
      t.equal(figure(again.output, /^kiln: boot ticks (\d+)/m), ticks, 'the same count on a second boot under icount');
      t.comment(`${b}: hello boot ticks ${ticks} (entry to main, -icount shift=0,sleep=off)`);
    });
    t.test(`WHEN hello-report-${b} boots THEN its memory report adds up and hello stays small`, async (t) => {
      const r = await boot(out, `hello-report-${b}`);
      t.equal(r.status, 0, `exit status 0\n${r.output}`);
      const stat = figure(r.output, /kiln: memory: static (\d+) bytes/);
      const stacks = figure(r.output, /kiln: memory: stacks (\d+) bytes reserved/);
      const heap = figure(r.output, /kiln: memory: heap peak (\d+) bytes/);
      const footprint = figure(r.output, /kiln: memory: footprint (\d+) bytes/);
      t.equal(footprint, stat + stacks + heap, 'footprint = static + stacks + heap peak');
      t.match(r.output, /kiln: memory: stacks \d+ bytes reserved \(boot \d+, used [1-9]\d*;/, 'boot stack high-water measured');
      const raw = buildReport(out, `hello-${b}`).artifact.bytes;
      if (b === 'virt') {
        t.ok(raw <= HELLO_MAX_RAW, `hello's raw image is ${raw} bytes (at most ${HELLO_MAX_RAW})`);
        t.ok(footprint <= HELLO_MAX_FOOTPRINT, `hello's footprint is ${footprint} bytes (at most ${HELLO_MAX_FOOTPRINT})`);
      }
      t.comment(`${b}: hello raw ${raw} bytes; with the memory report: static ${stat} + stacks ${stacks} + heap peak ${heap} = footprint ${footprint} bytes`);
    });
  }
});
