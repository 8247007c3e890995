/**
 * The ledger acts as every repository runs them: read the state, ask the domain for the plan,
 * write it, and map a failed condition back to an outcome or, when the state moved under the
 * write, plan again on a fresh read. Shared by the DynamoDB and in-memory repositories, so the
 * two differ only in how they read and how they write one LedgerWrite.
 */
import type { AppealRecord } from '#shared/audit/appeals';
import type { BrandDeduction } from '#shared/brand/brandPoints';
import type { PriorOffense } from '#shared/policy/decideAction';
import { planAppealClosingWrite, planAppealSubmit, type AppealClosing } from '#shared/audit/planAppealDecision';
import { planReversal } from '#shared/audit/planReversal';
import type { LedgerEntry, LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { LedgerWrite, WriteFailure, WriteResult } from '#shared/enforcement/ledgerWrite';
import { planApply } from '#shared/enforcement/planApply';
import { laterContentBatches, planContentBatch, planContentRestore } from '#shared/enforcement/planContentEnforcement';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import { planLift } from '#shared/enforcement/planLift';
import { liftViews } from '#shared/enforcement/pendingLift';
import type { ContentRestoreRequest, ReverseRequest, ReverseResult } from '#shared/ports/auditRepository';
import type { ApplyOutcome, LiftOutcome, OutboxMessage } from '#shared/ports/enforcementRepository';

const MAX_CONFLICT_RETRIES = 8;

/** What a store provides: consistent reads of one account, and one all-or-nothing write. */
export interface LedgerStore {
  penalty(accountId: string): Promise<PenaltyState | undefined>;
  ledgerFor(accountId: string): Promise<LedgerEntry[]>;
  write(w: LedgerWrite): Promise<WriteResult>;
}

const failed = (r: WriteResult, kind: WriteFailure['kind']) => !r.ok && r.failed.some((f) => f.kind === kind);
const gaveUp = (what: string) => new Error(`${what}: state kept changing; gave up after ${MAX_CONFLICT_RETRIES} attempts`);

type PenaltyReader = { penalties(accountIds: string[]): Promise<Map<string, PenaltyState>> };

/** Offense history and brand-point deductions are read off the penalty state, whichever store holds it. */
export async function priorOffensesOf(store: PenaltyReader, accountIds: string[]): Promise<Map<string, PriorOffense[]>> {
  const out = new Map<string, PriorOffense[]>();
  for (const [id, state] of await store.penalties(accountIds)) out.set(id, state.offenses ?? []);
  return out;
}

export async function brandDeductionsOf(store: PenaltyReader, accountIds: string[]): Promise<Map<string, BrandDeduction[]>> {
  const out = new Map<string, BrandDeduction[]>();
  for (const [id, state] of await store.penalties(accountIds)) if (state.brandPoints) out.set(id, state.brandPoints.deductions);
  return out;
}

export async function applyAct(store: LedgerStore, p: PlannedEnforcement, known?: { current: PenaltyState | undefined }): Promise<ApplyOutcome> {
  const what = `enforcing ${p.ledger.accountId} in sweep ${p.ledger.sweepId}`;
  let outcome: ApplyOutcome | undefined;
  let after: PenaltyState | undefined;
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES && !outcome; attempt++) {
    // The caller may pass the state it batch-read; after a conflict we read it afresh.
    const current = attempt === 0 && known ? known.current : await store.penalty(p.ledger.accountId);
    const w = planApply(current, p);
    const r = await store.write(w);
    if (r.ok) [outcome, after] = ['applied', w.penalty];
    else if (failed(r, 'entry')) outcome = 'already-applied';
    else if (!failed(r, 'penalty')) throw new Error(`${what}: unexpected conflict on ${r.failed.map((f) => f.kind).join(', ')}`);
  }
  if (!outcome) throw gaveUp(what);
  // The other content batches, one transaction each; a batch already written (a re-run after a crash) is skipped.
  for (const batch of laterContentBatches(p)) {
    for (let attempt = 0; ; attempt++) {
      if (attempt >= MAX_CONFLICT_RETRIES) throw gaveUp(`${what} (content)`);
      const current = after ?? (await store.penalty(p.ledger.accountId));
      const w = planContentBatch(current, batch, p.bucket);
      const r = await store.write(w);
      after = r.ok ? w.penalty : undefined;
      if (r.ok || failed(r, 'entry')) break;
      if (!failed(r, 'penalty')) throw new Error(`${what} (content): unexpected conflict on ${r.failed.map((f) => f.kind).join(', ')}`);
    }
  }
  return outcome;
}

