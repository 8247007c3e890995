/**
 * Group (shuffle reduce side): gather one channel bucket's rows by key, let the channel
 * turn each group into signals, and file the signals under the account buckets they concern.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { Channel, DetectContext } from '#shared/detect/detectorPorts';
import type { Signal } from '#shared/detect/finding';
import { readLines } from '#shared/snapshot/readPart';
import { bucketOf } from './hashBucket.ts';
import { sweepPaths } from './sweepPaths.ts';
import type { ChannelItem, SweepPlan } from './sweepPlan.ts';

export interface GroupStats {
  channel: string;
  bucket: number;
  rows: number;
  keys: number;
  signals: number;
}

export async function groupBucket(work: BlobStore, plan: SweepPlan, item: ChannelItem, channel: Channel, ctx: DetectContext): Promise<GroupStats> {
  const paths = sweepPaths(plan.sweepId);
  const groups = new Map<string, Record<string, unknown>[]>();
  let rows = 0;
  for (const key of await work.list(paths.channelShuffle(item.channel, item.bucket))) {
    for await (const line of readLines(await work.read(key))) {
      if (!line) continue;
      const { k, r } = JSON.parse(line) as { k: string; r: Record<string, unknown> };
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(r);
      rows += 1;
    }
  }
  const keyCount = groups.size;
  const byAccountBucket = new Map<number, string[]>();
  let signals = 0;
  // Sorted keys: the signal files come out byte-identical on every run.
  for (const key of [...groups.keys()].sort()) {
    const found: Signal[] = channel.group(key, groups.get(key)!, ctx);
    for (const s of found) {
      const b = bucketOf(s.accountId, plan.bucketCount);
      let list = byAccountBucket.get(b);
      if (!list) byAccountBucket.set(b, (list = []));
      list.push(JSON.stringify(s));
      signals += 1;
    }
    groups.delete(key);
  }
  await Promise.all([...byAccountBucket.entries()].map(([b, lines]) => work.write(paths.signalsObject(b, item.channel, item.bucket), lines.join('\n') + '\n')));
  return { channel: item.channel, bucket: item.bucket, rows, keys: keyCount, signals };
}
