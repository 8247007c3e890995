/**
 * What Enforce may do for a campaign's sweep, checked before each bucket: a paused campaign is the kill
 * switch (the sweep stops before its next enforcement and resumes, adding nothing twice, once the campaign
 * is resumed and the day run again); a shadow campaign decides and reports but enforces nothing.
 */
import type { CampaignStore } from '#shared/ports/campaignStore';
import type { CampaignRef } from '#shared/pipeline/sweepPlan';

export class CampaignPausedError extends Error {
  override name = 'CampaignPausedError';
}

export async function campaignGate(campaign: CampaignRef | undefined, sweepId: string, store: () => CampaignStore): Promise<'enforce' | 'shadow'> {
  if (!campaign) return 'enforce';
  if (campaign.mode === 'shadow') return 'shadow';
  const state = await store().state(campaign.campaignId);
  if (state?.status === 'paused') {
    throw new CampaignPausedError(
      `campaign ${campaign.campaignId} was paused (${state.changedAt} by ${state.changedBy}${state.reason ? `: ${state.reason}` : ''}); sweep ${sweepId} enforces nothing more until it is resumed and the day is run again`,
    );
  }
  return 'enforce';
}
