/**
 * Reversal of a wave: every enforce entry in scope (a sweep, a rule [at a policy version], a
 * code, or a combination) is reversed exactly once. The `<sweep>#reverse` ledger entry is the
 * exactly-once key, so a run that crashed half-way is resumed by running it again: the done
 * ones report `already-reversed`, the rest are reversed, and pending notices are published.
 */
import { openContentEntries } from '#shared/enforcement/planContentEnforcement';
import { canonicalJson, sha256 } from './hashChain.ts';
import { AuditInputError } from './appeals.ts';
import { publishNow, type AuditDeps } from './appealService.ts';
import { rearmRestoredLift } from './rearmLift.ts';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import type { OutboxMessage } from '#shared/ports/enforcementRepository';
import { followerTier } from '#shared/review/followerTier';

export interface WaveScope {
  /** One sweep (kept as a single id so the run id derived from it stays the same for a resumed run). */
  sweepId?: string;
  /** Several sweeps. */
  sweepIds?: string[];
  /** Every sweep the ledger knows: only when asked for explicitly, never by leaving the sweeps out. */
  allSweeps?: true;
  ruleId?: string;
  policyVersion?: string;
  code?: string;
}

/** What a wave does to one sweep's actions. */
export interface SweepShare {
  inScope: number;
  toReverse: number;
  alreadyReversed: number;
  /** Accounts with an action to reverse. */
  accounts: number;
}

export interface WavePlan {
  reversalId: string;
  scope: WaveScope;
  inScope: number;
  toReverse: number;
  alreadyReversed: number;
  byAction: Record<string, number>;
  byFollowerTier: Record<string, number>;
  byActionAndTier: Record<string, Record<string, number>>;
  accounts: number;
  /** Sweeps with actions in scope. */
  sweeps: string[];
  /** Per sweep with actions in scope, so an operator sees which sweeps a wave touches before executing it. */
  bySweep: Record<string, SweepShare>;
}

export interface WaveResult extends WavePlan {
  dryRun: boolean;
  reason?: string;
  reversed: number;
  skippedAlreadyReversed: number;
  notFound: number;
  cancelledLifts: number;
  notified: number;
  /** Per sweep, what this run reversed (empty in a dry run). */
  reversedBySweep: Record<string, number>;
  /** Notes and comments of the reversed actions put back up by this run (absent when none). */
  contentRestored?: number;
}

const inc = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
export const reversalPath = (id: string) => `reversals/${id}.json`;

export function reversalIdFor(scope: WaveScope): string {
  return `rev-${sha256(canonicalJson(scope)).slice(0, 16)}`;
}

function matches(e: LedgerEntry, s: WaveScope): boolean {
  if (e.step !== 'enforce') return false;
  if (s.ruleId && !e.ruleIds.includes(s.ruleId)) return false;
  if (s.policyVersion && e.policyVersion !== s.policyVersion) return false;
  if (s.code && !(e.codes as string[]).includes(s.code)) return false;
  return true;
}

/** The sweeps a scope names; every sweep only with allSweeps. */
async function sweepsOf(deps: AuditDeps, scope: WaveScope): Promise<string[]> {
  const named = [...(scope.sweepId ? [scope.sweepId] : []), ...(scope.sweepIds ?? [])];
  if (scope.allSweeps && named.length > 0) throw new AuditInputError('give either --sweep-id or --all-sweeps, not both', 'invalid');
  if (!scope.allSweeps && named.length === 0) throw new AuditInputError('a reversal scope names its sweeps: --sweep-id <id[,id…]>, or --all-sweeps to reverse across every sweep ever run', 'invalid');
  return scope.allSweeps ? (await deps.audit.sweepIds()).sort() : [...new Set(named)].sort();
}

/**
 * One sweep's actions in scope and those still to reverse. Read through the ledger's bySweep index,
 * one sweep at a time: a wave over many sweeps never holds more than one sweep's entries.
 */
async function sweepTodo(deps: AuditDeps, sweepId: string, scope: WaveScope): Promise<{ inScope: LedgerEntry[]; todo: LedgerEntry[]; contentTodo: string[] }> {
  const entries = await deps.audit.ledgerForSweep(sweepId);
  // A reverse entry is the exactly-once key of its sweep's action on that account.
  const reversed = new Set(entries.filter((e) => e.step === 'reverse').map((e) => e.accountId));
  const inScope = entries.filter((e) => e.sweepId === sweepId && matches(e, scope));
  const todo = inScope.filter((e) => !reversed.has(e.accountId)).sort((a, b) => a.accountId.localeCompare(b.accountId));
  // Accounts in scope whose content the sweep acted on and that is not restored yet (a crashed run's too).
  const accounts = new Set(inScope.map((e) => e.accountId));
  const contentTodo = [...new Set(openContentEntries(entries, sweepId).map((e) => e.accountId))].filter((a) => accounts.has(a)).sort();
  return { inScope, todo, contentTodo };
}

/**
 * The wave's reversal messages still pending in one sweep, this run's and those a crashed run left: read by key
 * (`<account>#reversal`, `<account>#reversal-notice`) for the accounts in scope, not by reading the sweep's whole outbox.
 */
