// SPDX-License-Identifier: MIT
/**
 * Checks what a spec names against the catalog of micro-libraries.
 *
 * The schema knows shapes; only the catalog knows which libraries exist,
 * what each is for, and the type and range of each option. Values with the
 * wrong shape are left alone here: the schema already reported them.
 */
import type { Catalog, LibraryInfo, LibraryRole, OptionInfo } from '../catalog-info.ts';
import type { OptionValue } from '../image-spec.ts';
import { BUILTIN_BOARD_IDS } from '../board-info.ts';
import { isMapping } from './data.ts';
import type { Finding } from './finding.ts';
import { child } from './pointer.ts';
import { closest, describeValue, listOf, quote } from './prose.ts';
import { definition, schemaPattern } from './schema-check.ts';
import { entryName, phraseOf, type Scope } from './subjects.ts';

/** Board ids as the schema allows them; other ids were reported by the schema. */
const BOARD_ID = schemaPattern(definition('boardId')['pattern']);
/** Library names as the schema allows them; other names were reported by the schema. */
const LIBRARY_NAME = schemaPattern(definition('libraryName')['pattern']);
/** Option names as the schema allows them; other names were reported by the schema. */
const OPTION_NAME = schemaPattern(Object.keys(definition('options')['patternProperties'] ?? {})[0]);
/** How a hex option may be written as a string. */
const HEX_TEXT = /^0[xX][0-9a-fA-F]+$/;
/** How many names a message lists before it says "and N more". */
const LISTED_NAMES = 12;

/** Every catalog problem in one image or in the fleet defaults. */
export function catalogFindings(scope: Scope, catalog: Catalog): Finding[] {
  const findings: Finding[] = [];
  if (!isMapping(scope.value)) return findings;
  const board = scope.value['board'];
  if (typeof board === 'string' && BOARD_ID.test(board)) {
    const known = catalog.boards ? [...catalog.boards.keys()] : [...BUILTIN_BOARD_IDS];
    if (!known.includes(board)) {
      const guess = closest(board, known);
      findings.push({
        pointer: child(scope.pointer, 'board'),
        anchor: 'value',
        message: `board ${quote(board)} in ${scope.label} is not one Kiln knows; ${guess ? `did you mean ${quote(guess)}? ` : ''}the boards are ${listOf(known, 'and')}, or describe the board inline, or add the library folder that holds its board.yaml to "libraryFolders"`,
      });
    }
  }
  for (const list of ['applications', 'libraries'] as const) {
    const entries = scope.value[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, index) => {
      if (!isMapping(entry)) return;
      const kind = entry['kind'];
      if (typeof kind !== 'string' || !LIBRARY_NAME.test(kind)) return;
      const entryPointer = child(scope.pointer, list, index);
      const library = catalog.libraries.get(kind);
      const phrase = phraseOf({ scope, rel: [list, String(index)] });
      if (!library) {
        const fitting = namesWithRole(catalog, list === 'applications' ? isApplication : isNotApplication);
        const message = `${phrase} is not in the catalog; ${suggest(kind, fitting, namesWithRole(catalog, () => true), list)}`;
        findings.push({ pointer: child(entryPointer, 'kind'), anchor: 'value', message });
        return;
      }
      const misplaced = roleProblem(list, library, phrase);
      if (misplaced) findings.push({ pointer: child(entryPointer, 'kind'), anchor: 'value', message: misplaced });
      const options = entry['options'];
      if (isMapping(options)) {
        const owner = `${entryName(scope.value, list, index)} in ${scope.label}`;
        for (const [name, value] of Object.entries(options)) {
          if (!OPTION_NAME.test(name)) continue;
          const finding = optionFinding(library, name, value, child(entryPointer, 'options', name), owner);
          if (finding) findings.push(finding);
        }
      }
    });
  }
  const allocators = scope.value['allocators'];
  if (isMapping(allocators)) {
    for (const slot of ['boot', 'app'] as const) {
      const name = allocators[slot];
      if (typeof name !== 'string' || !LIBRARY_NAME.test(name)) continue;
      const phrase = phraseOf({ scope, rel: ['allocators', slot] });
      const message = slotProblem(catalog, name, 'allocator', phrase, []);
      if (message) findings.push({ pointer: child(scope.pointer, 'allocators', slot), anchor: 'value', message });
    }
  }
  const scheduler = scope.value['scheduler'];
  if (typeof scheduler === 'string' && LIBRARY_NAME.test(scheduler) && scheduler !== 'none') {
    const phrase = phraseOf({ scope, rel: ['scheduler'] });
    const message = slotProblem(catalog, scheduler, 'scheduler', phrase, ['none']);
    if (message) findings.push({ pointer: child(scope.pointer, 'scheduler'), anchor: 'value', message });
  }
  return findings;
}

const isApplication = (role: LibraryRole): boolean => role === 'application';
const isNotApplication = (role: LibraryRole): boolean => role !== 'application';

function namesWithRole(catalog: Catalog, wanted: (role: LibraryRole) => boolean): string[] {
  const names: string[] = [];
  for (const library of catalog.libraries.values()) if (wanted(library.role)) names.push(library.name);
  return names.sort();
}

/** "did you mean x?", else the names that would fit, so the user can pick one. */
function suggest(name: string, fitting: readonly string[], all: readonly string[], plural: string): string {
  const guess = closest(name, fitting) ?? closest(name, all);
  if (guess) return `did you mean ${quote(guess)}?`;
  if (fitting.length === 0) return `the catalog has no ${plural}`;
  return `the known ${plural} are ${names(fitting)}`;
}

