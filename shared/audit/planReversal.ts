/**
 * Reversal of one action (an operator's wave or an upheld appeal): as if it never happened. The
 * penalty is refolded from the remaining actions, brand points it deducted come back, its own
 * pending lift is cancelled and a lift it had superseded is armed again, and the account is told.
 * All of it is one LedgerWrite, so it happens completely or not at all. Pure.
 */
import { activeDeductions, pointsLeft, restoreDeductions } from '#shared/brand/brandPoints';
import { ledgerKey, liftIdFor, type LedgerEntry, type LiftRow, type PenaltyState } from '#shared/enforcement/ledgerEntry';
import { appendToLedger, type LedgerWrite, type LiftChange } from '#shared/enforcement/ledgerWrite';
import { composeReversalNotice } from '#shared/notify/composeAuditNotices';
import type { ReverseRequest } from '#shared/ports/auditRepository';
import { appealDecideEntry } from './planAppealDecision.ts';
import { restorePenalty } from './restorePenalty.ts';

export interface ReversalState {
  current: PenaltyState | undefined;
  /** The account's whole ledger. */
  entries: LedgerEntry[];
  /** The lift rows named by `liftsToRead(entries)`. */
  lifts: Map<string, LiftRow>;
}

export type ReversalPlan =
  | { outcome: 'not-found' | 'already-reversed' }
  | {
      outcome: 'reversed';
      write: LedgerWrite;
      /** The reversal's own entry: if its put fails, another run reversed it first. */
      reverseEntryKey: string;
      /** Lift rows (as read) whose schedules are to be deleted. */
      cancelledLifts: LiftRow[];
    };

/** The lift rows a reversal must see: those of the account's timed actions. */
export const liftsToRead = (entries: LedgerEntry[]): string[] => entries.filter((e) => e.step === 'enforce' && e.until).map((e) => liftIdFor(e.accountId, e.sweepId));

export function planReversal(req: ReverseRequest, { current, entries, lifts }: ReversalState): ReversalPlan {
  const enforceKey = ledgerKey(req.sweepId, 'enforce');
  const reverseKey = ledgerKey(req.sweepId, 'reverse');
  const target = entries.find((e) => e.entryKey === enforceKey);
  if (!target || !current) return { outcome: 'not-found' };
  if (entries.some((e) => e.entryKey === reverseKey)) return { outcome: 'already-reversed' };
  const restored = restorePenalty(entries, lifts, new Set([req.sweepId]));
  const brand = restoreDeductions(current.brandPoints, req.sweepId, req.now, req.ref);
  const brandPeriod = brand.restored[0]?.period;
  const brandPoints =
    brand.state && brandPeriod
      ? { period: brandPeriod, restored: brand.restored.map((d) => d.noteId), pointsAfter: pointsLeft(brand.state.startPoints, activeDeductions(brand.state.deductions, brandPeriod)) }
      : undefined;

  const newEntries: LedgerEntry[] = [];
  if (req.appeal) newEntries.push(appealDecideEntry(req.appeal, target));
  newEntries.push({
    accountId: req.accountId,
    entryKey: reverseKey,
    sweepId: req.sweepId,
    step: 'reverse',
    actor: req.actor,
    action: target.action,
    durationDays: target.durationDays,
    until: target.until,
    codes: target.codes,
    ruleIds: target.ruleIds,
    policyVersion: target.policyVersion,
    snapshotId: target.snapshotId,
    effectiveAt: req.now,
    evidenceRef: req.ref,
    evidenceSummary: `reverses ${enforceKey} (${target.action}); penalty now ${restored.status} ${restored.action}`,
    reason: req.reason,
    reversesEntryKey: enforceKey,
    appealId: req.appeal?.appealId,
    ...(brandPoints ? { brandPoints: { brandId: brand.state!.brandId, ...brandPoints } } : {}),
    recordedAt: req.now,
  });
  const next: PenaltyState = {
    accountId: req.accountId,
    status: restored.status,
    action: restored.action,
    until: restored.until,
    sweepId: restored.sweepId,
    entryKey: restored.entryKey,
    offenses: restored.offenses,
    version: current.version + 1,
    ...(brand.state ? { brandPoints: brand.state } : {}),
  };
  const notice = composeReversalNotice(req.accountId, req.sweepId, target.action, req.reason, req.now, req.appeal?.appealId);
  const ownLift = lifts.get(liftIdFor(req.accountId, req.sweepId));
  const cancelledLifts = ownLift?.pending ? [ownLift] : [];
  const liftChanges: LiftChange[] = [
    ...cancelledLifts.map((l): LiftChange => ({ liftId: l.liftId, set: { outcome: 'cancelled', cancelledAt: req.now }, remove: ['pending'], when: 'pending' })),
    ...restored.repend.map((liftId): LiftChange => ({ liftId, set: { pending: 'pending' }, remove: ['outcome', 'liftedAt'], when: 'superseded' })),
  ];
  const write = appendToLedger(current, newEntries, {
    penalty: next,
    liftChanges,
    ...(req.appeal ? { decidedAppeal: req.appeal } : {}),
    messages: [
      {
        sweepId: req.sweepId,
        messageKey: `${req.accountId}#reversal`,
        accountId: req.accountId,
        kind: 'reversal',
        status: 'pending',
        body: {
          kind: 'reversal',
          accountId: req.accountId,
          sweepId: req.sweepId,
          reverses: enforceKey,
          action: target.action,
          penalty: { status: next.status, action: next.action, until: next.until },
          ...(brandPoints ? { brandPointsRestored: brandPoints } : {}),
          at: req.now,
        },
      },
      { sweepId: req.sweepId, messageKey: `${req.accountId}#${req.appeal ? 'appeal' : 'reversal-notice'}`, accountId: req.accountId, kind: notice.kind, status: 'pending', body: notice },
    ],
  });
  return { outcome: 'reversed', write, reverseEntryKey: reverseKey, cancelledLifts };
}
