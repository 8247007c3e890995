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
  { ruleId, code, severity, enabled: true, minScore: 0, thresholds: {}, ...extra },
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
