/**
 * What changes while a campaign runs: paused or active, who changed it, when and why. Pausing is the
 * kill switch: the daily trigger starts no sweep and a sweep in flight enforces nothing more.
 */
import { z } from 'zod';
import { CampaignError } from './campaignSchema.ts';

export const campaignStateSchema = z.object({
  campaignId: z.string(),
  status: z.enum(['active', 'paused']),
  changedAt: z.string(),
  changedBy: z.string(),
  reason: z.string().optional(),
});
export type CampaignState = z.infer<typeof campaignStateSchema>;

export function initialState(campaignId: string, at: string, by: string): CampaignState {
  return { campaignId, status: 'active', changedAt: at, changedBy: by };
}

export function pauseCampaign(s: CampaignState, at: string, by: string, reason: string): CampaignState {
  if (s.status === 'paused') throw new CampaignError(`campaign ${s.campaignId} is already paused (since ${s.changedAt} by ${s.changedBy})`);
  if (!reason.trim()) throw new CampaignError('pausing a campaign needs a reason');
  return { campaignId: s.campaignId, status: 'paused', changedAt: at, changedBy: by, reason };
}

export function resumeCampaign(s: CampaignState, at: string, by: string, reason?: string): CampaignState {
  if (s.status === 'active') throw new CampaignError(`campaign ${s.campaignId} is not paused`);
  return { campaignId: s.campaignId, status: 'active', changedAt: at, changedBy: by, ...(reason ? { reason } : {}) };
}
