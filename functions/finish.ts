/** Finish stage: write the sweep summary and mark the sweep complete. */
import { auditRepository, sweepRegistry, workStore } from '#shared/adapters/stageDependencies';
import { anchorSweep } from '#shared/audit/anchorSweep';
import { readStageStats, summarizeSweep } from '#shared/pipeline/summarizeSweep';
import { writeSummary } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('finish', sweepEventSchema, async ({ sweepId }) => {
  const work = workStore();
  const { plan, policy } = await loadSweepContext(work, sweepId);
  const stats = await readStageStats(work, sweepId);
  const summary = await summarizeSweep(work, plan, policy, stats);
  await writeSummary(work, summary);
  await sweepRegistry().finished(sweepId, summary, new Date().toISOString());
  // Anchor the sweep's enforce entries (once), from the digests Enforce made per bucket: deleting an account's whole chain is then caught too.
  await anchorSweep(auditRepository(), sweepId, new Date().toISOString(), { bucketCount: plan.bucketCount, stats: stats.enforce });
  return summary;
});
