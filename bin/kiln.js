#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// The kiln command: loads Kiln's dispatcher, registers tsx so the user's
// image.ts runs as TypeScript, then hands argv to the dispatcher.
//
// Two layouts. In a checkout (synth/cli/main.ts beside this folder) Kiln's
// own sources run through tsx, and the "kiln-source" export condition is
// added so a program's `import ... from 'kiln'` gets those same sources
// rather than a dist/ that may be stale or missing. In an installed package
// (only dist/ shipped) Kiln runs as the JavaScript it was compiled to, loaded
// before tsx is registered; 'kiln' resolves to that dist/ through "exports".
//
// Both of tsx's hooks: Node takes an image.ts outside any package.json with
// "type": "module" for CommonJS, and only the CommonJS hook compiles it then.
import { existsSync } from 'node:fs';
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';
import { register as registerCommonJs } from 'tsx/cjs/api';

const sources = new URL('../synth/cli/main.ts', import.meta.url);

/** A resolve hook (run in Node's loader thread) that adds the "kiln-source" condition to every import. */
const SOURCE_CONDITION = `export function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, 'kiln-source'] });
}`;

let main;
if (existsSync(sources)) {
  register();
  registerCommonJs();
  registerHooks(`data:text/javascript,${encodeURIComponent(SOURCE_CONDITION)}`);
  ({ main } = await import(sources.href));
} else {
  ({ main } = await import('../dist/synth/cli/main.js'));
  register();
  registerCommonJs();
}
process.exitCode = await main(process.argv.slice(2));
