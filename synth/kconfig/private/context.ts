// SPDX-License-Identifier: MIT
/**
 * The state of one resolution shared by its phases: requests checked and
 * applied, the evaluation, and who asked for what.
 */
import type { Evaluation } from './evaluate.ts';
import type { KconfigModel } from './model.ts';
import { checkRequestValue, type CheckedValue, type ConfigRequest } from '../requests.ts';
import type { KconfigTree } from '../tree.ts';

/** One request, looked up and checked. */
export interface AppliedRequest {
  readonly index: number;
  readonly request: ConfigRequest;
  /** The entry id of its symbol, or -1 when no Kconfig file defines it. */
  readonly id: number;
  /** The value check; undefined for an unknown symbol. */
  readonly checked?: CheckedValue;
}

/** Everything later phases need about one resolution. */
export interface ResolutionContext {
  readonly tree: KconfigTree;
  readonly model: KconfigModel;
  readonly ev: Evaluation;
  readonly requests: readonly AppliedRequest[];
  /** Per entry: the index of the last accepted request for it, or -1. */
  readonly lastRequest: readonly number[];
  /** Per choice: the index of the request that made the member selection the user wants, or -1. */
  readonly choiceRequest: readonly number[];
}

/** User values and bookkeeping from a list of requests, in order (a later request for a symbol wins). */
export interface AppliedRequests {
  readonly requests: readonly AppliedRequest[];
  readonly text: (string | undefined)[];
  readonly lastRequest: number[];
  readonly choiceOn: boolean[];
  readonly choiceSelection: number[];
  readonly choiceRequest: number[];
}

/**
 * Looks up and checks each request, and records the user values they give,
 * exactly as loading the equivalent defconfig fragment into kconfiglib would:
 * a member requested y also switches its choice on and becomes the user's
 * selection (and stays so even if the same member is later requested n).
 */
export function applyRequests(model: KconfigModel, requests: readonly ConfigRequest[]): AppliedRequests {
  const n = model.entries.length;
  const c = model.choices.length;
  const text = new Array<string | undefined>(n);
  const lastRequest = new Array<number>(n).fill(-1);
  const choiceOn = new Array<boolean>(c).fill(false);
  const choiceSelection = new Array<number>(c).fill(-1);
  const choiceRequest = new Array<number>(c).fill(-1);
  const applied = requests.map((request, index): AppliedRequest => {
    const id = model.byName.get(request.symbol) ?? -1;
    const def = id >= 0 ? model.entries[id].def : undefined;
    if (!def) return { index, request, id: -1 };
    const checked = checkRequestValue(def.type ?? 'unknown', request.value);
    if (checked.ok) {
      text[id] = checked.text;
      lastRequest[id] = index;
      if (def.choice !== undefined && def.type === 'bool' && checked.text === 'y') {
        choiceOn[def.choice] = true;
        choiceSelection[def.choice] = id;
        choiceRequest[def.choice] = index;
      }
    }
    return { index, request, id, checked };
  });
  return { requests: applied, text, lastRequest, choiceOn, choiceSelection, choiceRequest };
}
