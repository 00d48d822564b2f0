// SPDX-License-Identifier: MIT
/**
 * A small coverage-guided fuzzer for TypeScript code, in the manner of
 * libFuzzer: mutate inputs from a corpus, run the target on each, and keep
 * an input when it reaches code (a block of a function, at a hit-count
 * bucket) no earlier input reached. Coverage comes from V8's precise block
 * coverage through the inspector, taken after every run (taking it resets
 * the counters). The random source is seeded, so a run with the same
 * seed, seeds and execution count makes the same inputs.
 */
import { Session } from 'node:inspector';

/** What the target does with one input: returns, or throws a Finding (or anything else: also a finding). */
export interface FuzzTarget {
  /** Runs the code under test on one input. */
  run(input: Buffer): void;
  /** Inputs to start from (valid and invalid examples). */
  readonly seeds: readonly Buffer[];
  /** Tokens the mutator inserts and substitutes (syntax, names, boundary values). */
  readonly dictionary: readonly string[];
  /** Which scripts count for coverage, by URL. */
  readonly coverage: RegExp;
}

/** An input the target failed on. */
export interface Finding {
  readonly input: Buffer;
  /** What went wrong, first line: the key findings are told apart by. */
  readonly message: string;
  readonly stack?: string;
}

/** Options of fuzz(). */
export interface FuzzOptions {
  /** Stop after this many executions. @default unbounded (then `seconds` must be given) */
  readonly execs?: number;
  /** Stop after this many seconds. @default unbounded */
  readonly seconds?: number;
  /** Seed of the random source. @default 1 */
  readonly seed?: number;
  /** Longest input made, in bytes. @default 4096 */
  readonly maxLength?: number;
  /** Inputs a previous run kept, run (and kept when they add coverage) after the seeds. */
  readonly corpus?: readonly Buffer[];
  /** Called about once a second. */
  readonly onProgress?: (p: FuzzProgress) => void;
  /** Stop at the first finding. @default false */
  readonly stopOnFinding?: boolean;
}

/** Where a run stands. */
export interface FuzzProgress {
  readonly execs: number;
  readonly corpus: number;
  readonly features: number;
  readonly findings: number;
  readonly seconds: number;
}

/** What a run did. */
export interface FuzzResult extends Omit<FuzzProgress, 'findings'> {
  /** Coverage features the seeds (and given corpus) reached before any mutation. */
  readonly initialFeatures: number;
  /** The inputs kept: seeds, given corpus entries that added coverage, and new ones. */
  readonly kept: readonly Buffer[];
  /** One finding per distinct message (quoted text and numbers aside). */
  readonly findings: readonly Finding[];
}

/** xorshift32: small, seeded, good enough to pick mutations. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 0 ? 0 : this.next() % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** Block coverage of the scripts that count, as features: "script:start:end:bucket". */
class Coverage {
  private readonly session = new Session();
  private readonly counted = new Map<string, boolean>();

  constructor(private readonly scripts: RegExp) {
    this.session.connect();
    this.post('Profiler.enable');
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }

