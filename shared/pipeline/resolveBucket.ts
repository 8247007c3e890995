/**
 * Resolve: bring each account's records and signals together, run every detector, and
 * decide with the policy and the account's prior offenses. Decisions are written sorted by
 * account id, so the same sweep always produces the same file.
 *
 * This is where an account's records first meet, so duplicates and orphans are settled here:
 * of records sharing an identity (recordIdentity) the first by part order and line is kept and
 * the rest counted; the records of an account that has no account record (notes, comments,
 * follows of it, reports about it) are quarantined with their reason.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { OffenseHistory } from '#shared/ports/offenseHistory';
import { recordIdentity, RECORD_KINDS, type Account, type Comment, type Follow, type Note, type RecordKind, type Report } from '#shared/contract/snapshotRecords';
import { detectAccount } from '#shared/detect/detectAccount';
import type { AccountBundle, AccountDetector } from '#shared/detect/detectorPorts';
import type { Finding, Signal } from '#shared/detect/finding';
import { BRAND_PROMOTION_RULES } from '#shared/detect/ruleCatalog';
import { decideAction, type Decision } from '#shared/policy/decideAction';
import { ownContentQuotes } from '#shared/notify/ownContentQuotes';
import { decideContentActions } from '#shared/enforcement/decideContentActions';
import { readLines } from '#shared/snapshot/readPart';
import { digestDecisions, type DecisionCounts } from '#shared/review/decisionDigest';
import { writeDecisionDigest, writeDecisions } from './sweepArtifacts.ts';
import type { SweepContext } from './sweepContext.ts';
import { sortSignalsCanonically } from './canonicalSignalOrder.ts';
import { sweepPaths } from './sweepPaths.ts';
import { ownerFilter } from './shuffleLineOwner.ts';

export interface ResolveStats {
  bucket: number;
  accounts: number;
  /** Accounts that have records or signals but no account record in the snapshot. */
  withoutAccountRecord: number;
  findings: Record<string, number>;
  decisions: Record<string, number>;
  /** Records dropped as copies of one already kept, by kind. */
  duplicates: Record<string, number>;
  /** Records quarantined because their account is not in the snapshot, by kind. */
  orphans: Record<string, number>;
  /** The summary's counts of the bucket's decisions (its digest's): FinishSweep sums these and reads no digest. */
  counts?: DecisionCounts;
}

export type DuplicateCounts = Partial<Record<RecordKind, number>>;

function bundleFor(map: Map<string, AccountBundle>, accountId: string): AccountBundle {
  let b = map.get(accountId);
  if (!b) {
    b = { accountId, notes: [], comments: [], followers: [], reports: [], signals: [] };
    map.set(accountId, b);
  }
  return b;
}

/**
 * One account bucket's bundles. The shuffle objects are named `<kind>-<part>-<seq>`, so in sorted
 * order each kind's records come by part order, then line: the first copy of a record is the one
 * kept, whatever the bucket count or the order the objects were written in.
 */
export async function loadAccountBundles(work: BlobStore, sweepId: string, bucket: number, duplicates: DuplicateCounts = {}, only?: ReadonlySet<string>): Promise<Map<string, AccountBundle>> {
  const paths = sweepPaths(sweepId);
  const bundles = new Map<string, AccountBundle>();
  const seen = new Set<string>();
  const filters: Partial<Record<RecordKind, (line: string) => boolean>> = {};
  for (const key of (await work.list(paths.accountShuffle(bucket))).sort()) {
    const kind = key.slice(key.lastIndexOf('/') + 1).split('-')[0] as RecordKind;
    if (!RECORD_KINDS.includes(kind)) throw new Error(`unexpected shuffle object ${key}`);
    const isAccount = kind === 'accounts';
    // the identity of a record includes its owner, so skipping other owners' lines changes no wanted bundle
    // (the duplicates counted are then those of the wanted accounts only)
    const wanted = only && (filters[kind] ??= ownerFilter(kind, only));
    for await (const line of readLines(await work.read(key))) {
      if (!line || (wanted && !wanted(line))) continue;
      const r = JSON.parse(line);
      const identity = isAccount ? undefined : kind + recordIdentity(kind, r);
      if (identity !== undefined) {
        if (seen.has(identity)) {
          duplicates[kind] = (duplicates[kind] ?? 0) + 1;
          continue;
        }
        seen.add(identity);
      }
      switch (kind) {
        case 'accounts': {
          const b = bundleFor(bundles, (r as Account).accountId);
          if (b.account) duplicates.accounts = (duplicates.accounts ?? 0) + 1;
          else b.account = r as Account;
          break;
        }
        case 'notes':
          bundleFor(bundles, (r as Note).accountId).notes.push(r as Note);
          break;
        case 'comments':
          bundleFor(bundles, (r as Comment).accountId).comments.push(r as Comment);
          break;
        case 'follows':
          bundleFor(bundles, (r as Follow).followeeId).followers.push(r as Follow);
          break;
        case 'reports':
          bundleFor(bundles, (r as Report).targetId).reports.push(r as Report);
          break;
      }
    }
  }
  for (const key of await work.list(paths.signals(bucket))) {
    for await (const line of readLines(await work.read(key))) {
      if (!line) continue;
      const s = JSON.parse(line) as Signal;
      bundleFor(bundles, s.accountId).signals.push(s);
    }
  }
  for (const [id, b] of bundles) {
    if (only && !only.has(id)) bundles.delete(id);
    else sortSignalsCanonically(b.signals);
  }
  return bundles;
}

