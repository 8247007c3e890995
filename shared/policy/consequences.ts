/**
 * The consequence of one account's acted-on findings, chosen in one place: the penalty ladder
 * (the worst finding enters at its severity's step, climbs one step per prior offense and for many
 * codes at once, capped when the evidence is weak) or, for a brand account under the policy's brand
 * points, the tier its points left reach. When both apply, the stronger penalty wins. Pure.
 *
 * The brand points ledger (shared/brand/brandPoints.ts) only counts; which promotions it counts
 * (seeding campaigns charged or not) and what the points left bring are decided here.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';
import { assessBrandPoints, type BrandDeduction, type BrandPointsAssessment, type CampaignUnit } from '#shared/brand/brandPoints';
import type { Finding, Severity } from '#shared/detect/finding';
import { BRAND_PROMOTION_RULES, isCampaignKey, RULE_BRAND_CAMPAIGN, RULE_BRAND_POINTS } from '#shared/detect/ruleCatalog';
import { countedOffenses } from './actedEvidence.ts';
import { assessEvidence, capForEvidence, type EvidenceAssessment } from './evidenceSufficiency.ts';
import { outranks, penaltyEnd } from './penaltyPrecedence.ts';
import { evidencePolicyOf, type BrandPointsPolicy, type BrandTier, type LadderStep, type Policy } from './policySchema.ts';
import type { RuleSetting } from './ruleSettings.ts';

export interface PriorOffense {
  sweepId: string;
  effectiveAt: string;
  action: Action;
  /** What the offense's enforcement acted on (actedEvidence.ts); absent on offenses recorded before evidence keys. */
  evidenceKeys?: string[];
}

/** What the brand points tier reached brings; the platform's consumers apply reducedSearch and brandContentHidden. */
export interface BrandConsequence {
  action: LadderStep['action'];
  durationDays?: number;
  reducedSearch: boolean;
  brandContentHidden: boolean;
  pointsAtOrBelow: number;
}

export interface BrandPointsOutcome extends BrandPointsAssessment {
  /** Absent when this sweep deducted nothing. */
  consequence?: BrandConsequence;
}

/** How strong the evidence is; `cappedFrom` is the ladder's action when weak evidence capped it. */
export type DecisionEvidence = EvidenceAssessment & { cappedFrom?: { action: Action; durationDays?: number } };

export interface ConsequenceContext {
  policy: Policy;
  rules: Map<string, RuleSetting>;
  sweepId: string;
  takenAt: string;
}

/** One account as deciding sees it: who it is and its history (prior offenses, brand points already deducted). */
export interface AccountHistory {
  accountId: string;
  accountType?: string;
  findings: readonly Finding[];
  prior: readonly PriorOffense[];
  brandId?: string;
  brandDeductions?: readonly BrandDeduction[];
}

export interface Consequence {
  /** The findings acted on, sorted, with the brand-points finding when the account's points were counted. */
  findings: Finding[];
  codes: ViolationCode[];
  priorOffenses: number;
  action: Action;
  durationDays?: number;
  ladderStep: number | null;
  evidence: DecisionEvidence;
  brandPoints?: BrandPointsOutcome;
}

/** Brand points apply to the account: its settings, the brand-points rule and the seeding campaigns charged to the brand. */
export interface BrandPointsScope {
  cfg: BrandPointsPolicy;
  rule: RuleSetting;
  campaigns: CampaignUnit[];
}

const isCampaignFinding = (f: Finding): boolean => f.ruleId === RULE_BRAND_CAMPAIGN;

/** Undefined unless the account is a brand account and the policy runs brand points. */
export function brandPointsScope(account: Pick<AccountHistory, 'accountType' | 'findings'>, ctx: Pick<ConsequenceContext, 'policy' | 'rules'>): BrandPointsScope | undefined {
  const rule = ctx.rules.get(RULE_BRAND_POINTS);
  const cfg = ctx.policy.brandPoints;
  if (!cfg || !rule?.enabled || account.accountType !== 'brand') return undefined;
  return { cfg, rule, campaigns: chargeableCampaigns(account.findings, cfg) };
}

