/** Partition stage: one snapshot part → account and channel buckets, bad records (or the whole damaged part) quarantined. */
import { openStore } from '#shared/adapters/openStore';
import { workStore } from '#shared/adapters/stageDependencies';
import { CHANNELS } from '#shared/detect/registry';
import { partitionPart } from '#shared/pipeline/partitionPart';
import { writeStats } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { mapEventSchema, partItemSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';
import { recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

export const handler = stageHandler('partition', mapEventSchema(partItemSchema), async ({ sweepId, item }) => {
  const work = workStore();
  const { plan, detect } = await loadSweepContext(work, sweepId);
  const channels = CHANNELS.filter((c) => c.codes.some((code) => detect.enabled(code)));
  const stats = await partitionPart(work, openStore(plan.snapshot), plan, item, channels, detect);
  await writeStats(work, sweepId, 'partition', `${item.kind}-${item.index}`, stats);
  recordStageMetrics('partition', { [M.recordsRead]: stats.lines, [M.recordsQuarantined]: stats.quarantined, [M.damagedParts]: stats.damaged === undefined ? 0 : 1 });
  return { valid: stats.valid, quarantined: stats.quarantined, damaged: stats.damaged !== undefined };
});
