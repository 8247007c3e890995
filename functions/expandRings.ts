/** ExpandRings stage: one account bucket's confirmed ring members → ring-confirmed signals for their co-members' buckets. */
import { z } from 'zod';
import { workStore } from '#shared/adapters/stageDependencies';
import { expandRingsBucket } from '#shared/pipeline/expandRingsBucket';
import { writeStats } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { mapEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('expandRings', mapEventSchema(z.number().int().min(0)), async ({ sweepId, item }) => {
  const work = workStore();
  const ctx = await loadSweepContext(work, sweepId);
  const stats = await expandRingsBucket(work, ctx.plan, item, ctx.detect);
  await writeStats(work, sweepId, 'expandRings', String(item), stats);
  return { confirmations: stats.confirmations };
});
