/** Enforce stage: one account bucket's decisions → ledger, penalty state (a timed one carries its lift), outbox. */
import { z } from 'zod';
import { campaignStore, enforcementRepository, workStore } from '#shared/adapters/stageDependencies';
import { campaignGate } from '#shared/campaign/campaignGate';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { readSample, writeStats } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { mapEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';
import { recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

export const handler = stageHandler('enforce', mapEventSchema(z.number().int().min(0)), async ({ sweepId, item }) => {
  const work = workStore();
  const { policy, plan } = await loadSweepContext(work, sweepId);
  const sample = await readSample(work, sweepId);
  if (sample.status === 'open' || sample.status === 'timed-out') throw new Error(`enforce: the review of sweep ${sweepId} is ${sample.status}; nothing is enforced before it closes`);
  const gate = await campaignGate(plan.campaign, sweepId, campaignStore);
  const stats = await enforceBucket(
    work,
    sweepId,
    item,
    policy,
    enforcementRepository(),
    new Set(sample.heldRules),
    () => new Date().toISOString(),
    new Set(sample.heldAccounts ?? []),
    sample.enforceAt,
    gate === 'shadow',
    plan.campaign?.timeZone,
  );
  await writeStats(work, sweepId, 'enforce', String(item), stats);
  recordStageMetrics('enforce', { [M.enforced]: stats.applied, [M.enforceSkipped]: stats.skipped });
  return { applied: stats.applied };
});
