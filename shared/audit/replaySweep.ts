/**
 * Replay and backtest. Detection and decisions are pure given (snapshot, policy version, sweep
 * id) and the offense history the sweep saw, so a replay re-runs partition, group, expand-rings and resolve
 * from the same snapshot into a scratch prefix (`replays/<sweepId>/<run>/`), never touching the
 * ledger, and diffs the result against the sweep's recorded decisions and its ledger entries.
 * With another policy it is a backtest: exactly which decisions the new policy would change.
 *
 * The history is rebuilt as of decision time: enforce entries of other sweeps recorded before
 * this sweep's own enforcement began, minus those reversed before then (a later reversal or
 * appeal does not change what the sweep saw).
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { OffenseHistory } from '#shared/ports/offenseHistory';
import type { Channel, AccountDetector } from '#shared/detect/detectorPorts';
import { offenseOf, type LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { brandDeductionsFromLedger } from '#shared/audit/brandHistory';
import { isDecisionHeld } from '#shared/policy/consequences';
import type { Decision, PriorOffense } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import { expandRingsBucket } from '#shared/pipeline/expandRingsBucket';
import { groupBucket } from '#shared/pipeline/groupBucket';
import { partitionPart } from '#shared/pipeline/partitionPart';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { resolveBucket } from '#shared/pipeline/resolveBucket';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { planExists, readSampleIfAny, writePlan, writeSweepPolicy } from '#shared/pipeline/sweepArtifacts';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import type { SweepPlan } from '#shared/pipeline/sweepPlan';
import { AuditInputError } from './appeals.ts';
import { PrefixedStore } from './prefixedStore.ts';

export interface DecisionDifference {
  accountId: string;
  kind: 'added' | 'removed' | 'changed';
  fields: string[];
  recorded?: DecisionBrief;
  replayed?: DecisionBrief;
}

export interface DecisionBrief {
  action: string;
  durationDays?: number;
  codes: string[];
  ruleIds: string[];
  priorOffenses?: number;
  ladderStep?: number | null;
  /** Content actions, `<action> <kind>:<itemId>` sorted: the decision's, or the sweep's content entries in the ledger. */
  content?: string[];
}

export interface ReplayResult {
  sweepId: string;
  mode: 'replay' | 'backtest';
  policyVersion: string;
  recordedPolicyVersion: string;
  scratch: string;
  decisions: { recorded: number; replayed: number };
  /** Replayed decisions against the recorded decision files. */
  differences: DecisionDifference[];
  /** Replayed enforceable decisions against the sweep's enforce entries in the ledger (replay only). */
  ledgerDifferences: DecisionDifference[];
  /** Backtest: counts per kind of change. */
  changes: Record<string, number>;
}

const brief = (d: Decision): DecisionBrief => ({
  action: d.action,
  durationDays: d.durationDays,
  codes: [...d.codes],
  ruleIds: [...d.ruleIds],
  priorOffenses: d.priorOffenses,
  ladderStep: d.ladderStep,
  content: contentBrief(d.contentActions ?? []),
});
const contentBrief = (items: ReadonlyArray<{ kind: string; itemId: string; action: string }>) => (items.length ? items.map((c) => `${c.action} ${c.kind}:${c.itemId}`).sort() : undefined);
const entryBrief = (e: LedgerEntry, content: LedgerEntry[] = []): DecisionBrief => ({
  action: e.action,
  durationDays: e.durationDays,
  codes: [...e.codes],
  ruleIds: [...e.ruleIds],
  content: contentBrief(content.map((c) => c.content!)),
});

function compare(a: DecisionBrief, b: DecisionBrief, fields: Array<keyof DecisionBrief>): string[] {
  return fields.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null));
}

/** Offense history as the sweep saw it, rebuilt from the ledger. */
export function historyAsOf(entries: LedgerEntry[], sweepId: string): OffenseHistory {
  const own = entries
    .filter((e) => e.sweepId === sweepId && e.step === 'enforce')
    .map((e) => e.recordedAt)
    .sort();
  const cutoff = own[0] ?? '9999';
  const reversedBefore = new Set(entries.filter((e) => e.step === 'reverse' && e.recordedAt < cutoff).map((e) => `${e.accountId}\u0000${e.sweepId}`));
  const byAccount = new Map<string, PriorOffense[]>();
  for (const e of entries) {
    if (e.step !== 'enforce' || e.sweepId === sweepId || e.recordedAt >= cutoff || reversedBefore.has(`${e.accountId}\u0000${e.sweepId}`)) continue;
    let list = byAccount.get(e.accountId);
    if (!list) byAccount.set(e.accountId, (list = []));
    list.push(offenseOf(e));
  }
  const brand = brandDeductionsFromLedger(entries, sweepId);
  return {
    priorOffenses: async (ids) => new Map(ids.filter((id) => byAccount.has(id)).map((id) => [id, byAccount.get(id)!])),
    brandDeductions: async (ids) => new Map(ids.filter((id) => brand.has(id)).map((id) => [id, brand.get(id)!])),
  };
}

export interface ReplayDeps {
  work: BlobStore;
  openSnapshot: (uri: string) => BlobStore;
  channels: Channel[];
  detectors: AccountDetector[];
  /** Every ledger entry (or at least those of the sweep's accounts). */
  ledger: LedgerEntry[];
}

