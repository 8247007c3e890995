/**
 * Runs the blast-radius guard over a sweep's decisions (streamed, bucket by bucket), against the
 * rates earlier sweeps recorded, and records this sweep's own rates for the sweeps after it.
 * Only snapshots taken strictly before this one count as history, so a re-run judges the same.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { guardPolicyOf, type Policy } from '#shared/policy/policySchema';
import { assessBlastRadius, emptyTally, historyEntry, tallyDecision, type GuardHistoryEntry, type GuardReport } from '#shared/review/blastRadiusGuard';
import { readDecisions } from './readDecisions.ts';
import type { ResolveStats } from './resolveBucket.ts';
import { readAllStats } from './sweepContext.ts';
import { sweepPaths } from './sweepPaths.ts';
import type { SweepPlan } from './sweepPlan.ts';

const HISTORY = 'guard-history/';
const historyKey = (takenAt: string, sweepId: string) => `${HISTORY}${takenAt.replace(/[:.]/g, '')}~${sweepId}.json`;

async function earlierSweeps(work: BlobStore, plan: Pick<SweepPlan, 'sweepId' | 'takenAt'>): Promise<GuardHistoryEntry[]> {
  const out: GuardHistoryEntry[] = [];
  for (const key of await work.list(HISTORY)) {
    const entry = JSON.parse(await work.readText(key)) as GuardHistoryEntry;
    if (entry.sweepId !== plan.sweepId && entry.takenAt < plan.takenAt) out.push(entry);
  }
  return out.sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.sweepId.localeCompare(b.sweepId));
}

export async function guardSweep(work: BlobStore, plan: Pick<SweepPlan, 'sweepId' | 'takenAt'>, policy: Policy): Promise<GuardReport> {
  const guard = guardPolicyOf(policy);
  const resolved = await readAllStats<ResolveStats>(work, plan.sweepId, 'resolve');
  const tally = emptyTally(resolved.reduce((s, r) => s + r.accounts, 0));
  for await (const d of readDecisions(work, plan.sweepId)) tallyDecision(tally, d, guard);
  const report = assessBlastRadius(tally, await earlierSweeps(work, plan), guard);
  await work.write(sweepPaths(plan.sweepId).guard, JSON.stringify(report, null, 2));
  await work.write(historyKey(plan.takenAt, plan.sweepId), JSON.stringify(historyEntry(plan.sweepId, plan.takenAt, tally, report)));
  return report;
}

export async function readGuardReport(work: BlobStore, sweepId: string): Promise<GuardReport | undefined> {
  const key = sweepPaths(sweepId).guard;
  return (await work.exists(key)) ? (JSON.parse(await work.readText(key)) as GuardReport) : undefined;
}
