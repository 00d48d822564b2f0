// SPDX-License-Identifier: MIT
import { resolve } from 'node:path';
import { ASSEMBLY_MANIFEST, writeAssembly, type AssemblyManifest } from './assembly.ts';
import { loadCatalog, tryFindBoard, type KilnCatalog } from './catalog/index.ts';
import { KilnError, type Problem } from './errors.ts';
import { cacheDir, cacheRoots, fetchNeeds } from './fetch/index.ts';
import { projectFolder } from './host-files.ts';
import { KILN_ROOT } from './paths.ts';
import { compileCommands, IncludeScanner, planImage, rootNinja, sharedFiles, type ImagePlan, type SourceRoots } from './plan/index.ts';
import { pruneSharedHeaders } from './shared-files.ts';
import { resolveImage, type ImageOrigins } from './image-config.ts';
import type { BoardInfo } from './spec/board-info.ts';
import type { ImageSpec, Origin } from './spec/image-spec.ts';
import type { Policy } from './policy.ts';
import { validateImageSpecs } from './spec/validate.ts';
import { normalizeImageSpec } from './spec/spec-file.ts';

export type { ImageOrigins } from './image-config.ts';

/** Options of synthesize(). */
export interface SynthesizeOptions {
  /** The assembly folder. */
  readonly outdir: string;
  /** Where each image (by id) was written, for error messages. */
  readonly origins?: ReadonlyMap<string, ImageOrigins>;
  /**
   * The catalog every image uses, in place of Kiln's own joined with each
   * image's `libraryFolders` (for tests with a made-up tree).
   * @default loadCatalog({ root, folders: spec.libraryFolders, programs: spec.programs }) per image
   */
  readonly catalog?: KilnCatalog;
  /** The Kiln root holding Kconfig, lib/ and boards/. @default this package */
  readonly root?: string;
  /** The user cache that build.ninja reads upstream sources from (the fetch step fills it). @default cacheDir() */
  readonly cache?: string;
  /** Fleet-wide rules every image must pass. */
  readonly policies?: readonly Policy[];
  /** Where each policy (same index) was added, for a policy that fails itself. @default unknown */
  readonly policyOrigins?: readonly (Origin | undefined)[];
  /**
   * The folders embedded host files (`files.from`, and where their symbolic
   * links lead) may come from: the program's or spec's project folder and
   * any the user allows. Anything else is refused.
   * @default the project folder of the current directory (see projectFolder())
   */
  readonly embedFrom?: readonly string[];
}

/** What synth wrote. */
export interface AssemblyResult {
  /** Absolute path of the assembly folder. */
  readonly outdir: string;
  readonly images: readonly ImagePlan[];
  /**
   * What kconfiglib would warn about, as `file:line: text`: the Kconfig
   * tree's warnings (a select of a non-bool symbol, a symbol without a
   * type...) once, then each image's (a default clamped into its range).
   */
  readonly warnings: readonly string[];
}

/**
 * Plans every image (pure: it reads the catalog's folders and library
 * headers, runs nothing and fetches nothing), and only when all of them
 * are sound writes the assembly folder: one sub-folder per image plus the
 * top-level build.ninja and manifest.json, which names the upstream
 * sources the build must fetch first. Problems from every image are
 * reported together.
 */
