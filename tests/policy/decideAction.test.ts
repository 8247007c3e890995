import { describe, expect, it } from 'vitest';
import type { Finding } from '#shared/detect/finding';
import { decideAction, type DecideContext } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import type { RuleSetting } from '#shared/policy/ruleSettings';

const policy: Policy = {
  policyVersion: 'test-1',
  ladder: [{ action: 'warn' }, { action: 'limit', days: 7 }, { action: 'suspend', days: 14 }, { action: 'suspend', days: 28 }, { action: 'ban' }],
  severityStart: { low: 0, medium: 1, high: 2, critical: 4 },
  multiCode: { minCodes: 3, extraSteps: 1 },
  codes: {},
  rules: {},
  sampling: { rate: 0.1, floor: 1, cap: 10 },
  appeal: { windowDays: 30, url: 'app://appeal' },
};

const rule = (ruleId: string, code: RuleSetting['code'], severity: RuleSetting['severity'], extra: Partial<RuleSetting> = {}): [string, RuleSetting] => [
  ruleId,
  { ruleId, code, severity, enabled: true, minScore: 0, thresholds: {}, basis: 'content', strength: 'strong', ...extra },
];

const rules = new Map<string, RuleSetting>([
  rule('td/contact', 'traffic-diversion', 'medium'),
  rule('wa/ring', 'water-army', 'high'),
  rule('fa/farm', 'fake-account', 'critical'),
  rule('eb/bait', 'engagement-bait', 'low'),
  rule('off/rule', 'misleading-marketing', 'high', { enabled: false }),
  rule('weak/rule', 'ai-hosted', 'low', { minScore: 0.8 }),
]);

const ctx: DecideContext = { policy, rules, sweepId: 'sw-2', snapshotId: 'snap', takenAt: '2026-11-20T00:00:00.000Z' };

const finding = (ruleId: string, code: Finding['code'], score = 0.9): Finding => ({
  accountId: 'a1',
  code,
  ruleId,
  severity: 'low',
  score,
  evidence: { summary: 'x' },
});

describe('decideAction', () => {
  it('enters the ladder at the severity the policy gives the rule', () => {
    const d = decideAction({ accountId: 'a1', findings: [finding('td/contact', 'traffic-diversion')], prior: [], followerCount: 3 }, ctx);
    expect(d).toMatchObject({ action: 'limit', durationDays: 7, codes: ['traffic-diversion'], ruleIds: ['td/contact'], severity: 'medium', policyVersion: 'test-1' });
    expect(d.effectiveAt).toBe(ctx.takenAt);
  });

  it('escalates one step per prior offense from earlier sweeps', () => {
    const prior = [
      { sweepId: 'sw-0', effectiveAt: '2026-11-01T00:00:00.000Z', action: 'limit' as const },
      { sweepId: 'sw-1', effectiveAt: '2026-11-10T00:00:00.000Z', action: 'suspend' as const },
    ];
    const d = decideAction({ accountId: 'a1', findings: [finding('td/contact', 'traffic-diversion')], prior, followerCount: 3 }, ctx);
    expect(d).toMatchObject({ action: 'suspend', durationDays: 28, priorOffenses: 2 });
  });

  it('does not count its own sweep or later offenses, so a re-run decides the same', () => {
    const prior = [
      { sweepId: 'sw-2', effectiveAt: '2026-11-20T00:00:00.000Z', action: 'limit' as const },
      { sweepId: 'sw-9', effectiveAt: '2026-12-01T00:00:00.000Z', action: 'ban' as const },
    ];
    const d = decideAction({ accountId: 'a1', findings: [finding('td/contact', 'traffic-diversion')], prior, followerCount: 3 }, ctx);
    expect(d).toMatchObject({ action: 'limit', priorOffenses: 0 });
  });

  it('takes the worst severity across codes and adds a step for many codes', () => {
    const findings = [finding('td/contact', 'traffic-diversion'), finding('wa/ring', 'water-army'), finding('eb/bait', 'engagement-bait')];
    const d = decideAction({ accountId: 'a1', findings, prior: [], followerCount: 3 }, ctx);
    expect(d.codes).toEqual(['engagement-bait', 'traffic-diversion', 'water-army']);
    expect(d).toMatchObject({ severity: 'high', action: 'suspend', durationDays: 28, ladderStep: 3 });
  });

  it('caps at the top of the ladder: critical is a ban', () => {
    const d = decideAction({ accountId: 'a1', findings: [finding('fa/farm', 'fake-account')], prior: [], followerCount: 3 }, ctx);
    expect(d.action).toBe('ban');
    expect(d.durationDays).toBeUndefined();
  });

  it('ignores disabled rules and findings below the rule minimum score', () => {
    const d = decideAction(
      { accountId: 'a1', findings: [finding('off/rule', 'misleading-marketing'), finding('weak/rule', 'ai-hosted', 0.5), finding('unknown/rule', 'water-army')], prior: [], followerCount: 3 },
      ctx,
    );
    expect(d).toMatchObject({ action: 'none', codes: [], ruleIds: [] });
  });
});

