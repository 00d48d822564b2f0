// SPDX-License-Identifier: MIT
import type { Problem } from './errors.ts';
import type { BudgetSpec } from './spec/image-spec.ts';

/** The parts of report.json a budget check reads. */
export interface BudgetReport {
  readonly artifact: { readonly file: string; readonly bytes: number };
  readonly ram?: { readonly total: number };
  readonly sizes?: { readonly libraries?: readonly { readonly name: string; readonly total: number }[] };
}

/**
 * Checks a built image against its budget. Each overrun names the
 * micro-libraries that grew since the previous build of the image (or,
 * on a first build, the largest ones), so the user knows where to look.
 */
export function checkBudget(id: string, budget: BudgetSpec | undefined, report: BudgetReport, previous?: BudgetReport): Problem[] {
  if (!budget) return [];
  const problems: Problem[] = [];
  const blame = culprits(report, previous);
  if (budget.imageBytes !== undefined && report.artifact.bytes > budget.imageBytes) {
    problems.push({
      message: `image "${id}": ${report.artifact.file} is ${report.artifact.bytes} bytes, over its budget of ${budget.imageBytes} by ${report.artifact.bytes - budget.imageBytes}; ${blame}`,
      origin: { path: id },
      hint: 'raise budget.imageBytes, or drop what grew',
    });
  }
  const ram = report.ram?.total;
  if (budget.ramBytes !== undefined && ram !== undefined && ram > budget.ramBytes) {
    problems.push({
      message: `image "${id}": static RAM is ${ram} bytes, over its budget of ${budget.ramBytes} by ${ram - budget.ramBytes}; ${blame}`,
      origin: { path: id },
      hint: 'raise budget.ramBytes, or drop what grew',
    });
  }
  return problems;
}

function culprits(report: BudgetReport, previous?: BudgetReport): string {
  const now = new Map((report.sizes?.libraries ?? []).map((l) => [l.name, l.total]));
  if (previous?.sizes?.libraries) {
    const before = new Map(previous.sizes.libraries.map((l) => [l.name, l.total]));
    const grew = [...now].map(([name, total]) => ({ name, delta: total - (before.get(name) ?? 0) }))
      .filter((g) => g.delta > 0).sort((a, b) => b.delta - a.delta);
    if (grew.length) return `grew since the last build: ${grew.map((g) => `${g.name} +${g.delta}`).join(', ')}`;
  }
  const largest = [...now].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return largest.length ? `largest: ${largest.map(([n, t]) => `${n} ${t}`).join(', ')}` : 'no size breakdown available';
}
