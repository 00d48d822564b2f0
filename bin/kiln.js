#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// The kiln command: registers tsx so Kiln's sources and the user's image.ts
// run as TypeScript, then hands argv to the dispatcher. Both of tsx's hooks:
// Node takes an image.ts outside any package.json with "type": "module"
// for CommonJS, and only the CommonJS hook compiles it then.
import { register } from 'tsx/esm/api';
import { register as registerCommonJs } from 'tsx/cjs/api';

register();
registerCommonJs();
const { main } = await import('../synth/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