  /** The features reached since the last call (the counters start again from zero). */
  take(): string[] {
    const { result } = this.post('Profiler.takePreciseCoverage') as { result: { scriptId: string; url: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[] };
    const features: string[] = [];
    for (const script of result) {
      let counts = this.counted.get(script.scriptId);
      if (counts === undefined) this.counted.set(script.scriptId, (counts = this.scripts.test(script.url)));
      if (!counts) continue;
      for (const fn of script.functions) {
        // V8 reports a block only where its count differs from the enclosing one's: a block that runs for the first
        // time shows as the blocks inside it that did not (count 0) appearing. So every reported range is a feature.
        for (const r of fn.ranges) features.push(`${script.scriptId}:${r.startOffset}:${r.endOffset}:${bucket(r.count)}`);
      }
    }
    return features;
  }

  close(): void {
    this.post('Profiler.stopPreciseCoverage');
    this.session.disconnect();
  }

  /** The inspector answers an in-process session synchronously. */
  private post(method: string, params?: object): unknown {
    let answer: unknown;
    let failure: Error | null = null;
    this.session.post(method, params as never, (err, res) => { failure = err; answer = res; });
    if (failure) throw failure;
    return answer;
  }
}

/** libFuzzer's and AFL's hit-count buckets: 0, 1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+. */
function bucket(count: number): number {
  if (count <= 3) return count;
  if (count < 8) return 4;
  if (count < 16) return 5;
  if (count < 32) return 6;
  if (count < 128) return 7;
  return 8;
}

const INTERESTING_BYTES = [0, 0x7f, 0xff, 0x0a, 0x09, 0x20, 0x22, 0x27, 0x3a, 0x2d, 0x7b, 0x5b, 0x26, 0x2a, 0x21, 0x23, 0x7c, 0x3e, 0x5c];

/** Mutations, each from the input (and sometimes another corpus entry) to a new input. */
function mutate(input: Buffer, rnd: Random, dictionary: readonly string[], other: () => Buffer, maxLength: number): Buffer {
  let out = Buffer.from(input);
  const rounds = 1 + rnd.below(6);
  for (let i = 0; i < rounds; i++) {
    const at = rnd.below(out.length + 1);
    switch (rnd.below(12)) {
      case 0: // flip a bit
        if (out.length) out[rnd.below(out.length)] ^= 1 << rnd.below(8);
        break;
      case 1: // an interesting byte
        if (out.length) out[rnd.below(out.length)] = rnd.pick(INTERESTING_BYTES);
        break;
      case 2: { // delete a span
        const len = 1 + rnd.below(Math.min(32, Math.max(1, out.length - at)));
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + len)]);
        break;
      }
      case 3: { // duplicate a span
        const from = rnd.below(out.length + 1);
        const len = rnd.below(Math.min(64, out.length - from) + 1);
        out = Buffer.concat([out.subarray(0, at), out.subarray(from, from + len), out.subarray(at)]);
        break;
      }
      case 4: case 5: // insert a token
        out = Buffer.concat([out.subarray(0, at), Buffer.from(rnd.pick(dictionary)), out.subarray(at)]);
        break;
      case 6: { // replace a word with a token
        const text = out.toString('latin1');
        const words = [...text.matchAll(/[\w$.-]+/g)];
        if (!words.length) break;
        const w = rnd.pick(words);
        out = Buffer.concat([out.subarray(0, w.index), Buffer.from(rnd.pick(dictionary)), out.subarray(w.index! + w[0].length)]);
        break;
      }
      case 7: { // splice with another input
        const b = other();
        const cut = rnd.below(b.length + 1);
        out = Buffer.concat([out.subarray(0, at), b.subarray(cut)]);
        break;
      }
      case 8: case 9: { // a line: duplicate, delete, swap with the next, or indent
        const lines = out.toString('latin1').split('\n');
        const n = rnd.below(lines.length);
        const op = rnd.below(4);
        if (op === 0) lines.splice(n, 0, lines[n]);
        else if (op === 1 && lines.length > 1) lines.splice(n, 1);
        else if (op === 2 && n + 1 < lines.length) [lines[n], lines[n + 1]] = [lines[n + 1], lines[n]];
        else lines[n] = rnd.below(2) ? `  ${lines[n]}` : lines[n].replace(/^ {1,2}/, '');
        out = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 10: { // a number
        const numbers = ['0', '-1', '1', '255', '65536', '4294967296', '9007199254740993', '1e309', '-0', '0.5', '0x10', '0o7', '.inf', '.nan'];
        out = Buffer.concat([out.subarray(0, at), Buffer.from(rnd.pick(numbers)), out.subarray(at)]);
        break;
      }
      default: { // repeat a span many times (long names, deep nesting)
        const from = rnd.below(out.length + 1);
        const len = 1 + rnd.below(Math.min(8, Math.max(1, out.length - from)));
        const piece = out.subarray(from, from + len);
        const times = 2 + rnd.below(64);
        out = Buffer.concat([out.subarray(0, at), ...Array.from({ length: times }, () => piece), out.subarray(at)]);
      }
    }
    if (out.length > maxLength) out = out.subarray(0, maxLength);
  }
  return out;
}

/**
 * Fuzzes `target` until `options.execs` executions or `options.seconds`
 * have passed. Seeds and the given corpus run first; then each round
 * mutates a kept input, runs it, and keeps it if it reached a new
 * feature. A throw from the target is a finding, kept once per message.
 */
export function fuzz(target: FuzzTarget, options: FuzzOptions): FuzzResult {
  if (options.execs === undefined && options.seconds === undefined) throw new Error('fuzz: give execs or seconds');
  const rnd = new Random(options.seed ?? 1);
  const maxLength = options.maxLength ?? 4096;
  const coverage = new Coverage(target.coverage);
  const seen = new Set<string>();
  const kept: Buffer[] = [];
  const findings = new Map<string, Finding>();
  const started = performance.now();
  let execs = 0;
  let lastProgress = started;
  const progress = (): FuzzProgress => ({ execs, corpus: kept.length, features: seen.size, findings: findings.size, seconds: (performance.now() - started) / 1000 });

  // Coverage is taken after each run, which starts the counters again for the next.
  coverage.take();
  const runOne = (input: Buffer): boolean => {
    execs++;
    try {
      target.run(input);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const message = error.message.split('\n')[0];
      // Findings that differ only in what they quote or count are one finding.
      const key = message.replace(/"(?:[^"\\]|\\.)*"?/g, '""').replace(/\d+/g, 'N');
      if (!findings.has(key)) findings.set(key, { input, message, ...(error.stack ? { stack: error.stack } : {}) });
    }
    let fresh = false;
    for (const f of coverage.take()) {
      if (!seen.has(f)) {
        seen.add(f);
        fresh = true;
      }
    }
    return fresh;
  };
  const done = () =>
    (options.execs !== undefined && execs >= options.execs)
    || (options.seconds !== undefined && performance.now() - started >= options.seconds * 1000)
    || (options.stopOnFinding === true && findings.size > 0);

  try {
    for (const input of target.seeds) {
      runOne(input);
      kept.push(input);
    }
    for (const input of options.corpus ?? []) if (runOne(input)) kept.push(input);
    const initialFeatures = seen.size;
    if (!kept.length) kept.push(Buffer.alloc(0));
    while (!done()) {
      const parent = rnd.pick(kept);
      const child = mutate(parent, rnd, target.dictionary, () => rnd.pick(kept), maxLength);
      if (runOne(child)) kept.push(child);
      const now = performance.now();
      if (options.onProgress && now - lastProgress >= 1000) {
        lastProgress = now;
        options.onProgress(progress());
      }
    }
    return { ...progress(), initialFeatures, kept, findings: [...findings.values()] };
  } finally {
    coverage.close();
  }
}
