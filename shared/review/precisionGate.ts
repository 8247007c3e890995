/**
 * The precision gate: per rule, the share of its decisions that reviewers found correct, with a
 * Wilson score interval, and which rules are held back.
 *
 * Estimator: each reviewed case scores the share of its verdicts that are `correct` (1, 0, or ½
 * when two reviewers disagree) and stands for `weight` decisions of its stratum (N_h / n_h; 1 for
 * full review). The point estimate is the weighted mean; the interval is Wilson's at the
 * Kish effective sample size n_eff = (Σw)² / Σw² (the plain count when the sample is
 * self-weighting), divided by the finite-population correction (N − n) / (N − 1): a rule whose
 * decisions were all reviewed has its precision exactly. A rule whose lower bound is under its threshold is held: none of its decisions
 * are enforced. A rule with nothing reviewed has lower bound 0 and is held (fail safe).
 *
 * Individual decisions a reviewer found wrong, and high-reach cases reviewed in full but not
 * (all) judged correct, are held too, whatever their rule's estimate.
 */
import type { ReviewCase, Verdict, VerdictKind } from '#shared/ports/reviewRepository';
import { zForConfidence, type ReviewPolicy } from './stratifiedSample.ts';

export function wilsonInterval(p: number, n: number, z: number): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface RuleEstimate {
  ruleId: string;
  cases: number;
  reviewed: number;
  correct: number;
  wrongCode: number;
  notViolation: number;
  precision: number | null;
  low: number;
  high: number;
  effectiveN: number;
  /** Decisions of the rule the cases stand for. */
  population: number;
  threshold: number;
  held: boolean;
}

export interface Disagreement {
  caseId: string;
  ruleId: string;
  verdicts: Array<{ reviewer: string; verdict: VerdictKind }>;
}

export interface GateReport {
  confidence: number;
  rules: RuleEstimate[];
  heldRules: string[];
  /** Accounts held individually (a verdict said the decision is wrong, or an unreviewed full-review case). */
  heldAccounts: string[];
  cases: number;
  reviewed: number;
  /** Cases judged by two or more reviewers, and how often they agreed. */
  doubleReviewed: number;
  agreement: number | null;
  disagreements: Disagreement[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function precisionGate(cases: ReviewCase[], verdicts: Verdict[], review: ReviewPolicy): GateReport {
  const z = zForConfidence(review.confidence);
  const byCase = new Map<string, Verdict[]>();
  for (const v of verdicts) {
    let list = byCase.get(v.caseId);
    if (!list) byCase.set(v.caseId, (list = []));
    list.push(v);
  }
  const rules = new Map<string, ReviewCase[]>();
  for (const c of cases) {
    let list = rules.get(c.ruleId);
    if (!list) rules.set(c.ruleId, (list = []));
    list.push(c);
  }
  const heldAccounts = new Set<string>();
  const disagreements: Disagreement[] = [];
  let doubleReviewed = 0;
  let agreed = 0;
  const estimates: RuleEstimate[] = [];
  for (const ruleId of [...rules.keys()].sort()) {
    const list = rules.get(ruleId)!;
    let sw = 0,
      sw2 = 0,
      swx = 0,
      reviewed = 0,
      correct = 0,
      wrongCode = 0,
      notViolation = 0;
    for (const c of list) {
      const vs = byCase.get(c.caseId) ?? [];
      if (vs.length === 0) {
        if (c.selection === 'full') heldAccounts.add(c.accountId);
        continue;
      }
      reviewed += 1;
      const share = vs.filter((v) => v.verdict === 'correct').length / vs.length;
      for (const v of vs) {
        if (v.verdict === 'correct') correct += 1;
        else if (v.verdict === 'wrong-code') wrongCode += 1;
        else notViolation += 1;
      }
      if (share < 1) heldAccounts.add(c.accountId);
      if (vs.length >= 2) {
        doubleReviewed += 1;
        if (new Set(vs.map((v) => v.verdict)).size === 1) agreed += 1;
        else disagreements.push({ caseId: c.caseId, ruleId, verdicts: vs.map((v) => ({ reviewer: v.reviewer, verdict: v.verdict })).sort((a, b) => a.reviewer.localeCompare(b.reviewer)) });
      }
      const w = c.weight ?? 1;
      sw += w;
      sw2 += w * w;
      swx += w * share;
    }
    const p = sw > 0 ? swx / sw : null;
    // Finite population: reviewing n of N decisions shrinks the variance by (N − n) / (N − 1);
    // a census (every decision reviewed) knows the precision exactly.
    const population = list.reduce((s, c) => s + (c.weight ?? 1), 0);
    const fpc = population > 1 ? Math.max(0, (population - reviewed) / (population - 1)) : 0;
    const nEff = sw2 > 0 ? (sw * sw) / sw2 : 0;
    const nAdjusted = fpc > 1e-9 ? nEff / fpc : Number.POSITIVE_INFINITY;
    const { low, high } = p === null ? { low: 0, high: 1 } : Number.isFinite(nAdjusted) ? wilsonInterval(p, nAdjusted, z) : { low: p, high: p };
    const threshold = review.rules[ruleId]?.minPrecision ?? review.minPrecision;
    estimates.push({
      ruleId,
      cases: list.length,
      reviewed,
      correct,
      wrongCode,
      notViolation,
      precision: p === null ? null : round(p),
      low: round(low),
      high: round(high),
      effectiveN: round(nEff),
      population: Math.round(population),
      threshold,
      held: low < threshold,
    });
  }
  return {
    confidence: review.confidence,
    rules: estimates,
    heldRules: estimates.filter((e) => e.held).map((e) => e.ruleId),
    heldAccounts: [...heldAccounts].sort(),
    cases: cases.length,
    reviewed: estimates.reduce((s, e) => s + e.reviewed, 0),
    doubleReviewed,
    agreement: doubleReviewed > 0 ? round(agreed / doubleReviewed) : null,
    disagreements,
  };
}
