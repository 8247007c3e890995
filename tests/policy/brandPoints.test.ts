/** The brand points ledger as decided: deductions per promotion, once per note and period, tiers, rollover, restoration. */
import { describe, expect, it } from 'vitest';
import { assessBrandPoints, balances, mergeDeductions, periodOf, restoreDeductions, RULE_BRAND_POINTS, type BrandDeduction } from '#shared/brand/brandPoints';
import type { Finding } from '#shared/detect/finding';
import { decideAction, type DecideContext } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicy, PolicyError } from '#shared/policy/loadPolicy';
import { ruleSettings } from '#shared/policy/ruleSettings';

const policy = defaultPolicy();
const bp = policy.brandPoints!;
const rules = ruleSettings(policy);
const TAKEN = '2026-11-20T00:00:00.000Z';
const ctx = (sweepId = 'sw-2', takenAt = TAKEN): DecideContext => ({ policy, rules, sweepId, snapshotId: 'snap', takenAt });

const promo = (noteId: string, ruleId = 'undisclosed-promotion/brand-unauthorised'): Finding => ({
  accountId: 'brandA',
  code: 'undisclosed-promotion',
  ruleId,
  severity: 'medium',
  score: 0.8,
  evidence: { summary: 'x', noteIds: [noteId] },
});
const decideBrand = (notes: string[], prior: BrandDeduction[] = [], c = ctx(), extra: Finding[] = []) =>
  decideAction({ accountId: 'brandA', findings: [...notes.map((n) => promo(n)), ...extra], prior: [], followerCount: 1000, accountType: 'brand', brandId: 'glowx', brandDeductions: prior }, c);
const deduction = (noteId: string, sweepId: string, effectiveAt = '2026-10-01T00:00:00.000Z', period = '2026-04-20'): BrandDeduction => ({ noteId, period, sweepId, points: 2, effectiveAt });

