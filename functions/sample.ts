/** Sample stage: a deterministic per-rule review sample; `review: auto` accepts it. */
import { reviewRepository, workStore } from '#shared/adapters/stageDependencies';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import type { Decision } from '#shared/policy/decideAction';
import { sampleForReview } from '#shared/review/sampleForReview';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('sample', sweepEventSchema, async ({ sweepId }) => {
  const work = workStore();
  const { plan, policy } = await loadSweepContext(work, sweepId);
  const decisions: Decision[] = [];
  for await (const d of readDecisions(work, sweepId)) decisions.push({ ...d, findings: [] });
  const cases = sampleForReview(sweepId, decisions, policy).map((c) => (plan.review === 'auto' ? { ...c, status: 'accepted' as const, reviewer: 'auto' } : c));
  await reviewRepository().putCases(cases);
  const byRule: Record<string, number> = {};
  for (const c of cases) byRule[c.ruleId] = (byRule[c.ruleId] ?? 0) + 1;
  await work.write(sweepPaths(sweepId).sample, JSON.stringify({ review: plan.review, sampled: cases.length, byRule, heldRules: [] }));
  return { review: plan.review, sampled: cases.length, heldRules: [] as string[] };
});