/**
 * Seeding campaigns found for a brand are the brand's only through its points, when the policy
 * charges them (a competitor can stage one to frame a brand): attributeCampaigns, minCampaignAccounts.
 * A charged campaign is one promotion however many notes it has. Sorted by key.
 */
function chargeableCampaigns(findings: readonly Finding[], cfg: BrandPointsPolicy): CampaignUnit[] {
  if (cfg.attributeCampaigns === false) return [];
  const min = cfg.minCampaignAccounts ?? 5;
  return findings
    .filter((f) => isCampaignFinding(f) && f.evidence.clusterKey && (f.evidence.relatedAccountIds?.length ?? 0) >= min)
    .map((f) => ({ key: f.evidence.clusterKey!, noteIds: f.evidence.noteIds ?? [] }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A seeding campaign finding is acted on only as a promotion charged to the brand. */
export function chargedIfCampaign(f: Finding, scope: BrandPointsScope | undefined): boolean {
  return !isCampaignFinding(f) || (scope?.campaigns.some((c) => c.key === (f.evidence.clusterKey ?? '')) ?? false);
}

/**
 * Whether enforcement holds a decision back, given the rules the review holds: when every rule it
 * rests on is held. The brand-points rule is derived from the promotions it counted, so it is held
 * when those are all held.
 */
export function isDecisionHeld(ruleIds: readonly string[], heldRules: ReadonlySet<string>): boolean {
  const promotions = ruleIds.filter((r) => BRAND_PROMOTION_RULES.has(r));
  const isHeld = (r: string) => heldRules.has(r) || (r === RULE_BRAND_POINTS && promotions.length > 0 && promotions.every((x) => heldRules.has(x)));
  return ruleIds.length > 0 && ruleIds.every(isHeld);
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
export const worstFinding = (fs: readonly Finding[]): Finding => fs.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));

export function sortFindings(fs: readonly Finding[]): Finding[] {
  return [...fs].sort((a, b) => (a.code === b.code ? a.ruleId.localeCompare(b.ruleId) : a.code.localeCompare(b.code)));
}

/**
 * Chooses the consequence of `actionable` (non-empty: the findings the policy acts on, severities
 * from the rule settings) given the account's history.
 */
export function chooseConsequence(actionable: readonly Finding[], account: AccountHistory, scope: BrandPointsScope | undefined, ctx: ConsequenceContext): Consequence {
  const acted = [...actionable];
  // A brand account's unauthorised promotions cost points; the points left, not the ladder, set their consequence.
  const points = scope && countPromotions(acted, account, scope, ctx);
  if (points) acted.push(points.finding);
  const ladderFindings = points ? acted.filter((f) => !BRAND_PROMOTION_RULES.has(f.ruleId) && f.ruleId !== RULE_BRAND_POINTS) : acted;

  // Offenses of other sweeps decided at or before this snapshot (a re-run never counts itself). A
  // sweep over the same snapshot counts them too: its findings already acted on were dropped before.
  const prior = countedOffenses(account.prior, ctx.sweepId, ctx.takenAt);
  const findings = sortFindings(acted);
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const evidencePolicy = evidencePolicyOf(ctx.policy);
  const evidence: DecisionEvidence = assessEvidence(
    findings.map((f) => {
      const r = ctx.rules.get(f.ruleId)!;
      return { ruleId: f.ruleId, basis: r.basis, strength: r.strength };
    }),
    evidencePolicy,
  );
  let action: Action = 'none';
  let durationDays: number | undefined;
  let ladderStep: number | null = null;
  if (ladderFindings.length > 0) {
    const top = ctx.policy.ladder.length - 1;
    let step = ctx.policy.severityStart[worstFinding(ladderFindings).severity] + prior.length;
    if (ctx.policy.multiCode && codes.length >= ctx.policy.multiCode.minCodes) step += ctx.policy.multiCode.extraSteps;
    step = Math.min(step, top);
    const { step: rung, capped } = capForEvidence(ctx.policy.ladder[step], evidence.level, evidencePolicy);
    if (capped) evidence.cappedFrom = { action: ctx.policy.ladder[step].action, ...daysOf(ctx.policy.ladder[step]) };
    action = rung.action;
    durationDays = daysOf(rung).durationDays;
    ladderStep = step;
  }
  const c = points?.outcome.consequence;
  if (c && outranks({ action: c.action, until: penaltyEnd(c.action, ctx.takenAt, c.durationDays) }, { action, until: penaltyEnd(action, ctx.takenAt, durationDays) })) {
    action = c.action;
    durationDays = c.durationDays;
  }
  return { findings, codes, priorOffenses: prior.length, action, durationDays, ladderStep, evidence, ...(points ? { brandPoints: points.outcome } : {}) };
}

const daysOf = (step: LadderStep): { durationDays?: number } => (step.action === 'limit' || step.action === 'suspend' ? { durationDays: step.days } : {});

/** The brand account's promotions counted by the ledger, the tier the points left reach, and the finding that records both. */
function countPromotions(acted: readonly Finding[], account: AccountHistory, scope: BrandPointsScope, ctx: ConsequenceContext): { outcome: BrandPointsOutcome; finding: Finding } | undefined {
  const promotions = acted.filter((f) => BRAND_PROMOTION_RULES.has(f.ruleId));
  if (promotions.length === 0) return undefined;
  const keptCampaigns = new Set(promotions.filter(isCampaignFinding).map((f) => f.evidence.clusterKey));
  const counted = assessBrandPoints(
    [...promotions.filter((f) => !isCampaignFinding(f)).flatMap((f) => f.evidence.noteIds ?? []), ...scope.campaigns.filter((c) => keptCampaigns.has(c.key))],
    account.brandDeductions ?? [],
    { sweepId: ctx.sweepId, takenAt: ctx.takenAt, brandId: account.brandId },
    scope.cfg,
  );
  const tier = counted.deducted.length > 0 ? tierFor(counted.pointsAfter, scope.cfg.tiers) : undefined;
  const outcome: BrandPointsOutcome = {
    ...counted,
    consequence: tier && {
      action: tier.step.action,
      durationDays: daysOf(tier.step).durationDays,
      reducedSearch: tier.reducedSearch ?? false,
      brandContentHidden: tier.brandContentHidden ?? false,
      pointsAtOrBelow: tier.pointsAtOrBelow,
    },
  };
  return { outcome, finding: brandPointsFinding(account.accountId, outcome, scope.rule.severity, Math.max(...promotions.map((f) => f.score))) };
}

/** The harshest tier whose threshold the points left reach; undefined when none does. */
export function tierFor(points: number, tiers: readonly BrandTier[]): BrandTier | undefined {
  return [...tiers].sort((a, b) => a.pointsAtOrBelow - b.pointsAtOrBelow).find((t) => points <= t.pointsAtOrBelow);
}

function brandPointsFinding(accountId: string, o: BrandPointsOutcome, severity: Severity, score: number): Finding {
  const n = o.deducted.length;
  // Campaign keys are not note ids: named in the summary, their notes are in the brand-campaign findings.
  const isNote = (k: string) => !isCampaignKey(k);
  const campaigns = o.deducted.filter((k) => !isNote(k));
  const summary =
    n > 0
      ? `${n} unauthorised commercial promotion${n > 1 ? 's' : ''} outside the partner platform${campaigns.length ? ` (${campaigns.length} seeding campaign${campaigns.length > 1 ? 's' : ''}: ${campaigns.slice(0, 3).join(', ')})` : ''}: brand points ${o.pointsBefore} → ${o.pointsAfter} of ${o.startPoints} (period from ${o.period.id})` +
        (o.carried.length ? `, ${o.carried.length} more carried to the next sweep` : '')
      : `${o.alreadyDeducted.length} unauthorised commercial promotion(s) already deducted this period; brand points stay ${o.pointsBefore} of ${o.startPoints}`;
  return {
    accountId,
    code: 'undisclosed-promotion',
    ruleId: RULE_BRAND_POINTS,
    severity,
    score,
    evidence: { summary, noteIds: (n > 0 ? o.deducted : o.alreadyDeducted).filter(isNote).slice(0, 20), ...(o.brandId ? { clusterKey: o.brandId } : {}) },
  };
}
