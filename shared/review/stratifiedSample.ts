/**
 * The human-review sample: deterministic (ranked by a hash of sweep, rule and account: no clock,
 * no random source) and stratified by rule × action × follower tier.
 *
 * Per rule, the sample is sized for the precision margin the policy asks for: the classic
 * n0 = z² · p(1−p) / m² at the worst case p = 0.5 (0.03 at 95% → 1068), corrected for the finite
 * number of decisions N of that rule (n = n0 / (1 + (n0 − 1) / N)), then allocated to the rule's
 * strata in proportion to their size, each stratum getting at least `stratumFloor` cases (or all
 * of it when smaller). Every case carries the weight N_h / n_h of its stratum, which the precision
 * estimate uses.
 *
 * Decisions about high-reach accounts are not sampled but reviewed in full: every account at or
 * above `followerThreshold` followers, and every permanent ban of an account at or above
 * `banFollowerThreshold`. They form census strata of weight 1.
 */
import { unitHash } from '#shared/pipeline/hashBucket';
import type { Decision } from '#shared/policy/decideAction';
import type { ReviewPolicy } from '#shared/policy/policySchema';
import type { ReviewCase } from '#shared/ports/reviewRepository';
import { decisionsByRule } from './decisionsByRule.ts';
import { followerTier } from './followerTier.ts';

export type { ReviewPolicy };

/** Two-sided standard normal quantile for a confidence level (Acklam's rational approximation). */
export function zForConfidence(confidence: number): number {
  const p = 1 - (1 - confidence) / 2;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const plow = 0.02425;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p <= 1 - plow) {
    const q = p - 0.5;
    const r = q * q;
    return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
}

/** Cases needed to estimate a proportion among `population` decisions within ±margin at this confidence. */
export function requiredSampleSize(population: number, margin: number, confidence: number): number {
  if (population <= 0) return 0;
  const z = zForConfidence(confidence);
  const n0 = (z * z * 0.25) / (margin * margin);
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / population)));
}

/** Why a decision is reviewed in full, or undefined when it is only sampled. */
export function fullReviewReason(d: Pick<Decision, 'action' | 'followerCount'>, review: ReviewPolicy): string | undefined {
  if (d.followerCount >= review.followerThreshold) return `followers>=${review.followerThreshold}`;
  if (d.action === 'ban' && d.followerCount >= review.banFollowerThreshold) return `ban,followers>=${review.banFollowerThreshold}`;
  return undefined;
}

/** Splits `total` over sizes proportionally (largest remainder), each at least min(floor, size), at most size. */
export function allocate(sizes: number[], total: number, floor: number): number[] {
  const N = sizes.reduce((s, x) => s + x, 0);
  if (N === 0) return sizes.map(() => 0);
  const exact = sizes.map((s) => (total * s) / N);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out.map((n, i) => Math.min(sizes[i], Math.max(n, Math.min(floor, sizes[i]))));
}

export interface StratumSummary {
  stratum: string;
  ruleId: string;
  selection: 'sample' | 'full';
  population: number;
  drawn: number;
}

/** What a review case needs of a decision, for one of its rules. */
export interface ReviewCandidate {
  accountId: string;
  action: Decision['action'];
  followerCount: number;
  /** The code of the finding of this rule. */
  code: Decision['codes'][number];
}

/**
 * One rule's decisions with an action, as the sampler needs them: `reach` holds decisions that may be reviewed in
 * full (whether they are depends on the thresholds at sampling time), `strata` the rest by `<action>|<follower tier>`:
 * how many, and candidates that include the smallest-hash ones the draw can take (all of them, or a bucket's bottom-K).
 */
export interface RulePopulation {
  reach: ReviewCandidate[];
  strata: Record<string, { count: number; candidates: ReviewCandidate[] }>;
}

export const candidateOf = (d: Decision, ruleId: string): ReviewCandidate => ({
  accountId: d.accountId,
  action: d.action,
  followerCount: d.followerCount,
  code: d.findings.find((f) => f.ruleId === ruleId)?.code ?? d.codes[0],
});

