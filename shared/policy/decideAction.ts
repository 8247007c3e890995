/**
 * The penalty decision for one account: the strongest finding enters the ladder at its
 * severity's step, climbs one step per prior offense (escalation) and optionally for many
 * codes at once. Pure: same findings, history and policy give the same decision.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Finding, Severity } from '#shared/detect/finding';
import { BRAND_PROMOTION_RULES, isCampaignKey, RULE_BRAND_POINTS } from '#shared/detect/ruleCatalog';
import { chargeableCampaigns, isCampaignFinding } from '#shared/brand/brandCampaigns';
import { assessBrandPoints, type BrandDeduction, type BrandPointsOutcome } from '#shared/brand/brandPoints';
import { evidencePolicyOf, type Policy } from './policySchema.ts';
import { assessEvidence, capForEvidence, type EvidenceAssessment } from './evidenceSufficiency.ts';
import { outranks, penaltyEnd } from './penaltyPrecedence.ts';
import type { RuleSetting } from './ruleSettings.ts';

export interface PriorOffense {
  sweepId: string;
  effectiveAt: string;
  action: Action;
}

export interface Decision {
  accountId: string;
  codes: ViolationCode[];
  action: Action;
  durationDays?: number;
  ruleIds: string[];
  severity: Severity | null;
  score: number;
  ladderStep: number | null;
  priorOffenses: number;
  policyVersion: string;
  sweepId: string;
  snapshotId: string;
  /** Snapshot time: penalties run from here, so decisions never read the clock. */
  effectiveAt: string;
  followerCount: number;
  accountType?: string;
  findings: Finding[];
  /** How strong the evidence is (evidenceSufficiency.ts); `cappedFrom` is the ladder's action when weak evidence capped it. */
  evidence?: EvidenceAssessment & { cappedFrom?: { action: Action; durationDays?: number } };
  /** Brand accounts under the policy's brand points: the period's balance, this sweep's deductions and their consequence. */
  brandPoints?: BrandPointsOutcome;
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export interface DecideInput {
  accountId: string;
  findings: Finding[];
  prior: PriorOffense[];
  followerCount: number;
  accountType?: string;
  /** Brand accounts: the brand this account speaks for, and the deductions already recorded on it. */
  brandId?: string;
  brandDeductions?: BrandDeduction[];
}

export interface DecideContext {
  policy: Policy;
  rules: Map<string, RuleSetting>;
  sweepId: string;
  snapshotId: string;
  takenAt: string;
}

export function decideAction(input: DecideInput, ctx: DecideContext): Decision {
  const pointsRule = ctx.rules.get(RULE_BRAND_POINTS);
  const underPoints = !!ctx.policy.brandPoints && !!pointsRule?.enabled && input.accountType === 'brand';
  // A seeding campaign is the brand's only through the points ledger, when the policy charges it.
  const campaigns = underPoints ? chargeableCampaigns(input.findings, ctx.policy.brandPoints) : [];
  const charged = new Set(campaigns.map((c) => c.key));
  const actionable = input.findings
    .filter((f) => {
      const rule = ctx.rules.get(f.ruleId);
      return rule !== undefined && rule.enabled && f.score >= rule.minScore && (!isCampaignFinding(f) || charged.has(f.evidence.clusterKey ?? ''));
    })
    .map((f) => ({ ...f, severity: ctx.rules.get(f.ruleId)!.severity }));
  const evidencePolicy = evidencePolicyOf(ctx.policy);
  const base: Decision = {
    accountId: input.accountId,
    codes: [],
    action: 'none',
    ruleIds: [],
    severity: null,
    score: 0,
    ladderStep: null,
    priorOffenses: 0,
    policyVersion: ctx.policy.policyVersion,
    sweepId: ctx.sweepId,
    snapshotId: ctx.snapshotId,
    effectiveAt: ctx.takenAt,
    followerCount: input.followerCount,
    accountType: input.accountType,
    findings: sortFindings(actionable),
  };
  if (actionable.length === 0) return base;

  // A brand account's unauthorised promotions cost points; the points left, not the ladder, set their consequence.
  const promotions = underPoints ? actionable.filter((f) => BRAND_PROMOTION_RULES.has(f.ruleId)) : [];
  let brandPoints: BrandPointsOutcome | undefined;
  if (promotions.length > 0) {
    const keptCampaigns = new Set(promotions.filter(isCampaignFinding).map((f) => f.evidence.clusterKey));
    brandPoints = assessBrandPoints(
      [...promotions.filter((f) => !isCampaignFinding(f)).flatMap((f) => f.evidence.noteIds ?? []), ...campaigns.filter((c) => keptCampaigns.has(c.key))],
      input.brandDeductions ?? [],
      { sweepId: ctx.sweepId, takenAt: ctx.takenAt, brandId: input.brandId },
      ctx.policy.brandPoints!,
    );
    actionable.push(brandPointsFinding(input.accountId, brandPoints, pointsRule!.severity, Math.max(...promotions.map((f) => f.score))));
  }
  const ladderFindings = brandPoints ? actionable.filter((f) => !BRAND_PROMOTION_RULES.has(f.ruleId) && f.ruleId !== RULE_BRAND_POINTS) : actionable;

  // Offenses recorded before this snapshot, by other sweeps: a re-run of this sweep never counts itself.
  const prior = input.prior.filter((p) => p.sweepId !== ctx.sweepId && p.effectiveAt < ctx.takenAt && p.action !== 'none');
  const all = sortFindings(actionable);
  const codes = [...new Set(all.map((f) => f.code))].sort();
  const worst = all.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
  let action: Action = 'none';
  let durationDays: number | undefined;
  let ladderStep: number | null = null;
  const evidence: Decision['evidence'] = assessEvidence(
    all.map((f) => {
      const r = ctx.rules.get(f.ruleId)!;
      return { ruleId: f.ruleId, basis: r.basis, strength: r.strength };
    }),
    evidencePolicy,
  );
  if (ladderFindings.length > 0) {
    const ladderWorst = ladderFindings.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
    const top = ctx.policy.ladder.length - 1;
    let step = ctx.policy.severityStart[ladderWorst.severity] + prior.length;
    if (ctx.policy.multiCode && codes.length >= ctx.policy.multiCode.minCodes) step += ctx.policy.multiCode.extraSteps;
    step = Math.min(step, top);
    const { step: rung, capped } = capForEvidence(ctx.policy.ladder[step], evidence.level, evidencePolicy);
    if (capped) {
      const from = ctx.policy.ladder[step];
      evidence.cappedFrom = { action: from.action, ...(from.action === 'limit' || from.action === 'suspend' ? { durationDays: from.days } : {}) };
    }
    action = rung.action;
    durationDays = rung.action === 'limit' || rung.action === 'suspend' ? rung.days : undefined;
    ladderStep = step;
  }
  const c = brandPoints?.consequence;
  if (c && outranks({ action: c.action, until: penaltyEnd(c.action, ctx.takenAt, c.durationDays) }, { action, until: penaltyEnd(action, ctx.takenAt, durationDays) })) {
    action = c.action;
    durationDays = c.durationDays;
  }
  return {
    ...base,
    codes,
    action,
    durationDays,
    ruleIds: [...new Set(all.map((f) => f.ruleId))].sort(),
    severity: worst.severity,
    score: Math.max(...all.map((f) => f.score)),
    ladderStep,
    priorOffenses: prior.length,
    findings: all,
    evidence,
    ...(brandPoints ? { brandPoints } : {}),
  };
}

function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort((a, b) => (a.code === b.code ? a.ruleId.localeCompare(b.ruleId) : a.code.localeCompare(b.code)));
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
