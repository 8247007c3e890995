/**
 * The per-bucket decision digests give SampleForReview and FinishSweep exactly what a pass over every decision of
 * the sweep gave them (issue 17: no sweep-wide Task reads every decision): the same auto-review cases, the same guard
 * tally, the same summary counts in the same key order, whatever the bucket count.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '#shared/contract/decisionExport';
import { bucketOf } from '#shared/pipeline/hashBucket';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { guardPolicyOf, reviewPolicyOf, type Policy } from '#shared/policy/policySchema';
import { emptyTally, tallyDecision } from '#shared/review/blastRadiusGuard';
import { actedByCode, addCounts, addGuardTally, AutoSampleDraw, digestDecisions, emptyCounts, HumanSampleDraw } from '#shared/review/decisionDigest';
import { stratifiedSample } from '#shared/review/stratifiedSample';
import { sampleForReview } from '#shared/review/sampleForReview';

/** A small deterministic generator (mulberry32): the same decisions on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = ['water-army', 'fake-account', 'traffic-diversion', 'homogeneous-content'] as const;
const RULES = ['water-army/ring-core', 'water-army/crew-associate', 'fake-account/farm', 'traffic-diversion/contact', 'homogeneous-content/cross-account-duplicates'];

function decisions(n: number, seed: number): Decision[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    const ruleIds = [...new Set([pick(RULES), ...(r() < 0.3 ? [pick(RULES)] : [])])];
    const action = pick(ACTIONS);
    return {
      accountId: `acct-${seed}-${i}`,
      codes: [...new Set(ruleIds.map((x) => x.split('/')[0]))],
      action,
      ruleIds,
      followerCount: Math.floor(r() ** 4 * 300_000),
      ...(action === 'none' && r() < 0.5 ? { alreadyActed: { ruleIds, sweeps: ['earlier'] } } : {}),
      findings: ruleIds.map((ruleId) => ({ ruleId, code: ruleId.split('/')[0] })),
      ...(r() < 0.2 ? { contentActions: [{ kind: r() < 0.5 ? 'note' : 'comment', itemId: `item-${i}`, action: r() < 0.5 ? 'remove' : 'limit', codes: [pick(CODES)], ruleIds }] } : {}),
    } as unknown as Decision;
  });
}

/** The sweep-wide counts as a single pass over every decision computes them. */
function countsOf(all: Decision[]) {
  return digestDecisions('s', 0, all, defaultPolicy()).counts;
}

function viaDigests(sweepId: string, all: Decision[], buckets: number, policy: Policy) {
  const byBucket = Array.from({ length: buckets }, () => [] as Decision[]);
  for (const d of all) byBucket[bucketOf(d.accountId, buckets)].push(d);
  const draw = new AutoSampleDraw(sweepId, policy);
  const human = new HumanSampleDraw(sweepId, policy);
  const counts = emptyCounts();
  const tally = emptyTally(0);
  // through JSON, as the digests travel through the work store
  for (const [b, list] of byBucket.entries()) {
    const digest = JSON.parse(JSON.stringify(digestDecisions(sweepId, b, list, policy)));
    draw.add(digest);
    human.add(digest);
    addCounts(counts, digest.counts);
    addGuardTally(tally, digest.guard);
  }
  return { cases: draw.cases(), human, counts, tally };
}

describe('decision digests', () => {
  const all = decisions(3000, 7);

  for (const sampling of [
    { rate: 0.02, floor: 10, cap: 200 },
    { rate: 0.5, floor: 3, cap: 7 },
    { rate: 0.01, floor: 40, cap: 5 },
  ]) {
    it(`draw the same auto-review cases as a pass over every decision (sampling ${JSON.stringify(sampling)}), over 1, 7 and 64 buckets`, () => {
      const policy = { ...defaultPolicy(), sampling };
      const expected = sampleForReview('sweep-x', all, policy);
      expect(expected.length).toBeGreaterThan(10);
      for (const buckets of [1, 7, 64]) expect(viaDigests('sweep-x', all, buckets, policy).cases, `${buckets} buckets`).toEqual(expected);
    });
  }

  for (const margin of [0.03, 0.2]) {
    it(`draw the same human-review sample as a pass over every decision (margin ${margin}), under the review's thresholds and under a guard tier's lower one`, () => {
      const base = defaultPolicy();
      const review = { ...reviewPolicyOf(base), margin, stratumFloor: 3 };
      const policy = { ...base, review } as Policy;
      const lowered = { ...review, followerThreshold: 10_000 };
      for (const buckets of [1, 7, 64]) {
        const { human } = viaDigests('sweep-h', all, buckets, policy);
        for (const r of [review, lowered]) {
          const expected = stratifiedSample('sweep-h', all, r);
          expect(expected.cases.some((c) => c.selection === 'full')).toBe(true);
          expect(expected.cases.some((c) => c.selection === 'sample')).toBe(true);
          expect(human.sample(r), `${buckets} buckets, threshold ${r.followerThreshold}`).toEqual(expected);
        }
      }
    });
  }

  it('add up to the counts, in the key order, and the guard tally of a pass over every decision', () => {
    const policy = defaultPolicy();
    const guard = guardPolicyOf(policy);
    const expectedTally = emptyTally(0);
    for (const d of all) tallyDecision(expectedTally, d, guard);
    expect(expectedTally.acted).toBeGreaterThan(0);
    expect(Object.keys(expectedTally.byFollowerTier).length).toBeGreaterThan(0);
    // a pass in bucket order (as the decisions are stored) meets the keys in the order the digests add them
    const inBucketOrder = [...all].sort((a, b) => bucketOf(a.accountId, 13) - bucketOf(b.accountId, 13));
    const got = viaDigests('s', inBucketOrder, 13, policy);
    expect(JSON.stringify(got.counts)).toBe(JSON.stringify(countsOf(inBucketOrder)));
    expect(got.counts.content?.total.notesRemoved).toBeGreaterThan(0);
    expect(got.counts.alreadyActed).toBeGreaterThan(0);
    expect(got.tally).toEqual(expectedTally);
    const acted: Record<string, number> = {};
    for (const d of all) if (d.action !== 'none') for (const c of d.codes) acted[c] = (acted[c] ?? 0) + 1;
    expect(actedByCode(got.counts)).toEqual(acted);
  });

  it('keep per stratum only as many candidates as either sampler can take, and every decision of possible full review', () => {
    const base = defaultPolicy();
    // the human draw is the larger here: at most 25 cases a stratum (margin 0.2 at 95 %: 1.96² / 4 / 0.04 = 24.01), the auto one 7 a rule
    const policy = { ...base, sampling: { rate: 0.5, floor: 3, cap: 7 }, review: { ...reviewPolicyOf(base), margin: 0.2, stratumFloor: 3 } } as Policy;
    const digest = digestDecisions('s', 0, all, policy);
    for (const [ruleId, part] of Object.entries(digest.rules)) {
      const acted = all.filter((d) => d.action !== 'none' && d.ruleIds.includes(ruleId));
      const inFull = acted.filter((d) => d.followerCount >= 10_000 || (d.action === 'ban' && d.followerCount >= reviewPolicyOf(policy).banFollowerThreshold));
      expect(part.reach.map((c) => c.accountId).sort(), ruleId).toEqual(inFull.map((d) => d.accountId).sort());
      const strata = Object.values(part.strata);
      expect(part.reach.length + strata.reduce((n, s) => n + s.count, 0), ruleId).toBe(acted.length);
      for (const s of strata) expect(s.candidates.length).toBe(Math.min(25, s.count));
      expect(strata.some((s) => s.count > 25)).toBe(true);
    }
  });
});
