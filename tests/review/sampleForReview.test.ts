import { describe, expect, it } from 'vitest';
import type { Decision } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import { sampleForReview, sampleSize } from '#shared/review/sampleForReview';

const sampling: Policy['sampling'] = { rate: 0.1, floor: 5, cap: 20 };
const policy = { sampling } as Policy;

function decisions(n: number, ruleIds: string[]): Decision[] {
  return Array.from({ length: n }, (_, i) => ({ accountId: `acct-${i}`, ruleIds, action: 'limit', followerCount: i * 1000 }) as unknown as Decision);
}

describe('sampleForReview', () => {
  it('sizes each rule by rate with a floor and a cap', () => {
    expect(sampleSize(3, sampling)).toBe(3);
    expect(sampleSize(40, sampling)).toBe(5);
    expect(sampleSize(150, sampling)).toBe(15);
    expect(sampleSize(10_000, sampling)).toBe(20);
  });

  it('draws the same cases for the same sweep id, and different cases for another', () => {
    const ds = decisions(200, ['r/a']);
    const a = sampleForReview('sweep-1', ds, policy).map((c) => c.accountId);
    const b = sampleForReview('sweep-1', [...ds].reverse(), policy).map((c) => c.accountId);
    const c = sampleForReview('sweep-2', ds, policy).map((c) => c.accountId);
    expect(a).toHaveLength(20);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('samples per rule and records the follower tier', () => {
    const cases = sampleForReview('s', [...decisions(50, ['r/a']), ...decisions(8, ['r/b'])], policy);
    expect(cases.filter((c) => c.ruleId === 'r/a')).toHaveLength(5);
    expect(cases.filter((c) => c.ruleId === 'r/b')).toHaveLength(5);
    expect(new Set(cases.map((c) => c.caseId)).size).toBe(cases.length);
    expect(cases.every((c) => ['<10k', '10k-100k', '>=100k'].includes(c.followerTier))).toBe(true);
  });
});
