/**
 * Turns one decision into everything enforcement must write together: the ledger entry,
 * the platform event and the account's notice (a timed penalty's lift rides on its penalty state:
 * pendingLift.ts).
 * Pure and deterministic, so a retried or re-run enforce writes identical items.
 *
 * The penalty runs from `appliedAt`, the sweep's enforcement time (fixed once, when the review
 * released the sweep, and passed in by the Enforce stage), not from the snapshot's time: a
 * 7-day limit applied on Dec 5 ends on Dec 12 whatever day the snapshot was taken.
 */
import type { Decision } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import { penaltyEnd } from '#shared/policy/penaltyPrecedence';
import { composeNotice, type Notice } from '#shared/notify/composeNotice';
import { contentOnlyNotice, withContent } from '#shared/notify/composeContentNotice';
import { deductionsOf, type BrandDeduction } from '#shared/brand/brandPoints';
import { ledgerKey, type LedgerEntry } from './ledgerEntry.ts';
import { planContent, type PlannedContent } from './planContentEnforcement.ts';

export interface EnforcementEvent {
  kind: 'enforcement';
  accountId: string;
  sweepId: string;
  action: Decision['action'];
  durationDays?: number;
  until?: string;
  codes: Decision['codes'];
  ruleIds: string[];
  policyVersion: string;
  effectiveAt: string;
  /** When the penalty started: the platform applies it from here until `until`. */
  appliedAt: string;
  /** Brand accounts: consequences the platform's consumers apply (search appearance, brand content). */
  brand?: BrandConsequences;
}

export interface BrandConsequences {
  brandId?: string;
  period: string;
  pointsLeft: number;
  reducedSearch: boolean;
  brandContentHidden: boolean;
}

/** Brand points deductions recorded with the action, on the brand account's penalty state. */
export interface PlannedBrandPoints {
  brandId?: string;
  startPoints: number;
  deductions: BrandDeduction[];
  /** Deductions of periods before this one are dropped from the state (the ledger keeps them). */
  keepFrom: string;
}

export interface PlannedEnforcement {
  ledger: LedgerEntry;
  event: EnforcementEvent;
  notice: Notice;
  brandPoints?: PlannedBrandPoints;
  /** The account bucket Enforce applies it from; its outbox messages are filed under it for Notify. */
  bucket?: number;
  /** The account's notes and comments acted on with it, written in batches of `contentBatch` (planContentEnforcement.ts). */
  content?: PlannedContent[];
  contentBatch?: number;
  /** The notice when the penalty is absorbed but items were acted on: content only. */
  contentNotice?: Notice;
}

export function summarizeEvidence(decision: Decision): string {
  const parts: string[] = [];
  for (const f of decision.findings.slice(0, 4)) parts.push(`[${f.ruleId}] ${f.evidence.summary}`);
  if (decision.findings.length > 4) parts.push(`+${decision.findings.length - 4} more`);
  return parts.join(' | ').slice(0, 900);
}

/** `appliedAt` defaults to the decision's time (sweeps released before enforceAt was recorded); `timeZone`: the notice's times (a campaign's). */
export function planEnforcement(decision: Decision, policy: Policy, evidenceRef: string, recordedAt: string, appliedAt: string = decision.effectiveAt, timeZone?: string): PlannedEnforcement {
  const until = penaltyEnd(decision.action, appliedAt, decision.durationDays);
  const evidenceSummary = summarizeEvidence(decision);
  const entryKey = ledgerKey(decision.sweepId, 'enforce');
  const ledger: LedgerEntry = {
    accountId: decision.accountId,
    entryKey,
    sweepId: decision.sweepId,
    step: 'enforce',
    actor: 'sweep',
    action: decision.action,
    durationDays: decision.durationDays,
    until,
    codes: decision.codes,
    ruleIds: decision.ruleIds,
    policyVersion: decision.policyVersion,
    snapshotId: decision.snapshotId,
    effectiveAt: decision.effectiveAt,
    appliedAt,
    ...(decision.evidenceKeys ? { evidenceKeys: decision.evidenceKeys } : {}),
    evidenceRef,
    evidenceSummary,
    recordedAt,
    followerCount: decision.followerCount,
    accountType: decision.accountType,
  };
  const bp = decision.brandPoints;
  const deducting = bp && bp.deducted.length > 0 ? bp : undefined;
  const brand: BrandConsequences | undefined = deducting && {
    brandId: deducting.brandId,
    period: deducting.period.id,
    pointsLeft: deducting.pointsAfter,
    reducedSearch: deducting.consequence?.reducedSearch ?? false,
    brandContentHidden: deducting.consequence?.brandContentHidden ?? false,
  };
  if (deducting) {
    ledger.brandPoints = {
      brandId: deducting.brandId,
      period: deducting.period.id,
      pointsBefore: deducting.pointsBefore,
      pointsAfter: deducting.pointsAfter,
      deducted: deducting.deducted,
      points: deducting.pointsPerPromotion,
    };
  }
  const event: EnforcementEvent = {
    kind: 'enforcement',
    accountId: decision.accountId,
    sweepId: decision.sweepId,
    action: decision.action,
    durationDays: decision.durationDays,
    until,
    codes: decision.codes,
    ruleIds: decision.ruleIds,
    policyVersion: decision.policyVersion,
    effectiveAt: decision.effectiveAt,
    appliedAt,
    ...(brand ? { brand } : {}),
  };
  const accountNotice = composeNotice({
    accountId: decision.accountId,
    sweepId: decision.sweepId,
    codes: decision.codes,
    ruleIds: decision.ruleIds,
    action: decision.action,
    durationDays: decision.durationDays,
    until,
    quotes: decision.quotes ?? [],
    appealUrl: policy.appeal.url,
    appealWindowDays: policy.appeal.windowDays,
    appliedAt,
    timeZone,
    brand: deducting && brand ? { ...brand, pointsBefore: deducting.pointsBefore, deducted: deducting.deducted.length } : undefined,
  });
  const brandPoints: PlannedBrandPoints | undefined = deducting && {
    brandId: deducting.brandId,
    startPoints: deducting.startPoints,
    deductions: deductionsOf(deducting, decision.sweepId, decision.effectiveAt),
    // keep this period and the one before it
    keepFrom: new Date(2 * Date.parse(deducting.period.start) - Date.parse(deducting.period.end)).toISOString().slice(0, 10),
  };
  // Content actions ride on the account's one notice of the sweep.
  const actions = decision.contentActions ?? [];
  const notice = withContent(accountNotice, actions, decision.quotes ?? []);
  const content =
    actions.length > 0
      ? {
          content: planContent(decision, evidenceRef, recordedAt, appliedAt),
          contentBatch: policy.contentActions?.itemsPerWrite ?? 40,
          contentNotice: contentOnlyNotice(accountNotice, actions, decision.quotes ?? []),
        }
      : {};
  return { ledger, event, notice, ...(brandPoints ? { brandPoints } : {}), ...content };
}
