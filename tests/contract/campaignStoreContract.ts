/** What every CampaignStore must do: versions written once and in order, state changed only from what the writer read. */
import { describe, expect, it } from 'vitest';
import { parseCampaign, type Campaign } from '#shared/campaign/campaignSchema';
import { initialState, pauseCampaign, resumeCampaign } from '#shared/campaign/campaignState';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { CampaignConflict, type CampaignStore } from '#shared/ports/campaignStore';

let n = 0;
const fresh = (version = 1, over: Partial<Campaign> = {}): Campaign =>
  parseCampaign(
    {
      campaignId: `c-${process.pid}-${++n}`,
      version,
      title: 'contract',
      period: { start: '2026-12-01', end: '2026-12-28' },
      schedule: { at: '02:00', timeZone: 'Asia/Shanghai' },
      policyVersion: defaultPolicy().policyVersion,
      snapshotTemplate: 's3://exports/{date}/',
      ...over,
    },
    'contract',
  );

export function campaignStoreContract(name: string, make: () => CampaignStore): void {
  describe(`CampaignStore contract: ${name}`, () => {
    const policy = defaultPolicy();

    it('keeps every version and returns the latest', async () => {
      const store = make();
      const v1 = fresh();
      await store.addVersion({ campaign: v1, policy, createdAt: '2026-11-30T00:00:00Z' });
      const v2 = { ...v1, version: 2, title: 'renamed' };
      await store.addVersion({ campaign: v2, policy, createdAt: '2026-12-01T00:00:00Z' });
      expect((await store.latest(v1.campaignId))?.campaign.title).toBe('renamed');
      expect((await store.version(v1.campaignId, 1))?.campaign.title).toBe('contract');
      expect((await store.version(v1.campaignId, 1))?.policy.policyVersion).toBe(policy.policyVersion);
      expect(await store.latest('no-such-campaign')).toBeUndefined();
    });

    it('refuses a version number that is taken or skips one', async () => {
      const store = make();
      const v1 = fresh();
      await store.addVersion({ campaign: v1, policy, createdAt: 't' });
      await expect(store.addVersion({ campaign: v1, policy, createdAt: 't' })).rejects.toThrow(CampaignConflict);
      await expect(store.addVersion({ campaign: { ...v1, version: 3 }, policy, createdAt: 't' })).rejects.toThrow(/next version is 2/);
    });

    it('changes the state only from the state the writer read', async () => {
      const store = make();
      const c = fresh();
      await store.addVersion({ campaign: c, policy, createdAt: 't' });
      const s0 = initialState(c.campaignId, '2026-12-01T00:00:00Z', 'ops');
      expect(await store.setState(s0, undefined)).toBe(true);
      expect(await store.setState(s0, undefined)).toBe(false);
      const paused = pauseCampaign(s0, '2026-12-02T00:00:00Z', 'lead', 'precision check');
      expect(await store.setState(paused, s0)).toBe(true);
      // a second operator who read the active state too loses the race
      expect(await store.setState(pauseCampaign(s0, '2026-12-02T00:00:01Z', 'other', 'x'), s0)).toBe(false);
      expect(await store.state(c.campaignId)).toEqual(paused);
      expect(await store.setState(resumeCampaign(paused, '2026-12-03T00:00:00Z', 'lead'), paused)).toBe(true);
      expect((await store.state(c.campaignId))?.status).toBe('active');
    });

    it('lists each campaign once, with its latest version and state', async () => {
      const store = make();
      const a = fresh();
      await store.addVersion({ campaign: a, policy, createdAt: 't' });
      await store.addVersion({ campaign: { ...a, version: 2 }, policy, createdAt: 't' });
      await store.setState(initialState(a.campaignId, 't', 'ops'), undefined);
      const listed = (await store.list()).filter((c) => c.latest.campaign.campaignId === a.campaignId);
      expect(listed).toHaveLength(1);
      expect(listed[0].latest.campaign.version).toBe(2);
      expect(listed[0].state?.status).toBe('active');
    });
  });
}
