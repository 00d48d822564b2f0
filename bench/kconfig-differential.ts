// SPDX-License-Identifier: MIT
// The Kconfig differential tester at full size: `npm run bench:kconfig
// [-- --trees 2000] [--seed 1] [--sets 20] [--examples 3] [--minimize]`.
//
// Generates random trees over the whole Kconfig language with random request
// sets over each, judges every tree with Kiln and with kconfiglib, prints the
// counts (agreements, documented refusals by reason, disagreements by kind)
// and the first disagreements in full, and exits 1 on any disagreement. The
// unit test test/unit/kconfig/differential.test.ts runs the first 150 seeds.
import { kconfigDifferential, parseDifferentialArgs } from '../test/kconfig-diff/run.ts';

process.exitCode = kconfigDifferential(parseDifferentialArgs(process.argv.slice(2), { trees: 2000 }));
