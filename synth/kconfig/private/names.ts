// SPDX-License-Identifier: MIT
/**
 * How symbols, constants and choices are written in messages and expressions.
 */
import type { ExprNames } from './expr.ts';
import type { ChoiceDef, Entry, KconfigModel } from './model.ts';

/** An entry as Kconfig writes it: a name, or a quoted constant with `"` and `\` escaped. */
export function entryText(entry: Entry): string {
  if (entry.kind !== 'constant') return entry.name;
  return `"${escapeString(entry.name)}"`;
}

/** A choice as Kconfig tools print it: `<choice NAME>`, or `<choice>` when it has no name. */
export function choiceLabel(choice: ChoiceDef): string {
  return choice.name ? `<choice ${choice.name}>` : '<choice>';
}

const NAMES = new WeakMap<KconfigModel, ExprNames>();

/** The naming a model's expressions are formatted with. */
export function modelNames(model: KconfigModel): ExprNames {
  let names = NAMES.get(model);
  if (!names) {
    names = { entry: (id) => entryText(model.entries[id]), choice: (c) => choiceLabel(model.choices[c]) };
    NAMES.set(model, names);
  }
  return names;
}

/** Escapes `\` and `"` the way .config files and C string literals need. */
export function escapeString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
