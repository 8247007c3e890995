/** Group stage: one channel bucket's keyed rows → signals per account bucket. */
import { workStore } from '#shared/adapters/stageDependencies';
import { CHANNELS } from '#shared/detect/registry';
import { groupBucket } from '#shared/pipeline/groupBucket';
import { writeStats } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { channelItemSchema, mapEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('group', mapEventSchema(channelItemSchema), async ({ sweepId, item }) => {
  const work = workStore();
  const ctx = await loadSweepContext(work, sweepId);
  const channel = CHANNELS.find((c) => c.name === item.channel);
  if (!channel) throw new Error(`group: unknown channel "${item.channel}"`);
  const stats = await groupBucket(work, ctx.plan, item, channel, ctx.detect);
  await writeStats(work, sweepId, 'group', `${item.channel}-${item.bucket}`, stats);
  return { signals: stats.signals };
});
