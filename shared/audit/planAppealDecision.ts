/**
 * Appeal acts as data. The `appeal-decide` ledger entry is built here only, whether the decision
 * reverses the action (planReversal) or changes no penalty (rejected, or upheld on an action a
 * wave reversal already undid). Pure.
 */
import type { LedgerEntry, PenaltyState } from '#shared/enforcement/ledgerEntry';
import { appendToLedger, type LedgerWrite } from '#shared/enforcement/ledgerWrite';
import { composeAppealRejectedNotice, composeAppealUpheldAlreadyReversedNotice } from '#shared/notify/composeAuditNotices';
import { composeContentAppealNotice } from '#shared/notify/composeContentNotice';
import { contentRestoreMessage } from '#shared/enforcement/planContentEnforcement';
import type { OutboxMessage } from '#shared/ports/enforcementRepository';
import type { AppealRecord } from './appeals.ts';

/** The fields an appeal entry repeats from the enforce entry it is about, so reports can count it by code. */
const about = (target: LedgerEntry) => ({ action: target.action, codes: target.codes, ruleIds: target.ruleIds, policyVersion: target.policyVersion, snapshotId: target.snapshotId });

export function appealSubmitEntry(appeal: AppealRecord, target: LedgerEntry): LedgerEntry {
  return {
    accountId: appeal.accountId,
    entryKey: `appeal#${appeal.appealId}#submit`,
    sweepId: target.sweepId,
    step: 'appeal-submit',
    actor: 'account',
    ...about(target),
    effectiveAt: appeal.submittedAt,
    evidenceRef: `appeal:${appeal.appealId}`,
    evidenceSummary: `appeal against ${target.entryKey} submitted via ${appeal.channel}`,
    appealId: appeal.appealId,
    recordedAt: appeal.submittedAt,
  };
}

/** `decided` is the appeal with its outcome, decider, reason and time set. */
export function appealDecideEntry(decided: AppealRecord, target: LedgerEntry): LedgerEntry {
  if (decided.status === 'pending' || !decided.decidedAt) throw new Error(`appeal ${decided.appealId} is not decided`);
  return {
    accountId: decided.accountId,
    entryKey: `appeal#${decided.appealId}#decide`,
    sweepId: decided.sweepId,
    step: 'appeal-decide',
    actor: 'appeal-handler',
    ...about(target),
    effectiveAt: decided.decidedAt,
    evidenceRef: `appeal:${decided.appealId}`,
    evidenceSummary: `appeal ${decided.status} by ${decided.decidedBy}`,
    reason: decided.decisionReason,
    appealId: decided.appealId,
    recordedAt: decided.decidedAt,
  };
}

export interface AppealClosing {
  appeal: AppealRecord;
  entry: LedgerEntry;
  notice: OutboxMessage;
  /** A content appeal upheld: the item's restore entry (written before the decision) and its event. */
  restore?: LedgerEntry;
  messages?: OutboxMessage[];
}

/** A decision that changes no penalty: rejected, or upheld when the action was already reversed. */
export function planAppealClose(decided: AppealRecord, target: LedgerEntry): AppealClosing {
  const at = decided.decidedAt!;
  const reason = decided.decisionReason ?? '';
  const notice =
    decided.status === 'upheld'
      ? composeAppealUpheldAlreadyReversedNotice(decided.accountId, decided.sweepId, decided.action, decided.appealId, reason, at)
      : composeAppealRejectedNotice(decided.accountId, decided.sweepId, decided.action, decided.appealId, reason, at);
  return {
    appeal: decided,
    entry: appealDecideEntry(decided, target),
    notice: { sweepId: decided.sweepId, messageKey: `${decided.accountId}#appeal`, accountId: decided.accountId, kind: 'appeal-notice', status: 'pending', body: notice },
  };
}

/** Submitting: the appeal record and its entry, after the account's chain head. */
export function planAppealSubmit(current: PenaltyState | undefined, appeal: AppealRecord, entry: LedgerEntry): LedgerWrite {
  return appendToLedger(current, [entry], { accountId: appeal.accountId, newAppeal: appeal });
}

/** Closing: the decided appeal, its entry and its notice, after the account's chain head. */
export function planAppealClosingWrite(current: PenaltyState | undefined, closing: AppealClosing): LedgerWrite {
  return appendToLedger(current, [...(closing.restore ? [closing.restore] : []), closing.entry], {
    accountId: closing.appeal.accountId,
    decidedAppeal: closing.appeal,
    messages: [...(closing.messages ?? []), closing.notice],
  });
}

/** A content appeal's decision: upheld restores the one item (`restore`, absent when a wave already did); the account's penalty is untouched either way. */
export function planContentAppealClose(decided: AppealRecord, target: LedgerEntry, restore: LedgerEntry | undefined): AppealClosing {
  const item = decided.content!;
  const notice = composeContentAppealNotice(decided, item, target.content!.action, restore !== undefined);
  return {
    appeal: decided,
    entry: appealDecideEntry(decided, target),
    notice: { sweepId: decided.sweepId, messageKey: `${decided.accountId}#appeal:${item.kind}:${item.itemId}`, accountId: decided.accountId, kind: 'appeal-notice', status: 'pending', body: notice },
    ...(restore ? { restore, messages: [contentRestoreMessage(restore)] } : {}),
  };
}
