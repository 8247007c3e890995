/**
 * A lift: a timed penalty whose time is up ends, once. If a later, stronger penalty replaced it,
 * the lift must not end that one: the row is closed as superseded and the ledger untouched.
 * `now` is the caller's clock (the schedule's or `crackdown lift --now`). Pure.
 */
import { composeLiftNotice } from '#shared/notify/composeNotice';
import type { LiftOutcome } from '#shared/ports/enforcementRepository';
import { ledgerKey, type LedgerEntry, type LiftRow, type PenaltyState } from './ledgerEntry.ts';
import { appendToLedger, type LedgerWrite, type LiftChange } from './ledgerWrite.ts';

export type LiftPlan = { outcome: Exclude<LiftOutcome, 'lifted' | 'superseded'> } | { outcome: 'superseded'; liftChange: LiftChange } | { outcome: 'lifted'; write: LedgerWrite };

const finish = (row: LiftRow, outcome: 'lifted' | 'superseded', now: string): LiftChange => ({
  liftId: row.liftId,
  set: { outcome, liftedAt: now },
  remove: ['pending'],
  when: 'pending',
});

/** The outbox key of the notice a lift writes (liftDue publishes it by this key). */
export const liftNoticeKey = (row: Pick<LiftRow, 'sweepId' | 'accountId'>) => ({ sweepId: row.sweepId, messageKey: `${row.accountId}#lift` });

export function planLift(row: LiftRow | undefined, penalty: PenaltyState | undefined, now: string): LiftPlan {
  if (!row) return { outcome: 'not-found' };
  if (!row.pending) return { outcome: 'already-done' };
  if (row.dueAt > now) return { outcome: 'not-due' };
  if (!penalty || penalty.status !== 'active' || penalty.entryKey !== row.entryKey) return { outcome: 'superseded', liftChange: finish(row, 'superseded', now) };
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
      liftChanges: [finish(row, 'lifted', now)],
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
