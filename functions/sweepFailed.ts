/**
 * RecordSweepFailed: the failure path of the sweep state machine. A stage failed after its
 * retries; record it in the Sweeps table, then the execution ends in SweepFailed. Re-running
 * the same sweep id resumes it (every stage is idempotent) and marks it running again.
 */
import { z } from 'zod';
import { sweepRegistry } from '#shared/adapters/stageDependencies';
import { recordSweepFailure } from '#shared/pipeline/recordSweepFailure';
import { sweepIdSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';
import { recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

const failedEventSchema = z.object({ sweepId: sweepIdSchema, error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }) }).passthrough();

export const handler = stageHandler('sweepFailed', failedEventSchema, async ({ sweepId, error }) => {
  const recorded = await recordSweepFailure(sweepRegistry(), sweepId, error, new Date().toISOString());
  recordStageMetrics('sweepFailed', { [M.sweepsFailed]: recorded === 'recorded' ? 1 : 0 });
  return { sweepId, recorded };
});
