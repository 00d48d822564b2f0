// SPDX-License-Identifier: MIT
/**
 * How deep the integration tier goes. CI runs the short form of every
 * test (one board, the smaller workload) so the whole suite stays inside its
 * time budget; `npm run test:long` sets KILN_TEST_DEPTH=long and runs the
 * long forms as well (every board, the large databases, more seeds).
 *
 * A test asks `longForm()` and skips its long cases with a reason naming the
 * script that runs them, so the tap output says what CI did not run.
 */

/** True when the long forms run (KILN_TEST_DEPTH=long). */
export function longForm(): boolean {
  return process.env.KILN_TEST_DEPTH === 'long';
}

/** A tap `skip` value for a long case: false when it runs, else the reason. */
export function skipUnlessLong(): false | string {
  return longForm() ? false : 'long form: npm run test:long runs it (KILN_TEST_DEPTH=long)';
}
