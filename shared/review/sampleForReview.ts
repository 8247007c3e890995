/**
 * Draws the review sample: per rule, the decisions whose hash of (sweep, rule, account)
 * is smallest, so the same sweep always draws the same cases and no clock or random
 * source is involved. Size per rule: rate × count, at least `floor`, at most `cap`.
 * DrawSample draws it from the buckets' digests (decisionDigest.ts, AutoSampleDraw); this is the definition over
 * every decision that draw is tested against (tests/review/decisionDigest.test.ts).
 */
import { unitHash } from '#shared/pipeline/hashBucket';
import type { Decision } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import type { ReviewCase } from '#shared/ports/reviewRepository';
import { decisionsByRule } from './decisionsByRule.ts';
import { followerTier } from './followerTier.ts';

export function sampleSize(count: number, sampling: Policy['sampling']): number {
  return Math.min(count, Math.max(sampling.floor, Math.min(sampling.cap, Math.ceil(count * sampling.rate))));
}

export function sampleForReview(sweepId: string, decisions: Decision[], policy: Policy): ReviewCase[] {
  const byRule = decisionsByRule(decisions);
  const cases: ReviewCase[] = [];
  for (const ruleId of [...byRule.keys()].sort()) {
    const list = byRule.get(ruleId)!;
    const ranked = list.map((d) => ({ d, h: unitHash(sweepId, ruleId, d.accountId) })).sort((a, b) => a.h - b.h || a.d.accountId.localeCompare(b.d.accountId));
    for (const { d } of ranked.slice(0, sampleSize(list.length, policy.sampling))) cases.push(autoSampleCase(sweepId, ruleId, d));
  }
  return cases;
}

export function autoSampleCase(sweepId: string, ruleId: string, d: Pick<Decision, 'accountId' | 'action' | 'followerCount'>): ReviewCase {
  return { sweepId, caseId: `${ruleId}#${d.accountId}`, accountId: d.accountId, ruleId, action: d.action, followerTier: followerTier(d.followerCount), status: 'pending' };
}
