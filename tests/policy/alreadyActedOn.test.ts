import { describe, expect, it } from 'vitest';
import type { Finding } from '#shared/detect/finding';
import { RULE_BRAND_POINTS, RULE_BRAND_UNAUTHORISED } from '#shared/detect/ruleCatalog';
import { parsePolicy } from '#shared/policy/loadPolicy';
import goldenPolicy from '../golden/policy.json' with { type: 'json' };
import { evidenceKeysOf, splitAlreadyActed } from '#shared/policy/actedEvidence';
import { decideAction, type DecideContext, type PriorOffense } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import type { RuleSetting } from '#shared/policy/ruleSettings';

const policy: Policy = {
  policyVersion: 'test-1',
  ladder: [{ action: 'warn' }, { action: 'limit', days: 7 }, { action: 'suspend', days: 14 }, { action: 'suspend', days: 28 }, { action: 'ban' }],
  severityStart: { low: 0, medium: 1, high: 2, critical: 4 },
  codes: {},
  rules: {},
  sampling: { rate: 0.1, floor: 1, cap: 10 },
  appeal: { windowDays: 30, url: 'app://appeal' },
};
const rule = (ruleId: string, code: RuleSetting['code'], severity: RuleSetting['severity']): [string, RuleSetting] => [
  ruleId,
  { ruleId, code, severity, enabled: true, minScore: 0, thresholds: {}, basis: 'content', strength: 'strong' },
];
const rules = new Map<string, RuleSetting>([
  rule('td/contact', 'traffic-diversion', 'medium'),
  rule('fa/device', 'fake-account', 'critical'),
  rule('wa/ring', 'water-army', 'high'),
  rule(RULE_BRAND_UNAUTHORISED, 'undisclosed-promotion', 'medium'),
  rule(RULE_BRAND_POINTS, 'undisclosed-promotion', 'medium'),
]);
const TAKEN = '2026-11-20T00:00:00.000Z';
const ctx = (sweepId: string, takenAt = TAKEN): DecideContext => ({ policy, rules, sweepId, snapshotId: 'snap', takenAt });

const contact = (noteIds: string[], commentIds: string[] = []): Finding => ({
  accountId: 'a1',
  code: 'traffic-diversion',
  ruleId: 'td/contact',
  severity: 'medium',
  score: 0.9,
  evidence: { summary: 'contact', noteIds, commentIds },
});
const device = (clusterKey?: string): Finding => ({
  accountId: 'a1',
  code: 'fake-account',
  ruleId: 'fa/device',
  severity: 'critical',
  score: 0.9,
  evidence: { summary: 'cluster', relatedAccountIds: ['other-1'], ...(clusterKey ? { clusterKey } : {}) },
});
const day1 = (action: PriorOffense['action'], evidenceKeys: string[]): PriorOffense => ({ sweepId: 'day1', effectiveAt: TAKEN, action, evidenceKeys });

describe('evidence keys: what "the same evidence" is', () => {
  it('are the content ids a finding names, its cluster under its rule, or the rule itself for an account-level fact', () => {
    expect(evidenceKeysOf(contact(['n2', 'n1'], ['c1']))).toEqual(['comment:c1', 'note:n1', 'note:n2']);
    expect(evidenceKeysOf(device('dev#1'))).toEqual(['cluster:fa/device:dev#1']);
    expect(evidenceKeysOf(device())).toEqual(['account:fa/device']);
  });

  it('a finding is already acted on only when every key of it is covered; one new key makes it new evidence', () => {
    const offenses = [day1('limit', ['note:n1', 'note:n2'])];
    const s = splitAlreadyActed([contact(['n1']), contact(['n1', 'n3'])], offenses);
    expect(s.repeated.map((f) => f.evidence.noteIds)).toEqual([['n1']]);
    expect(s.fresh.map((f) => f.evidence.noteIds)).toEqual([['n1', 'n3']]);
    expect(s.actedIn).toEqual(['day1']);
  });
});