export function synthesize(given: readonly ImageSpec[], options: SynthesizeOptions): AssemblyResult {
  const root = options.root ?? options.catalog?.root ?? KILN_ROOT;
  const problems: Problem[] = [];
  const imageOrigin = (id: string): Origin => options.origins?.get(id)?.image ?? { path: id };
  // One canonical form whichever front end wrote the spec: the same image plans the same bytes.
  const normal = given.map(normalizeImageSpec);

  // Each image's catalog: Kiln's folders and the image's own library folders.
  const catalogs = normal.map((spec) => {
    try {
      return options.catalog ?? loadCatalog({ root, folders: spec.libraryFolders ?? [], programs: spec.programs ?? [] });
    } catch (err) {
      if (!KilnError.isKilnError(err) || err.fault !== 'user') throw err;
      problems.push(...err.problems.map((p) => ({ ...p, origin: p.origin ?? imageOrigin(spec.id) })));
      return undefined;
    }
  });
  if (problems.length) throw new KilnError(dedupe(problems));

  // The same checks spec files get (schema and catalog: kinds, option types and ranges, slots), whichever
  // front end made the specs; images that share a catalog are checked together, as one fleet.
  const groups = new Map<KilnCatalog, number[]>();
  catalogs.forEach((catalog, index) => groups.set(catalog!, [...(groups.get(catalog!) ?? []), index]));
  for (const [catalog, members] of groups) {
    for (const issue of validateImageSpecs(members.map((i) => normal[i]), catalog)) {
      const pointer = issue.pointer.replace(/^\/images\/(\d+)/, (_, i: string) => `/images/${members[Number(i)]}`);
      problems.push({ message: issue.message, origin: originOfPointer(normal, pointer, options.origins) });
    }
  }
  const ids = new Set<string>();
  for (const spec of normal) {
    if (ids.has(spec.id) && groups.size > 1) problems.push({ message: `image id "${spec.id}" is used twice; ids are unique within an app or fleet`, origin: imageOrigin(spec.id) });
    ids.add(spec.id);
  }
  if (normal.length === 0) problems.push(...validateImageSpecs([]).map((i) => ({ message: i.message })));
  // In the normal form the board is its whole description, wherever it was found.
  const specs: ImageSpec[] = normal.map((spec, index) => {
    const board = typeof spec.board === 'string' ? tryFindBoard(catalogs[index]!, spec.board) : spec.board;
    if (!board) {
      const known = [...catalogs[index]!.boards.keys()];
      problems.push({ message: `unknown board "${spec.board as string}"`, origin: imageOrigin(spec.id), hint: `boards: ${known.join(', ')}; or describe the board inline, or add a library folder holding its board.yaml` });
      return spec;
    }
    // Each application brings main(): two would fail at link, so refuse them here (constructs refuse them at compile time too).
    if (spec.applications.length > 1) {
      problems.push({
        message: `image "${spec.id}" runs ${spec.applications.length} applications (${spec.applications.map((a) => a.kind).join(', ')}), but an image runs one: each brings its own main()`,
        origin: imageOrigin(spec.id),
        hint: 'give each application an image of its own; libraries (memreport, lwip) go under libraries',
      });
    }
    // A program's requirements are data in a spec: the board must meet them (constructs check them at compile time too).
    for (const program of spec.programs ?? []) {
      const used = [...spec.applications, ...(spec.libraries ?? [])].some((c) => c.kind === program.name);
      if (used && program.requires?.network && board.network.length === 0) {
        problems.push({ message: `program "${program.name}" requires the network, but board ${board.id} has no network device`, origin: imageOrigin(spec.id), hint: 'choose a board with one (qemu-virt has virtio-net), or drop requires.network' });
      }
    }
    return { ...spec, board };
  });
  if (problems.length) throw new KilnError(dedupe(problems));

  const plans: ImagePlan[] = [];
  const warnings = new Set<string>();
  // Library headers are the same for every image: read each once per synth.
  const scanner = new IncludeScanner(root);
  const embeds = { folders: options.embedFrom ?? [projectFolder(process.cwd())] };
  specs.forEach((spec, index) => {
    const catalog = catalogs[index]!;
    const board = spec.board as BoardInfo;
    try {
      const origins = options.origins?.get(spec.id);
      const resolution = resolveImage(spec, board, catalog, origins);
      for (const w of catalog.kconfig.warnings) warnings.add(w);
      for (const w of resolution.warnings) warnings.add(`image "${spec.id}": ${w}`);
      const plan = planImage(spec, board, resolution, catalog, scanner, embeds);
      (options.policies ?? []).forEach((policy, index) => {
        const added = options.policyOrigins?.[index];
        const subject = {
          spec,
          board,
          libraries: plan.manifest.libraries,
          isEnabled: (symbol: string) => resolution.isEnabled(symbol),
          value: (symbol: string) => resolution.value(symbol),
        };
        let found: unknown;
        try {
          found = policy.check(subject);
        } catch (err) {
          // The policy is the user's code: its failure is theirs, named where it was added.
          problems.push({ message: `policy "${policy.name}" failed on image "${spec.id}": ${err instanceof Error ? err.message : String(err)}`, origin: added ?? { path: spec.id } });
          return;
        }
        const messages = policyMessages(found);
        if (!messages) {
          problems.push({ message: `policy "${policy.name}" returned ${shown(found)} for image "${spec.id}": ${POLICY_RESULT_SENTENCE}`, origin: added ?? { path: spec.id } });
          return;
        }
        for (const message of messages) {
          problems.push({ message: `image "${spec.id}" breaks policy "${policy.name}": ${message}`, origin: origins?.image ?? { path: spec.id } });
        }
      });
      plans.push(plan);
    } catch (err) {
      if (!KilnError.isKilnError(err) || err.fault !== 'user') throw err;
      problems.push(...err.problems.map((p) => ({ ...p, origin: p.origin ?? imageOrigin(spec.id) })));
    }
  });
  if (problems.length) throw new KilnError(problems);

  const outdir = resolve(options.outdir);
  const cache = resolve(options.cache ?? cacheDir());
  const roots: SourceRoots = { kiln: root, ...cacheRoots(cache) };
  const linked = plans.flatMap((p, i) => p.linkPlan.libraries.map((l) => catalogs[i]!.manifests.get(l.name)!));
  const manifest: AssemblyManifest = {
    kiln: 'assembly-manifest/1',
    images: plans.map((p) => ({ id: p.id, board: p.manifest.board.id, dir: p.id })),
    fetch: { cache, sources: fetchNeeds(linked) },
  };
  const linkPlans = plans.map((p) => p.linkPlan);
  const shared = sharedFiles(plans);
  writeAssembly(outdir, plans, new Map([
    ...shared,
    ['build.ninja', rootNinja(roots, linkPlans)],
    ['compile_commands.json', `${JSON.stringify(compileCommands(outdir, roots, linkPlans), null, 2)}\n`],
    [ORIGINS_FILE, `${JSON.stringify(originsDocument(specs, options.origins), null, 2)}\n`],
    [ASSEMBLY_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`],
  ]));
  pruneSharedHeaders(outdir, shared.keys());
  return { outdir, images: plans, warnings: [...warnings] };
}

/**
 * Kiln's bookkeeping, beside the assembly proper: where each image and
 * component was written, for `kiln explain`. It is the only file that
 * differs between a program and the equivalent spec file.
 */
export const ORIGINS_FILE = '.kiln/origins.json';

/** The origins file's content. */
export interface OriginsDocument {
  readonly kiln: 'origins/1';
  readonly images: Readonly<Record<string, { readonly image: Origin; readonly components: Readonly<Record<string, Origin>> }>>;
}

function originsDocument(specs: readonly ImageSpec[], origins?: ReadonlyMap<string, ImageOrigins>): OriginsDocument {
  const images: OriginsDocument['images'] = Object.fromEntries(specs.map((spec) => {
    const o = origins?.get(spec.id);
    return [spec.id, { image: o?.image ?? { path: spec.id }, components: Object.fromEntries(o?.components ?? []) }];
  }));
  return { kiln: 'origins/1', images };
}

/** The user's line for a pointer into the specs: the component's when it points into one, else the image's. */
function originOfPointer(specs: readonly ImageSpec[], pointer: string, origins?: ReadonlyMap<string, ImageOrigins>): Origin {
  const m = /^\/images\/(\d+)(?:\/(applications|libraries)\/(\d+))?/.exec(pointer);
  const spec = m ? specs[Number(m[1])] : undefined;
  if (!spec) return { pointer };
  const image = origins?.get(spec.id)?.image ?? { path: spec.id };
  const kind = m?.[2] ? spec[m[2] as 'applications' | 'libraries']?.[Number(m[3])]?.kind : undefined;
  return (kind && origins?.get(spec.id)?.components.get(kind)) || image;
}

/**
 * The rule for what a policy returns (constructs/rules.ts states it as
 * 'policy-result'; synth does not import constructs, so the sentence is
 * repeated here and a unit test checks the two are the same).
 */
export const POLICY_RESULT_SENTENCE = 'a policy\'s check returns undefined when the image complies, or a string (or strings) saying what is wrong';

/** A policy's verdict as messages, or undefined when it returned something else. */
function policyMessages(found: unknown): readonly string[] | undefined {
  if (found === undefined) return [];
  if (typeof found === 'string') return [found];
  if (Array.isArray(found) && found.every((m) => typeof m === 'string')) return found;
  return undefined;
}

function shown(x: unknown): string {
  if (Array.isArray(x)) return 'a list that is not all strings';
  if (typeof x === 'object' && x !== null) return 'an object';
  return `${typeof x} ${String(x)}`;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.message}@${JSON.stringify(p.origin)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
