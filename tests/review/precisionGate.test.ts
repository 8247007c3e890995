import { describe, expect, it } from 'vitest';
import type { Decision } from '#shared/policy/decideAction';
import { reviewPolicySchema } from '#shared/policy/policySchema';
import type { ReviewCase, Verdict } from '#shared/ports/reviewRepository';
import { precisionGate, wilsonInterval } from '#shared/review/precisionGate';
import { allocate, requiredSampleSize, stratifiedSample, zForConfidence } from '#shared/review/stratifiedSample';

const review = reviewPolicySchema.parse({});

function decisions(n: number, ruleId: string, action = 'limit', followers = (i: number) => i * 10): Decision[] {
  return Array.from({ length: n }, (_, i) => ({ accountId: `${ruleId}-${i}`, ruleIds: [ruleId], codes: ['fake-account'], action, followerCount: followers(i), findings: [] }) as unknown as Decision);
}

describe('sample size and allocation', () => {
  it('sizes for the margin: ±3 points at 95% needs ~1067 of a large population, fewer of a small one', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.96, 2);
    expect(requiredSampleSize(1_000_000, 0.03, 0.95)).toBe(1066); // n0 = 1067.1, corrected for N
    expect(requiredSampleSize(2000, 0.03, 0.95)).toBe(697);
    expect(requiredSampleSize(10, 0.03, 0.95)).toBe(10);
    expect(requiredSampleSize(0, 0.03, 0.95)).toBe(0);
  });

  it('allocates proportionally with a floor per stratum, never more than a stratum holds', () => {
    expect(allocate([900, 90, 10], 100, 5)).toEqual([90, 9, 5]);
    expect(allocate([900, 2], 10, 5)).toEqual([10, 2]);
  });
});

describe('stratifiedSample', () => {
  it('is deterministic per sweep id, stratified by rule × action × tier, and reviews high-reach accounts in full', () => {
    const ds = [...decisions(3000, 'r/a', 'limit'), ...decisions(40, 'r/b', 'ban', (i) => (i < 5 ? 20_000 : 100)), ...decisions(3, 'r/c', 'warn', () => 250_000)];
    const { cases, strata } = stratifiedSample('s1', ds, review);
    const again = stratifiedSample('s1', [...ds].reverse(), review).cases.map((c) => c.caseId);
    expect(cases.map((c) => c.caseId)).toEqual(again);
    expect(stratifiedSample('s2', ds, review).cases.map((c) => c.caseId)).not.toEqual(again);

    const full = cases.filter((c) => c.selection === 'full');
    expect(full.filter((c) => c.ruleId === 'r/c')).toHaveLength(3); // ≥100k followers
    expect(full.filter((c) => c.ruleId === 'r/b')).toHaveLength(5); // bans above 10k
    expect(full.every((c) => c.weight === 1)).toBe(true);
    const ra = strata.filter((s) => s.ruleId === 'r/a');
    expect(ra.map((s) => s.stratum).sort()).toEqual(['r/a|limit|10k-100k', 'r/a|limit|<10k']);
    expect(ra.reduce((s, x) => s + x.drawn, 0)).toBeGreaterThanOrEqual(requiredSampleSize(3000, 0.03, 0.95));
    for (const c of cases.filter((x) => x.selection === 'sample')) {
      const s = strata.find((x) => x.stratum === c.stratum)!;
      expect(c.weight).toBeCloseTo(s.population / s.drawn);
    }
  });
});

describe('precisionGate', () => {
  const mk = (rule: string, n: number, weight: number): ReviewCase[] =>
    Array.from({ length: n }, (_, i) => ({
      sweepId: 's',
      caseId: `${rule}#${i}`,
      accountId: `${rule}-${i}`,
      ruleId: rule,
      action: 'limit',
      followerTier: '<10k',
      status: 'pending',
      selection: 'sample',
      weight,
    }));
  const v = (c: ReviewCase, verdict: Verdict['verdict'], reviewer = 'alice'): Verdict => ({ sweepId: 's', caseId: c.caseId, reviewer, verdict, at: '2026-01-01T00:00:00Z' });

  it('Wilson interval matches the textbook values', () => {
    const { low, high } = wilsonInterval(0.9, 100, 1.96);
    expect(low).toBeCloseTo(0.8256, 3);
    expect(high).toBeCloseTo(0.9448, 3);
  });

  it('holds a rule whose lower bound is under its threshold, passes a precise one, holds an unreviewed one, and reports disagreement', () => {
    const good = mk('good', 100, 10); // 100 of 1000 decisions
    const bad = mk('bad', 50, 4);
    const unreviewed = mk('none', 5, 1);
    const verdicts = [
      ...good.map((c, i) => v(c, i < 99 ? 'correct' : 'wrong-code')),
      ...bad.map((c, i) => v(c, i < 20 ? 'correct' : 'not-a-violation')),
      v(good[0], 'not-a-violation', 'bob'),
      v(good[1], 'correct', 'bob'),
    ];
    const gate = precisionGate([...good, ...bad, ...unreviewed], verdicts, review);
    const byRule = Object.fromEntries(gate.rules.map((r) => [r.ruleId, r]));
    expect(byRule.good.held).toBe(false);
    expect(byRule.good.precision).toBeCloseTo(0.985, 3);
    expect(byRule.good.low).toBeGreaterThan(0.9);
    expect(byRule.bad).toMatchObject({ held: true, precision: 0.4 });
    expect(byRule.none).toMatchObject({ held: true, reviewed: 0, precision: null, low: 0 });
    expect(gate.heldRules).toEqual(['bad', 'none']);
    expect(gate.doubleReviewed).toBe(2);
    expect(gate.agreement).toBe(0.5);
    expect(gate.disagreements).toEqual([
      {
        caseId: 'good#0',
        ruleId: 'good',
        verdicts: [
          { reviewer: 'alice', verdict: 'correct' },
          { reviewer: 'bob', verdict: 'not-a-violation' },
        ],
      },
    ]);
    expect(gate.heldAccounts).toContain('good-0'); // a reviewer said this decision is wrong
    expect(gate.heldAccounts).toContain('good-99');
  });

  it('knows the precision exactly when every decision was reviewed (finite population)', () => {
    const census = mk('small', 12, 1);
    const gate = precisionGate(
      census,
      census.map((c) => v(c, 'correct')),
      review,
    );
    expect(gate.rules[0]).toMatchObject({ precision: 1, low: 1, high: 1, held: false });
  });
});
