/**
 * What a campaign's daily trigger does at an instant: start that day's sweep, or nothing and why.
 * The sweep id is the campaign and the day, so a trigger that fires twice, or a day re-run by hand,
 * resumes the one sweep instead of starting a second.
 */
import type { SweepInput } from '#shared/pipeline/sweepPlan';
import type { Policy } from '#shared/policy/policySchema';
import { CampaignError, type Campaign } from './campaignSchema.ts';
import { policyForCampaign } from './campaignPolicy.ts';
import type { CampaignState } from './campaignState.ts';
import { dayAt, snapshotFor, sweepIdFor } from './campaignCalendar.ts';

export type CampaignDayPlan =
  | { run: true; day: string; sweep: SweepInput & { campaign: { campaignId: string; version: number; day: string; mode: Campaign['mode']; timeZone: string } } }
  | { run: false; day: string; why: string };

export function planCampaignDay(campaign: Campaign, policy: Policy, state: CampaignState | undefined, instant: string): CampaignDayPlan {
  if (policy.policyVersion !== campaign.policyVersion) {
    throw new CampaignError(`campaign ${campaign.campaignId} v${campaign.version} names policy ${campaign.policyVersion}, but the policy given is ${policy.policyVersion}`);
  }
  const day = dayAt(campaign, instant);
  if (day < campaign.period.start) return { run: false, day, why: `before the campaign starts (${campaign.period.start})` };
  if (day > campaign.period.end) return { run: false, day, why: `after the campaign ended (${campaign.period.end})` };
  if (state?.status === 'paused') return { run: false, day, why: `paused since ${state.changedAt} by ${state.changedBy}${state.reason ? `: ${state.reason}` : ''}` };
  return {
    run: true,
    day,
    sweep: {
      sweepId: sweepIdFor(campaign, day),
      snapshot: snapshotFor(campaign, day),
      policy: policyForCampaign(policy, campaign),
      ...(campaign.codes.length ? { codes: campaign.codes } : {}),
      review: 'auto',
      campaign: { campaignId: campaign.campaignId, version: campaign.version, day, mode: campaign.mode, timeZone: campaign.schedule.timeZone },
    },
  };
}
