// SPDX-License-Identifier: MIT
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from './app.ts';
import type { AssemblyResult } from '../synth/synthesize.ts';

/**
 * Test helpers for programs built with Kiln: apps that synthesize into a
 * fresh temporary folder.
 */
export class Testing {
  /** A new App whose assembly goes to a new temporary folder. */
  static app(): App {
    return new App({ outdir: mkdtempSync(join(tmpdir(), 'kiln-test-')) });
  }

  /** Synthesizes `app` and returns what was written. */
  static synth(app: App): AssemblyResult {
    return app.synth();
  }

  private constructor() {}
}
