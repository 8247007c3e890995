/** PlanRelatedEvidence stage: the related accounts the sampled evidence shows, regrouped by the bucket holding each (the sample's size, never the sweep's). */
import { workStore } from '#shared/adapters/stageDependencies';
import { writeItemList } from '#shared/pipeline/mapItems';
import { readItemList, readPlan } from '#shared/pipeline/sweepArtifacts';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import { planRelatedEvidence } from '#shared/review/gatherEvidence';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('planRelatedEvidence', sweepEventSchema, async ({ sweepId }) => {
  const work = workStore();
  const plan = await readPlan(work, sweepId);
  const buckets = await planRelatedEvidence(work, sweepId, plan.bucketCount, await readItemList(work, sweepId, 'evidenceSampled'));
  return writeItemList(work, sweepId, 'evidenceRelated', buckets);
});
