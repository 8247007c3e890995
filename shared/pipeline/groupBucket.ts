/**
 * Group (shuffle reduce side): gather one channel bucket's rows by key, let the channel
 * turn each group into signals, and file the signals under the account buckets they concern.
 * A record exported twice (the same commentId in two parts) gives the same row twice under the
 * same key: the first by part order and line is kept, the rest counted as duplicate rows, so
 * its evidence counts once. Resolve keeps the same copy of the record (first by part and line).
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { Channel, DetectContext } from '#shared/detect/detectorPorts';
import type { Signal } from '#shared/detect/finding';
import { readLineBatches } from '#shared/snapshot/readPart';
import { bucketOf } from './hashBucket.ts';
import { sweepPaths } from './sweepPaths.ts';
import type { ChannelItem, SweepPlan } from './sweepPlan.ts';

export interface GroupStats {
  channel: string;
  bucket: number;
  rows: number;
  keys: number;
  signals: number;
  /** Rows dropped because a row of the same record identity was already under the key. */
  duplicateRows: number;
  /** Tally channels: keys found common across the population. */
  common?: number;
}

export async function groupBucket(work: BlobStore, plan: SweepPlan, item: ChannelItem, channel: Channel, ctx: DetectContext): Promise<GroupStats> {
  const paths = sweepPaths(plan.sweepId);
  // One map entry per key holding its rows and the record identities seen under it (one string while the key
  // has one row, as most do; a set from the second on): one lookup per row, where a map of rows and a map of
  // identities took two (the two maps were a third of group's own time on note-phrases, issue 17).
  const groups = new Map<string, { rows: Record<string, unknown>[]; ids: string | Set<string> | undefined }>();
  let rows = 0;
  let duplicateRows = 0;
  // Objects are named <kind>-<part>-<seq>: in sorted order, rows come by part order and line.
  for (const key of (await work.list(paths.channelShuffle(item.channel, item.bucket))).sort()) {
    // a chunk's lines at a time: one async step per chunk, not per row (issue 17)
    for await (const lines of readLineBatches(await work.read(key)))
      for (const line of lines) {
        if (!line) continue;
        const { k, i, r } = JSON.parse(line) as { k: string; i?: string; r: Record<string, unknown> };
        let g = groups.get(k);
        if (g === undefined) groups.set(k, (g = { rows: [], ids: i }));
        else if (i !== undefined) {
          const ids = g.ids;
          if (ids === undefined) g.ids = i;
          else if (ids === i || (typeof ids !== 'string' && ids.has(i))) {
            duplicateRows += 1;
            continue;
          } else if (typeof ids === 'string') g.ids = new Set([ids, i]);
          else ids.add(i);
        }
        g.rows.push(r);
        rows += 1;
      }
  }
  const keyCount = groups.size;
  const byAccountBucket = new Map<number, string[]>();
  const common: string[] = [];
  let signals = 0;
  // Sorted keys: the signal files come out byte-identical on every run.
  for (const key of [...groups.keys()].sort()) {
    const keyRows = groups.get(key)!.rows;
    if (channel.common?.(key, keyRows, ctx)) common.push(key);
    const found: Signal[] = channel.group(key, keyRows, ctx);
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
  if (common.length > 0) await work.write(paths.commonObject(item.channel, item.bucket), common.join('\n') + '\n');
  return { channel: item.channel, bucket: item.bucket, rows, keys: keyCount, signals, duplicateRows, ...(channel.common ? { common: common.length } : {}) };
}
