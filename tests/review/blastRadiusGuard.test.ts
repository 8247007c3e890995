import { describe, expect, it } from 'vitest';
import { policySchema } from '#shared/policy/policySchema';
import { assessBlastRadius, emptyTally, historyEntry, tallyDecision, type GuardHistoryEntry } from '#shared/review/blastRadiusGuard';

const guard = policySchema.shape.guard.parse({ maxRuleShare: 0.05, maxSweepShare: 0.15, maxRuleGrowth: 3, minRuleAccounts: 50 });

function tallyOf(judged: number, decisions: Array<{ action: string; ruleIds: string[]; followerCount?: number; n: number }>) {
  const t = emptyTally(judged);
  for (const d of decisions) for (let i = 0; i < d.n; i++) tallyDecision(t, { action: d.action, ruleIds: d.ruleIds, followerCount: d.followerCount ?? 10 }, guard);
  return t;
}

describe('blast-radius guard', () => {
  it('holds a rule acting on more than its share of judged accounts, and names the share', () => {
    const r = assessBlastRadius(
      tallyOf(10_000, [
        { action: 'limit', ruleIds: ['hc/dup'], n: 600 },
        { action: 'ban', ruleIds: ['fa/farm'], n: 300 },
      ]),
      [],
      guard,
    );
    expect(r.tripped).toBe(true);
    expect(r.heldRules.map((h) => h.ruleId)).toEqual(['hc/dup']);
    expect(r.heldRules[0].reason).toContain('6.00% of 10000');
  });

  it('lets an ordinary sweep through', () => {
    const r = assessBlastRadius(
      tallyOf(10_000, [
        { action: 'limit', ruleIds: ['hc/dup'], n: 300 },
        { action: 'warn', ruleIds: ['none'], n: 0 },
      ]),
      [],
      guard,
    );
    expect(r).toMatchObject({ tripped: false, heldRules: [], followerTiers: [] });
  });

  it('does not judge a small sweep by its share: 84 of 500 acted is a canary, not a wave', () => {
    const small = assessBlastRadius(
      tallyOf(500, [
        { action: 'warn', ruleIds: ['r/a'], n: 40 },
        { action: 'limit', ruleIds: ['r/b'], n: 44 },
      ]),
      [],
      guard,
    );
    expect(small.tripped).toBe(false);
    expect(small.sweepReason).toBeUndefined();
    const large = assessBlastRadius(
      tallyOf(1_000, [
        { action: 'warn', ruleIds: ['r/a'], n: 40 },
        { action: 'limit', ruleIds: ['r/b'], n: 44 },
        { action: 'warn', ruleIds: ['r/c'], n: 120 },
      ]),
      [],
      guard,
    );
    expect(large.sweepReason).toContain('20.40%');
  });

  it('holds the whole sweep when it acts on more than its ceiling, even with every rule under its own', () => {
    const rules = Array.from({ length: 5 }, (_, i) => ({ action: 'warn', ruleIds: [`r/${i}`], n: 400 }));
    const r = assessBlastRadius(tallyOf(10_000, rules), [], guard);
    expect(r.heldRules).toEqual([]);
    expect(r.sweepReason).toContain('20.00%');
    expect(r.tripped).toBe(true);
  });

  it('holds a sweep over an absolute ceiling (a campaign’s per-day cap) however small its share', () => {
    const t = tallyOf(100_000, [{ action: 'limit', ruleIds: ['r/a'], n: 40 }]);
    expect(assessBlastRadius(t, [], guard).tripped).toBe(false);
    const capped = assessBlastRadius(t, [], { ...guard, maxSweepActions: 30 });
    expect(capped.tripped).toBe(true);
    expect(capped.sweepReason).toBe('acts on 40 accounts (ceiling 30 per sweep)');
  });

  it('holds a rule that grew beyond its multiple of earlier sweeps, and ignores small counts', () => {
    const history: GuardHistoryEntry[] = [
      { sweepId: 'd1', takenAt: '2026-11-01T00:00:00Z', judged: 10_000, byRule: { 'td/contact': 40, 'wa/ring': 30 } },
      { sweepId: 'd2', takenAt: '2026-11-02T00:00:00Z', judged: 10_000, byRule: { 'td/contact': 60 } },
    ];
    const r = assessBlastRadius(
      tallyOf(10_000, [
        { action: 'limit', ruleIds: ['td/contact'], n: 200 },
        { action: 'limit', ruleIds: ['wa/ring'], n: 45 },
      ]),
      history,
      guard,
    );
    expect(r.heldRules.map((h) => h.ruleId)).toEqual(['td/contact']);
    expect(r.heldRules[0].reason).toContain('4.0× its rate in the last 2 sweep(s)');
    expect(r.historySweeps).toEqual(['d1', 'd2']);
  });

  it('sends a follower tier over its cap to review', () => {
    const r = assessBlastRadius(tallyOf(10_000, [{ action: 'suspend', ruleIds: ['wa/ring'], followerCount: 20_000, n: 201 }]), [], guard);
    expect(r.followerTiers).toEqual([{ atLeast: 10_000, accounts: 201, maxActions: 200 }]);
    const under = assessBlastRadius(tallyOf(10_000, [{ action: 'suspend', ruleIds: ['wa/ring'], followerCount: 20_000, n: 200 }]), [], guard);
    expect(under.tripped).toBe(false);
  });

  it('keeps held rules out of the history, so a bad day does not raise the baseline', () => {
    const t = tallyOf(10_000, [
      { action: 'limit', ruleIds: ['hc/dup'], n: 900 },
      { action: 'limit', ruleIds: ['td/contact'], n: 100 },
    ]);
    const e = historyEntry('s1', '2026-11-03T00:00:00Z', t, assessBlastRadius(t, [], guard));
    expect(e.byRule).toEqual({ 'td/contact': 100 });
  });
});
