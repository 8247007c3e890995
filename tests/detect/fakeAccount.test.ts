import { describe, expect, it } from 'vitest';
import type { Account, Follow } from '#shared/contract/snapshotRecords';
import { networkPrefix, nicknameTemplate } from '#shared/detect/detectors/fakeAccount';
import { account, at, note, rulesOf, runDetection } from './harness.ts';

function farm(n: number, p: { device?: (i: number) => string; ip?: (i: number) => string; client?: string; nick?: (i: number) => string; minutes?: (i: number) => number }): Account[] {
  return Array.from({ length: n }, (_, i) =>
    account(`f${i}`, {
      createdAt: at(p.minutes ? p.minutes(i) : i * 2),
      nickname: p.nick ? p.nick(i) : ['晴天', 'momo', '一只猫', 'Kiki', '阿杰', '小鹿', '柚子', '大橙子'][i % 8],
      registration: { ip: p.ip ? p.ip(i) : `36.${i}.${i * 3}.${i}`, deviceId: p.device ? p.device(i) : `own-${i}`, client: p.client ?? 'app-android' },
    }),
  );
}

describe('fake-account: registration clusters', () => {
  it('fires device-farm when many accounts share one registration device; evidence has no raw device id', () => {
    // registered over days, but two of them within minutes of each other: made in bulk
    const accounts = farm(8, { device: () => 'DEVICE-XYZ-001', minutes: (i) => (i === 7 ? 6 * 60 * 24 + 20 : i * 60 * 24) });
    const r = runDetection({ accounts });
    for (const a of accounts) expect(rulesOf(r, a.accountId, 'fake-account')).toContain('fake-account/device-farm');
    const f = r.byAccount.get('f0')!.find((x) => x.ruleId === 'fake-account/device-farm')!;
    expect(f.severity).toBe('critical');
    expect(JSON.stringify(f)).not.toContain('DEVICE-XYZ-001');
    expect(f.evidence.relatedAccountIds).toHaveLength(7);
  });

  it('many accounts signed up one at a time over weeks and run from one phone are not a device farm', () => {
    // a studio or a family: the device is shared, the registrations were not made in bulk
    const accounts = farm(8, { device: () => 'STUDIO-PHONE', minutes: (i) => i * 60 * 24 * 3 + (i % 2) * 45 });
    const r = runDetection({ accounts });
    for (const a of accounts) expect(rulesOf(r, a.accountId, 'fake-account')).not.toContain('fake-account/device-farm');
    // the same phone with a registration tool, or templated names, is bulk again
    const tooled = runDetection({ accounts: farm(8, { device: () => 'STUDIO-PHONE', client: 'reg-helper-pro', minutes: (i) => i * 60 * 24 * 3 }) });
    expect(rulesOf(tooled, 'f0', 'fake-account')).toContain('fake-account/device-farm');
    const templated = runDetection({ accounts: farm(8, { device: () => 'STUDIO-PHONE', nick: (i) => `柚子呀${i * 37 + 100}`, minutes: (i) => i * 60 * 24 * 3 }) });
    expect(rulesOf(templated, 'f0', 'fake-account')).toContain('fake-account/device-farm');
  });

  it('fires registration-burst for a burst on one /24 with templated nicknames', () => {
    const accounts = farm(6, { ip: (i) => `117.25.13.${10 + i}`, nick: (i) => `美妆达人${1001 + i}`, minutes: (i) => i * 3 });
    const r = runDetection({ accounts });
    for (const a of accounts) expect(rulesOf(r, a.accountId, 'fake-account')).toContain('fake-account/registration-burst');
    const f = r.byAccount.get('f0')!.find((x) => x.ruleId === 'fake-account/registration-burst')!;
    expect(JSON.stringify(f)).not.toContain('117.25.13');
  });

  it('fires registration-burst for an IPv6 /48 burst through a registration tool', () => {
    const accounts = farm(5, { ip: (i) => `2408:8207:1234:${i}::${i + 1}`, client: 'reg-helper-pro', minutes: (i) => i });
    const r = runDetection({ accounts });
    for (const a of accounts) {
      expect(rulesOf(r, a.accountId, 'fake-account')).toContain('fake-account/registration-burst');
      expect(rulesOf(r, a.accountId, 'fake-account')).toContain('fake-account/bot-client');
    }
  });

  it('sign-ups through an AI hosting service bunching up in time are not a registration-tool farm', () => {
    // many real people sign up through a popular hosting tool: at platform scale they bunch up by chance
    const accounts = farm(6, { client: 'open-api/AIHost', minutes: (i) => i });
    const r = runDetection({ accounts });
    for (const a of accounts) expect(rulesOf(r, a.accountId, 'fake-account')).not.toContain('fake-account/bot-client');
    const tool = farm(6, { client: 'reg-helper-pro', minutes: (i) => i });
    const t = runDetection({ accounts: tool });
    for (const a of tool) expect(rulesOf(t, a.accountId, 'fake-account')).toContain('fake-account/bot-client');
  });

  it('fires templated-nicknames for sequential names from one network over a day', () => {
    const accounts = farm(5, { ip: (i) => `58.20.30.${i + 1}`, nick: (i) => `tarot_daily_${20 + i}`, minutes: (i) => i * 70 });
    const r = runDetection({ accounts });
    for (const a of accounts) expect(rulesOf(r, a.accountId, 'fake-account')).toContain('fake-account/templated-nicknames');
  });

  it('a family sharing one device (3 accounts, months apart, normal client) stays clean', () => {
    const accounts = farm(3, { device: () => 'family-ipad', ip: () => '114.80.1.20', minutes: (i) => i * 60 * 24 * 90 });
    const r = runDetection({ accounts });
    for (const a of accounts) expect(rulesOf(r, a.accountId, 'fake-account')).toEqual([]);
  });

  it('a campus /24 shared by many accounts registered at unrelated times stays clean', () => {
    const accounts = farm(40, { ip: (i) => `202.120.2.${i + 1}`, minutes: (i) => i * 60 * 7 + (i % 5) * 13 });
    const r = runDetection({ accounts });
    expect(r.findings.filter((f) => f.code === 'fake-account')).toEqual([]);
  });

  it('a few students registering on campus wifi in the same hour with normal names and apps stay clean', () => {
    const accounts = farm(5, { ip: (i) => `202.120.2.${i + 1}`, minutes: (i) => i * 5 });
    const r = runDetection({ accounts });
    expect(r.findings.filter((f) => f.code === 'fake-account')).toEqual([]);
  });
});

