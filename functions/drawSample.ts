/**
 * DrawSample stage: the blast-radius guard, the decision metrics and the review sample, from each account bucket's
 * decision digest (never the sweep's decisions); for a human review, the buckets its evidence is gathered in.
 */
import { reviewRepository, workStore } from '#shared/adapters/stageDependencies';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import { actedByCode } from '#shared/review/decisionDigest';
import { drawReviewSample } from '#shared/review/drawReviewSample';
import { stageHandler } from './lib/stageHandler.ts';
import { recordByCode, recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

export const handler = stageHandler('drawSample', sweepEventSchema, async ({ sweepId }) => {
  const work = workStore();
  const { plan, policy } = await loadSweepContext(work, sweepId);
  const { result, guard, counts } = await drawReviewSample(work, plan, policy, async () => (await reviewRepository().session(sweepId)) !== undefined);
  // under the sample stage's dimension, where the hit-rate and held-rules alarms look for them
  recordByCode(M.decisions, actedByCode(counts));
  recordStageMetrics('sample', { [M.sweepAccountsJudged]: guard.judged, [M.heldRules]: guard.heldRules.length });
  return result;
});
