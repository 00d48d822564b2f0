// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { Construct } from 'constructs';
import { callerOrigin } from './private/origin.ts';
import { Image, type AppScope } from './image.ts';
import type { PolicyLike, PolicyParam } from './policy.ts';
import { describeValue, propProblems } from './private/props.ts';
import { Sentences } from './rules.ts';
import { KilnError, type Problem } from '../synth/errors.ts';
import { synthesize, type AssemblyResult, type ImageOrigins } from '../synth/synthesize.ts';
import type { Origin } from '../synth/spec/image-spec.ts';
import type { Policy } from '../synth/policy.ts';
import { projectFolder } from '../synth/host-files.ts';

const APP_BRAND = Symbol.for('kiln.App');
/** Where synthesized apps are announced, so the CLI sees them whatever copy of Kiln the program imported. */
const SYNTHESIZED = Symbol.for('kiln.synthesized');

/** Properties of an App. */
export interface AppProps {
  /**
   * The assembly folder synth writes to.
   * @default the KILN_OUTDIR environment variable set by the kiln CLI, else 'kiln.out'
   */
  readonly outdir?: string;
  /**
   * Your folders of micro-libraries and boards, used besides Kiln's own:
   * each sub-folder holding a library.yaml (with its Kconfig and sources)
   * is a library your images can `use()`, each holding a board.yaml a
   * board. Relative paths are relative to the file that creates the App.
   * @default none
   */
  readonly libraries?: readonly string[];
  /**
   * Folders besides the project folder that `.files()` and HttpServer's
   * `files` may embed from (relative to the file that creates the App).
   * The project folder is the nearest folder above that file holding
   * package.json or .git; a host file outside the allowed folders (or a
   * symbolic link leading out of them) is refused at synth.
   * `kiln synth --embed-from DIR` adds folders too.
   * @default none: only the project folder
   */
  readonly embedFrom?: readonly string[];
}

/** An App is what an Image's scope must be (see AppScope: the property only the compiler sees). */
export interface App extends AppScope {}

/**
 * The root of a Kiln program: holds any number of images, and synthesizes
 * them into one assembly folder (one sub-folder per image).
 */
export class App extends Construct {
  /** True when `x` is an App from any copy of Kiln. */
  static isApp(x: unknown): x is App {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[APP_BRAND] === true;
  }

  readonly outdir: string;
  /** The library folders, absolute. */
  readonly libraryFolders: readonly string[];
  /** The folders embedded host files may come from, absolute: the project folder first. */
  readonly embedFrom: readonly string[];
  private readonly policies: { readonly policy: Policy; readonly origin: Origin }[] = [];
  private readonly appProblems: Problem[] = [];

  constructor(props: AppProps = {}) {
    super(undefined as unknown as Construct, '');
    Object.defineProperty(this, APP_BRAND, { value: true });
    const origin = callerOrigin();
    // Props of the wrong shape cannot make an App: say so at the user's line rather than fail inside.
    const problems = propProblems('App', props, { outdir: 'string', libraries: 'strings', embedFrom: 'strings' }, origin);
    if (problems.length) throw new KilnError(problems);
    this.outdir = props.outdir ?? process.env.KILN_OUTDIR ?? 'kiln.out';
    const base = origin.file ? dirname(resolve(origin.file)) : process.cwd();
    this.libraryFolders = (props.libraries ?? []).map((folder) => resolve(base, folder));
    this.embedFrom = [
      projectFolder(origin.file ? resolve(origin.file) : process.cwd()),
      ...(props.embedFrom ?? []).map((folder) => resolve(base, folder)),
      ...embedFromEnvironment(),
    ];
  }

  /**
   * Registers a fleet-wide rule, checked on every image at synth; synth
   * fails listing every violation by image and construct path.
   *
   * @returns this app, for chaining
   */
  addPolicy<const P extends PolicyLike>(policy: PolicyParam<P>): this {
    const origin = callerOrigin();
    const given = policy as unknown as Partial<Policy> | undefined;
    if (typeof given !== 'object' || given === null || typeof given.name !== 'string' || typeof given.check !== 'function') {
      this.appProblems.push({ message: `.addPolicy() takes a policy { name, check(image) }, got ${describeValue(given)}`, origin, hint: Sentences.policyResult() });
    } else {
      this.policies.push({ policy: given as Policy, origin });
    }
    return this;
  }

  /** Every image in the app, in the order they were created. */
  get images(): readonly Image[] {
    return this.node.findAll().filter(Image.isImage);
  }

  /**
   * Checks the whole tree and returns every problem, each tagged with its
   * construct path and the user's line.
   */
  validate(): Problem[] {
    const problems: Problem[] = [...this.appProblems];
    for (const node of this.node.findAll()) {
      if (Image.isImage(node)) problems.push(...node.problems());
      for (const message of node.node.validate()) problems.push({ message, origin: { path: node.node.path } });
    }
    if (this.images.length === 0) problems.push({ message: 'the app has no images: add one with new Image(app, id, { board })' });
    return problems;
  }

  /**
   * Validates the tree, resolves every image's configuration and writes the
   * assembly folder (no compiling: `kiln build` does that).
   *
   * @throws KilnError listing every problem found, before anything is written
   */
  synth(): AssemblyResult {
    const problems = this.validate();
    if (problems.length) throw new KilnError(problems);
    const images = this.images;
    const origins = new Map<string, ImageOrigins>(images.map((image) => [image.node.id, {
      image: image.origin,
      components: new Map(image.uses.map((u) => [u.component.kind, u.origin])),
    }]));
    const result = synthesize(images.map((image) => image.toSpec()), { outdir: this.outdir, origins, policies: this.policies.map((p) => p.policy), policyOrigins: this.policies.map((p) => p.origin), embedFrom: this.embedFrom });
    const registry = ((globalThis as Record<symbol, unknown>)[SYNTHESIZED] ??= []) as AssemblyResult[];
    registry.push(result);
    return result;
  }
}

/** The folders `kiln synth --embed-from` allows, which the CLI passes in KILN_EMBED_FROM as a JSON array. */
function embedFromEnvironment(): string[] {
  const text = process.env.KILN_EMBED_FROM;
  if (!text) return [];
  try {
    const folders: unknown = JSON.parse(text);
    return Array.isArray(folders) ? folders.filter((f): f is string => typeof f === 'string').map((f) => resolve(f)) : [];
  } catch {
    throw new KilnError([{ message: `KILN_EMBED_FROM is not a JSON array of folders: ${text.slice(0, 80)}`, hint: 'unset it, or use kiln synth --embed-from DIR' }]);
  }
}
