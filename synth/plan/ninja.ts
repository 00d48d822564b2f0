// SPDX-License-Identifier: MIT
import { join } from 'node:path';
import { KilnError } from '../errors.ts';
import { ASSEMBLY_TOKEN, GENERATED_TOKEN, KILN_ROOT_TOKEN, UPSTREAM_TOKEN } from '../toolchain.ts';
import { allUnits, contentHash, type CompileUnit, type LinkPlan } from './link-plan.ts';

/**
 * The fixed time every build claims (for __DATE__, __TIME__ and any tool
 * that honours SOURCE_DATE_EPOCH): an image must not depend on when it
 * was built.
 */
export const SOURCE_DATE_EPOCH = 0;

/**
 * The folders rooted paths start from: the Kiln root ({kiln}), and the
 * user cache's trees of upstream sources ({upstream}) and of what was
 * generated from them ({generated}). build.ninja holds each once, as a
 * variable.
 */
export interface SourceRoots {
  readonly kiln: string;
  readonly upstream: string;
  readonly generated: string;
}

const ROOT_VARIABLES: readonly (readonly [token: string, variable: string, key: keyof SourceRoots])[] = [
  [KILN_ROOT_TOKEN, '$kiln_root', 'kiln'],
  [UPSTREAM_TOKEN, '$upstream_root', 'upstream'],
  [GENERATED_TOKEN, '$generated_root', 'generated'],
];

/** Replaces every root token by its ninja variable. */
function withRootVariables(text: string): string {
  let out = text;
  for (const [token, variable] of ROOT_VARIABLES) out = out.split(token).join(variable);
  return out;
}

/** Replaces every root token by its folder. */
export function fillRoots(text: string, roots: SourceRoots): string {
  let out = text;
  for (const [token, , key] of ROOT_VARIABLES) out = out.split(token).join(roots[key]);
  return out;
}

/** Quotes a path for a build line: spaces, colons and dollars are escaped with $. */
function esc(path: string): string {
  return path.replace(/\$/g, '$$$$').replace(/ /g, '$ ').replace(/:/g, '$:');
}

/** A flag or path for a command (a variable's value): tokens become ninja variables or shell words. */
function arg(flag: string): string {
  // A line break would end the ninja statement and let the rest be read as ninja: never written.
  if (/[\x00-\x1f\x7f]/.test(flag)) throw new KilnError([{ message: `a compiler flag holds a control character: ${JSON.stringify(flag.slice(0, 80))}` }], { fault: 'user' });
  const escaped = withRootVariables(flag.replace(/\$/g, '$$$$'));
  // The shell expands $PWD when ninja runs the command, so build.ninja names no absolute folder.
  if (escaped.includes(ASSEMBLY_TOKEN)) return `"${escaped.split(ASSEMBLY_TOKEN).join('$$PWD')}"`;
  // Anything the shell would read as syntax (a user's -DNAME="text", a space, a ;) is quoted: flags are data, never commands.
  return /^[\w@%+=:,./{}-]*$/.test(flag) ? escaped : `'${escaped.replace(/'/g, "'\\''")}'`;
}

/** The variable that holds one set of base flags, named by its content so every file agrees on it. */
function flagsVar(flags: readonly string[]): string {
  return `flags_${contentHash(...flags).slice(0, 10)}`;
}

/** A unit's source as the compile edge names it. */
function sourceInput(unit: CompileUnit): string {
  return unit.generated ? esc(unit.source) : withRootVariables(esc(unit.source));
}

interface FlagSets {
  readonly sets: Map<string, readonly string[]>;
}

/** Base flags of a unit (shared through a variable) and the rest (its own). */
function splitFlags(unit: CompileUnit, plan: Pick<LinkPlan, 'flags' | 'sizeVariants'>, flagSets?: FlagSets): { base: string; own: string[] } {
  const candidates = [plan.flags, ...plan.sizeVariants.map((v) => v.flags)].flatMap((f) => [f.cflags, f.cxxflags, f.asflags]);
  const base = candidates.find((c) => c.length <= unit.flags.length && c.every((f, i) => unit.flags[i] === f));
  if (!base) return { base: '', own: unit.flags.map(arg) };
  const name = flagsVar(base);
  flagSets?.sets.set(name, base);
  return { base: `$${name}`, own: unit.flags.slice(base.length).map(arg) };
}

