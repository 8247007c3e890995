/** Campaign trigger: EventBridge Scheduler fires it daily with the campaign; it starts that day's sweep unless paused. */
import { z } from 'zod';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { SfnSweepStarter } from '#shared/adapters/sfnSweepStarter';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { startCampaignDay } from '#shared/campaign/startCampaignDay';
import { parsePolicy } from '#shared/policy/loadPolicy';
import { logger, stageHandler } from './lib/stageHandler.ts';

const tickSchema = z
  .object({
    campaign: z.unknown(),
    policy: z.unknown(),
    /** `<aws.scheduler.scheduled-time>`: the fire time, so a retried invocation plans the same day. */
    scheduledTime: z.iso.datetime({ offset: true }),
  })
  .strict();

export const handler = stageHandler('campaignTick', tickSchema, async (event) => {
  const campaign = parseCampaign(event.campaign, 'schedule input campaign');
  const result = await startCampaignDay(campaign, parsePolicy(event.policy, 'schedule input policy'), new Date(event.scheduledTime).toISOString(), {
    campaigns: new DynamoCampaignStore(),
    sweeps: new SfnSweepStarter(),
  });
  logger.info('campaign tick', { campaignId: result.campaignId, day: result.day, outcome: result.outcome });
  return result;
});