describe('evidence sufficiency', () => {
  const weakRules = new Map<string, RuleSetting>([
    rule('mm/claim', 'misleading-marketing', 'high', { strength: 'supporting', basis: 'content' }),
    rule('mm/title', 'misleading-marketing', 'high', { strength: 'supporting', basis: 'content' }),
    rule('fa/nick', 'fake-account', 'high', { strength: 'supporting', basis: 'profile' }),
    rule('fa/farm', 'fake-account', 'critical', { strength: 'strong', basis: 'registration' }),
  ]);
  const weakCtx: DecideContext = { ...ctx, rules: weakRules };

  it('caps a suspension resting on one supporting basis at the weak cap (a 7-day limit), and says why', () => {
    const d = decideAction({ accountId: 'a1', findings: [finding('mm/claim', 'misleading-marketing'), finding('mm/title', 'misleading-marketing')], prior: [], followerCount: 3 }, weakCtx);
    expect(d).toMatchObject({ action: 'limit', durationDays: 7 });
    expect(d.evidence).toMatchObject({ level: 'weak', bases: ['content'], cappedFrom: { action: 'suspend', durationDays: 14 } });
  });

  it('lets two independent bases corroborate each other up to the ladder step', () => {
    const d = decideAction({ accountId: 'a1', findings: [finding('mm/claim', 'misleading-marketing'), finding('fa/nick', 'fake-account')], prior: [], followerCount: 3 }, weakCtx);
    expect(d).toMatchObject({ action: 'suspend', durationDays: 14 });
    expect(d.evidence).toMatchObject({ level: 'corroborated', bases: ['content', 'profile'] });
    expect(d.evidence?.cappedFrom).toBeUndefined();
  });

  it('lets a strong rule ban alone', () => {
    const d = decideAction({ accountId: 'a1', findings: [finding('fa/farm', 'fake-account')], prior: [], followerCount: 3 }, weakCtx);
    expect(d.action).toBe('ban');
    expect(d.evidence).toMatchObject({ level: 'strong', strongRules: ['fa/farm'] });
  });

  it('keeps repeat offenders on weak evidence under the cap, and a policy can raise the cap', () => {
    const prior = [{ sweepId: 'sw-0', effectiveAt: '2026-11-01T00:00:00.000Z', action: 'limit' as const }];
    const input = { accountId: 'a1', findings: [finding('mm/claim', 'misleading-marketing')], prior, followerCount: 3 };
    expect(decideAction(input, weakCtx).action).toBe('limit');
    const lenient = { ...weakCtx, policy: { ...policy, evidence: { minIndependentBases: 2, weakCap: { action: 'suspend' as const, days: 14 } } } };
    expect(decideAction(input, lenient)).toMatchObject({ action: 'suspend', durationDays: 14 });
  });
});
