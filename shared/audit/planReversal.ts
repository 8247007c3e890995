/**
 * Reversal of one action (an operator's wave or an upheld appeal): as if it never happened. The
 * penalty is refolded from the remaining actions, brand points it deducted come back, and the account
 * is told. Its own pending lift goes with it and a penalty it had superseded comes back with its
 * lift, both by the refolded state alone (pendingLift.ts): no lift row is changed.
 * All of it is one LedgerWrite, so it happens completely or not at all. Pure.
 */
import { activeDeductions, pointsLeft, restoreDeductions } from '#shared/brand/brandPoints';
import { ledgerKey, liftIdFor, type LedgerEntry, type LiftRow, type PenaltyState } from '#shared/enforcement/ledgerEntry';
import { liftViews, pendingLiftOf } from '#shared/enforcement/pendingLift';
import { appendToLedger, type LedgerWrite } from '#shared/enforcement/ledgerWrite';
import { composeReversalNotice } from '#shared/notify/composeAuditNotices';
import type { ReverseRequest } from '#shared/ports/auditRepository';
import { appealDecideEntry } from './planAppealDecision.ts';
import { restorePenalty } from './restorePenalty.ts';

export interface ReversalState {
  current: PenaltyState | undefined;
  /** The account's whole ledger. */
  entries: LedgerEntry[];
}

export type ReversalPlan =
  | { outcome: 'not-found' | 'already-reversed' }
  | {
      outcome: 'reversed';
      write: LedgerWrite;
      /** The reversal's own entry: if its put fails, another run reversed it first. */
      reverseEntryKey: string;
      /** The reversed action's own pending lift (a schedule of its own, from before lift slots, is to be deleted). */
      cancelledLifts: LiftRow[];
      /** The lift the restored penalty carries again (an absorbed or superseded timed penalty): its slot needs a schedule. */
      armedLift?: LiftRow;
    };

export function planReversal(req: ReverseRequest, { current, entries }: ReversalState): ReversalPlan {
  const enforceKey = ledgerKey(req.sweepId, 'enforce');
  const reverseKey = ledgerKey(req.sweepId, 'reverse');
  const target = entries.find((e) => e.entryKey === enforceKey);
  if (!target || !current) return { outcome: 'not-found' };
  if (entries.some((e) => e.entryKey === reverseKey)) return { outcome: 'already-reversed' };
  const lifts = liftViews(entries, current);
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
  const carried = pendingLiftOf(next);
  const armedLift = carried && carried.entryKey !== pendingLiftOf(current)?.entryKey ? carried : undefined;
  const write = appendToLedger(current, newEntries, {
    penalty: next,
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
  return { outcome: 'reversed', write, reverseEntryKey: reverseKey, cancelledLifts, ...(armedLift ? { armedLift } : {}) };
}
