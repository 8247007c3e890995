/**
 * The detect+decide stages run directly over a local folder (no S3, no DynamoDB), so the
 * benchmark measures the domain work itself. Used by the bench's worker processes.
 * `enforce` (bench --enforce) is the sweep's enforceBucket on the DynamoDB repository, against the
 * DynamoDB Local the parent started (its endpoint is in the environment the worker inherited).
 */
import { documentClient } from '#shared/adapters/awsClients';
import { DynamoEnforcementRepository } from '#shared/adapters/dynamoEnforcementRepository';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { expandRingsBucket } from '#shared/pipeline/expandRingsBucket';
import { groupBucket } from '#shared/pipeline/groupBucket';
import { partitionPart } from '#shared/pipeline/partitionPart';
import { resolveBucket } from '#shared/pipeline/resolveBucket';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import type { ChannelItem, PartItem } from '#shared/pipeline/sweepPlan';
import { openPart, readLines } from '#shared/snapshot/readPart';
import { countWrites } from './enforceMeasure.ts';

export type BenchJob =
  | { stage: 'read'; snapshotDir: string; part: string }
  | { stage: 'partition'; workDir: string; sweepId: string; item: PartItem }
  | { stage: 'group'; workDir: string; sweepId: string; item: ChannelItem }
  | { stage: 'expandRings'; workDir: string; sweepId: string; item: number }
  | { stage: 'resolve'; workDir: string; sweepId: string; item: number }
  | { stage: 'enforce'; workDir: string; sweepId: string; item: number; appliedAt: string };

/** What a job reports beside its record count, summed over jobs by the parent (enforce: actions, items on the wire). */
export type JobDetail = Record<string, number>;

let enforcement: { repo: DynamoEnforcementRepository; written: ReturnType<typeof countWrites> } | undefined;

const noHistory = { priorOffenses: async () => new Map() };

/** Runs one job; returns the number of records it handled (and, for enforce, what it wrote). */
export async function runBenchJob(job: BenchJob): Promise<number | { records: number; detail: JobDetail }> {
  if (job.stage === 'read') {
    // The baseline: what merely reading and parsing a part costs.
    let n = 0;
    for await (const line of readLines(await openPart(new LocalFolderStore(job.snapshotDir), job.part))) {
      if (line) {
        JSON.parse(line);
        n++;
      }
    }
    return n;
  }
  const work = new LocalFolderStore(job.workDir);
  const ctx = await loadSweepContext(work, job.sweepId);
  if (job.stage === 'partition') {
    const channels = CHANNELS.filter((c) => c.codes.some((code) => ctx.detect.enabled(code)));
    return (await partitionPart(work, new LocalFolderStore(ctx.plan.snapshot), ctx.plan, job.item, channels, ctx.detect)).lines;
  }
  if (job.stage === 'group') {
    const channel = CHANNELS.find((c) => c.name === job.item.channel)!;
    return (await groupBucket(work, ctx.plan, job.item, channel, ctx.detect)).rows;
  }
  if (job.stage === 'enforce') {
    // as functions/enforce.ts calls it: nothing held, penalties from the sweep's enforcement time
    enforcement ??= { repo: new DynamoEnforcementRepository(), written: countWrites(documentClient()) };
    enforcement.written.reset();
    const stats = await enforceBucket(work, job.sweepId, job.item, ctx.policy, enforcement.repo, new Set(), () => job.appliedAt, new Set(), job.appliedAt);
    const { applied, alreadyApplied, skipped, decisions } = stats;
    return { records: applied, detail: { decisions, applied, alreadyApplied, skipped, items: enforcement.written.items, requests: enforcement.written.requests } };
  }
  if (job.stage === 'expandRings') return (await expandRingsBucket(work, ctx.plan, job.item, ctx.detect)).signals;
  const stats = await resolveBucket(work, ctx, job.item, ACCOUNT_DETECTORS, noHistory);
  await work.write(`sweeps/${job.sweepId}/stats/resolve/${job.item}.json`, JSON.stringify(stats));
  return stats.accounts;
}
