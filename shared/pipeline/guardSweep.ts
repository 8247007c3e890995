/**
 * Runs the blast-radius guard over a sweep's decisions (their per-bucket digests), against the
 * rates earlier sweeps recorded, and records this sweep's own rates for the sweeps after it.
 * Only snapshots taken strictly before this one count as history, so a re-run judges the same.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { guardPolicyOf, type Policy } from '#shared/policy/policySchema';
import { assessBlastRadius, emptyTally, historyEntry, type GuardHistoryEntry, type GuardReport } from '#shared/review/blastRadiusGuard';
import { addGuardTally, type DecisionDigest } from '#shared/review/decisionDigest';
import { bucketDigests } from './bucketDigests.ts';
import { readAllStats, readGuardHistory, writeGuardHistoryEntry, writeGuardReport } from './sweepArtifacts.ts';
import type { SweepPlan } from './sweepPlan.ts';

async function earlierSweeps(work: BlobStore, plan: Pick<SweepPlan, 'sweepId' | 'takenAt'>): Promise<GuardHistoryEntry[]> {
  const out = (await readGuardHistory(work)).filter((entry) => entry.sweepId !== plan.sweepId && entry.takenAt < plan.takenAt);
  return out.sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.sweepId.localeCompare(b.sweepId));
}

/** `onDigest` sees each bucket's digest as the guard reads it: a caller drawing the review sample needs no second pass. */
export async function guardSweep(work: BlobStore, plan: Pick<SweepPlan, 'sweepId' | 'takenAt' | 'accountBuckets'>, policy: Policy, onDigest?: (digest: DecisionDigest) => void): Promise<GuardReport> {
  const guard = guardPolicyOf(policy);
  const resolved = await readAllStats(work, plan.sweepId, 'resolve');
  const tally = emptyTally(resolved.reduce((s, r) => s + r.accounts, 0));
  // each bucket's tally, made by resolve from its decisions: never the sweep's decisions in one process (issue 17)
  for await (const digest of bucketDigests(work, plan, policy)) {
    addGuardTally(tally, digest.guard);
    onDigest?.(digest);
  }
  const report = assessBlastRadius(tally, await earlierSweeps(work, plan), guard);
  await writeGuardReport(work, plan.sweepId, report);
  await writeGuardHistoryEntry(work, historyEntry(plan.sweepId, plan.takenAt, tally, report));
  return report;
}
