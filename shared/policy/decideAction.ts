/**
 * The penalty decision for one account: which findings the policy acts on, and their consequence
 * (the ladder step or the brand points tier, chosen in consequences.ts). Pure: same findings,
 * history and policy give the same decision.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { BrandDeduction } from '#shared/brand/brandPoints';
import type { Finding, Severity } from '#shared/detect/finding';
import { BRAND_PROMOTION_RULES } from '#shared/detect/ruleCatalog';
import { brandPointsScope, chargedIfCampaign, chooseConsequence, sortFindings, worstFinding, type BrandPointsOutcome, type DecisionEvidence, type PriorOffense } from './consequences.ts';
import { countedOffenses, evidenceKeysOfAll, splitAlreadyActed } from './actedEvidence.ts';
import type { ContentActionKind, Policy } from './policySchema.ts';
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
  /** Snapshot time: what the decision is as of (it never reads the clock). The penalty itself runs from when Enforce applies it (LedgerEntry.appliedAt). */
  effectiveAt: string;
  followerCount: number;
  accountType?: string;
  findings: Finding[];
  /** How strong the evidence is (evidenceSufficiency.ts); `cappedFrom` is the ladder's action when weak evidence capped it. */
  evidence?: DecisionEvidence;
  /** Brand accounts under the policy's brand points: the period's balance, this sweep's deductions and their consequence. */
  brandPoints?: BrandPointsOutcome;
  /** The evidence keys of the findings acted on (actedEvidence.ts): what the ledger entry records as acted on. */
  evidenceKeys?: string[];
  /** Findings found again whose evidence earlier sweeps already acted on: they add nothing (actedEvidence.ts). */
  alreadyActed?: AlreadyActed;
  /** Short excerpts of the account's own notes and comments behind the findings, for its notice (ownContentQuotes.ts). */
  quotes?: OwnQuote[];
  /** The account's own notes and comments named by the acted-on findings, removed or limited (decideContentActions.ts). */
  contentActions?: ContentAction[];
}

/** One item of the account's own content acted on with the account's decision. */
export interface ContentAction {
  kind: 'note' | 'comment';
  itemId: string;
  action: ContentActionKind;
  /** The codes and rules whose findings named the item, sorted. */
  codes: ViolationCode[];
  ruleIds: string[];
}

export interface AlreadyActed {
  ruleIds: string[];
  codes: ViolationCode[];
  /** The sweeps whose enforcement already covered them. */
  sweepIds: string[];
}

export interface OwnQuote {
  kind: 'note' | 'comment';
  id: string;
  text: string;
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
  const acting = input.findings
    .filter((f) => {
      const rule = ctx.rules.get(f.ruleId);
      return rule !== undefined && rule.enabled && f.score >= rule.minScore && chargedIfCampaign(f, points);
    })
    .map((f) => ({ ...f, severity: ctx.rules.get(f.ruleId)!.severity }));
  // One act is punished once: findings resting only on evidence already acted on add nothing.
  // A brand account's promotions under brand points are the brand points ledger's to count (once
  // per note per period, brandPoints.ts), so they are left to it.
  const counted = countedOffenses(input.prior, ctx.sweepId, ctx.takenAt);
  const byPoints = (f: Finding) => points !== undefined && BRAND_PROMOTION_RULES.has(f.ruleId);
  const split = splitAlreadyActed(
    acting.filter((f) => !byPoints(f)),
    counted,
  );
  const { repeated, actedIn } = split;
  const actionable = [...split.fresh, ...acting.filter(byPoints)];
  const alreadyActed: AlreadyActed | undefined =
    repeated.length > 0 ? { ruleIds: [...new Set(repeated.map((f) => f.ruleId))].sort(), codes: [...new Set(repeated.map((f) => f.code))].sort(), sweepIds: actedIn } : undefined;
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
    ...(alreadyActed ? { alreadyActed } : {}),
  };
  // Everything found was acted on before: recorded (codes, no action) so the sweep says so, never enforced.
  if (actionable.length === 0) return alreadyActed ? { ...base, codes: alreadyActed.codes, ruleIds: alreadyActed.ruleIds, priorOffenses: counted.length, findings: sortFindings(repeated) } : base;

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
    evidenceKeys: evidenceKeysOfAll(c.findings),
    ...(c.brandPoints ? { brandPoints: c.brandPoints } : {}),
  };
}
