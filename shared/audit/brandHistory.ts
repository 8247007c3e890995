/**
 * Brand points deductions rebuilt from the ledger, as a sweep saw them (for replay): the
 * deductions of other sweeps' enforce entries recorded before the sweep's own enforcement,
 * restored when their reverse entry was recorded before then too. Pure.
 */
import type { BrandDeduction } from '#shared/brand/brandPoints';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';

export function brandDeductionsFromLedger(entries: readonly LedgerEntry[], sweepId: string): Map<string, BrandDeduction[]> {
  const own = entries
    .filter((e) => e.sweepId === sweepId && e.step === 'enforce')
    .map((e) => e.recordedAt)
    .sort();
  const cutoff = own[0] ?? '9999';
  const reversed = new Map<string, LedgerEntry>();
  for (const e of entries) if (e.step === 'reverse' && e.recordedAt < cutoff) reversed.set(`${e.accountId}\u0000${e.sweepId}`, e);
  const out = new Map<string, BrandDeduction[]>();
  for (const e of entries) {
    const bp = e.brandPoints;
    if (e.step !== 'enforce' || e.sweepId === sweepId || e.recordedAt >= cutoff || !bp?.deducted?.length) continue;
    const rev = reversed.get(`${e.accountId}\u0000${e.sweepId}`);
    const points = bp.points ?? 0;
    const list = out.get(e.accountId) ?? [];
    for (const noteId of bp.deducted) {
      list.push({ noteId, period: bp.period, sweepId: e.sweepId, points, effectiveAt: e.effectiveAt, ...(rev ? { restoredAt: rev.effectiveAt, restoredBy: rev.evidenceRef } : {}) });
    }
    out.set(e.accountId, list);
  }
  return out;
}
