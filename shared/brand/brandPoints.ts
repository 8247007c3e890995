/**
 * The brand points ledger (Xiaohongshu's "Brand Violation Points System", seed 003): a brand
 * account starts each period with `startPoints` and loses `pointsPerPromotion` per unauthorised
 * commercial promotion. Which consequence the points left bring (the policy's tiers) is chosen
 * when deciding (shared/policy/consequences.ts), not here: this module only keeps the count.
 *
 * Pure. A deduction is keyed by (period, note): a note deducted once in a period is never
 * deducted again, whether by a later sweep or by a re-run of the same one. The period comes from
 * the policy (start date + length) and the snapshot's takenAt, never the wall clock.
 */
import { z } from 'zod';
import { campaignAnchor, RULE_BRAND_POINTS } from '#shared/detect/ruleCatalog';

// Named here too, where the tests and the ledger's readers have always found them.
export { campaignKey, RULE_BRAND_POINTS } from '#shared/detect/ruleCatalog';

/**
 * The ledger's part of the policy's `brandPoints` (policySchema adds what deciding needs: the tiers
 * and which campaigns are charged). Defined here so the ledger needs nothing from shared/policy.
 */
export const brandLedgerPolicySchema = z.object({
  startPoints: z.number().int().positive(),
  pointsPerPromotion: z.number().int().positive(),
  /** First day of the first period (UTC) and the period length. */
  periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD (UTC)'),
  periodDays: z.number().int().positive(),
  /** New deductions recorded per brand and sweep; the rest are carried to the next sweep. At most 80: the deductions are marked restored in the reversal's single transaction. */
  maxDeductionsPerSweep: z.number().int().min(1).max(80),
});
export type BrandLedgerPolicy = z.infer<typeof brandLedgerPolicySchema>;

export interface BrandDeduction {
  /** The note deducted, or for a seeding campaign its key (`campaignKey`). */
  noteId: string;
  /** Period id: its first day (YYYY-MM-DD). */
  period: string;
  sweepId: string;
  points: number;
  /** The snapshot time of the sweep that deducted it. */
  effectiveAt: string;
  /** Set when the action that deducted it was reversed (appeal upheld or wave reversal). */
  restoredAt?: string;
  restoredBy?: string;
}

/** Kept on the brand account's penalty state, written in the same transaction as its ledger entries. */
export interface BrandPointsState {
  brandId?: string;
  startPoints: number;
  deductions: BrandDeduction[];
}

