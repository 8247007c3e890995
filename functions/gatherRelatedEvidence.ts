/** GatherRelatedEvidence item: the views of the related accounts one account bucket holds, for the sampled accounts showing them. */
import { z } from 'zod';
import { workStore } from '#shared/adapters/stageDependencies';
import { mapEventSchema } from '#shared/pipeline/sweepPlan';
import { gatherRelatedBucket } from '#shared/review/gatherEvidence';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('gatherRelatedEvidence', mapEventSchema(z.number().int().min(0)), async ({ sweepId, item }) => ({
  related: await gatherRelatedBucket(workStore(), sweepId, item),
}));