describe('fake-account: brushed followers', () => {
  it('fires on a follower-history jump', () => {
    const followerHistory = Array.from({ length: 20 }, (_, i) => ({ at: at(i * 1440), count: 100 + i * 5 + (i >= 12 ? 3000 : 0) }));
    const r = runDetection({ accounts: [account('k1', { followerHistory, followerCount: 3200 })] });
    expect(rulesOf(r, 'k1', 'fake-account')).toEqual(['fake-account/brushed-followers']);
  });

  it('fires on a burst of follows', () => {
    const follows: Follow[] = [
      ...Array.from({ length: 80 }, (_, i) => ({ followerId: `b${i}`, followeeId: 'k1', createdAt: at(1000 + i * 0.5) })),
      ...Array.from({ length: 20 }, (_, i) => ({ followerId: `o${i}`, followeeId: 'k1', createdAt: at(i * 4000) })),
    ];
    const r = runDetection({ accounts: [account('k1')], follows });
    expect(rulesOf(r, 'k1', 'fake-account')).toEqual(['fake-account/brushed-followers']);
  });

  it('fires on a brushing step of a few hundred followers into a barely followed farm account', () => {
    const followerHistory = Array.from({ length: 30 }, (_, i) => ({ at: at(i * 1440), count: 1 + (i >= 5 ? 308 : 0) + (i >= 12 ? 432 : 0) }));
    const r = runDetection({ accounts: [account('k3', { followerHistory, followerCount: 741 })] });
    expect(rulesOf(r, 'k3', 'fake-account')).toEqual(['fake-account/brushed-followers']);
  });

  it('fires on a step that is modest next to a growing audience but far outside its day-to-day rhythm', () => {
    // ~220 a day of real growth, then one day of +1685 that stays
    const followerHistory = Array.from({ length: 30 }, (_, i) => ({ at: at(i * 1440), count: 2720 + i * 220 + (i % 4) * 15 + (i >= 5 ? 1465 : 0) }));
    const r = runDetection({ accounts: [account('k4', { followerHistory })] });
    expect(rulesOf(r, 'k4', 'fake-account')).toEqual(['fake-account/brushed-followers']);
  });

  it('a big account whose followers wobble by hundreds a day (campaign bumps that ebb away) stays clean', () => {
    const wobble = [239, 441, 297, 71, -768, 819, -428, 107, 892, -319, 86, 44, 484, -33, 635, -423, 710, 87, 413, 354, -526, 190, 420, -81, -281, 920, -602, 1217, -342];
    let c = 100_000;
    const followerHistory = [{ at: at(0), count: c }, ...wobble.map((d, i) => ({ at: at((i + 1) * 1440), count: (c += d) }))];
    const r = runDetection({ accounts: [account('k5', { accountType: 'brand', followerHistory, followerCount: c })] });
    expect(rulesOf(r, 'k5')).toEqual([]);
  });

  it('a few days of history say too little about an account’s noise: a new account’s +78 on its fourth day is not a step; a week on, a step of 355 is', () => {
    // from a 28-day campaign at 40k accounts: a sponsored creator new to the platform with 9.4k followers, limited on its fourth day
    const counts = [9438, 9416, 9391, 9469];
    const history = (cs: number[]) => cs.map((count, i) => ({ at: at(i * 1440), count }));
    const young = runDetection({ accounts: [account('k7', { followerHistory: history(counts), followerCount: 9469 })] });
    expect(rulesOf(young, 'k7')).toEqual([]);
    const weekOld = [9438, 9416, 9391, 9380, 9372, 9360, 9355, 9345, 9700, 9702];
    const later = runDetection({ accounts: [account('k7', { followerHistory: history(weekOld), followerCount: 9702 })] });
    expect(rulesOf(later, 'k7', 'fake-account')).toEqual(['fake-account/brushed-followers']);
  });

  it('a one-day spike that is gone the next days is not a brushed step', () => {
    const followerHistory = Array.from({ length: 30 }, (_, i) => ({ at: at(i * 1440), count: 500 + i * 3 + (i === 10 ? 900 : 0) }));
    const r = runDetection({ accounts: [account('k6', { followerHistory })] });
    expect(rulesOf(r, 'k6')).toEqual([]);
  });

  it('a creator whose note went viral gains followers in a step that stays, and stays clean; the same step without the note fires', () => {
    // usual notes draw a few hundred likes; the note of day 11 drew 46k, and followers climbed over the next days
    const followerHistory = Array.from({ length: 30 }, (_, i) => ({ at: at(i * 1440), count: 9500 + i * 4 + (i >= 12 ? 4000 : 0) + (i >= 13 ? 6000 : 0) + (i >= 14 ? 3500 : 0) }));
    const usual = Array.from({ length: 12 }, (_, i) => note(`u${i}`, 'pc', { createdAt: at(i * 2 * 1440 - 40 * 1440), likeCount: 300 + i * 20, collectCount: 120 }));
    const viral = note('v1', 'pc', { createdAt: at(11 * 1440 + 300), likeCount: 46_803, collectCount: 28_081 });
    const acc = account('pc', { followerHistory, followerCount: 23_100 });
    expect(rulesOf(runDetection({ accounts: [acc], notes: [...usual, viral] }), 'pc', 'fake-account')).toEqual([]);
    expect(rulesOf(runDetection({ accounts: [acc], notes: usual }), 'pc', 'fake-account')).toEqual(['fake-account/brushed-followers']);
    // a note that drew fewer people than the followers gained explains nothing
    const modest = note('v1', 'pc', { createdAt: at(11 * 1440 + 300), likeCount: 3000, collectCount: 500 });
    expect(rulesOf(runDetection({ accounts: [acc], notes: [...usual, modest] }), 'pc', 'fake-account')).toEqual(['fake-account/brushed-followers']);
  });

  it('steady organic growth stays clean', () => {
    const followerHistory = Array.from({ length: 30 }, (_, i) => ({ at: at(i * 1440), count: 1000 + i * 150 + (i % 3) * 40 }));
    const r = runDetection({ accounts: [account('k2', { followerHistory })] });
    expect(rulesOf(r, 'k2')).toEqual([]);
  });
});

