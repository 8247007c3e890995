/** Schedule-lift stage, one account bucket: one schedule per lift slot of the bucket's timed penalties. */
import { z } from 'zod';
import { enforcementRepository, liftScheduler, workStore } from '#shared/adapters/stageDependencies';
import { scheduleLiftsBucket } from '#shared/pipeline/scheduleLifts';
import { writeStats } from '#shared/pipeline/sweepArtifacts';
import { mapEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('scheduleLifts', mapEventSchema(z.number().int().min(0)), async ({ sweepId, item }) => {
  const work = workStore();
  const stats = await scheduleLiftsBucket(work, sweepId, item, enforcementRepository(), liftScheduler());
  await writeStats(work, sweepId, 'scheduleLifts', String(item), stats);
  return { scheduled: stats.scheduled, slots: stats.slots.length };
});
