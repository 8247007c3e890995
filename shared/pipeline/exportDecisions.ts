/**
 * CONTRACT §3 export: one line per decided account, sorted by account id, with the
 * required fields first and the audit fields (rules, policy version, evidence) after.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { decisionLineSchema } from '#shared/contract/decisionExport';
import type { Decision } from '#shared/policy/decideAction';
import { summarizeEvidence } from '#shared/enforcement/planEnforcement';
import { readDecisions } from './readDecisions.ts';

export function toExportLine(d: Decision): Record<string, unknown> {
  const line = {
    accountId: d.accountId,
    codes: d.codes,
    action: d.action,
    ...(d.durationDays !== undefined ? { durationDays: d.durationDays } : {}),
    ruleIds: d.ruleIds,
    severity: d.severity,
    score: d.score,
    priorOffenses: d.priorOffenses,
    policyVersion: d.policyVersion,
    sweepId: d.sweepId,
    snapshotId: d.snapshotId,
    effectiveAt: d.effectiveAt,
    evidence: summarizeEvidence(d),
    // found again, but earlier sweeps already acted on exactly this evidence: no action
    ...(d.alreadyActed ? { alreadyActedIn: d.alreadyActed.sweepIds } : {}),
    // the account's own notes and comments removed or limited with this decision
    ...(d.contentActions ? { contentActions: d.contentActions.map((c) => ({ kind: c.kind, itemId: c.itemId, action: c.action, codes: c.codes })) } : {}),
  };
  // The export is a contract: never write a line that breaks it.
  decisionLineSchema.parse(line);
  return line;
}

export async function exportDecisions(work: BlobStore, sweepId: string): Promise<string[]> {
  const lines: Array<[string, string]> = [];
  for await (const d of readDecisions(work, sweepId)) lines.push([d.accountId, JSON.stringify(toExportLine(d))]);
  lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return lines.map(([, l]) => l);
}
