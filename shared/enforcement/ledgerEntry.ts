/**
 * The ledger schema: one append-only item per step an account goes through. The sort key
 * `<sweepId>#<step>` makes "one entry per action" a conditional put, which is how
 * enforcement stays exactly-once across retries and re-runs.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { BrandPointsState } from '#shared/brand/brandPoints';

export type LedgerStep = 'enforce' | 'lift' | 'appeal-submit' | 'appeal-decide' | 'reverse' | 'content' | 'content-restore' | 'sample' | 'notify' | 'schedule';
export type Actor = 'sweep' | 'lift-schedule' | 'operator' | 'reviewer' | 'appeal-handler' | 'account';

export interface LedgerEntry {
  accountId: string;
  entryKey: string;
  sweepId: string;
  step: LedgerStep;
  actor: Actor;
  action: Action;
  durationDays?: number;
  /** When the penalty ends (timed penalties only): appliedAt + duration. */
  until?: string;
  codes: ViolationCode[];
  ruleIds: string[];
  policyVersion: string;
  snapshotId: string;
  /** Enforce entries: the decision's time (the snapshot's). Other steps: when the step took effect. */
  effectiveAt: string;
  /**
   * Enforce entries: when enforcement applied the penalty, fixed once per sweep when the review
   * released it (review/sample.json enforceAt); the penalty runs from here. Absent on entries
   * written before it was recorded (their penalties ran from effectiveAt).
   */
  appliedAt?: string;
  /** Enforce entries: the evidence keys of the findings acted on (shared/policy/actedEvidence.ts). */
  evidenceKeys?: string[];
  /**
   * Enforce entries: the entry key of a stronger (or equal) penalty still running when this one
   * was applied. The offense is recorded; the account keeps that penalty and gets no new notice.
   */
  absorbedBy?: string;
  /** Where the full evidence lives: the sweep's decision file. */
  evidenceRef: string;
  evidenceSummary: string;
  /** Wall-clock time of writing: audit metadata, never an input to a decision. */
  recordedAt: string;
  /** Follower count at decision time (enforce entries), for transparency reporting by tier. */
  followerCount?: number;
  accountType?: string;
  /** Why (appeal decisions and reversals). */
  reason?: string;
  /** The enforce entry a reversal undoes. */
  reversesEntryKey?: string;
  appealId?: string;
  /** Brand points moved by this entry: deducted (enforce) or restored (reverse), with the balance. */
  brandPoints?: LedgerBrandPoints;
  /** Content entries (`content`, `content-restore`): the note or comment acted on or restored (decideContentActions.ts). */
  content?: LedgerContent;
  /** Hash chain (per account, see shared/audit/hashChain.ts): position, previous entry's hash, own hash. */
  seq?: number;
  prevHash?: string;
  hash?: string;
}

export interface LedgerBrandPoints {
  brandId?: string;
  period: string;
  pointsBefore?: number;
  pointsAfter?: number;
  deducted?: string[];
  /** Points per deducted note. */
  points?: number;
  restored?: string[];
}

export interface LedgerContent {
  kind: 'note' | 'comment';
  itemId: string;
  action: 'remove' | 'limit';
}

/**
 * One entry per item per sweep: the exactly-once key of a content action (and of its restore). Under
 * `<sweep>#enforce.` so an account's entries of a sweep still list its enforce entry first (sort key order).
 */
export const contentEntryKey = (sweepId: string, kind: LedgerContent['kind'], itemId: string, restore = false) => `${sweepId}#enforce.content${restore ? '-restore' : ''}:${kind}:${itemId}`;

export const ledgerKey = (sweepId: string, step: LedgerStep) => `${sweepId}#${step}`;

export interface PenaltyOffense {
  sweepId: string;
  effectiveAt: string;
  action: Action;
  /** What the offense's enforcement acted on; absent on offenses recorded before evidence keys. */
  evidenceKeys?: string[];
}

/** The offense an enforce entry records on the account's history. */
export const offenseOf = (e: Pick<LedgerEntry, 'sweepId' | 'effectiveAt' | 'action' | 'evidenceKeys'>): PenaltyOffense => ({
  sweepId: e.sweepId,
  effectiveAt: e.effectiveAt,
  action: e.action,
  ...(e.evidenceKeys ? { evidenceKeys: e.evidenceKeys } : {}),
});

/** Current penalty state of an account, kept in the same transaction as its ledger entries. */
export interface PenaltyState {
  accountId: string;
  /** `cleared`: every action on the account was reversed; as if none had happened. */
  status: 'active' | 'lifted' | 'cleared';
  action: Action;
  until?: string;
  sweepId: string;
  entryKey: string;
  offenses: PenaltyOffense[];
  version: number;
  /** Head of the account's ledger hash chain, moved in the same transaction as each entry. */
  chainSeq?: number;
  chainHash?: string;
  /** Brand accounts: the brand points deductions (shared/brand/brandPoints.ts), kept with the ledger head. */
  brandPoints?: BrandPointsState;
}

/**
 * A timed penalty's lift, as read off the penalty state and the ledger (pendingLift.ts): no table
 * holds it, so enforcing writes no item for it. `liftId` names it (account and sweep).
 */
export interface LiftRow {
  liftId: string;
  accountId: string;
  sweepId: string;
  entryKey: string;
  action: Action;
  dueAt: string;
  /** Present only while the account's penalty state carries it (the penalties table's lift index holds exactly those). */
  pending?: 'pending';
  outcome?: 'lifted' | 'superseded' | 'cancelled';
  liftedAt?: string;
  /** Set when a reversal or an upheld appeal cancelled this lift. */
  cancelledAt?: string;
}

export const liftIdFor = (accountId: string, sweepId: string) => `${accountId}#${sweepId}`;
