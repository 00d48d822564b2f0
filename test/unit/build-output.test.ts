// SPDX-License-Identifier: MIT
// What kiln build says about each image, without compiling: the one-line
// form and the --json document, from reports shaped as a build writes them.
import t from 'tap';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildReport } from '../../synth/build.ts';
import { buildResultDocument, formatBuildLines, readPreviousArtifact, type BuiltImage } from '../../synth/cli/private/build-summary.ts';
import { tempDir } from '../helpers/cli.ts';
import { schemaValidator } from '../helpers/schema.ts';

/** A report as kiln build writes it, for an artifact of `bytes` whose content is told by `hash`. */
function report(id: string, file: string, bytes: number, hash: string): BuildReport {
  const row = { name: 'hello', kind: 'library' as const, text: 100, rodata: 20, data: 8, bss: 4, total: 132 };
  return {
    kiln: 'build-report/1',
    id,
    artifact: { file, bytes, sha256: hash.repeat(64) },
    elf: { file: 'image.elf', bytes: bytes * 10 },
    board: 'qemu-virt',
    toolchain: { id: 'gcc', lto: true, optimize: 'size', programs: {}, packages: [] },
    sizes: { method: 'by input section', libraries: [row], totals: { text: 100, rodata: 20, data: 8, bss: 4, total: 132 }, reserved: [], loadBytes: 128, contentBytes: 120 },
    ram: { static: 12, reserved: 4096, total: 4108 },
    sbom: 'sbom.spdx.json',
    inputs: 'x',
  };
}

const IMAGES: BuiltImage[] = [
  { folder: 'kiln.out/lisbon-sensor', report: report('lisbon-sensor', 'kernel8.img', 13152, 'a'), previous: { bytes: 13032, sha256: 'b'.repeat(64) } },
  { folder: 'kiln.out/lab-ci', report: report('lab-ci', 'image.bin', 13128, 'c'), previous: { bytes: 13128, sha256: 'c'.repeat(64) } },
  { folder: 'kiln.out/gateway', report: report('gateway', 'Image', 13016, 'd'), previous: { bytes: 13024, sha256: 'e'.repeat(64) } },
  { folder: 'kiln.out/same-size', report: report('same-size', 'image.bin', 9000, 'f'), previous: { bytes: 9000, sha256: '0'.repeat(64) } },
  { folder: 'kiln.out/fresh', report: report('fresh', 'image.bin', 9696, '1') },
];

t.test('GIVEN images built WHEN kiln build prints them THEN one aligned line each: id, artifact, bytes, change since the last build', async (t) => {
  t.same(formatBuildLines(IMAGES), [
    'lisbon-sensor  kiln.out/lisbon-sensor/kernel8.img  13152 B  +120 B',
    'lab-ci         kiln.out/lab-ci/image.bin           13128 B  unchanged',
    'gateway        kiln.out/gateway/Image              13016 B  -8 B',
    'same-size      kiln.out/same-size/image.bin         9000 B  ±0 B',
    'fresh          kiln.out/fresh/image.bin             9696 B  new',
  ]);
});

t.test('GIVEN images built WHEN kiln build --json THEN the document conforms to schema/build-result.schema.json and carries the same facts', async (t) => {
  const validate = schemaValidator('build-result');
  const doc = buildResultDocument(IMAGES);
  t.equal(validate(doc), '', 'conforms');
  t.same(doc.images.map((i) => [i.id, i.change, i.deltaBytes]), [
    ['lisbon-sensor', 'changed', 120], ['lab-ci', 'unchanged', 0], ['gateway', 'changed', -8], ['same-size', 'changed', 0], ['fresh', 'new', null],
  ]);
  t.equal(doc.images[0].artifact.path, 'kiln.out/lisbon-sensor/kernel8.img');
  t.equal(doc.images[4].previous, null);
  const study = buildResultDocument([{ ...IMAGES[0], report: { ...IMAGES[0].report, sizeStudy: { method: 'm', savings: [{ option: 'LTO', bytes: 300, from: 1300, to: 1000 }] } } }]);
  t.equal(validate(study), '', 'with a size study');
  t.not(validate({ ...doc, images: [{ ...doc.images[0], change: 'grew' }] }), '', 'the schema refuses a change it does not know');
  t.not(validate({ ...doc, kiln: 'build-result/2' }), '', 'and another version');
});

t.test('GIVEN an assembly folder WHEN the previous artifact is read THEN it comes from report.json, and is absent when there is none or it is garbled', async (t) => {
  const out = tempDir();
  mkdirSync(join(out, 'a'));
  mkdirSync(join(out, 'b'));
  writeFileSync(join(out, 'a', 'report.json'), JSON.stringify({ artifact: { file: 'image.bin', bytes: 42, sha256: 'f'.repeat(64) } }));
  writeFileSync(join(out, 'b', 'report.json'), '{ not json');
  t.same(readPreviousArtifact(out, 'a'), { bytes: 42, sha256: 'f'.repeat(64) });
  t.equal(readPreviousArtifact(out, 'b'), undefined);
  t.equal(readPreviousArtifact(out, 'never-built'), undefined);
});
