// SPDX-License-Identifier: MIT
// Every example image resolves to exactly the .config and header that
// kconfiglib (Debian's python3-kconfiglib, the reference) produces from
// the same requests.
import t from 'tap';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, tryFindBoard } from '../../../synth/catalog/index.ts';
import { defconfigFragment, resolveConfig } from '../../../synth/kconfig/index.ts';
import { imageRequests } from '../../../synth/image-config.ts';
import { loadSpecFile } from '../../../synth/spec/spec-file.ts';
import type { ImageSpec } from '../../../synth/spec/image-spec.ts';
import { ROOT } from '../../helpers/cli.ts';
import { runOracle } from './_oracle.ts';

t.test('GIVEN every example image WHEN resolved by Kiln and by kconfiglib THEN .config and config.h are identical', async (t) => {
  const catalog = loadCatalog();
  // Each example's spec twin holds the same images as its program (test/unit/spec-equivalence proves it).
  const specs: ImageSpec[] = readdirSync(join(ROOT, 'examples')).flatMap((dir) => readdirSync(join(ROOT, 'examples', dir))
    .filter((f) => /\.(yaml|json)$/.test(f))
    .flatMap((f) => {
      const loaded = loadSpecFile(join(ROOT, 'examples', dir, f), catalog);
      if (!loaded.ok) throw new Error(`examples/${dir}/${f}: ${loaded.problems.map((p) => p.message).join('; ')}`);
      return loaded.specs;
    }));
  t.ok(specs.length >= 10, `${specs.length} example images`);
  const requests = specs.map((spec) => imageRequests(spec, tryFindBoard(catalog, spec.board)!, catalog));
  const oracle = runOracle(catalog.kconfig.srctree, catalog.kconfig.rootFile, requests.map((r) => defconfigFragment(catalog.kconfig, r)));
  specs.forEach((spec, i) => {
    const kiln = resolveConfig(catalog.kconfig, requests[i]);
    t.same(kiln.problems.map((p) => p.message), [], `${spec.id}: every request honoured`);
    t.same(oracle[i].assignmentWarnings, [], `${spec.id}: kconfiglib took every request`);
    t.equal(kiln.dotConfig(), oracle[i].config, `${spec.id}: .config identical`);
    t.equal(kiln.configHeader(), oracle[i].header, `${spec.id}: config.h identical`);
  });
});
