/**
 * A lift: a timed penalty whose time is up ends, once. The lift is the one the account's penalty
 * state carries (pendingLift.ts); if a later, stronger penalty replaced it, the state no longer
 * carries it and there is nothing to write (`superseded`). Once is the lift entry's conditional put
 * (`<sweep>#lift`) and the state's version. `now` is the caller's clock (the slot's end, the safety
 * sweep's, or `crackdown lift --now`). Pure.
 */
import { composeLiftNotice } from '#shared/notify/composeNotice';
import type { LiftOutcome } from '#shared/ports/enforcementRepository';
import { ledgerKey, type LedgerEntry, type LiftRow, type PenaltyState } from './ledgerEntry.ts';
import { appendToLedger, type LedgerWrite } from './ledgerWrite.ts';

export type LiftPlan = { outcome: Exclude<LiftOutcome, 'lifted'> } | { outcome: 'lifted'; write: LedgerWrite };

/** The outbox key of the notice a lift writes (liftDue publishes it by this key). */
export const liftNoticeKey = (row: Pick<LiftRow, 'sweepId' | 'accountId'>) => ({ sweepId: row.sweepId, messageKey: `${row.accountId}#lift` });

export function planLift(row: LiftRow | undefined, penalty: PenaltyState | undefined, now: string): LiftPlan {
  if (!row) return { outcome: 'not-found' };
  if (!row.pending) return { outcome: 'already-done' };
  if (row.dueAt > now) return { outcome: 'not-due' };
  if (!penalty) return { outcome: 'not-found' };
  if (penalty.entryKey === row.entryKey && penalty.status === 'lifted') return { outcome: 'already-done' };
  if (penalty.status !== 'active' || penalty.entryKey !== row.entryKey) return { outcome: 'superseded' };
  if (penalty.until !== undefined && penalty.until > now) return { outcome: 'not-due' };
  const entry: LedgerEntry = {
    accountId: row.accountId,
    entryKey: ledgerKey(row.sweepId, 'lift'),
    sweepId: row.sweepId,
    step: 'lift',
    actor: 'lift-schedule',
    action: row.action,
    codes: [],
    ruleIds: [],
    policyVersion: '',
    snapshotId: '',
    effectiveAt: row.dueAt,
    evidenceRef: `lift:${row.liftId}`,
    evidenceSummary: `timed ${row.action} from sweep ${row.sweepId} ended`,
    recordedAt: now,
  };
  return {
    outcome: 'lifted',
    write: appendToLedger(penalty, [entry], {
      penalty: { ...penalty, status: 'lifted' },
      messages: [
        {
          ...liftNoticeKey(row),
          accountId: row.accountId,
          kind: 'lift-notice',
          status: 'pending',
          body: composeLiftNotice(row.accountId, row.sweepId, row.action, row.dueAt),
        },
      ],
    }),
  };
}
