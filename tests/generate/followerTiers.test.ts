/**
 * The opt-in follower tiers: violators land in the tiers asked for, the accounts without a code keep the
 * audiences the default run gives them, and a follower history still ends at the account's count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFollowerTiers, validateFollowerTiers } from '#scripts/generate/followerTiers';
import { makeDays, readDay, type DaysFixture } from './daysFixture.ts';

interface Account {
  accountId: string;
  followerCount: number;
  followerHistory?: Array<{ at: string; count: number }>;
}

const TIERS = { over10k: 0.2, over100k: 0.05 };
let plain: DaysFixture;
let tiered: DaysFixture;

beforeAll(async () => {
  const opts = { days: 2, start: '2026-11-18', accounts: 1500, seed: 'tiers', partsPerKind: 1 };
  plain = await makeDays(opts);
  tiered = await makeDays({ ...opts, followerTiers: TIERS });
}, 120_000);

afterAll(async () => {
  await plain?.cleanup();
  await tiered?.cleanup();
});

describe('opt-in follower tiers for violators', () => {
  it('puts violators in the tiers asked for and leaves the accounts without a code as the default run has them', () => {
    const date = '2026-11-19';
    const a = readDay(plain, date);
    const b = readDay(tiered, date);
    const violators = new Set(b.labels.filter((l) => l.codes.length > 0).map((l) => l.accountId));
    const before = new Map(a.of<Account>('accounts').map((x) => [x.accountId, x.followerCount]));
    const after = b.of<Account>('accounts');
    const v = after.filter((x) => violators.has(x.accountId));
    expect(v.length).toBeGreaterThan(100);
    const over10k = v.filter((x) => x.followerCount >= 10_000).length / v.length;
    const over100k = v.filter((x) => x.followerCount >= 100_000).length / v.length;
    expect(over10k).toBeGreaterThan(0.12);
    expect(over10k).toBeLessThan(0.28);
    expect(over100k).toBeGreaterThan(0.015);
    expect(over100k).toBeLessThan(0.1);
    for (const x of after.filter((y) => !violators.has(y.accountId))) expect(x.followerCount, x.accountId).toBe(before.get(x.accountId));
    // a history still ends at the day's count (the curve was rescaled, not cut)
    for (const x of v) if (x.followerHistory?.length) expect(x.followerHistory.at(-1)!.count, x.accountId).toBe(x.followerCount);
    // a tiered run is another snapshot: its id says so (a cached export is never mistaken for the default)
    expect(tiered.summary.days[1].snapshotId).not.toBe(plain.summary.days[1].snapshotId);
  });

  it('is a no-op on an account already in its tier, and scales brushed jumps with the count', () => {
    const acc = { id: 'acc-1', codes: new Set(['fake-account']), followerCount: 5_000, followerCurve: { growth: 0, jumps: [{ day: 3, add: 2_000 }] } } as never as Parameters<
      typeof applyFollowerTiers
    >[0][number];
    applyFollowerTiers([acc], 's', { over10k: 1, over100k: 1 });
    expect(acc.followerCount).toBeGreaterThanOrEqual(100_000);
    expect(acc.followerCurve!.jumps![0].add / acc.followerCount).toBeCloseTo(0.4, 3);
    const placed = acc.followerCount;
    applyFollowerTiers([acc], 's', { over10k: 1, over100k: 1 });
    expect(acc.followerCount).toBe(placed);
  });

  it('refuses shares that cannot be, naming them', () => {
    expect(() => validateFollowerTiers({ over10k: 0.001, over100k: 0.01 })).toThrow(/over100k \(0.01\) must not exceed followerTiers.over10k/);
    expect(() => validateFollowerTiers({ over10k: 2, over100k: 0 })).toThrow(/followerTiers.over10k must be a share in 0..1, got 2/);
  });
});
