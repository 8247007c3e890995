/** Notify stage, one account bucket: publish the bucket's pending outbox messages to the sink. */
import { z } from 'zod';
import { enforcementRepository, notificationSink, workStore } from '#shared/adapters/stageDependencies';
import { publishBucket } from '#shared/pipeline/publishOutbox';
import { writeStats } from '#shared/pipeline/sweepArtifacts';
import { mapEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('notify', mapEventSchema(z.number().int().min(0)), async ({ sweepId, item }) => {
  const stats = await publishBucket(sweepId, item, enforcementRepository(), notificationSink(), () => new Date().toISOString());
  await writeStats(workStore(), sweepId, 'notify', String(item), stats);
  return { published: stats.published };
});
