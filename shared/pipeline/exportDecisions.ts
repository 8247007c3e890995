/**
 * CONTRACT §3 export: one line per decided account, sorted by account id, with the
 * required fields first and the audit fields (rules, policy version, evidence) after.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { decisionLineSchema } from '#shared/contract/decisionExport';
import type { Decision } from '#shared/policy/decideAction';
import { summarizeEvidence } from '#shared/enforcement/planEnforcement';
import { mergeSortedStreams } from './mergeSortedStreams.ts';
import { readDecisionObject } from './readDecisions.ts';
import { sweepPaths } from './sweepPaths.ts';

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

/**
 * The export's lines in account order, streamed: each bucket's decisions are stored sorted by account id, so the
 * buckets are merged (one decision per bucket held at a time, whatever the sweep's size), not read whole and sorted.
 */
export async function* exportDecisionLines(work: BlobStore, sweepId: string): AsyncGenerator<string> {
  const buckets = (await work.list(sweepPaths(sweepId).decisions)).sort().map((key) => decisionsIn(work, key));
  for await (const d of mergeSortedStreams(buckets, (x) => x.accountId)) yield JSON.stringify(toExportLine(d));
}

async function* decisionsIn(work: BlobStore, key: string): AsyncGenerator<Decision> {
  for await (const { decision } of readDecisionObject(work, key)) yield decision;
}

/** The whole export in memory: for a small sweep (the demo, tests). */
export async function exportDecisions(work: BlobStore, sweepId: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportDecisionLines(work, sweepId)) lines.push(line);
  return lines;
}
