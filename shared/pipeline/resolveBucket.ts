/**
 * Resolve: bring each account's records and signals together, run every detector, and
 * decide with the policy and the account's prior offenses. Decisions are written sorted by
 * account id, so the same sweep always produces the same file.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { OffenseHistory } from '#shared/ports/offenseHistory';
import type { Account, Comment, Follow, Note, Report } from '#shared/contract/snapshotRecords';
import type { AccountBundle, AccountDetector } from '#shared/detect/detectorPorts';
import type { Finding, Signal } from '#shared/detect/finding';
import { BRAND_PROMOTION_RULES } from '#shared/detect/ruleCatalog';
import { decideAction, type Decision } from '#shared/policy/decideAction';
import { readLines } from '#shared/snapshot/readPart';
import { writeDecisions } from './sweepArtifacts.ts';
import type { SweepContext } from './sweepContext.ts';
import { sweepPaths } from './sweepPaths.ts';

export interface ResolveStats {
  bucket: number;
  accounts: number;
  /** Accounts that have records or signals but no account record in the snapshot. */
  withoutAccountRecord: number;
  findings: Record<string, number>;
  decisions: Record<string, number>;
}

function bundleFor(map: Map<string, AccountBundle>, accountId: string): AccountBundle {
  let b = map.get(accountId);
  if (!b) {
    b = { accountId, notes: [], comments: [], followers: [], reports: [], signals: [] };
    map.set(accountId, b);
  }
  return b;
}

export async function loadAccountBundles(work: BlobStore, sweepId: string, bucket: number): Promise<Map<string, AccountBundle>> {
  const paths = sweepPaths(sweepId);
  const bundles = new Map<string, AccountBundle>();
  for (const key of await work.list(paths.accountShuffle(bucket))) {
    const kind = key.slice(key.lastIndexOf('/') + 1).split('-')[0];
    for await (const line of readLines(await work.read(key))) {
      if (!line) continue;
      const r = JSON.parse(line);
      switch (kind) {
        case 'accounts':
          bundleFor(bundles, (r as Account).accountId).account = r as Account;
          break;
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
        default:
          throw new Error(`unexpected shuffle object ${key}`);
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
  return bundles;
}

export async function resolveBucket(work: BlobStore, ctx: SweepContext, bucket: number, detectors: AccountDetector[], history: OffenseHistory): Promise<ResolveStats> {
  const { plan } = ctx;
  const bundles = await loadAccountBundles(work, plan.sweepId, bucket);
  const stats: ResolveStats = { bucket, accounts: 0, withoutAccountRecord: 0, findings: {}, decisions: {} };
  const flagged: Array<{ bundle: AccountBundle; findings: Finding[] }> = [];
  for (const id of [...bundles.keys()].sort()) {
    const bundle = bundles.get(id)!;
    if (!bundle.account) {
      // Only accounts present in the snapshot are judged; their stray records are counted.
      stats.withoutAccountRecord += 1;
      continue;
    }
    stats.accounts += 1;
    const findings: Finding[] = [];
    for (const d of detectors) if (ctx.detect.enabled(d.code)) findings.push(...d.detect(bundle, ctx.detect));
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
    stats.decisions[decision.action] = (stats.decisions[decision.action] ?? 0) + 1;
    decisions.push(decision);
  }
  await writeDecisions(work, plan.sweepId, bucket, decisions);
  return stats;
}
