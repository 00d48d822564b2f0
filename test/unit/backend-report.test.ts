// SPDX-License-Identifier: MIT
// The build report's parts, on small hand-written inputs: link maps of
// both linkers, DWARF attribution, the size table, the SBOM and progress.
import t from 'tap';
import { parseProgress } from '../../synth/build.ts';
import { sourcesByAddress } from '../../synth/report/dwarf.ts';
import { sectionClass, type ElfImage } from '../../synth/report/elf.ts';
import { parseGnuMap, parseLinkMap, parseLldMap } from '../../synth/report/link-map.ts';
import { sbomDocument } from '../../synth/report/sbom.ts';
import { attributeSizes, contentBytes, isLtoTemporary, sourceOfUnit } from '../../synth/report/sizes.ts';

const GNU_MAP = `Archive member included to satisfy reference by file (symbol)

/usr/lib/x/libc.a(puts.o)     /tmp/ccAB.ltrans0.ltrans.o (puts)

Discarded input sections

 .text          0x0000000000000000        0x0 _shared/obj/a/1/a.o

Linker script and memory map

LOAD _shared/obj/a/1/a.o

.text           0x0000000040080000      0x100
 *(.text.boot)
 .text.boot     0x0000000040080000       0x20 _shared/obj/arm64/2/entry.o
                0x0000000040080000                _start
 *fill*         0x0000000040080020       0x10 
 .text.kiln_boot_main
                0x0000000040080030       0x40 /tmp/ccAB.ltrans0.ltrans.o
                0x0000000040080030                kiln_boot_main
 .text.puts     0x0000000040080070       0x50 /usr/lib/x/lib/../lib/libc.a(puts.o)
 .text.helper   0x00000000400800c0       0x40 img/obj/bindings.o

.rodata         0x0000000040080100       0x10
 .rodata.str1.1
                0x0000000040080100       0x10 /tmp/ccAB.ltrans0.ltrans.o

.got            0x0000000040080110        0x8
 .got           0x0000000040080110        0x8 _shared/obj/arm64/2/entry.o

.bss            0x0000000040080120       0x10
 .bss.console_ops
                0x0000000040080120       0x10 /tmp/ccAB.ltrans0.ltrans.o

.stacks         0x0000000040081000     0x1000
 *fill*         0x0000000040081000     0x1000 

/DISCARD/
 *(.comment)
`;

const LLD_MAP = `             VMA              LMA     Size Align Out     In      Symbol
        40080000         40080000      100  2048 .text
        40080000         40080000        0     1         __image_start = .
        40080000         40080000       20     4         _shared/obj/arm64/2/entry.o:(.text.boot)
        40080000         40080000        0     1                 _start
        40080030         40080030       40     4         lto.tmp:(.text.kiln_boot_main)
        40080070         40080070       50     4         /usr/lib/x/lib/libc.a(puts.o):(.text.puts)
        40080100         40080100       10     1 .rodata
        40080100         40080100       10     1         <internal>:(.rodata.str1.1)
`;

t.test('GIVEN a GNU ld map THEN input sections are read with their files, fills and long names', async (t) => {
  const placed = parseGnuMap(GNU_MAP);
  t.same(placed.map((p) => [p.output, p.name, p.size]), [
    ['.text', '.text.boot', 0x20],
    ['.text', '*fill*', 0x10],
    ['.text', '.text.kiln_boot_main', 0x40],
    ['.text', '.text.puts', 0x50],
    ['.text', '.text.helper', 0x40],
    ['.rodata', '.rodata.str1.1', 0x10],
    ['.got', '.got', 8],
    ['.bss', '.bss.console_ops', 0x10],
    ['.stacks', '*fill*', 0x1000],
  ]);
  t.equal(placed[2].file, '/tmp/ccAB.ltrans0.ltrans.o');
  t.equal(placed[2].address, 0x40080030);
  t.same(parseLinkMap(GNU_MAP), placed, 'parseLinkMap recognises the format');
});