describe('fake-account helpers', () => {
  it('networkPrefix gives /24 and /48', () => {
    expect(networkPrefix('117.25.13.77')).toBe('117.25.13.0/24');
    expect(networkPrefix('2408:8207:1234:5::1')).toBe('2408:8207:1234::/48');
    expect(networkPrefix('2408:8207::1')).toBe('2408:8207:0::/48');
  });
  it('nicknameTemplate splits prefix and number', () => {
    expect(nicknameTemplate('美妆达人1001')).toEqual({ prefix: '美妆达人', num: 1001 });
    expect(nicknameTemplate('Kiki')).toBeUndefined();
  });
});

describe('fake-account: nickname templates', () => {
  it('fires registration-burst for a burst whose names share a skeleton with random numbering', () => {
    const accounts = farm(6, { ip: (i) => `47.92.38.${i * 7}`, client: 'web', nick: (i) => `快乐星球${'xyac'[i % 4]}${[268, 484, 236, 837, 951, 332][i]}同学`, minutes: (i) => i });
    const r = runDetection({ accounts });
    for (const a of accounts) expect(rulesOf(r, a.accountId, 'fake-account')).toContain('fake-account/registration-burst');
  });

  it('default nicknames in a small same-network burst do not count as templated', () => {
    const accounts = farm(6, { ip: (i) => `39.105.184.${i + 1}`, nick: (i) => `小红薯${['2E00120B', '7F870632', 'EABCB248', '3832EC84', 'FFD2863C', '2B1FB1D7'][i]}`, minutes: (i) => i * 5 });
    const r = runDetection({ accounts });
    expect(r.findings.filter((f) => f.code === 'fake-account')).toEqual([]);
  });
});
