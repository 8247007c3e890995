/**
 * A simulated reviewer for the campaign scale bench: judges every case of a held sweep's review by the
 * generator's labels for that day (the code is the account's planted code: correct; the account carries other
 * codes: wrong code; none: not a violation), then closes the review, so the precision gate, not the bench,
 * decides what the held day enforces. A real reviewer sees the evidence; this one sees the answer key, which
 * is what a reviewer who is always right would say.
 */
import { readFileSync } from 'node:fs';
import { reviewDeps } from '#shared/adapters/stageDependencies';
import { closeReview, listCases, recordVerdict } from '#shared/review/reviewService';
import type { VerdictKind } from '#shared/ports/reviewRepository';
import type { GateReport } from '#shared/review/precisionGate';

export interface LabelledReview {
  cases: number;
  verdicts: Record<VerdictKind, number>;
  gate: GateReport;
}

/** Each account's planted codes in one day's labels.jsonl. */
export function readDayLabels(path: string): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const l = JSON.parse(line) as { accountId: string; codes: string[] };
    if (l.codes.length) codes.set(l.accountId, new Set(l.codes));
  }
  return codes;
}

export function labelVerdict(labels: Map<string, Set<string>>, accountId: string, code: string): VerdictKind {
  const planted = labels.get(accountId);
  if (!planted) return 'not-a-violation';
  return planted.has(code) ? 'correct' : 'wrong-code';
}

export async function reviewByLabels(sweepId: string, labels: Map<string, Set<string>>): Promise<LabelledReview> {
  const deps = reviewDeps();
  const { cases } = await listCases(deps, sweepId);
  const verdicts: Record<VerdictKind, number> = { correct: 0, 'wrong-code': 0, 'not-a-violation': 0 };
  for (const c of cases) {
    if (c.verdicts.length) continue;
    const verdict = labelVerdict(labels, c.accountId, c.code ?? c.ruleId.split('/')[0]);
    verdicts[verdict] += 1;
    await recordVerdict(deps, sweepId, c.caseId, 'bench-labels', { verdict });
  }
  const { gate } = await closeReview(deps, sweepId, 'bench-labels');
  return { cases: cases.length, verdicts, gate };
}
