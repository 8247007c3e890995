import { describe, expect, it } from 'vitest';
import { MemoryCampaignStore } from '#shared/adapters/memoryCampaignStore';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { initialState, pauseCampaign } from '#shared/campaign/campaignState';
import { startCampaignDay } from '#shared/campaign/startCampaignDay';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import type { SweepStarter } from '#shared/ports/sweepStarter';

/** Starts executions by name as Step Functions does: a name used once is refused after. */
class NamedExecutions implements SweepStarter {
  readonly started = new Map<string, unknown>();
  async start(name: string, input: unknown): Promise<'started' | 'exists'> {
    if (this.started.has(name)) return 'exists';
    this.started.set(name, input);
    return 'started';
  }
}

const policy = defaultPolicy();
const campaign = parseCampaign(
  {
    campaignId: 'wa',
    version: 1,
    title: 'Water army',
    period: { start: '2026-12-01', end: '2026-12-03' },
    schedule: { at: '02:00', timeZone: 'Asia/Shanghai' },
    codes: ['water-army'],
    policyVersion: policy.policyVersion,
    snapshotTemplate: 's3://exports/{date}/',
  },
  'test',
);

describe('the campaign trigger', () => {
  it('starts one sweep per day however often the schedule fires, and none while paused', async () => {
    const campaigns = new MemoryCampaignStore();
    const sweeps = new NamedExecutions();
    await campaigns.addVersion({ campaign, policy, createdAt: 't' });
    const s0 = initialState('wa', '2026-11-30T00:00:00Z', 'ops');
    await campaigns.setState(s0, undefined);
    expect(await startCampaignDay(campaign, policy, '2026-11-30T18:00:00Z', { campaigns, sweeps })).toMatchObject({ outcome: 'started', sweepId: 'wa-20261201' });
    expect(await startCampaignDay(campaign, policy, '2026-11-30T18:00:00Z', { campaigns, sweeps })).toMatchObject({ outcome: 'already-started', sweepId: 'wa-20261201' });
    expect(sweeps.started.get('wa-20261201')).toMatchObject({ snapshot: 's3://exports/2026-12-01/', codes: ['water-army'] });
    await campaigns.setState(pauseCampaign(s0, '2026-12-01T10:00:00Z', 'lead', 'appeal spike'), s0);
    expect(await startCampaignDay(campaign, policy, '2026-12-01T18:00:00Z', { campaigns, sweeps })).toMatchObject({ outcome: 'skipped', why: expect.stringContaining('appeal spike') });
    expect([...sweeps.started.keys()]).toEqual(['wa-20261201']);
  });
});
