/**
 * The enforcement store: ledger, penalty state and outbox, always changed together in one
 * transaction so that a crash leaves either all of an action or none of it. A timed penalty's lift
 * is carried by its penalty state (pendingLift.ts); the lift reads below are views of it.
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
  kind: 'enforcement' | 'notice' | 'lift-notice' | 'reversal' | 'reversal-notice' | 'appeal-notice' | 'content' | 'content-restore';
  status: 'pending' | 'delivered';
  body: unknown;
  deliveredAt?: string;
  /** The account bucket of the sweep's plan that Enforce wrote it from: Notify publishes bucket by bucket. */
  bucket?: number;
}

export interface MessageKey {
  sweepId: string;
  messageKey: string;
}

export interface EnforcementRepository extends OffenseHistory {
  /** Current penalty states, batch-read (absent accounts have none). */
  penalties(accountIds: string[]): Promise<Map<string, PenaltyState>>;
  /** `known` is the penalty state the caller already read, saving a read when nothing changed since. */
  apply(planned: PlannedEnforcement, known?: { current: PenaltyState | undefined }): Promise<ApplyOutcome>;
  /**
   * Many actions at once, each exactly as `apply` would (all of an action or none of it, and once),
   * in fewer round trips; `known` holds the penalty states the caller batch-read (absent: none).
   * Outcomes in the order of `planned`. Optional: without it, callers apply one by one.
   */
  applyMany?(planned: PlannedEnforcement[], known: ReadonlyMap<string, PenaltyState>): Promise<ApplyOutcome[]>;
  ledgerFor(accountId: string): Promise<LedgerEntry[]>;
  ledgerForSweep(sweepId: string): Promise<LedgerEntry[]>;
  /** The ledger entries with these keys (absent ones are left out), batch-read: what one bucket's sweep anchor reads. */
  ledgerEntries(keys: Array<Pick<LedgerEntry, 'accountId' | 'entryKey'>>): Promise<LedgerEntry[]>;
  penalty(accountId: string): Promise<PenaltyState | undefined>;
  /** Outbox messages of a sweep, optionally only those not yet delivered. */
  outbox(sweepId: string | undefined, opts?: { pendingOnly?: boolean }): Promise<OutboxMessage[]>;
  /**
   * Pending messages Enforce filed under one account bucket of a sweep, in messageKey order, at most
   * `limit`, after the messageKey `after` (a page cursor): an index query, never a scan.
   */
  pendingOutbox(sweepId: string, bucket: number, page: { limit: number; after?: string }): Promise<OutboxMessage[]>;
  /** The messages with these keys (absent ones are left out), batch-read. */
  outboxMessages(keys: MessageKey[]): Promise<OutboxMessage[]>;
  markDelivered(messages: OutboxMessage[], at: string): Promise<void>;
  /** One lift (`liftIdFor(account, sweep)`), read off the account's state and ledger; undefined if that action was not timed or not enforced. */
  getLift(liftId: string): Promise<LiftRow | undefined>;
  /**
   * Pending lifts due at or before `now` (the active timed penalty states), oldest first, then by
   * account; `after` (the last row of the previous page) pages on. An index query, never a scan.
   */
  dueLifts(now: string, limit: number, after?: Pick<LiftRow, 'accountId' | 'dueAt'>): Promise<LiftRow[]>;
  applyLift(lift: LiftRow, now: string): Promise<LiftOutcome>;
}
