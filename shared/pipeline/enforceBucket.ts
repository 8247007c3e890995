/**
 * Enforce: each action all or nothing (ledger entry, penalty state carrying any lift, outbox), many actions
 * to a transaction where the repository can (`applyMany`), else one transaction per action.
 * An action already in the ledger is skipped, so retries and re-runs add nothing.
 * Penalties run from `appliedAt`, the sweep's enforcement time (review/sample.json enforceAt):
 * the same for every bucket and every retry, so a re-run writes identical items.
 */
import { anchorDigest, type AnchorDigest } from '#shared/audit/hashChain';
import type { BlobStore } from '#shared/ports/blobStore';
import { ledgerKey } from '#shared/enforcement/ledgerEntry';
import type { ApplyOutcome, EnforcementRepository } from '#shared/ports/enforcementRepository';
import { laterContentBatches } from '#shared/enforcement/planContentEnforcement';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import { isDecisionHeld } from '#shared/policy/consequences';
import type { Policy } from '#shared/policy/policySchema';
import { runLimited } from './runLimited.ts';
import { readDecisionObject } from './readDecisions.ts';
import { sweepPaths } from './sweepPaths.ts';

/** Actions handed to one `applyMany` (packed there ~20 to a transaction), and how many such calls run at once. */
const GROUP_CHUNK = 100;
const GROUPS_IN_FLIGHT = 4;

export interface EnforceStats {
  bucket: number;
  decisions: number;
  applied: number;
  alreadyApplied: number;
  /** Decisions whose rule was held back or whose action is none. */
  skipped: number;
  /** Content actions (notes and comments) of the decisions applied here; absent when none. */
  contentApplied?: number;
  /** The bucket's share of the sweep anchor: a digest over its accounts' enforce entries of this sweep (hashChain.ts). */
  anchor?: AnchorDigest;
}

export async function enforceBucket(
  work: BlobStore,
  sweepId: string,
  bucket: number,
  policy: Policy,
  repo: EnforcementRepository,
  heldRules: ReadonlySet<string>,
  now: () => string,
  /** Accounts held individually by the review (a reviewer found the decision wrong). */
  heldAccounts: ReadonlySet<string> = new Set(),
  /** When the sweep's penalties start; undefined only for sweeps released before it was recorded (they start at the decision time). */
  appliedAt?: string,
  /** A shadow campaign's sweep: every decision is counted and nothing is written. */
  shadow = false,
  /** A campaign's time zone: its notices show times there. */
  timeZone?: string,
): Promise<EnforceStats> {
  const key = sweepPaths(sweepId).decisionsObject(bucket);
  const stats: EnforceStats = { bucket, decisions: 0, applied: 0, alreadyApplied: 0, skipped: 0 };
  if (!(await work.exists(key))) return { ...stats, anchor: anchorDigest([]) };
  const todo: Array<{ decision: Parameters<typeof planEnforcement>[0]; line: number }> = [];
  for await (const entry of readDecisionObject(work, key)) {
    stats.decisions += 1;
    const held = isDecisionHeld(entry.decision.ruleIds, heldRules) || heldAccounts.has(entry.decision.accountId);
    if (entry.decision.action === 'none' || held || shadow) stats.skipped += 1;
    else todo.push(entry);
  }
  const current = await repo.penalties(todo.map((t) => t.decision.accountId));
  const plan = ({ decision, line }: (typeof todo)[number]) => ({ ...planEnforcement(decision, policy, `${work.describe(key)}#L${line}`, now(), appliedAt, timeZone), bucket });
  const count = (outcome: ApplyOutcome, planned: ReturnType<typeof plan>) => {
    if (outcome === 'applied') stats.applied += 1;
    else stats.alreadyApplied += 1;
    if (outcome === 'applied' && planned.content?.length) stats.contentApplied = (stats.contentApplied ?? 0) + planned.content.length;
  };
  const planned = todo.map((t) => ({ t, p: plan(t) }));
  // An action with content beyond its first batch writes later batches after its transaction (ledgerActs.ts):
  // those go one action at a time; the rest, their first content batch inside their own write, many to a
  // transaction (ledgerGroupActs.ts, packed by items and bytes), the store's rate.
  const single = repo.applyMany ? [] : planned;
  const grouped: typeof planned = [];
  if (repo.applyMany) for (const x of planned) (laterContentBatches(x.p).length > 0 ? single : grouped).push(x);
  if (grouped.length > 0) {
    const chunks: Array<typeof grouped> = [];
    for (let i = 0; i < grouped.length; i += GROUP_CHUNK) chunks.push(grouped.slice(i, i + GROUP_CHUNK));
    await runLimited(chunks, GROUPS_IN_FLIGHT, async (chunk) => {
      const outcomes = await repo.applyMany!(
        chunk.map(({ p }) => p),
        current,
      );
      outcomes.forEach((o, i) => count(o, chunk[i].p));
    });
  }
  await runLimited(single, 16, async ({ t, p }) => count(await repo.apply(p, { current: current.get(t.decision.accountId) }), p));
  // Only this bucket's actions can have written its accounts' enforce entries of this sweep (one key per account):
  // read back, whether applied now or by an earlier run, they are the bucket's share of the sweep anchor.
  const entries = await repo.ledgerEntries(todo.map((t) => ({ accountId: t.decision.accountId, entryKey: ledgerKey(sweepId, 'enforce') })));
  stats.anchor = anchorDigest(entries);
  return stats;
}