async function pendingReversalMessages(deps: AuditDeps, sweepId: string, inScope: LedgerEntry[]): Promise<OutboxMessage[]> {
  const keys = inScope.flatMap((e) => [`${e.accountId}#reversal`, `${e.accountId}#reversal-notice`].map((messageKey) => ({ sweepId, messageKey })));
  return (await deps.enforcement.outboxMessages(keys)).filter((m) => m.status === 'pending' && (m.kind === 'reversal' || m.kind === 'reversal-notice'));
}

export async function planWave(deps: AuditDeps, scope: WaveScope): Promise<WavePlan> {
  if (scope.policyVersion && !scope.ruleId && !scope.code) throw new AuditInputError('--policy-version narrows --rule; give --rule too', 'invalid');
  const sweepIds = await sweepsOf(deps, scope);
  const plan: WavePlan = {
    reversalId: reversalIdFor(scope),
    scope,
    inScope: 0,
    toReverse: 0,
    alreadyReversed: 0,
    byAction: {},
    byFollowerTier: {},
    byActionAndTier: {},
    accounts: 0,
    sweeps: [],
    bySweep: {},
  };
  const accounts = new Set<string>();
  for (const sweepId of sweepIds) {
    const { inScope, todo } = await sweepTodo(deps, sweepId, scope);
    if (inScope.length === 0) continue;
    const share: SweepShare = {
      inScope: inScope.length,
      toReverse: todo.length,
      alreadyReversed: inScope.length - todo.length,
      accounts: new Set(todo.map((e) => e.accountId)).size,
    };
    plan.bySweep[sweepId] = share;
    plan.sweeps.push(sweepId);
    plan.inScope += share.inScope;
    plan.toReverse += share.toReverse;
    plan.alreadyReversed += share.alreadyReversed;
    for (const e of todo) {
      accounts.add(e.accountId);
      const tier = e.followerCount === undefined ? 'unknown' : followerTier(e.followerCount);
      inc(plan.byAction, e.action);
      inc(plan.byFollowerTier, tier);
      inc((plan.byActionAndTier[e.action] ??= {}), tier);
    }
  }
  plan.accounts = accounts.size;
  return plan;
}

export interface ReverseWaveOptions {
  dryRun: boolean;
  reason?: string;
  now: string;
  reversalId?: string;
  /** Test seam: called after each reversed action; throwing simulates a crash mid-way. */
  afterEach?: (done: number) => void;
}

export async function reverseWave(deps: AuditDeps, scope: WaveScope, opts: ReverseWaveOptions): Promise<WaveResult> {
  const plan = await planWave(deps, scope);
  if (opts.reversalId) plan.reversalId = opts.reversalId;
  const result: WaveResult = {
    ...plan,
    dryRun: opts.dryRun,
    reversed: 0,
    skippedAlreadyReversed: plan.alreadyReversed,
    notFound: 0,
    cancelledLifts: 0,
    notified: 0,
    reversedBySweep: {},
  };
  if (opts.dryRun) return result;
  const reason = opts.reason?.trim();
  if (!reason) throw new AuditInputError('a reversal needs --reason (it is recorded in every reversal entry and sent to the accounts)', 'invalid');
  result.reason = reason;
  await deps.work.write(reversalPath(plan.reversalId), JSON.stringify({ ...plan, reason, status: 'running', startedAt: opts.now }, null, 2));

  let done = 0;
  for (const sweepId of plan.sweeps) {
    // Read again, sweep by sweep: what another run or an appeal reversed meanwhile is skipped by the act itself.
    const { inScope, todo, contentTodo } = await sweepTodo(deps, sweepId, scope);
    result.reversedBySweep[sweepId] = 0;
    // One entry per account within a sweep, so accounts go four at a time.
    let failure: unknown;
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(4, todo.length) }, async () => {
        while (failure === undefined && next < todo.length) {
          const e = todo[next++];
          try {
            const r = await deps.audit.reverse({ accountId: e.accountId, sweepId: e.sweepId, actor: 'operator', reason, ref: `reversal:${plan.reversalId}`, now: opts.now });
            if (r.outcome === 'reversed') {
              result.reversed += 1;
              result.reversedBySweep[sweepId] += 1;
              for (const lift of r.cancelledLifts) await deps.scheduler.cancel(lift);
              await rearmRestoredLift(deps.scheduler, r, opts.now);
              result.cancelledLifts += r.cancelledLifts.length;
              done += 1;
              opts.afterEach?.(done);
            } else if (r.outcome === 'already-reversed') result.skippedAlreadyReversed += 1;
            else result.notFound += 1;
          } catch (err) {
            // Stop taking new accounts after the first failure; the in-flight ones finish before it is rethrown.
            failure ??= err;
          }
        }
      }),
    );
    if (failure !== undefined) throw failure;
    // A reversed wave puts the notes and comments it removed or limited back, one account at a time.
    for (const accountId of contentTodo) {
      const restored = await deps.audit.restoreContent({ accountId, sweepId, actor: 'operator', reason, ref: `reversal:${plan.reversalId}`, now: opts.now });
      if (restored.restored > 0) result.contentRestored = (result.contentRestored ?? 0) + restored.restored;
      result.notified += await publishNow(deps, restored.messages, opts.now);
    }
    // Publish this sweep's pending reversal messages, including those a crashed run left.
    result.notified += await publishNow(deps, await pendingReversalMessages(deps, sweepId, inScope), opts.now);
  }
  await deps.work.write(reversalPath(plan.reversalId), JSON.stringify({ ...result, status: 'complete', finishedAt: opts.now }, null, 2));
  return result;
}