t.test('GIVEN an lld map THEN input sections are read from file:(section) and gaps become fills', async (t) => {
  const placed = parseLldMap(LLD_MAP);
  t.same(placed.map((p) => [p.name, p.file, p.size]), [
    ['.text.boot', '_shared/obj/arm64/2/entry.o', 0x20],
    ['*fill*', '', 0x10],
    ['.text.kiln_boot_main', 'lto.tmp', 0x40],
    ['.text.puts', '/usr/lib/x/lib/libc.a(puts.o)', 0x50],
    ['.rodata.str1.1', '', 0x10],
  ]);
  t.same(parseLinkMap(LLD_MAP), placed);
  t.ok(isLtoTemporary('lto.tmp') && isLtoTemporary('/tmp/ccAB.ltrans0.ltrans.o') && !isLtoTemporary('_shared/obj/a/1/a.o'));
});

const DWARF = `Contents of the .debug_info section:

  Compilation Unit @ offset 0:
 <0><c>: Abbrev Number: 1 (DW_TAG_compile_unit)
    <d>   DW_AT_name        : (indirect line string, offset: 0x0): /kiln/lib/boot/boot.c
 <1><20>: Abbrev Number: 2 (DW_TAG_subprogram)
    <21>   DW_AT_name        : kiln_boot_main
  Compilation Unit @ offset 0x40:
 <0><4c>: Abbrev Number: 1 (DW_TAG_compile_unit)
    <4d>   DW_AT_name        : (indirect line string, offset: 0x10): /kiln/lib/console/console.c
 <1><60>: Abbrev Number: 3 (DW_TAG_variable)
    <61>   DW_AT_name        : console_ops
  Compilation Unit @ offset 0x80:
 <0><8c>: Abbrev Number: 1 (DW_TAG_compile_unit)
    <8d>   DW_AT_name        : <artificial>
 <1><a0>: Abbrev Number: 4 (DW_TAG_subprogram)
    <a1>   DW_AT_abstract_origin: <0x20>
    <a5>   DW_AT_low_pc      : 0x40080030
 <1><b0>: Abbrev Number: 5 (DW_TAG_variable)
    <b1>   DW_AT_specification: <0x60>
    <b5>   DW_AT_location    : 9 byte block: 3 20 1 8 40 0 0 0 0 	(DW_OP_addr: 40080120)
`;

t.test('GIVEN gcc LTO debug info THEN functions and variables lead back to their source through their origin', async (t) => {
  const sources = sourcesByAddress(DWARF);
  t.equal(sources.get(0x40080030), '/kiln/lib/boot/boot.c');
  t.equal(sources.get(0x40080120), '/kiln/lib/console/console.c');
  t.equal(sourceOfUnit('/kiln/lib/boot/boot.c'), 'lib/boot/boot.c');
  t.equal(sourceOfUnit('./img/bindings.c'), 'img/bindings.c');
});

t.test('GIVEN an image, its map and its plan THEN every byte is attributed, LTO code by its source', async (t) => {
  const section = (name: string, type: number, flags: number, address: number, size: number) => ({ name, type, flags, address, size, class: sectionClass(type, flags) });
  const elf: ElfImage = {
    sections: [
      section('.text', 1, 0x6, 0x40080000, 0x100),
      section('.rodata', 1, 0x2, 0x40080100, 0x10),
      section('.got', 1, 0x3, 0x40080110, 0x8),
      section('.bss', 8, 0x3, 0x40080120, 0x10),
      section('.stacks', 8, 0x3, 0x40081000, 0x1000),
      section('.debug_info', 1, 0, 0, 0x500),
    ],
    symbols: [
      { name: 'kiln_boot_main', address: 0x40080030, size: 0x38, type: 2, section: 1 },
      { name: 'console_ops', address: 0x40080120, size: 0x10, type: 1, section: 4 },
    ],
  };
  const table = attributeSizes(elf, parseGnuMap(GNU_MAP), {
    objects: new Map([
      ['_shared/obj/arm64/2/entry.o', { name: 'arm64', kind: 'library' as const }],
      ['img/obj/bindings.o', { name: 'bindings.c', kind: 'generated' as const }],
    ]),
    sources: new Map([
      ['lib/boot/boot.c', { name: 'boot', kind: 'library' as const }],
      ['lib/console/console.c', { name: 'console', kind: 'library' as const }],
    ]),
    archive: (path) => (path.endsWith('libc.a') ? 'picolibc' : path),
    dwarf: () => sourcesByAddress(DWARF),
  });
  const row = (name: string) => table.rows.find((r) => r.name === name);
  t.equal(row('arm64')?.text, 0x20);
  t.equal(row('boot')?.text, 0x38, 'the LTO function, by its symbol size');
  t.equal(row('console')?.bss, 0x10, 'the LTO variable, by its DWARF location');
  t.equal(row('picolibc')?.text, 0x50);
  t.equal(row('bindings.c')?.kind, 'generated');
  t.equal(row('linker')?.data, 8, '.got is the linker\'s');
  t.equal(row('alignment padding')?.text, 0x10);
  t.equal(row('link-time optimized, no single source')?.text, 8, 'the rest of the LTO section');
  t.equal(row('link-time optimized, no single source')?.rodata, 0x10, 'merged strings');
  t.same(table.reserved, [{ section: '.stacks', bytes: 0x1000 }], 'a section of fills only is a reservation');
  t.equal(table.totals.total, 0x100 + 0x10 + 0x8 + 0x10, 'the rows add up to the sections');
  t.equal(contentBytes(elf, parseGnuMap(GNU_MAP)), 0x100 - 0x10 + 0x10 + 0x8, 'content excludes padding and bss');
});

