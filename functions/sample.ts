/**
 * Sample stage, run by Step Functions as a `.waitForTaskToken` task: the event carries the task
 * token (`taskToken`).
 * - `review: auto`: a deterministic per-rule sample, accepted as drawn, drawn from each account bucket's
 *   decision digest (the guard's tally too: never every decision in this Lambda); the handler completes its
 *   own task (SendTaskSuccess; on the embedded stack the local token store) and nothing is held.
 * - `review: human`: the stratified sample (from the digests too), its evidence (only the sampled accounts'
 *   decisions and buckets are read) and a review session holding the token;
 *   the sweep waits until the review is closed (the console or `crackdown review close`), which
 *   completes the task with the precision gate's outcome, or until the task times out.
 */
import { z } from 'zod';
import { reviewDeps, reviewRepository, taskTokens, workStore } from '#shared/adapters/stageDependencies';
import { decisionsOfAccounts } from '#shared/pipeline/decisionsOfAccounts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { guardSweep } from '#shared/pipeline/guardSweep';
import { readSampleIfAny, writeSample } from '#shared/pipeline/sweepArtifacts';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import { openReview } from '#shared/review/reviewService';
import { actedByCode, addCounts, AutoSampleDraw, emptyCounts, HumanSampleDraw } from '#shared/review/decisionDigest';
import { stageHandler } from './lib/stageHandler.ts';
import { recordByCode, recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

const sampleEventSchema = sweepEventSchema.extend({ taskToken: z.string().min(1).optional() });

export const handler = stageHandler('sample', sampleEventSchema, async ({ sweepId, taskToken }) => {
  const work = workStore();
  const { plan, policy } = await loadSweepContext(work, sweepId);
  // One pass over the buckets' digests (never the sweep's decisions): the blast-radius guard's tally, both samples'
  // candidates and the counts. A sweep over the guard's ceilings goes to human review whatever its mode.
  const auto = new AutoSampleDraw(sweepId, policy);
  const human = new HumanSampleDraw(sweepId, policy);
  const counts = emptyCounts();
  const guard = await guardSweep(work, plan, policy, (digest) => {
    auto.add(digest);
    human.add(digest);
    addCounts(counts, digest.counts);
  });
  recordByCode(M.decisions, actedByCode(counts));
  recordStageMetrics('sample', { [M.sweepAccountsJudged]: guard.judged, [M.heldRules]: guard.heldRules.length });
  if (plan.review === 'human' || guard.tripped) {
    if (!taskToken) throw new Error('sample: a human review needs the task token (run SampleForReview as a .waitForTaskToken task)');
    // only the sampled accounts' decisions are read, from their own buckets
    const { session, reopened } = await openReview(reviewDeps(), {
      sweepId,
      taskToken,
      policy,
      bucketCount: plan.bucketCount,
      draw: (review) => human.sample(review),
      decisionsOf: (ids) => decisionsOfAccounts(work, sweepId, plan.bucketCount, ids),
      guard,
    });
    return { review: 'human', status: session.status, sampled: session.cases, reopened, guardTripped: guard.tripped };
  }
  const cases = auto.cases().map((c) => ({ ...c, status: 'accepted' as const, reviewer: 'auto' }));
  await reviewRepository().putCases(cases);
  const byRule: Record<string, number> = {};
  for (const c of cases) byRule[c.ruleId] = (byRule[c.ruleId] ?? 0) + 1;
  // The sweep is released to Enforce now: this fixes when its penalties start (a re-run keeps the first time).
  const enforceAt = (await readSampleIfAny(work, sweepId))?.enforceAt ?? plan.enforceAt ?? new Date().toISOString();
  await writeSample(work, sweepId, { review: plan.review, sampled: cases.length, byRule, heldRules: [], enforceAt });
  const result = { review: plan.review, sampled: cases.length, heldRules: [] as string[] };
  if (taskToken) await taskTokens(taskToken).succeed(taskToken, result);
  return result;
});
