/**
 * The campaign trigger's use case: at the schedule's fire time, read the campaign's state (the
 * kill switch), plan the day and start its sweep under the day's sweep id. A trigger that fires
 * twice starts one sweep.
 */
import type { CampaignStore } from '#shared/ports/campaignStore';
import type { SweepStarter } from '#shared/ports/sweepStarter';
import type { Policy } from '#shared/policy/policySchema';
import type { Campaign } from './campaignSchema.ts';
import { planCampaignDay } from './planCampaignDay.ts';

export type CampaignTickResult = { campaignId: string; day: string; outcome: 'started' | 'already-started'; sweepId: string } | { campaignId: string; day: string; outcome: 'skipped'; why: string };

export async function startCampaignDay(campaign: Campaign, policy: Policy, scheduledTime: string, ports: { campaigns: CampaignStore; sweeps: SweepStarter }): Promise<CampaignTickResult> {
  const plan = planCampaignDay(campaign, policy, await ports.campaigns.state(campaign.campaignId), scheduledTime);
  if (!plan.run) return { campaignId: campaign.campaignId, day: plan.day, outcome: 'skipped', why: plan.why };
  const started = await ports.sweeps.start(plan.sweep.sweepId, plan.sweep);
  return { campaignId: campaign.campaignId, day: plan.day, outcome: started === 'started' ? 'started' : 'already-started', sweepId: plan.sweep.sweepId };
}
