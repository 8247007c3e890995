/**
 * The detect+decide stages run one after another in this process over a local snapshot folder: for tests
 * that pin detection quality on small snapshots (the bench runs the same jobs in worker processes).
 */
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { CHANNELS } from '#shared/detect/registry';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { planSweep } from '#shared/pipeline/planSweep';
import type { Decision } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import { runBenchJob } from './benchStages.ts';

/** `bucketCount` fixes the account buckets (by default planned from the snapshot's size). */
export async function detectInProcess(snapshotDir: string, workDir: string, policy: Policy, sweepId = 'quality', bucketCount?: number): Promise<Decision[]> {
  const work = new LocalFolderStore(workDir);
  const plan = await planSweep(work, new LocalFolderStore(snapshotDir), { sweepId, snapshotUri: snapshotDir, policy, ...(bucketCount ? { bucketCount } : {}) }, CHANNELS);
  for (const item of plan.parts) await runBenchJob({ stage: 'partition', workDir, sweepId, item });
  for (const item of plan.channelBuckets) await runBenchJob({ stage: 'group', workDir, sweepId, item });
  for (const item of plan.accountBuckets) await runBenchJob({ stage: 'expandRings', workDir, sweepId, item });
  for (const item of plan.accountBuckets) await runBenchJob({ stage: 'resolve', workDir, sweepId, item });
  const out: Decision[] = [];
  for await (const d of readDecisions(work, sweepId)) out.push(d);
  return out;
}
