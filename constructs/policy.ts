// SPDX-License-Identifier: MIT
/**
 * The compile-time half of the policy rule (rules.ts, 'policy-result'): a
 * policy's check returns nothing when the image complies, or sentences.
 * The run-time half is in synth, where policies run.
 */
import type { PolicySubject } from '../synth/policy.ts';
import type { Refused } from './composition.ts';
import type { PolicyResultSentence } from './rules.ts';

/** What `app.addPolicy()` accepts before its result is checked: a name and a check. */
export interface PolicyLike {
  readonly name: string;
  check(image: PolicySubject): unknown;
}

/** The parameter type of `app.addPolicy()`: the policy, or the sentence when its check returns something else. */
export type PolicyParam<P extends PolicyLike> = P & Refused<PolicyProblem<P>>;

type PolicyProblem<P extends PolicyLike> =
  ReturnType<P['check']> extends string | readonly string[] | undefined | void ? never : PolicyResultSentence;
