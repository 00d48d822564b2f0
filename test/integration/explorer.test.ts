// SPDX-License-Identifier: MIT
// The image explorer (issue 22): `kiln report` on a built Lua image writes
// report.html, which Debian's chromium opens headless (driven by
// playwright-core, no browser download) with the network cut off: the
// treemap's largest rectangle is report.json's largest row, choosing a
// library shows why it is in the image (kiln explain's chain), every view
// draws, nothing is fetched, and a screenshot of each view is written
// (KILN_EXPLORER_SHOTS=DIR keeps them, e.g. for the docs).
import t from 'tap';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { kiln, tempDir } from '../helpers/cli.ts';

const CHROMIUM = '/usr/bin/chromium';

interface Row { name: string; total: number }

t.test('GIVEN a built Lua image WHEN kiln report writes its explorer THEN the page shows the image as report.json and explain say', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'examples/lua/image.ts', '-o', out]);
  t.equal(build.code, 0, `kiln build (stderr: ${build.stderr.slice(-2000)})`);
  const image = join(out, 'lua');

  const written = await kiln(['report', image]);
  t.equal(written.code, 0, written.stderr);
  const page = join(image, 'report.html');
  t.match(written.stdout, /report\.html \([\d,]+ bytes\): open it in a browser; it needs no network/);
  const html = readFileSync(page, 'utf8');
  t.notMatch(html, /\b(src|href)\s*=\s*["']?(https?:)?\/\//i, 'nothing refers to another site');
  t.ok(statSync(page).size < 200_000, `one image's page is small (${statSync(page).size} bytes)`);

  const report = JSON.parse(readFileSync(join(image, 'report.json'), 'utf8')) as { sizes: { libraries: Row[] } };
  const largest = [...report.sizes.libraries].sort((a, b) => b.total - a.total)[0];
  t.equal(largest.name, 'liblua', 'with LTO, Lua\'s upstream code is attributed to its library through DWARF');
  const explain = await kiln(['explain', image, 'LIBLUA']);
  t.equal(explain.code, 0, explain.stderr);

  t.ok(existsSync(CHROMIUM), 'Debian\'s chromium is installed (scripts/debian-packages.txt)');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  t.teardown(() => browser.close());
  const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
  const fetched: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    fetched.push(url);
    return route.abort();
  });
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await tab.goto(`file://${page}`);

  const first = tab.locator('svg rect').first();
  t.equal(await first.getAttribute('data-name'), largest.name, 'the treemap\'s largest rectangle is report.json\'s largest row');
  t.equal(Number(await first.getAttribute('data-bytes')), largest.total, `with its bytes (${largest.total})`);

  const shots = process.env.KILN_EXPLORER_SHOTS ?? join(tempDir(), 'shots');
  mkdirSync(shots, { recursive: true });
  await tab.screenshot({ path: join(shots, 'sizes.png') });

  // Keyboard: the rectangle takes focus and Enter opens the library.
  await first.focus();
  await tab.keyboard.press('Enter');
  const chain = await tab.locator('#chain').textContent();
  t.equal(chain?.trim(), explain.stdout.trim().split('\nwarning:')[0], 'choosing liblua shows kiln explain\'s chain for LIBLUA');
  t.ok(await tab.locator('svg rect').count() > 10, 'and a treemap of its functions');
  await tab.screenshot({ path: join(shots, 'library.png') });

  for (const [n, name] of ['sizes', 'libraries', 'options', 'sbom', 'posix', 'boot'].entries()) {
    await tab.locator(`#tab-${n}`).click();
    t.equal(await tab.locator(`#tab-${n}`).getAttribute('aria-selected'), 'true', `the ${name} view is selected`);
    t.ok((await tab.locator('#view').textContent())?.length, `the ${name} view draws`);
    await tab.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
    t.ok(statSync(join(shots, `${name}.png`)).size > 1000, `a screenshot of the ${name} view`);
  }
  await tab.locator('#tab-2').click();
  await tab.locator('input[type=search]').fill('LIBLUA');
  t.match(await tab.locator('#view table').textContent(), /LIBLUA/, 'the options filter finds LIBLUA');
  await tab.locator('#tab-4').click();
  t.match(await tab.locator('#view').textContent(), /satisfied/, 'the POSIX calls the Lua image reaches');

  t.same(fetched, [], 'the page fetched nothing');
  t.same(errors, [], 'no script error');
});

t.test('GIVEN the fleet example built WHEN kiln report is given the assembly THEN index.html compares the images and opens each page, all under 200 KB', async (t) => {
  const out = join(tempDir(), 'kiln.out');
  const build = await kiln(['build', 'examples/fleet/image.ts', '-o', out]);
  t.equal(build.code, 0, `kiln build (stderr: ${build.stderr.slice(-2000)})`);
  const written = await kiln(['report', out]);
  t.equal(written.code, 0, written.stderr);
  const ids = ['lisbon-gateway', 'lisbon-sensor', 'porto-sensor', 'lab-ci'];
  const pages = [join(out, 'index.html'), ...ids.map((id) => join(out, id, 'report.html'))];
  for (const p of pages) t.ok(existsSync(p), `${p.slice(out.length + 1)} written`);
  const bytes = pages.reduce((sum, p) => sum + statSync(p).size, 0);
  t.ok(bytes < 200_000, `the fleet's pages together are under 200 KB (${bytes} bytes)`);
  t.match(written.stdout, /index\.html \([\d,]+ bytes\): the fleet's index/);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  t.teardown(() => browser.close());
  const context = await browser.newContext({ offline: true });
  const fetched: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith('file://')) return route.continue();
    fetched.push(route.request().url());
    return route.abort();
  });
  const tab = await context.newPage();
  await tab.goto(`file://${join(out, 'index.html')}`);
  const rows = await tab.locator('table').first().locator('tr').allTextContents();
  t.equal(rows.length, 1 + ids.length, 'one row per image');
  for (const id of ids) t.ok(rows.some((r) => r.startsWith(id)), `${id} is listed`);
  t.match(await tab.locator('table').nth(2).textContent(), /PLAT_/, 'the options that differ include the board choice');
  await tab.locator('a', { hasText: 'lab-ci' }).click();
  await tab.waitForURL(/lab-ci\/report\.html$/);
  t.equal(await tab.locator('h1').textContent(), 'lab-ci', 'the link opens the image\'s own explorer');
  t.same(fetched, [], 'nothing fetched');
});
