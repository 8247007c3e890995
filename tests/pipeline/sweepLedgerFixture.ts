/**
 * A sweep's decisions in the bucket store and enforced into an in-memory ledger, for the stages
 * after EnforceActions (Notify, ScheduleLifts, lift slots) tested without a JVM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import type { Action } from '#shared/contract/decisionExport';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { writeDecisions } from '#shared/pipeline/sweepArtifacts';
import type { Decision } from '#shared/policy/decideAction';
import { parsePolicy } from '#shared/policy/loadPolicy';
import policyJson from '../golden/policy.json' with { type: 'json' };

export const policy = parsePolicy(policyJson, 'tests/golden/policy.json');

/** A traffic-diversion decision as ResolveAccounts writes it (the ledger tests' common case). */
export function decision(accountId: string, sweepId: string, action: Action, effectiveAt: string, durationDays?: number, summary = 'contact in notes'): Decision {
  return {
    accountId,
    codes: ['traffic-diversion'],
    action,
    durationDays,
    ruleIds: ['traffic-diversion/contact-in-text'],
    severity: 'medium',
    score: 0.9,
    ladderStep: 1,
    priorOffenses: 0,
    policyVersion: policy.policyVersion,
    sweepId,
    snapshotId: `snap-${sweepId}`,
    effectiveAt,
    followerCount: 100,
    findings: [{ accountId, code: 'traffic-diversion', ruleId: 'traffic-diversion/contact-in-text', severity: 'medium', score: 0.9, evidence: { summary } }],
  };
}

export interface EnforcedSweep {
  work: LocalFolderStore;
  ledger: MemoryLedger;
  cleanup: () => Promise<void>;
}

/** Writes each bucket's decisions and enforces them, as ResolveAccounts and EnforceActions would. */
export async function enforcedSweep(sweepId: string, buckets: Decision[][]): Promise<EnforcedSweep> {
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-after-enforce-'));
  const work = new LocalFolderStore(dir);
  const ledger = new MemoryLedger();
  for (const [bucket, decisions] of buckets.entries()) {
    await writeDecisions(work, sweepId, bucket, decisions);
    await enforceBucket(work, sweepId, bucket, policy, ledger, new Set(), () => '2026-11-01T00:00:00.000Z');
  }
  return { work, ledger, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
