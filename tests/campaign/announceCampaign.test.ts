import { describe, expect, it } from 'vitest';
import { announceCampaign } from '#shared/campaign/announceCampaign';

describe('announceCampaign', () => {
  it('states the period, the distinct accounts and the follower tiers in Chinese and English, as the seeds’ announcement does', () => {
    const a = announceCampaign({
      start: '2026-11-18',
      end: '2026-12-16',
      accounts: 1_259_709,
      over100k: 252,
      over10k: 4941,
      byCode: [
        ['fake-account', 900_000],
        ['water-army', 200_000],
        ['traffic-diversion', 100_000],
        ['ai-hosted', 10],
      ],
    });
    expect(a.zh).toContain('11月18日至12月16日');
    expect(a.zh).toContain('1,259,709');
    expect(a.zh).toContain('10万以上账号252个');
    expect(a.zh).toContain('1万以上账号4,941个');
    expect(a.zh).toContain('虚假账号900,000个');
    expect(a.zh).not.toContain('AI托管');
    expect(a.en).toBe(
      'Between 18 Nov and 16 Dec, the platform handled 1,259,709 accounts, including 252 with over 100,000 followers and 4,941 with over 10,000. Main violations: fake-account 900,000, water-army 200,000, traffic-diversion 100,000. Users who were handled can appeal.',
    );
  });
});
