/**
 * An opt-in follower-tier distribution for violators. The default generator gives planted violators the
 * audiences their schemes need (a transformed account ~6,000 followers, a brand a few thousand), which makes
 * about 2.4 % of violators over 10k followers and 0.1 % over 100k at 20k accounts, six times the shares the
 * seeds' crackdown announced (4,941 and 252 of 1,259,709 handled: 0.39 % and 0.02 %). With `followerTiers`,
 * each violator is put in a tier by a hash of its id (independent of every random stream, so nothing else
 * the generator draws moves), and an account outside its tier is rescaled into it: its follower count and
 * its follower curve's brushed jumps by the same factor, so the curve's shape (what detection reads) stays.
 * Unset, nothing here runs and the default output is unchanged byte for byte.
 */
import { hashString } from './random.ts';

/** What the tiers read and rescale of an account draft (structural: cohort.ts imports this module's types). */
export interface TieredAccount {
  id: string;
  codes: { size: number };
  followerCount: number;
  followerCurve?: { jumps?: Array<{ day: number; add: number }> };
}

/** Shares of violators (accounts with any planted code) at 10k+ followers and at 100k+ (included in the first). */
export interface FollowerTierShares {
  over10k: number;
  over100k: number;
}

/** The seeds' announcement: 4,941 of 1,259,709 handled accounts over 10k followers, 252 over 100k. */
export const SEED_FOLLOWER_TIERS: FollowerTierShares = { over10k: 4941 / 1_259_709, over100k: 252 / 1_259_709 };

export function validateFollowerTiers(t: FollowerTierShares): void {
  for (const [k, v] of Object.entries(t)) if (!(typeof v === 'number' && v >= 0 && v <= 1)) throw new Error(`followerTiers.${k} must be a share in 0..1, got ${v}`);
  if (t.over100k > t.over10k) throw new Error(`followerTiers.over100k (${t.over100k}) must not exceed followerTiers.over10k (${t.over10k}): an account over 100k is also over 10k`);
}

/** Two uniforms in [0, 1) from the account id: the tier draw and the place within the tier. */
function draws(seed: string, accountId: string): [number, number] {
  const h = hashString(`${seed}\u0000follower-tier\u0000${accountId}`);
  return [h[0] / 2 ** 32, h[1] / 2 ** 32];
}

function target(count: number, tier: number, within: number, t: FollowerTierShares): number {
  if (tier < t.over100k) return count >= 100_000 ? count : Math.round(100_000 * 10 ** within); // 100k-1M, log-uniform
  if (tier < t.over10k) return count >= 10_000 && count < 100_000 ? count : Math.round(10_000 * 10 ** (within * 0.999)); // 10k-100k
  return count < 10_000 ? count : Math.round(1_000 + within * 8_999); // an account the tier draw keeps under 10k
}

/** Puts every violator of the cohort in its drawn tier; idempotent (a second pass changes nothing already placed). */
export function applyFollowerTiers(accounts: readonly TieredAccount[], seed: string, shares: FollowerTierShares): void {
  for (const acc of accounts) {
    if (acc.codes.size === 0) continue;
    const [tier, within] = draws(seed, acc.id);
    const next = target(acc.followerCount, tier, within, shares);
    if (next === acc.followerCount) continue;
    const factor = acc.followerCount > 0 ? next / acc.followerCount : 1;
    if (acc.followerCurve?.jumps) acc.followerCurve = { ...acc.followerCurve, jumps: acc.followerCurve.jumps.map((j) => ({ ...j, add: Math.round(j.add * factor) })) };
    acc.followerCount = next;
  }
}