/** Lists names, cut short when there are many. */
function names(list: readonly string[]): string {
  if (list.length <= LISTED_NAMES) return listOf(list, 'and');
  return `${list.slice(0, LISTED_NAMES).join(', ')} and ${list.length - LISTED_NAMES} more`;
}

/** "an allocator", "a driver"... */
function roleNoun(role: LibraryRole): string {
  switch (role) {
    case 'application':
      return 'an application';
    case 'allocator':
      return 'an allocator';
    case 'arch':
      return 'an architecture library';
    case 'platform':
      return 'a platform library';
    default:
      return `a ${role}`;
  }
}

/** A library in the wrong list: what it is, and where it belongs instead. */
function roleProblem(list: 'applications' | 'libraries', library: LibraryInfo, phrase: string): string | undefined {
  if (list === 'libraries') {
    if (library.role !== 'application') return undefined;
    return `${phrase} is an application, not a library; move it to "applications"`;
  }
  if (library.role === 'application') return undefined;
  const move =
    library.role === 'allocator'
      ? `name it under "allocators" instead, e.g. "allocators: { boot: ${library.name}, app: ${library.name} }"`
      : library.role === 'scheduler'
        ? `name it as the scheduler instead, e.g. "scheduler: ${library.name}"`
        : 'move it to "libraries"';
  return `${phrase} is ${roleNoun(library.role)}, not an application; ${move}`;
}

/** A name given for an allocator slot or the scheduler that is unknown or of the wrong role. */
function slotProblem(
  catalog: Catalog,
  name: string,
  role: 'allocator' | 'scheduler',
  phrase: string,
  extra: readonly string[],
): string | undefined {
  const library = catalog.libraries.get(name);
  const fitting = [...namesWithRole(catalog, (r) => r === role), ...extra];
  if (!library) {
    return `${phrase} names ${quote(name)}, which is not in the catalog; ${suggest(name, fitting, namesWithRole(catalog, () => true), `${role}s`)}`;
  }
  if (library.role === role) return undefined;
  const choices = fitting.length > 0 ? `use ${listOf(fitting.map(quote))}` : `the catalog has no ${role}s`;
  return `${phrase} names ${quote(name)}, which is ${roleNoun(library.role)}, not ${roleNoun(role)}; ${choices}`;
}

/** Checks one option: that the library has it, and that the value fits its type and range. */
function optionFinding(library: LibraryInfo, name: string, value: unknown, pointer: string, owner: string): Finding | undefined {
  const option = library.options.get(name);
  if (!option) {
    const known = [...library.options.keys()].sort();
    const guess = closest(name, known);
    const advice = guess
      ? `did you mean ${quote(guess)}?`
      : known.length > 0
        ? `its options are ${names(known)}`
        : 'it has no options';
    return { pointer, anchor: 'key', message: `${owner} has no option ${quote(name)}; ${advice}` };
  }
  // Other shapes (lists, mappings, fractions) were reported by the schema.
  if (typeof value !== 'boolean' && typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) {
    return undefined;
  }
  const subject = `option ${quote(name)} of ${owner}`;
  const typeProblem = optionTypeProblem(option, value);
  if (typeProblem) {
    return { pointer, anchor: 'value', message: `${subject} must be ${typeProblem}; got ${describeValue(value)}${slipHint(option, value)}` };
  }
  const number = numericValue(value);
  if (option.range && number !== undefined) {
    const [low, high] = option.range;
    if (number < low || number > high) {
      const show = (n: number): string => (option.type === 'hex' ? `0x${n.toString(16)}` : String(n));
      return {
        pointer,
        anchor: 'value',
        message: `${subject} is ${show(number)}, outside its range ${show(low)} to ${show(high)} (Kconfig ${option.symbol}); use a value in that range`,
      };
    }
  }
  return undefined;
}

/** What the value should have been, when its type does not fit the option; undefined when it fits. */
function optionTypeProblem(option: OptionInfo, value: OptionValue): string | undefined {
  const declared = `(Kconfig ${option.type} ${option.symbol})`;
  switch (option.type) {
    case 'bool':
      return typeof value === 'boolean' ? undefined : `true or false ${declared}`;
    case 'int':
      return typeof value === 'number' ? undefined : `a whole number ${declared}`;
    case 'hex':
      return typeof value === 'number' || (typeof value === 'string' && HEX_TEXT.test(value))
        ? undefined
        : `a whole number or a hex string such as "0x1000" ${declared}`;
    case 'string':
      return typeof value === 'string' ? undefined : `a string ${declared}`;
  }
}

/** A hint for the usual slips: quotes around a number or a boolean, or none around text. */
function slipHint(option: OptionInfo, value: OptionValue): string {
  if (typeof value === 'string') {
    if ((option.type === 'int' || option.type === 'hex') && /^-?\d+$/.test(value)) return '; remove the quotes';
    if (option.type === 'bool' && (value === 'true' || value === 'false')) return '; remove the quotes';
    return '';
  }
  if (option.type === 'string') return `; put it in quotes if you meant the text ${quote(String(value))}`;
  return '';
}

function numericValue(value: OptionValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && HEX_TEXT.test(value)) return Number.parseInt(value.slice(2), 16);
  return undefined;
}
