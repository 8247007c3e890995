import { describe, expect, it } from 'vitest';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { initialState, pauseCampaign, resumeCampaign } from '#shared/campaign/campaignState';
import { planCampaignDay } from '#shared/campaign/planCampaignDay';
import { policyForCampaign } from '#shared/campaign/campaignPolicy';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { guardPolicyOf } from '#shared/policy/policySchema';

const policy = defaultPolicy();
const campaign = parseCampaign(
  {
    campaignId: 'td',
    version: 3,
    title: 'Traffic diversion',
    period: { start: '2026-12-01', end: '2026-12-07' },
    schedule: { at: '02:00', timeZone: 'Asia/Shanghai' },
    codes: ['traffic-diversion'],
    policyVersion: policy.policyVersion,
    snapshotTemplate: 's3://exports/{date}/',
    limits: { maxActionsPerDay: 5000, maxOver100kPerDay: 2 },
  },
  'test',
);
const active = initialState('td', '2026-11-30T00:00:00Z', 'ops');

describe('planCampaignDay', () => {
  it('starts the day’s sweep with its id, snapshot, codes and the campaign version', () => {
    const plan = planCampaignDay(campaign, policy, active, '2026-12-02T18:00:00Z');
    expect(plan.run).toBe(true);
    if (!plan.run) return;
    expect(plan.day).toBe('2026-12-03');
    expect(plan.sweep).toMatchObject({
      sweepId: 'td-20261203',
      snapshot: 's3://exports/2026-12-03/',
      codes: ['traffic-diversion'],
      campaign: { campaignId: 'td', version: 3, mode: 'enforce', timeZone: 'Asia/Shanghai' },
    });
  });

  it('starts nothing before the period, after it, or while paused, and says why', () => {
    expect(planCampaignDay(campaign, policy, active, '2026-11-29T18:00:00Z')).toMatchObject({ run: false, why: expect.stringContaining('before') });
    expect(planCampaignDay(campaign, policy, active, '2026-12-07T18:00:00Z')).toMatchObject({ run: false, why: expect.stringContaining('after') });
    const paused = pauseCampaign(active, '2026-12-02T01:00:00Z', 'lead', 'precision check');
    expect(planCampaignDay(campaign, policy, paused, '2026-12-02T18:00:00Z')).toMatchObject({ run: false, why: expect.stringContaining('precision check') });
    expect(planCampaignDay(campaign, policy, resumeCampaign(paused, '2026-12-03T00:00:00Z', 'lead'), '2026-12-02T18:00:00Z').run).toBe(true);
  });

  it('refuses a policy other than the version the campaign names', () => {
    expect(() => planCampaignDay(campaign, { ...policy, policyVersion: 'other' }, active, '2026-12-02T18:00:00Z')).toThrow(/names policy/);
  });

  it('applies the campaign’s limits as guard ceilings, never loosening the policy’s', () => {
    const guard = guardPolicyOf(policyForCampaign(policy, campaign));
    expect(guard.maxSweepActions).toBe(5000);
    const base = new Map(guardPolicyOf(policy).followerCaps.map((c) => [c.atLeast, c.maxActions]));
    const caps = new Map(guard.followerCaps.map((c) => [c.atLeast, c.maxActions]));
    expect(caps.get(100_000)).toBe(Math.min(2, base.get(100_000)!));
    expect(caps.get(10_000)).toBe(base.get(10_000));
    const loose = policyForCampaign(policy, { limits: { maxOver100kPerDay: 1_000_000 } });
    expect(new Map(guardPolicyOf(loose).followerCaps.map((c) => [c.atLeast, c.maxActions])).get(100_000)).toBe(base.get(100_000));
  });

  it('pausing twice, pausing without a reason and resuming an active campaign are refused', () => {
    expect(() => pauseCampaign(active, 't', 'x', ' ')).toThrow(/reason/);
    expect(() => pauseCampaign(pauseCampaign(active, 't', 'x', 'r'), 't2', 'y', 'r')).toThrow(/already paused/);
    expect(() => resumeCampaign(active, 't', 'x')).toThrow(/not paused/);
  });
});
