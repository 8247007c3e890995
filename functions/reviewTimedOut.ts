/**
 * ReviewTimedOut: the fail-safe path of a `review: human` sweep whose review was not closed in
 * time (the sampling task's States.Timeout). Nothing is enforced: the session is marked timed
 * out, sample.json holds every rule, the summary says so and the sweep is recorded as failed.
 */
import { reviewDeps, sweepRegistry, workStore } from '#shared/adapters/stageDependencies';
import { summarizeSweep } from '#shared/pipeline/summarizeSweep';
import { writeSummary } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import { timeOutReview } from '#shared/review/reviewService';
import { stageHandler } from './lib/stageHandler.ts';

export const REVIEW_TIMED_OUT_MESSAGE = 'review timed out: nothing enforced';

export const handler = stageHandler('reviewTimedOut', sweepEventSchema, async ({ sweepId }) => {
  const work = workStore();
  const { plan, policy } = await loadSweepContext(work, sweepId);
  const sample = await timeOutReview(reviewDeps(), sweepId);
  const summary = { ...(await summarizeSweep(work, plan, policy)), status: 'review-timed-out', message: REVIEW_TIMED_OUT_MESSAGE };
  await writeSummary(work, summary);
  await sweepRegistry().failed(sweepId, `${REVIEW_TIMED_OUT_MESSAGE} (${sample.sampled} cases were awaiting review)`, new Date().toISOString());
  return summary;
});
