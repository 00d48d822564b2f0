// SPDX-License-Identifier: MIT
// The image explorer's page (synth/report/explorer.ts) and the names DWARF
// gives a library's sources (synth/report/image-report.ts), offline.
import t from 'tap';
import { explorerHtml, type ExplorerData } from '../../synth/report/explorer.ts';
import { dwarfNames } from '../../synth/report/image-report.ts';
import { sourceOfUnit } from '../../synth/report/sizes.ts';

t.test('GIVEN an upstream or generated source WHEN DWARF names it under -ffile-prefix-map THEN the size table finds its library', async (t) => {
  t.ok(dwarfNames('{upstream}/sqlite3_3.40.1-2+deb12u2/src/btree.c', 'lib/sqlite').includes(sourceOfUnit('/kiln/lib/sqlite/upstream/src/btree.c')));
  t.ok(dwarfNames('{generated}/sqlite3_3.40.1-2+deb12u2-067084b3651d2171/parse.c', 'lib/sqlite').includes(sourceOfUnit('/kiln/lib/sqlite/generated/parse.c')));
  t.same(dwarfNames('lib/pl011/pl011.c', 'lib/pl011'), ['lib/pl011/pl011.c'], 'Kiln\'s own sources: as the plan writes them');
});

const DATA: ExplorerData = {
  image: 'demo<1>',
  board: 'QEMU virt',
  toolchain: 'gcc with LTO',
  artifact: { file: 'image.bin', bytes: 1234 },
  totals: { loadBytes: 1000, total: 1200 },
  libraries: [{ name: 'liblua', kind: 'library', bytes: { text: 900, rodata: 100, data: 0, bss: 0, total: 1000 }, reason: 'selected by APP_LUA', chain: 'LIBLUA = y </script><script>alert(1)</script>', symbols: [{ name: 'luaV_execute', bytes: 600, kind: 'function' }] }],
  options: [{ symbol: 'LIBLUA', value: 'y', type: 'bool', at: 'lib/lua/Kconfig:2' }],
  sbom: [{ name: 'lua5.4', version: '5.4.4', license: 'MIT' }],
  boot: [{ fact: 'RAM', value: '0x40000000 + 128 MiB' }],
};

t.test('GIVEN the data WHEN the page is written THEN it is one file that fetches nothing and carries the data intact', async (t) => {
  const html = explorerHtml(DATA);
  t.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/, 'the page may fetch nothing');
  t.notMatch(html, /\b(src|href)\s*=/i, 'no external script, style, font or image');
  t.match(html, /<title>demo&#60;1&#62;: Kiln image explorer<\/title>/, 'the id is escaped in the markup');
  const json = /<script type="application\/json" id="kiln-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
  t.notMatch(json, /<\//, 'a "</" in the data cannot end the script element');
  t.same(JSON.parse(json), DATA, 'the embedded data parse back to what was given');
});
