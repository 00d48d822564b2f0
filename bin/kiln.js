#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// The kiln command: registers tsx so Kiln's sources and the user's image.ts
// run as TypeScript, then hands argv to the dispatcher.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../synth/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
