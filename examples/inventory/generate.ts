// SPDX-License-Identifier: MIT
// A tool that generates images from a CSV inventory and builds them
// in-process with Kiln's library API: no program file, no CLI.
//
//   npx tsx --conditions=kiln-source examples/inventory/generate.ts [devices.csv] [outdir]
// (the condition makes Kiln's checkout import its sources; a project with Kiln installed drops it)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildImages, KilnError, formatProblem, type ImageSpec, type BoardId } from 'kiln/synth';

/** Parses a simple CSV (a header row, no quoted commas) into records. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(',').map((c) => c.trim()));
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

const csv = process.argv[2] ?? fileURLToPath(new URL('devices.csv', import.meta.url));
const outdir = process.argv[3] ?? 'kiln.out/inventory';

const specs: ImageSpec[] = readCsv(csv).map((device) => ({
  id: device.id,
  board: device.board as BoardId,
  applications: [{ kind: 'hello', options: { greeting: device.greeting } }],
}));

try {
  for (const image of await buildImages(specs, { outdir })) {
    console.log(`${image.id}: ${image.artifact} (${image.report.artifact.bytes} bytes)`);
  }
} catch (err) {
  if (!KilnError.isKilnError(err)) throw err;
  for (const p of err.problems) console.error(`error: ${formatProblem(p)}`);
  process.exitCode = 1;
}
