/**
 * A campaign's limits applied to the policy a day's sweep runs under: they only tighten the
 * blast-radius guard (a day over its cap is held for review, never cut short at an arbitrary
 * account), so decisions stay those of the policy version the campaign names.
 */
import { guardPolicyOf, type Policy } from '#shared/policy/policySchema';
import type { Campaign } from './campaignSchema.ts';

export function policyForCampaign(policy: Policy, campaign: Pick<Campaign, 'limits'>): Policy {
  const { maxActionsPerDay, maxOver10kPerDay, maxOver100kPerDay } = campaign.limits;
  if (maxActionsPerDay === undefined && maxOver10kPerDay === undefined && maxOver100kPerDay === undefined) return policy;
  const guard = guardPolicyOf(policy);
  const caps = new Map(guard.followerCaps.map((c) => [c.atLeast, c.maxActions]));
  const tighten = (atLeast: number, cap: number | undefined) => {
    if (cap !== undefined) caps.set(atLeast, Math.min(cap, caps.get(atLeast) ?? cap));
  };
  tighten(10_000, maxOver10kPerDay);
  tighten(100_000, maxOver100kPerDay);
  const maxSweepActions = maxActionsPerDay === undefined ? guard.maxSweepActions : Math.min(maxActionsPerDay, guard.maxSweepActions ?? maxActionsPerDay);
  return {
    ...policy,
    guard: {
      ...guard,
      ...(maxSweepActions !== undefined ? { maxSweepActions } : {}),
      followerCaps: [...caps.entries()].sort((a, b) => a[0] - b[0]).map(([atLeast, maxActions]) => ({ atLeast, maxActions })),
    },
  };
}
