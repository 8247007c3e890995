/** Notify stage, one account bucket: publish the bucket's pending outbox messages to the sink. */
import { z } from 'zod';
import { enforcementRepository, notificationSink, workStore } from '#shared/adapters/stageDependencies';
import { publishBucket } from '#shared/pipeline/publishOutbox';
import { writeStats } from '#shared/pipeline/sweepArtifacts';
import { mapEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';
import { recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

export const handler = stageHandler('notify', mapEventSchema(z.number().int().min(0)), async ({ sweepId, item }) => {
  const stats = await publishBucket(sweepId, item, enforcementRepository(), notificationSink(), () => new Date().toISOString());
  await writeStats(workStore(), sweepId, 'notify', String(item), stats);
  recordStageMetrics('notify', { [M.noticesSent]: stats.notices, [M.messagesPublished]: stats.published });
  return { published: stats.published };
});
