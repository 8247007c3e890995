/**
 * Penalty merging: what enforcing one planned action writes on top of the account's current
 * state. The new penalty replaces the current one only if it outranks it; either way the offense
 * is recorded (with the evidence it rests on) and brand points deductions join the state in the
 * same transaction. Pure.
 *
 * An account already under a stronger or equal penalty that is still running when this one is
 * applied (a ban, a longer suspension) is not told again: the entry is written, marked
 * `absorbedBy` that penalty, with no platform event and no notice, so an account already banned
 * never reads "suspension for 14 days". Nothing is written for its lift: if the stronger penalty is
 * reversed, the weaker one takes over (restorePenalty), and the restored state carries its lift
 * (pendingLift.ts), so it still lifts on time.
 */
import { mergeDeductions } from '#shared/brand/brandPoints';
import { outranks } from '#shared/policy/penaltyPrecedence';
import { offenseOf, type PenaltyState } from './ledgerEntry.ts';
import { appendToLedger, type LedgerWrite } from './ledgerWrite.ts';
import type { PlannedEnforcement } from './planEnforcement.ts';
import { contentBatches, contentMessage } from './planContentEnforcement.ts';

/** The penalty an account carries after `p` (chain head and version are set by appendToLedger). */
export function mergePenalty(current: PenaltyState | undefined, p: PlannedEnforcement): PenaltyState {
  const offense = offenseOf(p.ledger);
  const offenses = [...(current?.offenses ?? []).filter((o) => o.sweepId !== offense.sweepId), offense];
  const fresh: PenaltyState = {
    accountId: p.ledger.accountId,
    status: 'active',
    action: p.ledger.action,
    until: p.ledger.until,
    sweepId: p.ledger.sweepId,
    entryKey: p.ledger.entryKey,
    offenses,
    version: (current?.version ?? 0) + 1,
  };
  // Brand points deductions ride on the state item: same transaction as the ledger entry, and
  // a re-run cannot add them twice (the entry's conditional put cancels the whole transaction).
  const brandPoints = p.brandPoints ? mergeDeductions(current?.brandPoints, p.brandPoints, p.brandPoints.keepFrom) : current?.brandPoints;
  const withBrand = (s: PenaltyState): PenaltyState => (brandPoints ? { ...s, brandPoints } : s);
  if (!current || current.status !== 'active') return withBrand(fresh);
  const keepCurrent = !outranks(p.ledger, current);
  return withBrand(keepCurrent ? { ...current, offenses, version: current.version + 1 } : fresh);
}

/**
 * The entry key of the account's current penalty when it absorbs `p`: active, a ban or a timed
 * penalty still running at `p`'s application time, and not outranked by `p`. A warning absorbs
 * nothing (a new warning for new evidence is news to the account).
 */
export function absorbingPenalty(current: PenaltyState | undefined, p: PlannedEnforcement): string | undefined {
  if (!current || current.status !== 'active' || current.sweepId === p.ledger.sweepId) return undefined;
  if (current.action !== 'ban' && current.action !== 'limit' && current.action !== 'suspend') return undefined;
  const at = p.ledger.appliedAt ?? p.ledger.effectiveAt;
  if (current.until !== undefined && current.until <= at) return undefined;
  return outranks(p.ledger, current) ? undefined : current.entryKey;
}

/**
 * Everything enforcing `p` writes: its entry, the merged penalty (a timed one carries its own lift),
 * the event and notice (unless absorbed), and the first batch of its content actions (the rest: planContentBatch, in the following transactions).
 */
export function planApply(current: PenaltyState | undefined, p: PlannedEnforcement): LedgerWrite {
  const { sweepId, accountId } = p.ledger;
  const bucket = p.bucket === undefined ? {} : { bucket: p.bucket };
  const absorbedBy = absorbingPenalty(current, p);
  const entry = absorbedBy ? { ...p.ledger, absorbedBy } : p.ledger;
  const firstContent = contentBatches(p.content ?? [], p.contentBatch ?? 40)[0] ?? [];
  // An absorbed penalty is not told again, but removed items are news: a notice about them alone.
  const notice = absorbedBy ? (firstContent.length > 0 ? p.contentNotice : undefined) : p.notice;
  return appendToLedger(current, [entry, ...firstContent.map((c) => c.entry)], {
    penalty: mergePenalty(current, p),
    messages: [
      ...(absorbedBy ? [] : [{ sweepId, messageKey: `${accountId}#enforcement`, accountId, kind: 'enforcement' as const, status: 'pending' as const, body: p.event, ...bucket }]),
      ...(notice ? [{ sweepId, messageKey: `${accountId}#notice`, accountId, kind: 'notice' as const, status: 'pending' as const, body: notice, ...bucket }] : []),
      ...firstContent.map((c) => contentMessage(c, p.bucket)),
    ],
  });
}
