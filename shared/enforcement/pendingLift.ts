/**
 * Lifts without lift rows (issue 17: at most two items per action plus the outbox). An active timed
 * penalty is its own pending lift: the penalty state already names the entry, the action and
 * `until`, so a separate row would only repeat them in a third item per action. Whatever a write
 * leaves on the state is what is due: a stronger penalty replacing a timed one takes its lift with
 * it (no row to close as superseded), a reversal that restores an absorbed penalty re-arms it by
 * restoring it (no row to make pending again), a lift ends it by setting the state `lifted`.
 * What became of a past lift is read off the ledger: a lift writes `<sweep>#lift`, a reversal
 * `<sweep>#reverse`. Pure.
 */
import { isTimed } from '#shared/policy/penaltyPrecedence';
import { ledgerKey, liftIdFor, type LedgerEntry, type LiftRow, type PenaltyState } from './ledgerEntry.ts';

/** The lift `state` carries, if any: an active penalty with an end time. */
export function pendingLiftOf(state: PenaltyState | undefined): LiftRow | undefined {
  if (!state || state.status !== 'active' || !state.until || !isTimed(state.action)) return undefined;
  return {
    liftId: liftIdFor(state.accountId, state.sweepId),
    accountId: state.accountId,
    sweepId: state.sweepId,
    entryKey: state.entryKey,
    action: state.action,
    dueAt: state.until,
    pending: 'pending',
  };
}

/**
 * Each timed enforce entry of one account's ledger and what became of its lift: `lifted` (its lift
 * entry is written), `cancelled` (its action was reversed), `pending` (the state carries it), or
 * `superseded` (a stronger penalty replaced or absorbed it; should that one be reversed, the
 * restored state carries it again).
 */
export function liftViews(entries: LedgerEntry[], current: PenaltyState | undefined): Map<string, LiftRow> {
  const byKey = new Map(entries.map((e) => [e.entryKey, e]));
  const carried = pendingLiftOf(current);
  const out = new Map<string, LiftRow>();
  for (const e of entries) {
    if (e.step !== 'enforce' || !e.until) continue;
    const base = { liftId: liftIdFor(e.accountId, e.sweepId), accountId: e.accountId, sweepId: e.sweepId, entryKey: e.entryKey, action: e.action, dueAt: e.until };
    const lifted = byKey.get(ledgerKey(e.sweepId, 'lift'));
    const reversed = byKey.get(ledgerKey(e.sweepId, 'reverse'));
    if (lifted) out.set(base.liftId, { ...base, outcome: 'lifted', liftedAt: lifted.recordedAt });
    else if (reversed) out.set(base.liftId, { ...base, outcome: 'cancelled', cancelledAt: reversed.effectiveAt });
    else if (carried?.entryKey === e.entryKey) out.set(base.liftId, carried);
    else out.set(base.liftId, { ...base, outcome: 'superseded' });
  }
  return out;
}
