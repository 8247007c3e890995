/**
 * What the sweep-wide Tasks need of one account bucket's decisions, drawn where the decisions are made (resolve,
 * one bucket at a time): the summary's counts, the blast-radius guard's tally, and both review samples' candidates.
 * DrawSample (and FinishSweep, for a bucket whose resolve stats lack the counts) then read one digest per bucket instead of every decision of the sweep, which no
 * single Lambda can hold at platform scale (issue 17: 30M acted decisions at 300M accounts).
 *
 * Exact, not an approximation: counts add up, and both samplers take the decisions with the smallest hash of
 * (sweep, rule, account), per rule (auto: at most max(floor, cap)) or per stratum (human: at most maxStratumDraw).
 * A bucket keeps, per rule and stratum, its own smallest max of the two: every decision either sample can take
 * from it. Decisions whose reach may put them in a full-review stratum are kept whole.
 */
import { addTallies, emptyContentTally, tallyContent, type ContentTally } from '#shared/enforcement/decideContentActions';
import type { Decision } from '#shared/policy/decideAction';
import { guardPolicyOf, reviewPolicyOf, type Policy } from '#shared/policy/policySchema';
import type { ReviewCase } from '#shared/ports/reviewRepository';
import { emptyTally, tallyDecision, type GuardTally } from './blastRadiusGuard.ts';
import { decisionsByRule } from './decisionsByRule.ts';
import { followerTier } from './followerTier.ts';
import { autoSampleCase, sampleSize } from './sampleForReview.ts';
import { SmallestByHash } from './smallestByHash.ts';
import { candidateOf, drawStratified, maxStratumDraw, rankByHash, type ReviewCandidate, type ReviewPolicy, type RulePopulation, type StratumSummary } from './stratifiedSample.ts';

/** The summary's counts over decisions (SweepSummary's fields of the same names). */
export interface DecisionCounts {
  decisions: number;
  /** Decisions with no action because earlier sweeps acted on the same evidence. */
  alreadyActed: number;
  byAction: Record<string, number>;
  byCode: Record<string, number>;
  byCodeAndAction: Record<string, Record<string, number>>;
  byRule: Record<string, number>;
  content?: ContentTally;
}

export interface DecisionDigest {
  bucket: number;
  counts: DecisionCounts;
  /** The guard's tally of the bucket (judged accounts come from the resolve stats). */
  guard: Omit<GuardTally, 'judged'>;
  /**
   * Per rule, its decisions with an action: those of an account whose reach may put them in a full-review stratum
   * (followers at or above the lowest threshold the review or the guard's follower caps can set, or a ban at or above
   * banFollowerThreshold) kept whole; the rest per `<action>|<follower tier>`, counted, with the stratum's
   * smallest-hash candidates (candidatesPerStratum).
   */
  rules: Record<string, RulePopulation>;
}

const inc = (m: Record<string, number>, k: string, by = 1) => (m[k] = (m[k] ?? 0) + by);

export const emptyCounts = (): DecisionCounts => ({ decisions: 0, alreadyActed: 0, byAction: {}, byCode: {}, byCodeAndAction: {}, byRule: {} });

/** Candidates kept per stratum: as many as either sampler can take from one (auto per rule, human per stratum). */
const candidatesPerStratum = (policy: Policy) => Math.max(policy.sampling.floor, policy.sampling.cap, maxStratumDraw(reviewPolicyOf(policy)));

export function digestDecisions(sweepId: string, bucket: number, decisions: Decision[], policy: Policy): DecisionDigest {
  const counts = emptyCounts();
  const guardPolicy = guardPolicyOf(policy);
  const tally = emptyTally(0);
  for (const d of decisions) {
    counts.decisions += 1;
    if (d.alreadyActed && d.action === 'none') counts.alreadyActed += 1;
    inc(counts.byAction, d.action);
    for (const c of d.codes) {
      inc(counts.byCode, c);
      inc((counts.byCodeAndAction[c] ??= {}), d.action);
    }
    for (const r of d.ruleIds) inc(counts.byRule, r);
    for (const c of d.contentActions ?? []) tallyContent((counts.content ??= emptyContentTally()), c);
    tallyDecision(tally, d, guardPolicy);
  }
  const { judged: _judged, ...guard } = tally;
  return { bucket, counts, guard, rules: rulePopulations(sweepId, decisions, policy) };
}

/** Whether a decision may be reviewed in full under some threshold the sampling step can use (see `rules`). */
function mayReviewInFull(policy: Policy): (d: Pick<Decision, 'action' | 'followerCount'>) => boolean {
  const review = reviewPolicyOf(policy);
  const lowest = Math.min(review.followerThreshold, ...guardPolicyOf(policy).followerCaps.map((c) => c.atLeast));
  return (d) => d.followerCount >= lowest || (d.action === 'ban' && d.followerCount >= review.banFollowerThreshold);
}

