/**
 * The ledger schema: one append-only item per step an account goes through. The sort key
 * `<sweepId>#<step>` makes "one entry per action" a conditional put, which is how
 * enforcement stays exactly-once across retries and re-runs.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';

export type LedgerStep = 'enforce' | 'lift';
export type Actor = 'sweep' | 'lift-schedule' | 'operator';

export interface LedgerEntry {
  accountId: string;
  entryKey: string;
  sweepId: string;
  step: LedgerStep;
  actor: Actor;
  action: Action;
  durationDays?: number;
  /** When the penalty ends (timed penalties only). */
  until?: string;
  codes: ViolationCode[];
  ruleIds: string[];
  policyVersion: string;
  snapshotId: string;
  effectiveAt: string;
  /** Where the full evidence lives: the sweep's decision file. */
  evidenceRef: string;
  evidenceSummary: string;
  /** Wall-clock time of writing: audit metadata, never an input to a decision. */
  recordedAt: string;
}

export const ledgerKey = (sweepId: string, step: LedgerStep) => `${sweepId}#${step}`;

export interface PenaltyOffense {
  sweepId: string;
  effectiveAt: string;
  action: Action;
}

/** Current penalty state of an account, kept in the same transaction as its ledger entries. */
export interface PenaltyState {
  accountId: string;
  status: 'active' | 'lifted';
  action: Action;
  until?: string;
  sweepId: string;
  entryKey: string;
  offenses: PenaltyOffense[];
  version: number;
}

export interface LiftRow {
  liftId: string;
  accountId: string;
  sweepId: string;
  entryKey: string;
  action: Action;
  dueAt: string;
  /** Present only while pending: the sparse `due` index holds exactly the lifts still to do. */
  pending?: 'pending';
  scheduled?: boolean;
  outcome?: 'lifted' | 'superseded';
  liftedAt?: string;
}

export const liftIdFor = (accountId: string, sweepId: string) => `${accountId}#${sweepId}`;
