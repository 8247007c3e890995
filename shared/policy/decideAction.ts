/**
 * The penalty decision for one account: which findings the policy acts on, and their consequence
 * (the ladder step or the brand points tier, chosen in consequences.ts). Pure: same findings,
 * history and policy give the same decision.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { BrandDeduction } from '#shared/brand/brandPoints';
import type { Finding, Severity } from '#shared/detect/finding';
import { brandPointsScope, chargedIfCampaign, chooseConsequence, sortFindings, worstFinding, type BrandPointsOutcome, type DecisionEvidence, type PriorOffense } from './consequences.ts';
import type { Policy } from './policySchema.ts';
import type { RuleSetting } from './ruleSettings.ts';

export type { PriorOffense } from './consequences.ts';

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
  evidence?: DecisionEvidence;
  /** Brand accounts under the policy's brand points: the period's balance, this sweep's deductions and their consequence. */
  brandPoints?: BrandPointsOutcome;
}

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
  const points = brandPointsScope(input, ctx);
  const actionable = input.findings
    .filter((f) => {
      const rule = ctx.rules.get(f.ruleId);
      return rule !== undefined && rule.enabled && f.score >= rule.minScore && chargedIfCampaign(f, points);
    })
    .map((f) => ({ ...f, severity: ctx.rules.get(f.ruleId)!.severity }));
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

  const c = chooseConsequence(actionable, input, points, ctx);
  return {
    ...base,
    codes: c.codes,
    action: c.action,
    durationDays: c.durationDays,
    ruleIds: [...new Set(c.findings.map((f) => f.ruleId))].sort(),
    severity: worstFinding(c.findings).severity,
    score: Math.max(...c.findings.map((f) => f.score)),
    ladderStep: c.ladderStep,
    priorOffenses: c.priorOffenses,
    findings: c.findings,
    evidence: c.evidence,
    ...(c.brandPoints ? { brandPoints: c.brandPoints } : {}),
  };
}
