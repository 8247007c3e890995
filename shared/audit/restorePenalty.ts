/**
 * What an account's penalty state would be if some of its actions had never happened: fold the
 * remaining (non-reversed) enforce entries the way enforcement merges them (`outranks`),
 * skipping those whose lift already ran. Pure.
 */
import { isTimed, outranks } from '#shared/policy/penaltyPrecedence';
import { liftIdFor, offenseOf, type LedgerEntry, type LiftRow, type PenaltyOffense, type PenaltyState } from '#shared/enforcement/ledgerEntry';

export interface RestoredPenalty {
  status: PenaltyState['status'];
  action: PenaltyState['action'];
  until?: string;
  sweepId: string;
  entryKey: string;
  offenses: PenaltyOffense[];
}

const byTime = (a: LedgerEntry, b: LedgerEntry) => a.effectiveAt.localeCompare(b.effectiveAt) || a.sweepId.localeCompare(b.sweepId);

/** Sweep ids whose enforce entry has been reversed (a `reverse` entry exists). */
export function reversedSweeps(entries: LedgerEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.step === 'reverse').map((e) => e.sweepId));
}

export function restorePenalty(entries: LedgerEntry[], lifts: Map<string, LiftRow>, excludeSweeps: ReadonlySet<string>): RestoredPenalty {
  const gone = reversedSweeps(entries);
  for (const s of excludeSweeps) gone.add(s);
  const remaining = entries.filter((e) => e.step === 'enforce' && !gone.has(e.sweepId)).sort(byTime);
  const offenses = remaining.map(offenseOf);
  let winner: LedgerEntry | undefined;
  for (const e of remaining) {
    if (isTimed(e.action) && lifts.get(liftIdFor(e.accountId, e.sweepId))?.outcome === 'lifted') continue;
    if (!winner) {
      winner = e;
      continue;
    }
    if (outranks(e, winner)) winner = e;
  }
  // An active timed winner carries its own lift again (pendingLift.ts): nothing to re-arm apart.
  if (winner) return { status: 'active', action: winner.action, until: winner.until, sweepId: winner.sweepId, entryKey: winner.entryKey, offenses };
  const last = remaining.at(-1);
  if (last) return { status: 'lifted', action: last.action, until: last.until, sweepId: last.sweepId, entryKey: last.entryKey, offenses };
  return { status: 'cleared', action: 'none', sweepId: '', entryKey: '', offenses: [] };
}
