// SPDX-License-Identifier: MIT
/**
 * The Raspberry Pi firmware's config.txt: what Kiln writes, and which
 * files on the boot partition it makes the firmware read.
 *
 * Pure functions over text, so the unit tests check them without a board.
 */
import type { BoardInfo } from '../spec/board-info.ts';

/** One `key=value` line of config.txt (comments, blank lines and [section] filters are not settings). */
export interface ConfigTxtSetting {
  readonly key: string;
  readonly value: string;
  /** 1-based line in the text. */
  readonly line: number;
}

/** The settings of a config.txt, in order. `[filter]` lines are kept out: Kiln writes none, and all of them apply to the Pi 3. */
export function parseConfigTxt(text: string): ConfigTxtSetting[] {
  const out: ConfigTxtSetting[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line || line.startsWith('[')) return;
    const eq = line.indexOf('=');
    if (eq < 0) return;
    out.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: i + 1 });
  });
  return out;
}

/** Settings whose value is a file on the boot partition. */
const FILE_KEYS: ReadonlySet<string> = new Set(['device_tree', 'armstub', 'start_file', 'fixup_file', 'cmdline']);

/**
 * The files on the boot partition a config.txt makes the firmware load,
 * as paths there: the kernel (kernel8.img when no `kernel=` with
 * `arm_64bit=1`), overlays (`overlays/<name>.dtbo`), a device tree,
 * an initramfs, an armstub, other start/fixup files. Options that only
 * set values are not files.
 */
export function referencedFiles(text: string): string[] {
  const files = new Set<string>();
  const settings = parseConfigTxt(text);
  const get = (key: string) => settings.filter((s) => s.key === key).pop()?.value;
  files.add(get('kernel') ?? (get('arm_64bit') === '1' ? 'kernel8.img' : 'kernel7.img'));
  for (const s of settings) {
    if (!s.value) continue;
    if (s.key === 'dtoverlay') files.add(`overlays/${s.value.split(/[,:]/)[0]!.trim()}.dtbo`);
    else if (FILE_KEYS.has(s.key)) files.add(s.value);
    else if (s.key === 'initramfs') files.add(s.value.split(/\s+/)[0]!);
  }
  return [...files];
}

/**
 * The config.txt a Raspberry Pi medium carries: the board's own
 * (`artifact.companions['config.txt']`), with what the firmware must not
 * guess made explicit: `arm_64bit=1`, `kernel=` the artifact and
 * `kernel_address=` the board's load address. A board whose config.txt
 * says otherwise is refused, naming the line.
 *
 * @returns the text, and the problems found (empty when it is usable)
 */
export function mediumConfigTxt(board: BoardInfo): { readonly text: string; readonly problems: readonly string[] } {
  let text = board.artifact.companions?.['config.txt'] ?? `# Written by Kiln for the Raspberry Pi firmware.\n`;
  if (!text.endsWith('\n')) text += '\n';
  const settings = parseConfigTxt(text);
  const problems: string[] = [];
  const want: readonly [string, string][] = [
    ['arm_64bit', '1'],
    ['kernel', board.artifact.file],
    ['kernel_address', `0x${board.loadAddress.toString(16)}`],
  ];
  const add: string[] = [];
  for (const [key, value] of want) {
    const found = settings.filter((s) => s.key === key).pop();
    if (!found) add.push(`${key}=${value}`);
    else if (key === 'kernel_address' ? Number(found.value) !== board.loadAddress : found.value !== value) {
      problems.push(`config.txt line ${found.line} sets ${key}=${found.value}, but the image needs ${key}=${value}`);
    }
  }
  if (add.length) text += `# Added by Kiln: where the firmware loads the image, and how it enters it.\n${add.join('\n')}\n`;
  return { text, problems };
}