describe('brand points: deductions and tiers (default policy)', () => {
  it('each unauthorised promotion costs 2 of 10 points and the points left set the consequence', () => {
    const cases: Array<[number, string, number | undefined]> = [
      [1, 'warn', undefined],
      [2, 'limit', 7],
      [3, 'suspend', 14],
      [4, 'suspend', 28],
      [5, 'suspend', 28],
    ];
    for (const [n, action, days] of cases) {
      const d = decideBrand(Array.from({ length: n }, (_, i) => `n${i}`));
      expect(d.brandPoints).toMatchObject({ pointsBefore: 10, pointsAfter: Math.max(0, 10 - 2 * n), deducted: Array.from({ length: n }, (_, i) => `n${i}`) });
      expect(d.action).toBe(action);
      expect(d.durationDays).toBe(days);
      expect(d.ruleIds).toContain(RULE_BRAND_POINTS);
    }
    expect(decideBrand(['a', 'b']).brandPoints!.consequence).toMatchObject({ reducedSearch: true, brandContentHidden: false });
    expect(decideBrand(['a', 'b', 'c', 'd']).brandPoints!.consequence).toMatchObject({ reducedSearch: true, brandContentHidden: true });
  });

  it('the decision carries the brand-points finding with note ids, points before/after and the period', () => {
    const d = decideBrand(['n2', 'n1']);
    const f = d.findings.find((x) => x.ruleId === RULE_BRAND_POINTS)!;
    expect(f.evidence.noteIds).toEqual(['n1', 'n2']);
    expect(f.evidence.summary).toContain('10 → 6');
    expect(f.evidence.clusterKey).toBe('glowx');
    expect(d.brandPoints!.period).toEqual({ id: '2026-04-20', start: '2026-04-20T00:00:00.000Z', end: '2027-04-20T00:00:00.000Z' });
  });

  it('a note deducted by an earlier sweep is not deducted again, and counts against the balance', () => {
    const d = decideBrand(['n1', 'n2'], [deduction('n1', 'sw-1')]);
    expect(d.brandPoints).toMatchObject({ pointsBefore: 8, pointsAfter: 6, deducted: ['n2'], alreadyDeducted: ['n1'] });
    expect(d.action).toBe('limit');
    const again = decideBrand(['n1'], [deduction('n1', 'sw-1')]);
    expect(again.brandPoints).toMatchObject({ pointsBefore: 8, pointsAfter: 8, deducted: [] });
    expect(again.action).toBe('none');
  });

  it('a re-run of the same sweep (its deductions already written) decides the same, without double deduction', () => {
    const first = decideBrand(['n1', 'n2']);
    const written = first.brandPoints!.deducted.map((n) => deduction(n, 'sw-2', TAKEN));
    const rerun = decideBrand(['n1', 'n2'], written);
    expect(rerun.brandPoints).toEqual(first.brandPoints);
    expect(rerun.action).toBe(first.action);
  });

  it('restored deductions do not count: a later sweep counts from the restored balance', () => {
    const { state } = restoreDeductions({ startPoints: 10, deductions: [deduction('n1', 'sw-1'), deduction('n2', 'sw-1'), deduction('n3', 'sw-0')] }, 'sw-1', '2026-10-05T00:00:00Z', 'appeal:ap-x');
    const d = decideBrand(['n4'], state!.deductions);
    expect(d.brandPoints).toMatchObject({ pointsBefore: 8, pointsAfter: 6 });
    // the restored notes are settled: seeing them again does not deduct them
    expect(decideBrand(['n1'], state!.deductions).brandPoints!.deducted).toEqual([]);
  });

  it('a new period starts again from 10 points', () => {
    const prior = [deduction('n1', 'sw-1'), deduction('n2', 'sw-1'), deduction('n3', 'sw-1')];
    const before = decideBrand(['n4'], prior);
    expect(before.brandPoints).toMatchObject({ pointsBefore: 4, pointsAfter: 2 });
    const next = decideBrand(['n4', 'n1'], prior, ctx('sw-9', '2027-04-21T00:00:00.000Z'));
    expect(next.brandPoints).toMatchObject({ period: { id: '2027-04-20' }, pointsBefore: 10, pointsAfter: 6, deducted: ['n1', 'n4'] });
    expect(periodOf('2027-04-19T23:59:59Z', bp).id).toBe('2026-04-20');
    expect(periodOf('2026-04-19T00:00:00Z', bp).id).toBe('2025-04-20');
  });

  it('caps deductions per sweep and carries the rest to the next sweep', () => {
    const o = assessBrandPoints(['a', 'b', 'c', 'd'], [], { sweepId: 's', takenAt: TAKEN }, { ...bp, maxDeductionsPerSweep: 3 });
    expect(o).toMatchObject({ deducted: ['a', 'b', 'c'], carried: ['d'] });
    const next = assessBrandPoints(
      ['a', 'b', 'c', 'd'],
      o.deducted.map((n) => deduction(n, 's', TAKEN)),
      { sweepId: 't', takenAt: '2026-11-27T00:00:00Z' },
      { ...bp, maxDeductionsPerSweep: 3 },
    );
    expect(next).toMatchObject({ pointsBefore: 4, deducted: ['d'], pointsAfter: 2, carried: [] });
  });

  it('tiers come from the policy', () => {
    const strict = { ...policy, brandPoints: { ...bp, tiers: [{ pointsAtOrBelow: 8, step: { action: 'suspend' as const, days: 28 }, brandContentHidden: true }] } };
    const d = decideAction({ accountId: 'brandA', findings: [promo('n1')], prior: [], followerCount: 1, accountType: 'brand' }, { ...ctx(), policy: strict });
    expect(d).toMatchObject({ action: 'suspend', durationDays: 28 });
  });

  it('the stronger of the ladder (other findings) and the points consequence wins', () => {
    const other: Finding = { accountId: 'brandA', code: 'traffic-diversion', ruleId: 'traffic-diversion/contact-in-text', severity: 'high', score: 0.9, evidence: { summary: 'x' } };
    expect(decideBrand(['n1'], [], ctx(), [other])).toMatchObject({ action: 'suspend', durationDays: 14, ladderStep: 2 });
  });

  it('personal accounts and policies without brand points go up the ladder as before', () => {
    const p = decideAction({ accountId: 'u1', findings: [promo('n1')], prior: [], followerCount: 1, accountType: 'personal' }, ctx());
    expect(p.brandPoints).toBeUndefined();
    expect(p).toMatchObject({ action: 'limit', ladderStep: 1 });
    const { brandPoints: _, ...noPoints } = policy;
    const b = decideAction({ accountId: 'brandA', findings: [promo('n1')], prior: [], followerCount: 1, accountType: 'brand' }, { ...ctx(), policy: noPoints });
    expect(b.brandPoints).toBeUndefined();
    expect(b.action).toBe('limit');
  });
});

describe('brand points state', () => {
  it('merging keeps each (period, note) once and drops periods before keepFrom', () => {
    const s = mergeDeductions(
      { startPoints: 10, deductions: [deduction('old', 's0', '2025-06-01T00:00:00Z', '2024-04-20'), deduction('n1', 's1')] },
      { startPoints: 10, deductions: [deduction('n1', 's2'), deduction('n2', 's2')] },
      '2025-04-20',
    );
    expect(s.deductions.map((d) => `${d.noteId}@${d.sweepId}`)).toEqual(['n1@s1', 'n2@s2']);
    expect(balances(s)).toMatchObject([{ period: '2026-04-20', pointsLeft: 6 }]);
  });
});

describe('policy validation of brandPoints', () => {
  it('rejects tiers that leave the first deduction without a consequence, and bad dates', () => {
    const json = JSON.parse(JSON.stringify(policy));
    json.brandPoints.tiers = [{ pointsAtOrBelow: 4, step: { action: 'warn' } }];
    expect(() => parsePolicy(json, 'p.json')).toThrow(/brandPoints\.tiers: no tier covers 8 points/);
    json.brandPoints.tiers = [{ pointsAtOrBelow: 8, step: { action: 'warn' } }];
    json.brandPoints.periodStart = '20 April';
    expect(() => parsePolicy(json, 'p.json')).toThrow(PolicyError);
    json.brandPoints.periodStart = '2026-04-20';
    json.brandPoints.maxDeductionsPerSweep = 500;
    expect(() => parsePolicy(json, 'p.json')).toThrow(/maxDeductionsPerSweep/);
  });
});