/**
 * One lift (`<accountId>#<sweepId>`) as the account's state and ledger say (pendingLift.ts). A point
 * read for `crackdown lift --lift-id`, a per-lift schedule from before lift slots and the tests; the
 * slot runs read the lift index instead.
 */
export async function liftOf(store: LedgerStore, liftId: string): Promise<LiftRow | undefined> {
  const cut = liftId.lastIndexOf('#');
  if (cut <= 0) return undefined;
  const accountId = liftId.slice(0, cut);
  const [current, entries] = await Promise.all([store.penalty(accountId), store.ledgerFor(accountId)]);
  return liftViews(entries, current).get(liftId);
}

export async function liftAct(store: LedgerStore, lift: LiftRow, now: string): Promise<LiftOutcome> {
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    // The state decides (it carries the lift); the row named it. A lift entry already written is the lift done once.
    const plan = planLift(lift, await store.penalty(lift.accountId), now);
    if (plan.outcome !== 'lifted') return plan.outcome;
    const r = await store.write(plan.write);
    if (r.ok) return 'lifted';
    if (failed(r, 'entry')) return 'already-done';
    // the penalty moved (a new action, a reversal): plan again
  }
  throw gaveUp(`lifting ${lift.liftId}`);
}

export async function reverseAct(store: LedgerStore, req: ReverseRequest): Promise<ReverseResult> {
  const none = { cancelledLifts: [], messages: [] };
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    const [current, entries] = await Promise.all([store.penalty(req.accountId), store.ledgerFor(req.accountId)]);
    const plan = planReversal(req, { current, entries });
    if (plan.outcome !== 'reversed') return { outcome: plan.outcome, ...none };
    const r = await store.write(plan.write);
    if (r.ok) return { outcome: 'reversed', cancelledLifts: plan.cancelledLifts, ...(plan.armedLift ? { armedLift: plan.armedLift } : {}), messages: plan.write.messages, penalty: plan.write.penalty };
    if (failed(r, 'decided-appeal')) return { outcome: 'appeal-already-decided', ...none };
    if (!r.ok && r.failed.some((f) => f.kind === 'entry' && f.entryKey === plan.reverseEntryKey)) return { outcome: 'already-reversed', ...none };
    // penalty or ledger changed under us: re-read
  }
  throw gaveUp(`reversing ${req.accountId} in sweep ${req.sweepId}`);
}

/** Restores a sweep's open content entries of one account, a batch per transaction; items restored meanwhile are skipped. */
export async function restoreContentAct(store: LedgerStore, req: ContentRestoreRequest): Promise<{ restored: number; messages: OutboxMessage[] }> {
  const out = { restored: 0, messages: [] as OutboxMessage[] };
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    const [current, entries] = await Promise.all([store.penalty(req.accountId), store.ledgerFor(req.accountId)]);
    const w = planContentRestore(current, entries, req);
    if (!w) return out;
    const r = await store.write(w);
    if (r.ok) {
      out.restored += w.entries.length;
      out.messages.push(...w.messages);
      attempt = -1; // progress: the next batch gets fresh attempts
    }
    // a failed condition: the state or the items moved under us, read again
  }
  throw gaveUp(`restoring content of ${req.accountId} in sweep ${req.sweepId}`);
}

/** An appeal act on the account's chain; any failure but a moved penalty is the appeal's own condition. */
async function appealAct(store: LedgerStore, accountId: string, plan: (current: PenaltyState | undefined) => LedgerWrite, what: string): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    const r = await store.write(plan(await store.penalty(accountId)));
    if (r.ok) return true;
    if (r.failed.some((f) => f.kind !== 'penalty')) return false;
  }
  throw gaveUp(what);
}

export async function submitAppealAct(store: LedgerStore, appeal: AppealRecord, entry: LedgerEntry): Promise<'submitted' | 'exists'> {
  return (await appealAct(store, appeal.accountId, (current) => planAppealSubmit(current, appeal, entry), `appeal ${appeal.appealId}`)) ? 'submitted' : 'exists';
}

export async function closeAppealAct(store: LedgerStore, closing: AppealClosing): Promise<'closed' | 'already-decided'> {
  return (await appealAct(store, closing.appeal.accountId, (current) => planAppealClosingWrite(current, closing), `appeal ${closing.appeal.appealId}`)) ? 'closed' : 'already-decided';
}
