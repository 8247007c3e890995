/** Finding a campaign and its days' sweeps, for the campaign commands. */
import { sweepRegistry } from '#shared/adapters/stageDependencies';
import { campaignDays, sweepIdFor } from '#shared/campaign/campaignCalendar';
import type { Campaign } from '#shared/campaign/campaignSchema';
import type { CampaignStore, CampaignVersion } from '#shared/ports/campaignStore';
import type { SweepRecord } from '#shared/ports/sweepRegistry';
import { CliError, EXIT } from './exitCodes.ts';

export async function requireCampaign(store: CampaignStore, id: string): Promise<CampaignVersion> {
  const v = await store.latest(id);
  if (!v) throw new CliError(`campaign "${id}" does not exist (crackdown campaign list shows the campaigns)`, EXIT.usage);
  return v;
}

/** Each day's sweep as the sweep registry has it (absent: not run yet). */
export async function campaignSweeps(c: Campaign): Promise<Array<{ day: string; sweepId: string; record?: SweepRecord }>> {
  const registry = sweepRegistry();
  return Promise.all(campaignDays(c).map(async (day) => ({ day, sweepId: sweepIdFor(c, day), record: await registry.get(sweepIdFor(c, day)) })));
}
