// SPDX-License-Identifier: MIT
// Every example image resolves to exactly the .config and header that
// kconfiglib (Debian's python3-kconfiglib, the reference) produces from
// the same requests.
import t from 'tap';
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog, tryFindBoard, type KilnCatalog } from '../../../synth/catalog/index.ts';
import { defconfigFragment, resolveConfig } from '../../../synth/kconfig/index.ts';
import { imageRequests } from '../../../synth/image-config.ts';
import { loadSpecFile } from '../../../synth/spec/spec-file.ts';
import type { ImageSpec } from '../../../synth/spec/image-spec.ts';
import { ROOT, tempDir } from '../../helpers/cli.ts';
import { runOracle } from './_oracle.ts';

/**
 * A source tree kconfiglib can read for a catalog with library folders:
 * Kiln's Kconfig, boards/ and lib/ linked in, and the catalog's in-memory
 * files that source the user's Kconfig written out.
 */
function srctreeFor(catalog: KilnCatalog): string {
  if (catalog.folders.length === 0) return catalog.kconfig.srctree;
  const dir = tempDir('kiln-srctree-');
  for (const name of ['Kconfig', 'boards', 'lib']) symlinkSync(join(ROOT, name), join(dir, name));
  for (const [name, text] of catalog.kconfigFiles) writeFileSync(join(dir, name), text);
  return dir;
}

t.test('GIVEN every example image WHEN resolved by Kiln and by kconfiglib THEN .config and config.h are identical', async (t) => {
  // Each example's spec twin holds the same images as its program (test/unit/spec-equivalence proves it).
  const images: { spec: ImageSpec; catalog: KilnCatalog }[] = readdirSync(join(ROOT, 'examples')).flatMap((dir) => readdirSync(join(ROOT, 'examples', dir))
    .filter((f) => /\.(yaml|json)$/.test(f))
    .flatMap((f) => {
      const base = join(ROOT, 'examples', dir);
      const catalogFor = (folders: readonly string[]) => loadCatalog({ folders: folders.map((folder) => resolve(base, folder)) });
      const loaded = loadSpecFile(join(base, f), catalogFor);
      if (!loaded.ok) throw new Error(`examples/${dir}/${f}: ${loaded.problems.map((p) => p.message).join('; ')}`);
      return loaded.specs.map((spec) => ({ spec, catalog: catalogFor(spec.libraryFolders ?? []) }));
    }));
  t.ok(images.length >= 10, `${images.length} example images`);
  t.ok(images.some((i) => i.catalog.folders.length > 0), 'one of them uses a library folder of its own');
  for (const catalog of new Set(images.map((i) => i.catalog))) {
    const mine = images.filter((i) => i.catalog === catalog).map((i) => i.spec);
    const requests = mine.map((spec) => imageRequests(spec, tryFindBoard(catalog, spec.board)!, catalog));
    const oracle = runOracle(srctreeFor(catalog), catalog.kconfig.rootFile, requests.map((r) => defconfigFragment(catalog.kconfig, r)));
    mine.forEach((spec, i) => {
      const kiln = resolveConfig(catalog.kconfig, requests[i]);
      t.same(kiln.problems.map((p) => p.message), [], `${spec.id}: every request honoured`);
      t.same(oracle[i].assignmentWarnings, [], `${spec.id}: kconfiglib took every request`);
      t.equal(kiln.dotConfig(), oracle[i].config, `${spec.id}: .config identical`);
      t.equal(kiln.configHeader(), oracle[i].header, `${spec.id}: config.h identical`);
    });
  }
});