describe('across sweeps, one act is punished once', () => {
  it('a second sweep over the same snapshot finds the same notes again: no action, and it says which sweep acted on them', () => {
    const d = decideAction({ accountId: 'a1', findings: [contact(['n1', 'n2'])], prior: [day1('limit', ['note:n1', 'note:n2'])], followerCount: 3 }, ctx('campaign'));
    expect(d).toMatchObject({ action: 'none', codes: ['traffic-diversion'], ruleIds: ['td/contact'], alreadyActed: { sweepIds: ['day1'], ruleIds: ['td/contact'] } });
    expect(d.durationDays).toBeUndefined();
    expect(d.evidenceKeys).toBeUndefined();
  });

  it('the same snapshot counts the earlier sweep as a prior offense when there IS new evidence (priorOffenses is not 0)', () => {
    const d = decideAction({ accountId: 'a1', findings: [contact(['n1', 'n9'])], prior: [day1('limit', ['note:n1'])], followerCount: 3 }, ctx('campaign'));
    expect(d).toMatchObject({ action: 'suspend', durationDays: 14, priorOffenses: 1, evidenceKeys: ['note:n1', 'note:n9'] });
  });

  it('a later snapshot with new notes escalates one step', () => {
    const d = decideAction({ accountId: 'a1', findings: [contact(['n5'])], prior: [day1('limit', ['note:n1', 'note:n2'])], followerCount: 3 }, ctx('day2', '2026-11-21T00:00:00.000Z'));
    expect(d).toMatchObject({ action: 'suspend', priorOffenses: 1, codes: ['traffic-diversion'] });
    expect(d.alreadyActed).toBeUndefined();
  });

  it('only the new findings are acted on: a repeated cluster finding is dropped, a new note finding decides alone', () => {
    const prior = [day1('ban', ['cluster:fa/device:dev#1'])];
    const d = decideAction({ accountId: 'a1', findings: [device('dev#1'), contact(['n7'])], prior, followerCount: 3 }, ctx('campaign'));
    expect(d).toMatchObject({ codes: ['traffic-diversion'], ruleIds: ['td/contact'], priorOffenses: 1, alreadyActed: { ruleIds: ['fa/device'], codes: ['fake-account'] } });
    expect(d.findings.map((f) => f.ruleId)).toEqual(['td/contact']);
  });

  it('a re-run of the same sweep is not "already acted on" by itself, and offenses without evidence keys cover nothing', () => {
    const own = { sweepId: 'campaign', effectiveAt: TAKEN, action: 'limit' as const, evidenceKeys: ['note:n1'] };
    expect(decideAction({ accountId: 'a1', findings: [contact(['n1'])], prior: [own], followerCount: 3 }, ctx('campaign'))).toMatchObject({ action: 'limit', priorOffenses: 0 });
    const legacy = { sweepId: 'old', effectiveAt: '2026-11-01T00:00:00.000Z', action: 'limit' as const };
    expect(decideAction({ accountId: 'a1', findings: [contact(['n1'])], prior: [legacy], followerCount: 3 }, ctx('campaign'))).toMatchObject({ action: 'suspend', priorOffenses: 1 });
  });

  it('offenses decided after this snapshot neither count nor cover (a replay of an older sweep decides as it did)', () => {
    const later = { sweepId: 'day9', effectiveAt: '2026-11-29T00:00:00.000Z', action: 'ban' as const, evidenceKeys: ['note:n1'] };
    expect(decideAction({ accountId: 'a1', findings: [contact(['n1'])], prior: [later], followerCount: 3 }, ctx('day1'))).toMatchObject({ action: 'limit', priorOffenses: 0 });
  });

  it("a brand account's promotions under brand points are left to the brand points ledger: a note is charged once per period, again in a new one", () => {
    const promo = (noteId: string): Finding => ({
      accountId: 'b1',
      code: 'undisclosed-promotion',
      ruleId: RULE_BRAND_UNAUTHORISED,
      severity: 'medium',
      score: 0.9,
      evidence: { summary: 'sells off-platform', noteIds: [noteId] },
    });
    const withPoints: Policy = { ...policy, brandPoints: parsePolicy(goldenPolicy, 'tests/golden/policy.json').brandPoints };
    const prior = [{ sweepId: 'bp-1', effectiveAt: '2026-10-01T00:00:00.000Z', action: 'warn' as const, evidenceKeys: ['note:n1'] }];
    const deductions = [{ noteId: 'n1', period: '2026-04-20', sweepId: 'bp-1', points: 2, effectiveAt: '2026-10-01T00:00:00.000Z' }];
    const input = { accountId: 'b1', findings: [promo('n1')], prior, followerCount: 3, accountType: 'brand', brandId: 'glowx', brandDeductions: deductions };
    const newPeriod = decideAction(input, { ...ctx('bp-4', '2027-05-01T00:00:00.000Z'), policy: withPoints });
    expect(newPeriod.brandPoints).toMatchObject({ deducted: ['n1'] });
    expect(newPeriod.alreadyActed).toBeUndefined();
  });
});
