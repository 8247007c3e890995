/**
 * DrawSample: the sweep's review sample, drawn from the account buckets' decision digests in one pass that also runs
 * the blast-radius guard and counts the decisions. A `review: human` sweep, or one whose guard tripped, gets the
 * stratified sample and the buckets its evidence is gathered in (gatherEvidence.ts); any other gets the per-rule auto
 * sample. SampleForReview then opens the review over the draw, or accepts it.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { reviewPolicyOf, type Policy } from '#shared/policy/policySchema';
import { guardSweep } from '#shared/pipeline/guardSweep';
import { writeItemList, type ItemsHandle } from '#shared/pipeline/mapItems';
import { writeReviewDraw, type ReviewDraw } from '#shared/pipeline/sweepArtifacts';
import type { SweepPlan } from '#shared/pipeline/sweepPlan';
import type { GuardReport } from './blastRadiusGuard.ts';
import { addCounts, AutoSampleDraw, emptyCounts, HumanSampleDraw, type DecisionCounts } from './decisionDigest.ts';
import { writeSampledBuckets } from './gatherEvidence.ts';
import type { ReviewPolicy } from './stratifiedSample.ts';

/** The review's thresholds under the guard: a follower tier over its cap is reviewed in full from that tier up (unreviewed: held). */
export function reviewPolicyUnder(policy: Policy, guard: Pick<GuardReport, 'followerTiers'> | undefined): ReviewPolicy {
  const review = reviewPolicyOf(policy);
  const tier = guard?.followerTiers[0];
  return tier && tier.atLeast < review.followerThreshold ? { ...review, followerThreshold: tier.atLeast } : review;
}

export interface DrawnSample extends ItemsHandle<'evidenceSampled'> {
  review: ReviewDraw['review'];
  sampled: number;
  guardTripped: boolean;
}

/**
 * Draws and writes `review/draw.json`, and for a human review whose session is not open yet the sampled accounts by
 * bucket (a review already open has its evidence: a resumed sweep gathers nothing again). Deterministic: a re-run
 * draws the same cases.
 */
export async function drawReviewSample(
  work: BlobStore,
  plan: Pick<SweepPlan, 'sweepId' | 'takenAt' | 'accountBuckets' | 'bucketCount' | 'review'>,
  policy: Policy,
  reviewAlreadyOpen: () => Promise<boolean>,
): Promise<{ result: DrawnSample; guard: GuardReport; counts: DecisionCounts }> {
  const auto = new AutoSampleDraw(plan.sweepId, policy);
  const human = new HumanSampleDraw(plan.sweepId, policy);
  const counts = emptyCounts();
  const guard = await guardSweep(work, plan, policy, (digest) => {
    auto.add(digest);
    human.add(digest);
    addCounts(counts, digest.counts);
  });
  // a sweep over the guard's ceilings goes to human review whatever its mode
  const draw: ReviewDraw =
    plan.review === 'human' || guard.tripped
      ? { review: 'human', ...human.sample(reviewPolicyUnder(policy, guard)), guardTripped: guard.tripped }
      : { review: 'auto', cases: auto.cases(), guardTripped: false };
  await writeReviewDraw(work, plan.sweepId, draw);
  const gatherIn =
    draw.review === 'human' && !(await reviewAlreadyOpen())
      ? await writeSampledBuckets(
          work,
          plan.sweepId,
          plan.bucketCount,
          draw.cases.map((c) => c.accountId),
        )
      : [];
  const items = await writeItemList(work, plan.sweepId, 'evidenceSampled', gatherIn);
  return { result: { review: draw.review, sampled: draw.cases.length, guardTripped: draw.guardTripped, ...items }, guard, counts };
}
