/** GatherSampledEvidence item: one account bucket's sampled accounts' own evidence, and the related accounts they show. */
import { z } from 'zod';
import { workStore } from '#shared/adapters/stageDependencies';
import { readPlan } from '#shared/pipeline/sweepArtifacts';
import { mapEventSchema } from '#shared/pipeline/sweepPlan';
import { gatherSampledBucket } from '#shared/review/gatherEvidence';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('gatherSampledEvidence', mapEventSchema(z.number().int().min(0)), async ({ sweepId, item }) => {
  const work = workStore();
  const plan = await readPlan(work, sweepId);
  return gatherSampledBucket(work, sweepId, plan.bucketCount, item);
});
