/** The sweep summary: what was read, quarantined, found, decided and done, and where it all is. */
import type { BlobStore } from '#shared/ports/blobStore';
import type { EnforceStats } from './enforceBucket.ts';
import type { ExpandStats } from './expandRingsBucket.ts';
import type { GroupStats } from './groupBucket.ts';
import type { PartitionStats } from './partitionPart.ts';
import { readDecisions } from './readDecisions.ts';
import { readGuardReport } from './guardSweep.ts';
import type { GuardReport } from '#shared/review/blastRadiusGuard';
import type { ResolveStats } from './resolveBucket.ts';
import { readAllStats } from './sweepContext.ts';
import { sweepPaths } from './sweepPaths.ts';
import type { SweepPlan } from './sweepPlan.ts';

export interface SweepSummary {
  sweepId: string;
  snapshotId: string;
  policyVersion: string;
  codesFilter: string[] | null;
  records: Record<string, { valid: number; quarantined: number }>;
  quarantined: number;
  accounts: number;
  accountsWithoutRecord: number;
  signals: number;
  /** Ring-expansion signals: confirmed ring members vouching for one-time co-members (ExpandRings). */
  ringConfirmations: number;
  decisions: number;
  byCode: Record<string, number>;
  byAction: Record<string, number>;
  byCodeAndAction: Record<string, Record<string, number>>;
  byRule: Record<string, number>;
  enforcement: { applied: number; alreadyApplied: number; skipped: number };
  outputs: { decisions: string; quarantine: string; summary: string };
  /** The blast-radius guard's verdict: rules and follower tiers over their ceilings, held for human review. */
  guard?: GuardReport;
  /** The review step: mode, sample size, held rules and (human review) the per-rule precision estimates. */
  review?: {
    mode: string;
    status?: string;
    sampled: number;
    heldRules: string[];
    heldAccounts?: number;
    estimates?: Array<{ ruleId: string; reviewed: number; population: number; precision: number | null; low: number; high: number; threshold: number; held: boolean }>;
    doubleReviewed?: number;
    agreement?: number | null;
  };
}

const inc = (m: Record<string, number>, k: string, by = 1) => (m[k] = (m[k] ?? 0) + by);

export async function summarizeSweep(work: BlobStore, plan: SweepPlan): Promise<SweepSummary> {
  const id = plan.sweepId;
  const paths = sweepPaths(id);
  const [partition, group, expand, resolve, enforce] = await Promise.all([
    readAllStats<PartitionStats>(work, id, 'partition'),
    readAllStats<GroupStats>(work, id, 'group'),
    readAllStats<ExpandStats>(work, id, 'expandRings'),
    readAllStats<ResolveStats>(work, id, 'resolve'),
    readAllStats<EnforceStats>(work, id, 'enforce'),
  ]);
  const records: SweepSummary['records'] = {};
  for (const p of partition) {
    const r = (records[p.kind] ??= { valid: 0, quarantined: 0 });
    r.valid += p.valid;
    r.quarantined += p.quarantined;
  }
  const summary: SweepSummary = {
    sweepId: id,
    snapshotId: plan.snapshotId,
    policyVersion: plan.policyVersion,
    codesFilter: plan.codes,
    records,
    quarantined: partition.reduce((s, p) => s + p.quarantined, 0),
    accounts: resolve.reduce((s, r) => s + r.accounts, 0),
    accountsWithoutRecord: resolve.reduce((s, r) => s + r.withoutAccountRecord, 0),
    signals: group.reduce((s, g) => s + g.signals, 0),
    ringConfirmations: expand.reduce((s, e) => s + e.confirmations, 0),
    decisions: 0,
    byCode: {},
    byAction: {},
    byCodeAndAction: {},
    byRule: {},
    enforcement: {
      applied: enforce.reduce((s, e) => s + e.applied, 0),
      alreadyApplied: enforce.reduce((s, e) => s + e.alreadyApplied, 0),
      skipped: enforce.reduce((s, e) => s + e.skipped, 0),
    },
    outputs: { decisions: work.describe(paths.decisions), quarantine: work.describe(paths.quarantine), summary: work.describe(paths.summary) },
  };
  if (await work.exists(paths.sample)) {
    const sample = JSON.parse(await work.readText(paths.sample)) as {
      review: string; status?: string; sampled: number; heldRules: string[]; heldAccounts?: string[];
      gate?: { rules: NonNullable<SweepSummary['review']>['estimates']; doubleReviewed: number; agreement: number | null };
    };
    summary.review = {
      mode: sample.review,
      ...(sample.status ? { status: sample.status } : {}),
      sampled: sample.sampled,
      heldRules: sample.heldRules,
      ...(sample.heldAccounts ? { heldAccounts: sample.heldAccounts.length } : {}),
      ...(sample.gate
        ? {
            estimates: sample.gate.rules?.map(({ ruleId, reviewed, population, precision, low, high, threshold, held }) => ({ ruleId, reviewed, population, precision, low, high, threshold, held })),
            doubleReviewed: sample.gate.doubleReviewed,
            agreement: sample.gate.agreement,
          }
        : {}),
    };
  }
  const guard = await readGuardReport(work, id);
  if (guard) summary.guard = guard;
  for await (const d of readDecisions(work, id)) {
    summary.decisions += 1;
    inc(summary.byAction, d.action);
    for (const c of d.codes) {
      inc(summary.byCode, c);
      inc((summary.byCodeAndAction[c] ??= {}), d.action);
    }
    for (const r of d.ruleIds) inc(summary.byRule, r);
  }
  return summary;
}
