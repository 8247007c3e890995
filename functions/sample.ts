/**
 * SampleForReview stage, run by Step Functions as a `.waitForTaskToken` task: the event carries the task
 * token (`taskToken`). It acts on DrawSample's draw (review/draw.json):
 * - auto: the per-rule sample is accepted as drawn; the handler completes its own task (SendTaskSuccess; on the
 *   embedded stack the local token store) and nothing is held.
 * - human (or a tripped guard): the stratified sample, whose evidence the gathering maps already wrote, becomes a
 *   review session holding the token; the sweep waits until the review is closed (the console or
 *   `crackdown review close`), which completes the task with the precision gate's outcome, or until the task times out.
 */
import { z } from 'zod';
import { reviewDeps, reviewRepository, taskTokens, workStore } from '#shared/adapters/stageDependencies';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { readReviewDraw, readReviewDrawIfAny, readSampleIfAny, writeSample } from '#shared/pipeline/sweepArtifacts';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import { openReview } from '#shared/review/reviewService';
import { stageHandler } from './lib/stageHandler.ts';

const sampleEventSchema = sweepEventSchema.extend({ taskToken: z.string().min(1).optional() });

export const handler = stageHandler('sample', sampleEventSchema, async ({ sweepId, taskToken }) => {
  const work = workStore();
  const { plan, policy } = await loadSweepContext(work, sweepId);
  const found = await readReviewDrawIfAny(work, sweepId);
  // A review opened before DrawSample existed (a sweep paused then, resumed now) has no draw: it is open already.
  const opened = found ? undefined : await reviewRepository().session(sweepId);
  if (opened) return { review: 'human', status: opened.status, sampled: opened.cases, reopened: true };
  const draw = found ?? (await readReviewDraw(work, sweepId)); // no draw and no review: the missing draw's error
  if (draw.review === 'human') {
    if (!taskToken) throw new Error('sample: a human review needs the task token (run SampleForReview as a .waitForTaskToken task)');
    const { session, reopened } = await openReview(reviewDeps(), { sweepId, taskToken, policy, drawn: draw });
    return { review: 'human', status: session.status, sampled: session.cases, reopened, guardTripped: draw.guardTripped };
  }
  const cases = draw.cases.map((c) => ({ ...c, status: 'accepted' as const, reviewer: 'auto' }));
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
