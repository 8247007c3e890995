/**
 * Sample stage, run by Step Functions as a `.waitForTaskToken` task: the event carries the task
 * token (`taskToken`).
 * - `review: auto`: a deterministic per-rule sample, accepted as drawn; the handler completes its
 *   own task (SendTaskSuccess; on the embedded stack the local token store) and nothing is held.
 * - `review: human`: the stratified sample, its evidence and a review session holding the token;
 *   the sweep waits until the review is closed (the console or `crackdown review close`), which
 *   completes the task with the precision gate's outcome, or until the task times out.
 */
import { z } from 'zod';
import { reviewDeps, reviewRepository, taskTokens, workStore } from '#shared/adapters/stageDependencies';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { guardSweep } from '#shared/pipeline/guardSweep';
import { readSampleIfAny, writeSample } from '#shared/pipeline/sweepArtifacts';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import type { Decision } from '#shared/policy/decideAction';
import { openReview } from '#shared/review/reviewService';
import { sampleForReview } from '#shared/review/sampleForReview';
import { stageHandler } from './lib/stageHandler.ts';
import { decisionsByCode, recordByCode, recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

const sampleEventSchema = sweepEventSchema.extend({ taskToken: z.string().min(1).optional() });

export const handler = stageHandler('sample', sampleEventSchema, async ({ sweepId, taskToken }) => {
  const work = workStore();
  const { plan, policy } = await loadSweepContext(work, sweepId);
  // the blast-radius guard: a sweep over its ceilings goes to human review whatever its mode
  const guard = await guardSweep(work, plan, policy);
  recordStageMetrics('sample', { [M.sweepAccountsJudged]: guard.judged, [M.heldRules]: guard.heldRules.length });
  if (plan.review === 'human' || guard.tripped) {
    if (!taskToken) throw new Error('sample: a human review needs the task token (run SampleForReview as a .waitForTaskToken task)');
    const decisions: Decision[] = [];
    for await (const d of readDecisions(work, sweepId)) if (d.action !== 'none') decisions.push(d);
    recordByCode(M.decisions, decisionsByCode(decisions));
    const { session, reopened } = await openReview(reviewDeps(), { sweepId, taskToken, policy, accountBuckets: plan.accountBuckets, decisions, guard });
    return { review: 'human', status: session.status, sampled: session.cases, reopened, guardTripped: guard.tripped };
  }
  const decisions: Decision[] = [];
  for await (const d of readDecisions(work, sweepId)) decisions.push({ ...d, findings: [] });
  recordByCode(M.decisions, decisionsByCode(decisions));
  const cases = sampleForReview(sweepId, decisions, policy).map((c) => ({ ...c, status: 'accepted' as const, reviewer: 'auto' }));
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