export const rankByHash = <T extends { accountId: string }>(sweepId: string, ruleId: string, list: readonly T[]): T[] =>
  list
    .map((d) => ({ d, h: unitHash(sweepId, ruleId, d.accountId) }))
    .sort((a, b) => a.h - b.h || a.d.accountId.localeCompare(b.d.accountId))
    .map(({ d }) => d);

/** Every decision with an action, each in `reach`: nothing pre-drawn. */
export function populationsOf(decisions: Decision[]): Map<string, RulePopulation> {
  const out = new Map<string, RulePopulation>();
  for (const [ruleId, list] of decisionsByRule(decisions)) out.set(ruleId, { reach: list.map((d) => candidateOf(d, ruleId)), strata: {} });
  return out;
}

/** The sample over every decision: the definition HumanSampleDraw's draw from the buckets' digests is tested against. */
export function stratifiedSample(sweepId: string, decisions: Decision[], review: ReviewPolicy): { cases: ReviewCase[]; strata: StratumSummary[] } {
  return drawStratified(sweepId, populationsOf(decisions), review);
}

export function drawStratified(sweepId: string, byRule: Map<string, RulePopulation>, review: ReviewPolicy): { cases: ReviewCase[]; strata: StratumSummary[] } {
  const cases: ReviewCase[] = [];
  const strata: StratumSummary[] = [];
  const toCase = (d: ReviewCandidate, ruleId: string, stratum: string, selection: 'sample' | 'full', weight: number, reason?: string): ReviewCase => ({
    sweepId,
    caseId: `${ruleId}#${d.accountId}`,
    accountId: d.accountId,
    ruleId,
    action: d.action,
    followerTier: followerTier(d.followerCount),
    followerCount: d.followerCount,
    code: d.code,
    status: 'pending',
    stratum,
    selection,
    weight,
    ...(reason ? { reason } : {}),
  });

  for (const ruleId of [...byRule.keys()].sort()) {
    const population = byRule.get(ruleId)!;
    const full = new Map<string, ReviewCandidate[]>();
    const sampled = new Map<string, { count: number; candidates: ReviewCandidate[] }>();
    const sampledStratum = (key: string) => {
      let s = sampled.get(key);
      if (!s) sampled.set(key, (s = { count: 0, candidates: [] }));
      return s;
    };
    for (const d of population.reach) {
      const reason = fullReviewReason(d, review);
      if (reason) {
        const key = `full:${reason}|${ruleId}`;
        let group = full.get(key);
        if (!group) full.set(key, (group = []));
        group.push(d);
      } else {
        const s = sampledStratum(`${ruleId}|${d.action}|${followerTier(d.followerCount)}`);
        s.count += 1;
        s.candidates.push(d);
      }
    }
    for (const [key, part] of Object.entries(population.strata)) {
      const s = sampledStratum(`${ruleId}|${key}`);
      s.count += part.count;
      s.candidates.push(...part.candidates);
    }
    for (const [stratum, group] of [...full.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const reason = stratum.slice(5, stratum.indexOf('|'));
      for (const d of [...group].sort((a, b) => a.accountId.localeCompare(b.accountId))) cases.push(toCase(d, ruleId, stratum, 'full', 1, reason));
      strata.push({ stratum, ruleId, selection: 'full', population: group.length, drawn: group.length });
    }
    const keys = [...sampled.keys()].sort();
    const sizes = keys.map((k) => sampled.get(k)!.count);
    const total = sizes.reduce((s, x) => s + x, 0);
    const counts = allocate(sizes, requiredSampleSize(total, review.margin, review.confidence), review.stratumFloor);
    keys.forEach((stratum, i) => {
      const ranked = rankByHash(sweepId, ruleId, sampled.get(stratum)!.candidates);
      const n = counts[i];
      for (const d of ranked.slice(0, n)) cases.push(toCase(d, ruleId, stratum, 'sample', sizes[i] / n));
      strata.push({ stratum, ruleId, selection: 'sample', population: sizes[i], drawn: n });
    });
  }
  return { cases, strata };
}

/** Most cases one sampled stratum can draw under this policy: the sample size of an unbounded rule, or the floor. */
export function maxStratumDraw(review: ReviewPolicy): number {
  const z = zForConfidence(review.confidence);
  return Math.max(Math.ceil((z * z * 0.25) / (review.margin * review.margin)), review.stratumFloor);
}
