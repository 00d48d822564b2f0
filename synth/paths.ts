// SPDX-License-Identifier: MIT
import { fileURLToPath } from 'node:url';

/** The root of this Kiln checkout or package: where Kconfig, lib/ and boards/ live. */
export const KILN_ROOT = fileURLToPath(new URL('../', import.meta.url)).replace(/\/$/, '');
