/** What `crackdown brand points` shows for a brand account: balance per period and each deduction. Pure. */
import { isCampaignKey } from '#shared/detect/ruleCatalog';
import { balances, type BrandBalance, type BrandPointsState } from './brandPoints.ts';

export interface BrandPointsView {
  accountId: string;
  brandId?: string;
  /** Latest period first; empty when the account never lost a point. */
  periods: BrandBalance[];
}

/** `state`: the account's penalty state (only its brand points are read, so the ledger needs nothing from enforcement). */
export function brandPointsView(accountId: string, state: { brandPoints?: BrandPointsState } | undefined): BrandPointsView {
  return { accountId, brandId: state?.brandPoints?.brandId, periods: balances(state?.brandPoints) };
}

export function renderBrandPoints(v: BrandPointsView, startPoints: number): string {
  const head = `Brand account ${v.accountId}${v.brandId ? ` (brand ${v.brandId})` : ''}`;
  if (v.periods.length === 0) return `${head}: no deductions recorded; ${startPoints} of ${startPoints} points.`;
  const lines = [head];
  for (const p of v.periods) {
    lines.push(`  period from ${p.period}: ${p.pointsLeft} of ${p.startPoints} points left`);
    for (const d of p.deductions) {
      const state = d.restoredAt ? `restored ${d.restoredAt.slice(0, 10)} (${d.restoredBy})` : 'counted';
      lines.push(`    -${d.points}  ${isCampaignKey(d.noteId) ? d.noteId : `note ${d.noteId}`}  sweep ${d.sweepId}  ${d.effectiveAt.slice(0, 10)}  ${state}`);
    }
  }
  return lines.join('\n');
}
