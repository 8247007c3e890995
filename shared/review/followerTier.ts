/** Follower tiers as platforms announce them (over 10k, over 100k). */
export type FollowerTier = '<10k' | '10k-100k' | '>=100k';

export function followerTier(followers: number): FollowerTier {
  if (followers >= 100_000) return '>=100k';
  if (followers >= 10_000) return '10k-100k';
  return '<10k';
}
