/**
 * The audit side of the enforcement store: the whole ledger for verification, sweep anchors,
 * appeals, and reversals (each one transaction: new chained entries, restored penalty state,
 * the lifts the penalty state carries, outbox messages).
 */
import type { Actor, LedgerEntry, LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { SweepAnchor } from '#shared/audit/hashChain';
import type { AppealRecord, AppealStatus } from '#shared/audit/appeals';
import type { AppealClosing } from '#shared/audit/planAppealDecision';
import type { OutboxMessage } from './enforcementRepository.ts';

export interface ReverseRequest {
  accountId: string;
  /** The sweep whose enforce entry is reversed. */
  sweepId: string;
  actor: Actor;
  reason: string;
  /** Evidence reference of the reversal: `reversal:<id>` or `appeal:<id>`. */
  ref: string;
  now: string;
  /** An upheld appeal decided in the same transaction. */
  appeal?: AppealRecord;
}

export interface ContentRestoreRequest {
  accountId: string;
  sweepId: string;
  actor: Actor;
  reason: string;
  ref: string;
  now: string;
  /** Items per transaction (the policy's contentActions.itemsPerWrite). */
  batch?: number;
}

export interface AppealFilter {
  status?: AppealStatus;
  sweepId?: string;
}

export type ReverseOutcome = 'reversed' | 'already-reversed' | 'not-found' | 'appeal-already-decided';

export interface ReverseResult {
  outcome: ReverseOutcome;
  /** The reversed action's pending lift (a per-lift schedule from before lift slots is to be deleted). */
  cancelledLifts: LiftRow[];
  /** The lift the restored penalty carries again (an absorbed or superseded timed penalty): its slot must have a schedule. */
  armedLift?: LiftRow;
  /** Messages written to the outbox, to publish. */
  messages: OutboxMessage[];
  penalty?: PenaltyState;
}

export interface AuditRepository {
  allLedger(): Promise<LedgerEntry[]>;
  allPenalties(): Promise<PenaltyState[]>;
  ledgerFor(accountId: string): Promise<LedgerEntry[]>;
  ledgerForSweep(sweepId: string): Promise<LedgerEntry[]>;
  penalty(accountId: string): Promise<PenaltyState | undefined>;
  /** Writes the sweep's anchor once; returns the stored one (a later call never overwrites it). */
  anchorSweep(sweepId: string, anchor: SweepAnchor): Promise<SweepAnchor>;
  sweepAnchors(): Promise<Map<string, SweepAnchor>>;
  /** Ids of every sweep (DynamoDB: the sweeps table, one small item per sweep; in memory: the sweeps with entries). */
  sweepIds(): Promise<string[]>;
  reverse(req: ReverseRequest): Promise<ReverseResult>;
  /**
   * Restores the content a sweep acted on for one account (all its open items, or only `itemIds`):
   * `content-restore` entries and events, in batches; an item already restored is skipped. Returns the messages written.
   */
  restoreContent(req: ContentRestoreRequest): Promise<{ restored: number; messages: OutboxMessage[] }>;
  /** Conditional: fails with 'exists' when the action was already appealed. */
  submitAppeal(appeal: AppealRecord, entry: LedgerEntry): Promise<'submitted' | 'exists'>;
  /** Records a decision that changes no penalty (rejected, or upheld on an action already reversed). Conditional on the appeal being pending. */
  closeAppeal(closing: AppealClosing): Promise<'closed' | 'already-decided'>;
  getAppeal(appealId: string): Promise<AppealRecord | undefined>;
  appealsForSweep(sweepId: string): Promise<AppealRecord[]>;
  /** Appeals by status and/or sweep, oldest submission first, read through an index (never the whole table). */
  listAppeals(filter: AppealFilter): Promise<AppealRecord[]>;
  allAppeals(): Promise<AppealRecord[]>;
}