/** One compile edge (C, C++ and assembly share the rule: the unit names its compiler). `users` are the images that link the object, for progress lines. */
function compileEdge(unit: CompileUnit, flags: { base: string; own: string[] }, users: readonly string[]): string[] {
  const who = users.length > 2 ? `${users[0]} +${users.length - 1}` : users.join(', ');
  return [
    `build ${esc(unit.object)}: cc ${sourceInput(unit)}`,
    `  cc = ${unit.compiler}`,
    // An image's own sources (its bindings, the user's program) sit in its folder of this assembly; only
    // what every assembly compiles the same way (no folder of its own in the object) goes through the cache.
    ...(unit.shared ? [] : ['  launcher =']),
    `  flags = ${[flags.base, ...flags.own, ...unit.includes.map((i) => `-I${arg(i)}`)].filter(Boolean).join(' ')}`,
    `  desc = ${unit.source} (${who})`,
  ];
}

/**
 * The assembly's top-level build.ninja: the rules, every object shared
 * between images (one edge per distinct command line, whatever the number
 * of images using it), and one subninja per image for what is its own.
 * ninja runs in the assembly folder.
 */
export function rootNinja(roots: SourceRoots, plans: readonly LinkPlan[]): string {
  const edges = new Map<string, { unit: CompileUnit; plan: LinkPlan; users: string[] }>();
  for (const plan of plans) {
    const units = [...allUnits(plan), ...plan.sizeVariants.flatMap((v) => v.units)];
    for (const unit of units) {
      if (!unit.shared) continue;
      const edge = edges.get(unit.object);
      if (edge) {
        if (!edge.users.includes(plan.image)) edge.users.push(plan.image);
      } else {
        edges.set(unit.object, { unit, plan, users: [plan.image] });
      }
    }
  }
  const flagSets: FlagSets = { sets: new Map() };
  const body: string[] = [];
  for (const { unit, plan, users } of [...edges.values()].sort((a, b) => a.unit.object.localeCompare(b.unit.object))) {
    body.push(...compileEdge(unit, splitFlags(unit, plan, flagSets), users));
  }
  // Flag sets used only by per-image edges must be defined here too: subninjas see the root's variables.
  for (const plan of plans) {
    for (const unit of [...allUnits(plan), ...plan.sizeVariants.flatMap((v) => v.units)]) splitFlags(unit, plan, flagSets);
  }
  return [
    '# Generated by kiln synth. Do not edit: run `kiln build` (or ninja in this folder).',
    'ninja_required_version = 1.10',
    '',
    ...ROOT_VARIABLES.map(([, variable, key]) => `${variable.slice(1)} = ${roots[key].replace(/\$/g, '$$$$')}`),
    `source_date_epoch = ${SOURCE_DATE_EPOCH}`,
    '# ccache when the build uses the shared compile cache (synth/compile-cache.ts), else empty.',
    'launcher = $${KILN_COMPILER_LAUNCHER}',
    '',
    'rule cc',
    '  command = SOURCE_DATE_EPOCH=$source_date_epoch $launcher $cc -MMD -MF $out.d $flags -c $in -o $out',
    '  depfile = $out.d',
    '  deps = gcc',
    '  description = CC $desc',
    '',
    '# Link to a temporary name first, unique to the shell that runs the command (its pid):',
    '# a failed link never leaves an ELF behind, and no two commands ever share a temporary file.',
    'rule link',
    '  command = rm -f $out && SOURCE_DATE_EPOCH=$source_date_epoch $ld $ldflags -T $ldscript $mapflag$map -o $out.$$$$.tmp $in $libs && mv -f $out.$$$$.tmp $out',
    '  description = LINK $desc',
    '',
    'rule objcopy_raw',
    '  command = $objcopy -O binary $in $out.$$$$.tmp && mv -f $out.$$$$.tmp $out',
    '  description = OBJCOPY $desc',
    '',
    '# Base flags, one variable per distinct set.',
    ...[...flagSets.sets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, flags]) => `${name} = ${flags.map(arg).join(' ')}`),
    '',
    '# Objects shared by every image whose command line for them is the same: one edge each.',
    ...body,
    '',
    ...plans.map((p) => `subninja ${esc(p.image)}/build.ninja`),
    '',
    '# Plain `ninja` builds the images; size studies only when asked for (<image>/size-study).',
    `default ${plans.map((p) => esc(p.image)).join(' ')}`,
    '',
  ].join('\n');
}

