/**
 * The penalty decision for one account: the strongest finding enters the ladder at its
 * severity's step, climbs one step per prior offense (escalation) and optionally for many
 * codes at once. Pure: same findings, history and policy give the same decision.
 */
import { ACTION_RANK, type Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Finding, Severity } from '#shared/detect/finding';
import type { Policy } from './policySchema.ts';
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
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export interface DecideInput {
  accountId: string;
  findings: Finding[];
  prior: PriorOffense[];
  followerCount: number;
  accountType?: string;
}

export interface DecideContext {
  policy: Policy;
  rules: Map<string, RuleSetting>;
  sweepId: string;
  snapshotId: string;
  takenAt: string;
}

export function decideAction(input: DecideInput, ctx: DecideContext): Decision {
  const actionable = input.findings
    .filter((f) => {
      const rule = ctx.rules.get(f.ruleId);
      return rule !== undefined && rule.enabled && f.score >= rule.minScore;
    })
    .map((f) => ({ ...f, severity: ctx.rules.get(f.ruleId)!.severity }))
    .sort((a, b) => (a.code === b.code ? a.ruleId.localeCompare(b.ruleId) : a.code.localeCompare(b.code)));
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
    findings: actionable,
  };
  if (actionable.length === 0) return base;

  // Offenses recorded before this snapshot, by other sweeps: a re-run of this sweep never counts itself.
  const prior = input.prior.filter((p) => p.sweepId !== ctx.sweepId && p.effectiveAt < ctx.takenAt && p.action !== 'none');
  const codes = [...new Set(actionable.map((f) => f.code))].sort();
  const worst = actionable.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
  const top = ctx.policy.ladder.length - 1;
  let step = ctx.policy.severityStart[worst.severity] + prior.length;
  if (ctx.policy.multiCode && codes.length >= ctx.policy.multiCode.minCodes) step += ctx.policy.multiCode.extraSteps;
  step = Math.min(step, top);
  const rung = ctx.policy.ladder[step];
  return {
    ...base,
    codes,
    action: rung.action,
    durationDays: rung.action === 'limit' || rung.action === 'suspend' ? rung.days : undefined,
    ruleIds: [...new Set(actionable.map((f) => f.ruleId))].sort(),
    severity: worst.severity,
    score: Math.max(...actionable.map((f) => f.score)),
    ladderStep: step,
    priorOffenses: prior.length,
  };
}

export function strongerAction(a: Action, b: Action): Action {
  return ACTION_RANK[a] >= ACTION_RANK[b] ? a : b;
}
