/**
 * Reversal of a wave: every enforce entry in scope (a sweep, a rule [at a policy version], a
 * code, or a combination) is reversed exactly once. The `<sweep>#reverse` ledger entry is the
 * exactly-once key, so a run that crashed half-way is resumed by running it again: the done
 * ones report `already-reversed`, the rest are reversed, and pending notices are published.
 */
import { canonicalJson, sha256 } from './hashChain.ts';
import { AuditInputError } from './appeals.ts';
import { publishNow, type AuditDeps } from './appealService.ts';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { followerTier } from '#shared/review/followerTier';

export interface WaveScope {
  sweepId?: string;
  ruleId?: string;
  policyVersion?: string;
  code?: string;
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
  sweeps: string[];
}

export interface WaveResult extends WavePlan {
  dryRun: boolean;
  reason?: string;
  reversed: number;
  skippedAlreadyReversed: number;
  notFound: number;
  cancelledLifts: number;
  notified: number;
}

const inc = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
export const reversalPath = (id: string) => `reversals/${id}.json`;

export function reversalIdFor(scope: WaveScope): string {
  return `rev-${sha256(canonicalJson(scope)).slice(0, 16)}`;
}

function matches(e: LedgerEntry, s: WaveScope): boolean {
  if (e.step !== 'enforce') return false;
  if (s.sweepId && e.sweepId !== s.sweepId) return false;
  if (s.ruleId && !e.ruleIds.includes(s.ruleId)) return false;
  if (s.policyVersion && e.policyVersion !== s.policyVersion) return false;
  if (s.code && !(e.codes as string[]).includes(s.code)) return false;
  return true;
}

export async function planWave(deps: AuditDeps, scope: WaveScope): Promise<{ plan: WavePlan; todo: LedgerEntry[] }> {
  if (!scope.sweepId && !scope.ruleId && !scope.code) throw new AuditInputError('a reversal needs a scope: --sweep-id, --rule (optionally with --policy-version) or --code', 'invalid');
  if (scope.policyVersion && !scope.ruleId && !scope.sweepId && !scope.code) throw new AuditInputError('--policy-version narrows --rule; give --rule too', 'invalid');
  const entries = scope.sweepId ? await deps.audit.ledgerForSweep(scope.sweepId) : await deps.audit.allLedger();
  const reversedKeys = new Set(entries.filter((e) => e.step === 'reverse').map((e) => `${e.accountId}\u0000${e.sweepId}`));
  const inScope = entries.filter((e) => matches(e, scope)).sort((a, b) => a.accountId.localeCompare(b.accountId) || a.effectiveAt.localeCompare(b.effectiveAt));
  const todo = inScope.filter((e) => !reversedKeys.has(`${e.accountId}\u0000${e.sweepId}`));
  const plan: WavePlan = {
    reversalId: reversalIdFor(scope),
    scope,
    inScope: inScope.length,
    toReverse: todo.length,
    alreadyReversed: inScope.length - todo.length,
    byAction: {},
    byFollowerTier: {},
    byActionAndTier: {},
    accounts: new Set(todo.map((e) => e.accountId)).size,
    sweeps: [...new Set(inScope.map((e) => e.sweepId))].sort(),
  };
  for (const e of todo) {
    const tier = e.followerCount === undefined ? 'unknown' : followerTier(e.followerCount);
    inc(plan.byAction, e.action);
    inc(plan.byFollowerTier, tier);
    inc((plan.byActionAndTier[e.action] ??= {}), tier);
  }
  return { plan, todo };
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
  const { plan, todo } = await planWave(deps, scope);
  if (opts.reversalId) plan.reversalId = opts.reversalId;
  const result: WaveResult = { ...plan, dryRun: opts.dryRun, reversed: 0, skippedAlreadyReversed: plan.alreadyReversed, notFound: 0, cancelledLifts: 0, notified: 0 };
  if (opts.dryRun) return result;
  const reason = opts.reason?.trim();
  if (!reason) throw new AuditInputError('a reversal needs --reason (it is recorded in every reversal entry and sent to the accounts)', 'invalid');
  result.reason = reason;
  await deps.work.write(reversalPath(plan.reversalId), JSON.stringify({ ...plan, reason, status: 'running', startedAt: opts.now }, null, 2));

  // One account at a time per worker: an account with several actions in scope is reversed in order.
  const byAccount = new Map<string, LedgerEntry[]>();
  for (const e of todo) byAccount.set(e.accountId, [...(byAccount.get(e.accountId) ?? []), e]);
  let done = 0;
  // Stop taking new accounts after the first failure, and let the in-flight ones finish before rethrowing.
  let failure: unknown;
  const queue = [...byAccount.values()];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(4, queue.length) }, async () => {
      while (failure === undefined && next < queue.length) {
        const list = queue[next++];
        try {
          for (const e of list) {
            const r = await deps.audit.reverse({ accountId: e.accountId, sweepId: e.sweepId, actor: 'operator', reason, ref: `reversal:${plan.reversalId}`, now: opts.now });
            if (r.outcome === 'reversed') {
              result.reversed += 1;
              for (const lift of r.cancelledLifts) await deps.scheduler.cancel(lift);
              result.cancelledLifts += r.cancelledLifts.length;
              done += 1;
              opts.afterEach?.(done);
            } else if (r.outcome === 'already-reversed') result.skippedAlreadyReversed += 1;
            else result.notFound += 1;
          }
        } catch (err) {
          failure ??= err;
        }
      }
    }),
  );
  if (failure !== undefined) throw failure;
  // Publish every pending reversal message of the sweeps in scope, including those a crashed run left.
  for (const sweepId of plan.sweeps) {
    const pending = (await deps.enforcement.outbox(sweepId, { pendingOnly: true })).filter((m) => m.kind === 'reversal' || m.kind === 'reversal-notice');
    result.notified += await publishNow(deps, pending, opts.now);
  }
  await deps.work.write(reversalPath(plan.reversalId), JSON.stringify({ ...result, status: 'complete', finishedAt: opts.now }, null, 2));
  return result;
}