function rulePopulations(sweepId: string, decisions: Decision[], policy: Policy): Record<string, RulePopulation> {
  const inFull = mayReviewInFull(policy);
  const k = candidatesPerStratum(policy);
  const out: Record<string, RulePopulation> = {};
  for (const [ruleId, list] of decisionsByRule(decisions)) {
    const population: RulePopulation = { reach: [], strata: {} };
    for (const d of list) {
      if (inFull(d)) population.reach.push(candidateOf(d, ruleId));
      else {
        const stratum = (population.strata[`${d.action}|${followerTier(d.followerCount)}`] ??= { count: 0, candidates: [] });
        stratum.count += 1;
        stratum.candidates.push(candidateOf(d, ruleId));
      }
    }
    for (const stratum of Object.values(population.strata)) stratum.candidates = rankByHash(sweepId, ruleId, stratum.candidates).slice(0, k);
    out[ruleId] = population;
  }
  return out;
}

/** Adds a bucket's counts; in bucket order, the keys come in the order a pass over every decision would meet them. */
export function addCounts(into: DecisionCounts, from: DecisionCounts): DecisionCounts {
  into.decisions += from.decisions;
  into.alreadyActed += from.alreadyActed;
  for (const [k, n] of Object.entries(from.byAction)) inc(into.byAction, k, n);
  for (const [k, n] of Object.entries(from.byCode)) inc(into.byCode, k, n);
  for (const [code, byAction] of Object.entries(from.byCodeAndAction)) for (const [a, n] of Object.entries(byAction)) inc((into.byCodeAndAction[code] ??= {}), a, n);
  for (const [k, n] of Object.entries(from.byRule)) inc(into.byRule, k, n);
  if (from.content) addTallies((into.content ??= emptyContentTally()), from.content);
  return into;
}

/** Decisions with an action, by violation code (an account with two codes counts under both): the stage metric. */
export function actedByCode(counts: DecisionCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, byAction] of Object.entries(counts.byCodeAndAction)) {
    const acted = Object.entries(byAction).reduce((s, [action, n]) => (action === 'none' ? s : s + n), 0);
    if (acted > 0) out[code] = acted;
  }
  return out;
}

export function addGuardTally(into: GuardTally, from: DecisionDigest['guard']): GuardTally {
  into.acted += from.acted;
  for (const [k, n] of Object.entries(from.byRule)) inc(into.byRule, k, n);
  for (const [k, n] of Object.entries(from.byFollowerTier)) inc(into.byFollowerTier, k, n);
  return into;
}

/** A human review's stratified sample over digests added one bucket at a time; holds at most candidatesPerStratum per stratum. */
export class HumanSampleDraw {
  private readonly rules = new Map<string, { reach: ReviewCandidate[]; strata: Map<string, { count: number; smallest: SmallestByHash<ReviewCandidate> }> }>();

  constructor(
    private readonly sweepId: string,
    private readonly policy: Policy,
  ) {}

  add(digest: DecisionDigest): void {
    const k = candidatesPerStratum(this.policy);
    for (const [ruleId, part] of Object.entries(digest.rules)) {
      let rule = this.rules.get(ruleId);
      if (!rule) this.rules.set(ruleId, (rule = { reach: [], strata: new Map() }));
      rule.reach.push(...part.reach);
      for (const [key, s] of Object.entries(part.strata)) {
        let into = rule.strata.get(key);
        if (!into) rule.strata.set(key, (into = { count: 0, smallest: new SmallestByHash(this.sweepId, ruleId, k) }));
        into.count += s.count;
        into.smallest.add(s.candidates);
      }
    }
  }

  /** The same sample as stratifiedSample over every decision of the sweep, under `review` (its thresholds as the sampling step set them). */
  sample(review: ReviewPolicy): { cases: ReviewCase[]; strata: StratumSummary[] } {
    const populations = new Map<string, RulePopulation>();
    for (const [ruleId, rule] of this.rules) {
      const strata: RulePopulation['strata'] = {};
      for (const [key, s] of rule.strata) strata[key] = { count: s.count, candidates: s.smallest.items() };
      populations.set(ruleId, { reach: rule.reach, strata });
    }
    return drawStratified(this.sweepId, populations, review);
  }
}

/** The auto-review sample over digests added one bucket at a time; holds at most max(floor, cap) candidates per rule. */
export class AutoSampleDraw {
  private readonly rules = new Map<string, { count: number; smallest: SmallestByHash<ReviewCandidate> }>();

  constructor(
    private readonly sweepId: string,
    private readonly policy: Policy,
  ) {}

  add(digest: DecisionDigest): void {
    const k = Math.max(this.policy.sampling.floor, this.policy.sampling.cap);
    for (const [ruleId, part] of Object.entries(digest.rules)) {
      let rule = this.rules.get(ruleId);
      if (!rule) this.rules.set(ruleId, (rule = { count: 0, smallest: new SmallestByHash(this.sweepId, ruleId, k) }));
      const strata = Object.values(part.strata);
      rule.count += part.reach.length + strata.reduce((n, s) => n + s.count, 0);
      // the rule's smallest hashes are among its whole reach and its strata's smallest
      rule.smallest.add(part.reach);
      for (const s of strata) rule.smallest.add(s.candidates);
    }
  }

  /** The same cases as sampleForReview over every decision of the sweep. */
  cases(): ReviewCase[] {
    const cases: ReviewCase[] = [];
    for (const ruleId of [...this.rules.keys()].sort()) {
      const { count, smallest } = this.rules.get(ruleId)!;
      for (const d of smallest.items().slice(0, sampleSize(count, this.policy.sampling))) cases.push(autoSampleCase(this.sweepId, ruleId, d));
    }
    return cases;
  }
}
