/** Resolve stage: one account bucket → detections → decisions with escalation. */
import { z } from 'zod';
import { enforcementRepository, workStore } from '#shared/adapters/stageDependencies';
import { ACCOUNT_DETECTORS } from '#shared/detect/registry';
import { checkInputDamage } from '#shared/pipeline/checkInputDamage';
import { resolveBucket } from '#shared/pipeline/resolveBucket';
import { writeStats } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { mapEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';
import { recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

export const handler = stageHandler('resolve', mapEventSchema(z.number().int().min(0)), async ({ sweepId, item }) => {
  const work = workStore();
  const ctx = await loadSweepContext(work, sweepId);
  await checkInputDamage(work, ctx.plan, ctx.policy);
  const stats = await resolveBucket(work, ctx, item, ACCOUNT_DETECTORS, enforcementRepository());
  await writeStats(work, sweepId, 'resolve', String(item), stats);
  recordStageMetrics('resolve', { [M.accountsJudged]: stats.accounts });
  return { accounts: stats.accounts };
});