export async function replaySweep(deps: ReplayDeps, sweepId: string, opts: { policy?: Policy; runId: string }): Promise<ReplayResult> {
  const { work } = deps;
  const paths = sweepPaths(sweepId);
  if (!(await planExists(work, sweepId))) throw new AuditInputError(`no sweep with id "${sweepId}" (no ${work.describe(paths.plan)})`, 'not-found');
  const original = await loadSweepContext(work, sweepId);
  const policy = opts.policy ?? original.policy;
  const backtest = opts.policy !== undefined;
  const scratch = new PrefixedStore(work, `replays/${sweepId}/${opts.runId}/`);
  const plan: SweepPlan = { ...original.plan, policyVersion: policy.policyVersion };
  await writePlan(scratch, plan);
  await writeSweepPolicy(scratch, sweepId, policy);
  const ctx = await loadSweepContext(scratch, sweepId);
  const snapshot = deps.openSnapshot(plan.snapshot);
  const channels = deps.channels.filter((c) => c.codes.some((code) => ctx.detect.enabled(code)));
  for (const item of plan.parts) await partitionPart(scratch, snapshot, plan, item, channels, ctx.detect);
  for (const item of plan.channelBuckets) {
    const channel = deps.channels.find((c) => c.name === item.channel);
    if (channel) await groupBucket(scratch, plan, item, channel, ctx.detect);
  }
  for (const b of plan.accountBuckets) await expandRingsBucket(scratch, plan, b, ctx.detect);
  const history = historyAsOf(deps.ledger, sweepId);
  for (const b of plan.accountBuckets) await resolveBucket(scratch, ctx, b, deps.detectors, history);

  const recorded = new Map<string, Decision>();
  for await (const d of readDecisions(work, sweepId)) recorded.set(d.accountId, d);
  const replayed = new Map<string, Decision>();
  for await (const d of readDecisions(scratch, sweepId)) replayed.set(d.accountId, d);

  const fields: Array<keyof DecisionBrief> = ['action', 'durationDays', 'codes', 'ruleIds', 'priorOffenses', 'ladderStep', 'content'];
  const differences: DecisionDifference[] = [];
  const changes: Record<string, number> = {};
  const count = (k: string) => (changes[k] = (changes[k] ?? 0) + 1);
  for (const id of [...new Set([...recorded.keys(), ...replayed.keys()])].sort()) {
    const r = recorded.get(id);
    const p = replayed.get(id);
    if (r && !p) {
      differences.push({ accountId: id, kind: 'removed', fields: ['action'], recorded: brief(r) });
      count('no-longer-actioned');
    } else if (!r && p) {
      differences.push({ accountId: id, kind: 'added', fields: ['action'], replayed: brief(p) });
      count('newly-actioned');
    } else if (r && p) {
      const diff = compare(brief(r), brief(p), fields);
      if (diff.length) {
        differences.push({ accountId: id, kind: 'changed', fields: diff, recorded: brief(r), replayed: brief(p) });
        if (diff.includes('action')) count(`action ${r.action}→${p.action}`);
        else if (diff.includes('durationDays')) count('duration changed');
        else if (diff.includes('codes')) count('codes changed');
        else if (diff.includes('content')) count('content actions changed');
        else count('rules or ladder changed');
      }
    }
  }

  const ledgerDifferences: DecisionDifference[] = [];
  if (!backtest) {
    const held = new Set((await readSampleIfAny(work, sweepId))?.heldRules ?? []);
    const entries = new Map(deps.ledger.filter((e) => e.sweepId === sweepId && e.step === 'enforce').map((e) => [e.accountId, e]));
    // What the sweep enforced on content, restored or not: a later restore does not change what was decided.
    const content = new Map<string, LedgerEntry[]>();
    for (const e of deps.ledger) if (e.sweepId === sweepId && e.step === 'content' && e.content) (content.get(e.accountId) ?? content.set(e.accountId, []).get(e.accountId)!).push(e);
    // Held exactly as enforce holds them: a brand-points decision with the promotions it counted.
    const enforceable = new Map([...replayed].filter(([, d]) => d.action !== 'none' && !isDecisionHeld(d.ruleIds, held)));
    for (const id of [...new Set([...entries.keys(), ...enforceable.keys()])].sort()) {
      const e = entries.get(id);
      const d = enforceable.get(id);
      if (e && !d) ledgerDifferences.push({ accountId: id, kind: 'removed', fields: ['action'], recorded: entryBrief(e, content.get(id)) });
      else if (!e && d) ledgerDifferences.push({ accountId: id, kind: 'added', fields: ['action'], replayed: brief(d) });
      else if (e && d) {
        const diff = compare(entryBrief(e, content.get(id)), brief(d), ['action', 'durationDays', 'codes', 'ruleIds', 'content']);
        if (diff.length) ledgerDifferences.push({ accountId: id, kind: 'changed', fields: diff, recorded: entryBrief(e, content.get(id)), replayed: brief(d) });
      }
    }
  }
  return {
    sweepId,
    mode: backtest ? 'backtest' : 'replay',
    policyVersion: policy.policyVersion,
    recordedPolicyVersion: original.policy.policyVersion,
    scratch: work.describe(scratch.prefix),
    decisions: { recorded: recorded.size, replayed: replayed.size },
    differences,
    ledgerDifferences,
    changes,
  };
}
