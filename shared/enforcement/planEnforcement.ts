/**
 * Turns one decision into everything enforcement must write together: the ledger entry,
 * the platform event, the account's notice and, for timed penalties, the lift row.
 * Pure and deterministic, so a retried or re-run enforce writes identical items.
 */
import type { Decision } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import { composeNotice, type Notice } from '#shared/notify/composeNotice';
import { ledgerKey, liftIdFor, type LedgerEntry, type LiftRow } from './ledgerEntry.ts';

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
}

export interface PlannedEnforcement {
  ledger: LedgerEntry;
  event: EnforcementEvent;
  notice: Notice;
  lift?: LiftRow;
}

export function summarizeEvidence(decision: Decision): string {
  const parts: string[] = [];
  for (const f of decision.findings.slice(0, 4)) parts.push(`[${f.ruleId}] ${f.evidence.summary}`);
  if (decision.findings.length > 4) parts.push(`+${decision.findings.length - 4} more`);
  return parts.join(' | ').slice(0, 900);
}

export function planEnforcement(decision: Decision, policy: Policy, evidenceRef: string, recordedAt: string): PlannedEnforcement {
  const timed = decision.action === 'limit' || decision.action === 'suspend';
  const until = timed ? new Date(Date.parse(decision.effectiveAt) + decision.durationDays! * 86_400_000).toISOString() : undefined;
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
    evidenceRef,
    evidenceSummary,
    recordedAt,
    followerCount: decision.followerCount,
    accountType: decision.accountType,
  };
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
  };
  const notice = composeNotice({
    accountId: decision.accountId,
    sweepId: decision.sweepId,
    codes: decision.codes,
    ruleIds: decision.ruleIds,
    action: decision.action,
    durationDays: decision.durationDays,
    until,
    evidenceSummary,
    appealUrl: policy.appeal.url,
    appealWindowDays: policy.appeal.windowDays,
    effectiveAt: decision.effectiveAt,
  });
  const lift: LiftRow | undefined = until
    ? {
        liftId: liftIdFor(decision.accountId, decision.sweepId),
        accountId: decision.accountId,
        sweepId: decision.sweepId,
        entryKey,
        action: decision.action,
        dueAt: until,
        pending: 'pending',
        scheduled: false,
      }
    : undefined;
  return { ledger, event, notice, lift };
}