/** The link edge (and its variables) for one ELF. */
function linkEdge(plan: LinkPlan, elf: string, map: string, objects: readonly string[], flags: LinkPlan['flags'], desc: string): string[] {
  const archives = flags.libs.filter((l) => l.startsWith('/'));
  return [
    `build ${esc(elf)} | ${esc(map)}: link ${objects.map(esc).join(' ')} | ${[plan.linkerScript, ...archives].map(esc).join(' ')}`,
    `  ld = ${plan.toolchain.ld}`,
    `  ldflags = ${flags.ldflags.map(arg).join(' ')}`,
    `  libs = ${flags.libs.map(arg).join(' ')}`,
    `  mapflag = ${flags.mapFlag}`,
    `  ldscript = ${esc(plan.linkerScript)}`,
    `  map = ${esc(map)}`,
    `  desc = ${desc}`,
  ];
}

/**
 * One image's build.ninja: its generated sources, the link, the board
 * artifact, and the links a size study measures (built only on request:
 * `ninja <image>/size-study`).
 */
export function imageNinja(plan: LinkPlan): string {
  const dir = plan.image;
  const lines = [`# Generated by kiln synth: image ${plan.image} for ${plan.board}. Do not edit.`, ''];
  const perImage = new Map<string, CompileUnit>();
  for (const unit of [...allUnits(plan), ...plan.sizeVariants.flatMap((v) => v.units)]) {
    if (!unit.shared) perImage.set(unit.object, unit);
  }
  for (const unit of perImage.values()) lines.push(...compileEdge(unit, splitFlags(unit, plan), [dir]));
  const artifact = `${dir}/${plan.artifact.file}`;
  lines.push(
    '',
    ...linkEdge(plan, plan.elf, plan.map, allUnits(plan).map((u) => u.object), plan.flags, dir),
    `build ${esc(artifact)}: objcopy_raw ${esc(plan.elf)}`,
    `  objcopy = ${plan.toolchain.objcopy}`,
    `  desc = ${artifact}`,
    `build ${esc(dir)}: phony ${esc(artifact)}`,
    '',
    '# Size study: the same image linked without one size option, to measure what it saves.',
  );
  for (const v of plan.sizeVariants) {
    lines.push(...linkEdge(plan, v.elf, v.map, v.units.map((u) => u.object), v.flags, `${dir} (${v.name}, size study)`));
  }
  lines.push(`build ${esc(`${dir}/size-study`)}: phony ${plan.sizeVariants.map((v) => esc(v.elf)).join(' ')}`, '');
  return lines.join('\n');
}

/** One entry of compile_commands.json. */
export interface CompileCommand {
  readonly directory: string;
  readonly file: string;
  readonly arguments: readonly string[];
  readonly output: string;
}

/**
 * compile_commands.json for C editors: every compile of every image (each
 * shared object once), with the paths the build really uses.
 */
export function compileCommands(outdir: string, roots: SourceRoots, plans: readonly LinkPlan[]): CompileCommand[] {
  const fill = (s: string) => fillRoots(s, roots).split(ASSEMBLY_TOKEN).join(outdir);
  const seen = new Map<string, CompileCommand>();
  for (const plan of plans) {
    for (const unit of allUnits(plan)) {
      if (seen.has(unit.object)) continue;
      const source = unit.generated ? unit.source : fill(unit.source);
      seen.set(unit.object, {
        directory: outdir,
        file: unit.generated ? join(outdir, unit.source) : source,
        arguments: [unit.compiler, ...unit.flags.map(fill), ...unit.includes.map((i) => `-I${fill(i)}`), '-c', source, '-o', unit.object],
        output: unit.object,
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.file.localeCompare(b.file) || a.output.localeCompare(b.output));
}
