// SPDX-License-Identifier: MIT
/**
 * Reads a board description file (board.yaml): Kiln's own boards under
 * boards/<id>/, and users' boards in their library folders.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KilnError } from '../errors.ts';
import type { BoardInfo } from './board-info.ts';
import { schemaErrors } from './private/schema-check.ts';

/**
 * Problems with a board description, as sentences naming the field (empty
 * when it is a valid BoardInfo).
 */
export function boardProblems(value: unknown): string[] {
  return schemaErrors('boardInfo', value).map((e) => {
    const at = e.instancePath === '' ? 'the board' : `board field ${e.instancePath.slice(1).replace(/\//g, '.')}`;
    const extra = e.keyword === 'additionalProperties' ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")` : '';
    return `${at} ${e.message ?? 'is not valid'}${extra}`;
  });
}

/**
 * Reads and checks a board.yaml.
 *
 * @throws KilnError naming the file and every problem in it
 */
export function readBoardFile(file: string, fault: 'user' | 'kiln' = 'user'): BoardInfo {
  let value: unknown;
  try {
    value = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KilnError([{ message: `${file}: not a readable YAML board description`, hint: 'a board.yaml holds one BoardInfo mapping (see schema/image-spec.schema.json, definitions/boardInfo)' }], { fault, cause });
  }
  const problems = boardProblems(value);
  if (problems.length) throw new KilnError(problems.map((message) => ({ message: `${file}: ${message}` })), { fault });
  return value as BoardInfo;
}
