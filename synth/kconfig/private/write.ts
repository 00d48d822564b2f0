// SPDX-License-Identifier: MIT
/**
 * The .config file and the C header of a resolution, byte for byte as
 * kconfiglib's write_config() and write_autoconf() produce them.
 *
 * Exact text (not merely the same values) so that a generated .config can be
 * diffed against the reference's and opened by the standard tools.
 *
 * Which symbols appear: those that are visible or got a value from a
 * default, imply or select; a visible bool that is n appears as
 * `# CONFIG_X is not set`. A visible menu (or comment) gets a heading, and a
 * menu that has entries ends with `# end of <title>` and a blank line before
 * whatever symbol comes next.
 */
import type { Evaluation } from './evaluate.ts';
import type { KconfigModel } from './model.ts';
import { escapeString } from './names.ts';

/** The .config text. */
export function writeDotConfig(model: KconfigModel, ev: Evaluation): string {
  const out: string[] = [];
  const written = new Set<number>();
  let afterEnd = false;
  for (const item of model.outline) {
    switch (item.k) {
      case 'symbol': {
        // A symbol defined in several places is written at its first definition.
        if (written.has(item.id)) break;
        written.add(item.id);
        const line = configLine(model, ev, item.id);
        if (line === undefined) break;
        if (afterEnd) out.push('\n');
        afterEnd = false;
        out.push(line);
        break;
      }
      case 'heading':
        if (ev.eval(item.dep) !== 0 && (item.visibility === undefined || ev.eval(item.visibility) !== 0)) {
          out.push(`\n#\n# ${item.title}\n#\n`);
          afterEnd = false;
        }
        break;
      case 'end':
        if (ev.eval(item.dep) !== 0 && ev.eval(item.visibility) !== 0) {
          out.push(`# end of ${item.title}\n`);
          afterEnd = true;
        }
        break;
    }
  }
  return out.join('');
}

function configLine(model: KconfigModel, ev: Evaluation, id: number): string | undefined {
  if (!ev.writesToConfig(id)) return undefined;
  const def = model.entries[id].def!;
  const value = ev.value(id);
  switch (def.type) {
    case 'bool':
      return value === 'n' ? `# CONFIG_${def.name} is not set\n` : `CONFIG_${def.name}=${value}\n`;
    case 'string':
      return `CONFIG_${def.name}="${escapeString(value)}"\n`;
    default:
      return `CONFIG_${def.name}=${value}\n`;
  }
}

/**
 * The C header: `#define CONFIG_X 1` for each bool that is y, strings quoted
 * and escaped, ints as written, hex with a `0x` prefix. Symbols that are n
 * or not written to .config are left out.
 */
export function writeConfigHeader(model: KconfigModel, ev: Evaluation): string {
  const out: string[] = [];
  for (const id of model.defined) {
    if (!ev.writesToConfig(id)) continue;
    const def = model.entries[id].def!;
    const value = ev.value(id);
    switch (def.type) {
      case 'bool':
        if (value === 'y') out.push(`#define CONFIG_${def.name} 1\n`);
        break;
      case 'string':
        out.push(`#define CONFIG_${def.name} "${escapeString(value)}"\n`);
        break;
      case 'hex':
        out.push(`#define CONFIG_${def.name} ${/^0[xX]/.test(value) ? value : `0x${value}`}\n`);
        break;
      default:
        out.push(`#define CONFIG_${def.name} ${value}\n`);
    }
  }
  return out.join('');
}
