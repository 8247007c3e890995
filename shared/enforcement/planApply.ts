/**
 * Penalty merging: what enforcing one planned action writes on top of the account's current
 * state. The new penalty replaces the current one only if it outranks it; either way the offense
 * is recorded and brand points deductions join the state in the same transaction. Pure.
 */
import { mergeDeductions } from '#shared/brand/brandPoints';
import { outranks } from '#shared/policy/penaltyPrecedence';
import type { PenaltyState } from './ledgerEntry.ts';
import { appendToLedger, type LedgerWrite } from './ledgerWrite.ts';
import type { PlannedEnforcement } from './planEnforcement.ts';

/** The penalty an account carries after `p` (chain head and version are set by appendToLedger). */
export function mergePenalty(current: PenaltyState | undefined, p: PlannedEnforcement): PenaltyState {
  const offense = { sweepId: p.ledger.sweepId, effectiveAt: p.ledger.effectiveAt, action: p.ledger.action };
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

/** Everything enforcing `p` writes: its entry, the merged penalty, the event and notice, the lift row. */
export function planApply(current: PenaltyState | undefined, p: PlannedEnforcement): LedgerWrite {
  const { sweepId, accountId } = p.ledger;
  const bucket = p.bucket === undefined ? {} : { bucket: p.bucket };
  return appendToLedger(current, [p.ledger], {
    penalty: mergePenalty(current, p),
    messages: [
      { sweepId, messageKey: `${accountId}#enforcement`, accountId, kind: 'enforcement', status: 'pending', body: p.event, ...bucket },
      { sweepId, messageKey: `${accountId}#notice`, accountId, kind: 'notice', status: 'pending', body: p.notice, ...bucket },
    ],
    ...(p.lift ? { newLift: p.lift } : {}),
  });
}
