/**
 * The detect+decide stages run directly over a local folder (no S3, no DynamoDB), so the
 * benchmark measures the domain work itself. Used by the bench's worker processes.
 */
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import { expandRingsBucket } from '#shared/pipeline/expandRingsBucket';
import { groupBucket } from '#shared/pipeline/groupBucket';
import { partitionPart } from '#shared/pipeline/partitionPart';
import { resolveBucket } from '#shared/pipeline/resolveBucket';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import type { ChannelItem, PartItem } from '#shared/pipeline/sweepPlan';
import { openPart, readLines } from '#shared/snapshot/readPart';

export type BenchJob =
  | { stage: 'read'; snapshotDir: string; part: string }
  | { stage: 'partition'; workDir: string; sweepId: string; item: PartItem }
  | { stage: 'group'; workDir: string; sweepId: string; item: ChannelItem }
  | { stage: 'expandRings'; workDir: string; sweepId: string; item: number }
  | { stage: 'resolve'; workDir: string; sweepId: string; item: number };

const noHistory = { priorOffenses: async () => new Map() };

/** Runs one job; returns the number of records it handled. */
export async function runBenchJob(job: BenchJob): Promise<number> {
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
  if (job.stage === 'expandRings') return (await expandRingsBucket(work, ctx.plan, job.item, ctx.detect)).signals;
  const stats = await resolveBucket(work, ctx, job.item, ACCOUNT_DETECTORS, noHistory);
  await work.write(`sweeps/${job.sweepId}/stats/resolve/${job.item}.json`, JSON.stringify(stats));
  return stats.accounts;
}