const ORPHAN_REASON: Record<string, string> = {
  notes: 'orphan note: its author is not an account in the snapshot',
  comments: 'orphan comment: its author is not an account in the snapshot',
  follows: 'orphan follow: the followed account is not in the snapshot',
  reports: 'orphan report: the reported account is not in the snapshot',
};

/** Quarantine lines for the records of an account with no account record (ids only: the text stays in the snapshot). */
function orphanLines(bundle: AccountBundle, orphans: Record<string, number>): string[] {
  const lines: string[] = [];
  const add = (kind: string, ids: Record<string, string>) => {
    orphans[kind] = (orphans[kind] ?? 0) + 1;
    lines.push(JSON.stringify({ kind, accountId: bundle.accountId, ...ids, reason: ORPHAN_REASON[kind] }));
  };
  for (const n of bundle.notes) add('notes', { noteId: n.noteId });
  for (const c of bundle.comments) add('comments', { commentId: c.commentId, noteId: c.noteId });
  for (const f of bundle.followers) add('follows', { followerId: f.followerId, followeeId: f.followeeId });
  for (const r of bundle.reports) add('reports', { reportId: r.reportId });
  return lines;
}

/**
 * The population's common phrasing, tallied by the group stage over the whole snapshot. Every resolve item reads
 * all of it: a set of clause keys whose size follows the language's stock phrases, not the snapshot.
 */
export async function loadCommonPhrases(work: BlobStore, sweepId: string): Promise<Set<string>> {
  const common = new Set<string>();
  for (const key of (await work.list(sweepPaths(sweepId).common)).sort()) {
    for await (const line of readLines(await work.read(key))) if (line) common.add(line);
  }
  return common;
}

export async function resolveBucket(work: BlobStore, ctx: SweepContext, bucket: number, detectors: AccountDetector[], history: OffenseHistory): Promise<ResolveStats> {
  const { plan } = ctx;
  const duplicates: DuplicateCounts = {};
  const bundles = await loadAccountBundles(work, plan.sweepId, bucket, duplicates);
  const common = await loadCommonPhrases(work, plan.sweepId);
  const detect = { ...ctx.detect, isCommonPhrase: (key: string) => common.has(key) };
  const stats: ResolveStats = { bucket, accounts: 0, withoutAccountRecord: 0, findings: {}, decisions: {}, duplicates, orphans: {} };
  const flagged: Array<{ bundle: AccountBundle; findings: Finding[] }> = [];
  const quarantined: string[] = [];
  for (const id of [...bundles.keys()].sort()) {
    const bundle = bundles.get(id)!;
    if (!bundle.account) {
      // Only accounts present in the snapshot are judged; their stray records are quarantined.
      stats.withoutAccountRecord += 1;
      quarantined.push(...orphanLines(bundle, stats.orphans));
      continue;
    }
    stats.accounts += 1;
    const findings = detectAccount(bundle, detectors, detect);
    if (findings.length > 0) flagged.push({ bundle, findings });
    for (const f of findings) stats.findings[f.ruleId] = (stats.findings[f.ruleId] ?? 0) + 1;
  }
  const prior = await history.priorOffenses(flagged.map((f) => f.bundle.accountId));
  // Brand accounts with unauthorised promotions: the deductions already recorded, so a note is deducted once per period.
  const brands = ctx.policy.brandPoints
    ? flagged.filter((f) => f.bundle.account!.accountType === 'brand' && f.findings.some((x) => BRAND_PROMOTION_RULES.has(x.ruleId))).map((f) => f.bundle.accountId)
    : [];
  const deductions = brands.length > 0 && history.brandDeductions ? await history.brandDeductions(brands) : new Map();
  const decisions: Decision[] = [];
  for (const { bundle, findings } of flagged) {
    const decision: Decision = decideAction(
      {
        accountId: bundle.accountId,
        findings,
        prior: prior.get(bundle.accountId) ?? [],
        followerCount: bundle.account!.followerCount,
        accountType: bundle.account!.accountType,
        brandId: bundle.account!.brandId,
        brandDeductions: deductions.get(bundle.accountId),
      },
      { policy: ctx.policy, rules: ctx.rules, sweepId: plan.sweepId, snapshotId: plan.snapshotId, takenAt: plan.takenAt },
    );
    if (decision.codes.length === 0) continue;
    // The notice quotes the account's own content; only here are its records at hand.
    if (decision.action !== 'none') {
      const quotes = ownContentQuotes(bundle.accountId, decision.findings, bundle);
      if (quotes.length > 0) decision.quotes = quotes;
      // Content actions are decided with the account's decision, from the same findings.
      const own = { noteIds: new Set(bundle.notes.filter((n) => !n.deletedAt).map((n) => n.noteId)), commentIds: new Set(bundle.comments.map((c) => c.commentId)) };
      const content = decideContentActions(decision, own, ctx.policy);
      if (content.length > 0) decision.contentActions = content;
    }
    stats.decisions[decision.action] = (stats.decisions[decision.action] ?? 0) + 1;
    decisions.push(decision);
  }
  await writeDecisions(work, plan.sweepId, bucket, decisions);
  // after the decisions it digests: a retry rewrites both, and a bucket without one is digested from its decisions
  const digest = digestDecisions(plan.sweepId, bucket, decisions, ctx.policy);
  await writeDecisionDigest(work, plan.sweepId, digest);
  stats.counts = digest.counts;
  // Same lines on a re-run: the object is overwritten with the same content.
  if (quarantined.length > 0) await work.write(sweepPaths(plan.sweepId).orphanQuarantineObject(bucket), quarantined.join('\n') + '\n');
  return stats;
}