export interface BrandPeriod {
  id: string;
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;

export function periodOf(at: string, cfg: Pick<BrandLedgerPolicy, 'periodStart' | 'periodDays'>): BrandPeriod {
  const origin = Date.parse(`${cfg.periodStart}T00:00:00.000Z`);
  const len = cfg.periodDays * DAY_MS;
  const k = Math.floor((Date.parse(at) - origin) / len);
  const start = new Date(origin + k * len).toISOString();
  return { id: start.slice(0, 10), start, end: new Date(origin + (k + 1) * len).toISOString() };
}

/** This sweep's count for one brand account; deciding adds the consequence (BrandPointsOutcome in shared/policy/consequences.ts). */
export interface BrandPointsAssessment {
  ruleId: typeof RULE_BRAND_POINTS;
  brandId?: string;
  period: BrandPeriod;
  startPoints: number;
  pointsPerPromotion: number;
  pointsBefore: number;
  pointsAfter: number;
  /** Notes (or campaign keys) deducted by this sweep. */
  deducted: string[];
  /** Found again, but already deducted (or restored) in this period by an earlier sweep. */
  alreadyDeducted: string[];
  /** Over the per-sweep cap: left for the next sweep. */
  carried: string[];
}

/** Deductions that count against the balance of `period` (not restored). */
export function activeDeductions(deductions: readonly BrandDeduction[], period: string): BrandDeduction[] {
  return deductions.filter((d) => d.period === period && !d.restoredAt);
}

export const pointsLeft = (startPoints: number, active: readonly BrandDeduction[]): number => Math.max(0, startPoints - active.reduce((s, d) => s + d.points, 0));

/**
 * A seeding campaign others posted for the brand, charged as ONE promotion: a campaign of 30 notes
 * is one violation, which a fake campaign cannot multiply. Keyed by its first note (earliest, then
 * lowest id), which stays first while the campaign grows over later sweeps.
 */
export interface CampaignUnit {
  key: string;
  /** The campaign's notes (first one first): a later sweep whose campaign still holds an already charged first note is the same campaign. */
  noteIds: readonly string[];
}

/**
 * Promotions are note ids (the brand's own notes) or campaigns. Deterministic: the same findings,
 * prior deductions, sweep and snapshot time give the same outcome.
 */
export function assessBrandPoints(
  promotions: readonly (string | CampaignUnit)[],
  prior: readonly BrandDeduction[],
  ctx: { sweepId: string; takenAt: string; brandId?: string },
  cfg: BrandLedgerPolicy,
): BrandPointsAssessment {
  const period = periodOf(ctx.takenAt, cfg);
  // Other sweeps' deductions up to this snapshot; this sweep's own (a re-run) are recomputed, not counted.
  const earlier = prior.filter((d) => d.period === period.id && d.sweepId !== ctx.sweepId && d.effectiveAt <= ctx.takenAt);
  const known = new Set(earlier.map((d) => d.noteId));
  const anchors = new Set(earlier.map((d) => campaignAnchor(d.noteId)).filter((a): a is string => a !== undefined));
  const pointsBefore = pointsLeft(cfg.startPoints, activeDeductions(earlier, period.id));
  const campaignNotes = new Map<string, readonly string[]>();
  for (const p of promotions) if (typeof p !== 'string') campaignNotes.set(p.key, [...(campaignNotes.get(p.key) ?? []), ...p.noteIds]);
  const isKnown = (k: string): boolean => known.has(k) || (campaignNotes.get(k)?.some((n) => anchors.has(n)) ?? false);
  const found = [...new Set(promotions.map((p) => (typeof p === 'string' ? p : p.key)))].sort();
  const fresh = found.filter((n) => !isKnown(n));
  const deducted = fresh.slice(0, cfg.maxDeductionsPerSweep);
  const pointsAfter = Math.max(0, pointsBefore - cfg.pointsPerPromotion * deducted.length);
  return {
    ruleId: RULE_BRAND_POINTS,
    brandId: ctx.brandId,
    period,
    startPoints: cfg.startPoints,
    pointsPerPromotion: cfg.pointsPerPromotion,
    pointsBefore,
    pointsAfter,
    deducted,
    alreadyDeducted: found.filter((n) => isKnown(n)),
    carried: fresh.slice(cfg.maxDeductionsPerSweep),
  };
}

/** The deduction items an enforced outcome adds. */
export function deductionsOf(o: BrandPointsAssessment, sweepId: string, effectiveAt: string): BrandDeduction[] {
  return o.deducted.map((noteId) => ({ noteId, period: o.period.id, sweepId, points: o.pointsPerPromotion, effectiveAt }));
}

/**
 * Adds new deductions to a state, each (period, note) once; periods before `keepFrom` are dropped
 * (their deductions stay described in the ledger entries that made them).
 */
export function mergeDeductions(state: BrandPointsState | undefined, add: { brandId?: string; startPoints: number; deductions: BrandDeduction[] }, keepFrom: string): BrandPointsState {
  const kept = (state?.deductions ?? []).filter((d) => d.period >= keepFrom);
  const have = new Set(kept.map((d) => `${d.period}\u0000${d.noteId}`));
  const added = add.deductions.filter((d) => !have.has(`${d.period}\u0000${d.noteId}`));
  return { brandId: add.brandId ?? state?.brandId, startPoints: add.startPoints, deductions: [...kept, ...added] };
}

/** Marks the deductions made by `sweepId` restored: as if that action never happened. */
export function restoreDeductions(state: BrandPointsState | undefined, sweepId: string, at: string, by: string): { state: BrandPointsState | undefined; restored: BrandDeduction[] } {
  if (!state) return { state, restored: [] };
  const restored: BrandDeduction[] = [];
  const deductions = state.deductions.map((d) => {
    if (d.sweepId !== sweepId || d.restoredAt) return d;
    const r = { ...d, restoredAt: at, restoredBy: by };
    restored.push(r);
    return r;
  });
  return { state: { ...state, deductions }, restored };
}

export interface BrandBalance {
  period: string;
  startPoints: number;
  pointsLeft: number;
  deductions: BrandDeduction[];
}

/** Balance per period recorded in the state, latest first. */
export function balances(state: BrandPointsState | undefined): BrandBalance[] {
  if (!state) return [];
  const periods = [...new Set(state.deductions.map((d) => d.period))].sort().reverse();
  return periods.map((period) => {
    const ds = state.deductions.filter((d) => d.period === period).sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt) || a.noteId.localeCompare(b.noteId));
    return { period, startPoints: state.startPoints, pointsLeft: pointsLeft(state.startPoints, activeDeductions(ds, period)), deductions: ds };
  });
}