t.test('GIVEN what an image links THEN its SBOM is SPDX 2.3 with licenses and reasons', async (t) => {
  const doc = sbomDocument({
    image: 'hello',
    board: 'qemu-virt',
    artifact: { file: 'image.bin', sha256: 'ab'.repeat(32) },
    kilnVersion: '0.1.0',
    libraries: [{ name: 'pl011', license: 'MIT', reason: 'selected by PLAT_QEMU_VIRT', symbols: ['LIBPL011'], dir: 'lib/pl011', sources: ['lib/pl011/pl011.c'] }],
    upstream: [{
      package: { name: 'picolibc-aarch64-linux-gnu', version: '1.8-1', source: 'picolibc', architecture: 'all' },
      archive: '/usr/lib/picolibc/aarch64-linux-gnu/lib/libc.a',
      members: ['puts.o'],
      reason: 'it provides puts',
    }],
    epoch: 0,
  }) as Record<string, any>;
  t.equal(doc.spdxVersion, 'SPDX-2.3');
  t.equal(doc.dataLicense, 'CC0-1.0');
  t.equal(doc.creationInfo.created, '1970-01-01T00:00:00Z', 'from SOURCE_DATE_EPOCH, so rebuilding gives the same document');
  const names = doc.packages.map((p: { name: string }) => p.name);
  t.same(names, ['hello', 'kiln-pl011', 'picolibc-aarch64-linux-gnu']);
  t.equal(doc.packages[1].licenseDeclared, 'MIT');
  t.match(doc.packages[1].comment, /selected by PLAT_QEMU_VIRT/);
  t.equal(doc.packages[2].licenseDeclared, 'LicenseRef-picolibc');
  t.equal(doc.hasExtractedLicensingInfos[0].licenseId, 'LicenseRef-picolibc', 'a LicenseRef is defined in the document');
  t.equal(doc.packages[2].externalRefs[0].referenceLocator, 'pkg:deb/debian/picolibc-aarch64-linux-gnu@1.8-1?arch=all');
  t.equal(doc.relationships.filter((r: { relationshipType: string }) => r.relationshipType === 'CONTAINS').length, 2);
  for (const p of doc.packages) t.match(p.SPDXID, /^SPDXRef-[A-Za-z0-9.-]+$/);
});

t.test('GIVEN ninja status lines THEN progress says which step, for which images, how many of how many', async (t) => {
  t.same(parseProgress('[3/12] CC lib/console/console.c (hello +2)'), {
    done: 3, total: 12, step: 'compile', what: 'lib/console/console.c', images: 'hello +2', line: '[3/12] CC lib/console/console.c (hello +2)',
  });
  t.match(parseProgress('[11/12] LINK hello-rpi3'), { step: 'link', images: 'hello-rpi3' });
  t.match(parseProgress('[12/12] OBJCOPY hello/image.bin'), { step: 'objcopy', images: 'hello' });
  t.equal(parseProgress('ninja: no work to do.'), undefined);
});
