/** The sweep summary: what was read, quarantined, found, decided and done, and where it all is. */
import type { BlobStore } from '#shared/ports/blobStore';
import type { Policy } from '#shared/policy/policySchema';
import { addCounts, emptyCounts } from '#shared/review/decisionDigest';
import { bucketDigests } from './bucketDigests.ts';
import { readAllStats, readGuardReport, readSampleIfAny, type SweepSummary } from './sweepArtifacts.ts';
import { sweepPaths } from './sweepPaths.ts';
import type { SweepPlan } from './sweepPlan.ts';

export type { SweepSummary } from './sweepArtifacts.ts';

const MAX_LISTED_DAMAGED = 50;
const inc = (m: Record<string, number>, k: string, by = 1) => (m[k] = (m[k] ?? 0) + by);

/** Every map stage's per-item stats of a sweep: what the summary sums (Finish also anchors the sweep from the enforce stats). */
export async function readStageStats(work: BlobStore, id: string) {
  const [partition, group, expand, resolve, enforce, notify, lifts] = await Promise.all([
    readAllStats(work, id, 'partition'),
    readAllStats(work, id, 'group'),
    readAllStats(work, id, 'expandRings'),
    readAllStats(work, id, 'resolve'),
    readAllStats(work, id, 'enforce'),
    readAllStats(work, id, 'notify'),
    readAllStats(work, id, 'scheduleLifts'),
  ]);
  return { partition, group, expand, resolve, enforce, notify, lifts };
}
export type StageStats = Awaited<ReturnType<typeof readStageStats>>;

/** `stats`: the sweep's stage stats when the caller already read them. */
export async function summarizeSweep(work: BlobStore, plan: SweepPlan, policy: Policy, stats?: StageStats): Promise<SweepSummary> {
  const id = plan.sweepId;
  const paths = sweepPaths(id);
  const { partition, group, expand, resolve, enforce, notify, lifts } = stats ?? (await readStageStats(work, id));
  const sum = <T>(rows: T[], of: (r: T) => number) => rows.reduce((s, r) => s + of(r), 0);
  const records: SweepSummary['records'] = {};
  for (const p of partition) {
    const r = (records[p.kind] ??= { valid: 0, quarantined: 0, duplicates: 0 });
    r.valid += p.valid;
    r.quarantined += p.quarantined;
  }
  // Resolve settles what partition passed: orphans move to quarantined, later copies to duplicates.
  const duplicates: Record<string, number> = {};
  let orphans = 0;
  for (const s of resolve) {
    for (const [kind, n] of Object.entries(s.orphans)) {
      const r = (records[kind] ??= { valid: 0, quarantined: 0, duplicates: 0 });
      r.valid -= n;
      r.quarantined += n;
      orphans += n;
    }
    for (const [kind, n] of Object.entries(s.duplicates)) {
      const r = (records[kind] ??= { valid: 0, quarantined: 0, duplicates: 0 });
      r.valid -= n;
      r.duplicates = (r.duplicates ?? 0) + n;
      inc(duplicates, kind, n);
    }
  }
  // Listed up to a bound: the summary also goes into the Sweeps table (an item is at most 400 KB).
  const damaged = partition.filter((p) => p.damaged !== undefined);
  const damagedParts = damaged.slice(0, MAX_LISTED_DAMAGED).map((p) => ({ kind: p.kind, part: p.part, reason: p.damaged!.slice(0, 300) }));
  const summary: SweepSummary = {
    sweepId: id,
    snapshotId: plan.snapshotId,
    policyVersion: plan.policyVersion,
    codesFilter: plan.codes,
    records,
    quarantined: partition.reduce((s, p) => s + p.quarantined, 0) + orphans,
    duplicates,
    duplicateChannelRows: group.reduce((s, g) => s + g.duplicateRows, 0),
    damagedParts,
    damagedPartCount: damaged.length,
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
    notify: {
      published: sum(notify, (n) => n.published),
      notices: sum(notify, (n) => n.notices),
      events: sum(notify, (n) => n.events),
      // one per note or comment acted on; left out when there were none
      ...(sum(notify, (n) => n.contentEvents ?? 0) > 0 ? { contentEvents: sum(notify, (n) => n.contentEvents ?? 0) } : {}),
    },
    lifts: {
      timedDecisions: sum(lifts, (l) => l.timedDecisions),
      scheduled: sum(lifts, (l) => l.scheduled),
      alreadyScheduled: sum(lifts, (l) => l.alreadyScheduled),
      notEnforced: sum(lifts, (l) => l.notEnforced),
      // Buckets share slots: one schedule per distinct slot.
      slots: new Set(lifts.flatMap((l) => l.slots)).size,
      slotRequests: sum(lifts, (l) => l.created + l.existing),
      schedulesCreated: sum(lifts, (l) => l.created),
    },
    outputs: { decisions: work.describe(paths.decisions), quarantine: work.describe(paths.quarantine), summary: work.describe(paths.summary) },
  };
  const sample = await readSampleIfAny(work, id);
  if (sample) {
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
  // each bucket's counts, made by resolve: Finish never reads the sweep's decisions (issue 17), nor the digests'
  // review candidates (~236 bytes per acted decision) when the resolve stats carry the counts; in bucket order, so the
  // keys come in the order a pass over every decision would meet them
  const counts = emptyCounts();
  const byBucket = [...resolve].sort((a, b) => a.bucket - b.bucket);
  if (byBucket.length === plan.accountBuckets.length && byBucket.every((s) => s.counts)) for (const s of byBucket) addCounts(counts, s.counts!);
  else for await (const digest of bucketDigests(work, plan, policy)) addCounts(counts, digest.counts);
  summary.decisions = counts.decisions;
  if (counts.alreadyActed > 0) summary.alreadyActed = counts.alreadyActed;
  Object.assign(summary, { byAction: counts.byAction, byCode: counts.byCode, byCodeAndAction: counts.byCodeAndAction, byRule: counts.byRule });
  if (counts.content) summary.content = counts.content;
  const contentApplied = enforce.reduce((s, e) => s + (e.contentApplied ?? 0), 0);
  if (contentApplied > 0) summary.enforcement.contentApplied = contentApplied;
  return summary;
}
