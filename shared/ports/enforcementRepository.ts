/**
 * The enforcement store: ledger, penalty state, outbox and lift rows, always changed
 * together in one transaction so that a crash leaves either all of an action or none of it.
 */
import type { LedgerEntry, LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import type { OffenseHistory } from './offenseHistory.ts';

export type ApplyOutcome = 'applied' | 'already-applied';
export type LiftOutcome = 'lifted' | 'superseded' | 'already-done' | 'not-due' | 'not-found';

export interface OutboxMessage {
  sweepId: string;
  messageKey: string;
  accountId: string;
  kind: 'enforcement' | 'notice' | 'lift-notice';
  status: 'pending' | 'delivered';
  body: unknown;
  deliveredAt?: string;
}

export interface EnforcementRepository extends OffenseHistory {
  apply(planned: PlannedEnforcement): Promise<ApplyOutcome>;
  ledgerFor(accountId: string): Promise<LedgerEntry[]>;
  ledgerForSweep(sweepId: string): Promise<LedgerEntry[]>;
  penalty(accountId: string): Promise<PenaltyState | undefined>;
  /** Outbox messages of a sweep, optionally only those not yet delivered. */
  outbox(sweepId: string | undefined, opts?: { pendingOnly?: boolean }): Promise<OutboxMessage[]>;
  markDelivered(messages: OutboxMessage[], at: string): Promise<void>;
  getLift(liftId: string): Promise<LiftRow | undefined>;
  markScheduled(liftIds: string[]): Promise<void>;
  /** Pending lifts due at or before `now`, oldest first. */
  dueLifts(now: string, limit: number): Promise<LiftRow[]>;
  applyLift(lift: LiftRow, now: string): Promise<LiftOutcome>;
}
