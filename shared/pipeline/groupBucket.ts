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
import { writeObjects } from './writeObjects.ts';
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
  // One map entry per key: its rows and, beside them, their record identities (the one identity while the key has
  // one row, as most do; an array from the second on). Duplicates are dropped when the key is grouped, not as rows
  // come: a set of identities per key, grown while the whole bucket was read and kept to its end, was half the
  // cost of building the groups on note-phrases (issue 17).
  const groups = new Map<string, Group>();
  let rowsRead = 0;
  // Objects are named <kind>-<part>-<seq>: in sorted order, rows come by part order and line.
  for (const key of (await work.list(paths.channelShuffle(item.channel, item.bucket))).sort()) {
    // a chunk's lines at a time: one async step per chunk, not per row (issue 17)
    for await (const batch of readLineBatches(await work.read(key)))
      for (const line of batch) {
        if (!line) continue;
        const { k, i, r } = JSON.parse(line) as { k: string; i?: string; r: Record<string, unknown> };
        const g = groups.get(k);
        if (g === undefined) groups.set(k, { rows: [r], ids: i });
        else {
          g.rows.push(r);
          if (g.rows.length === 2) g.ids = [g.ids as string | undefined, i];
          else (g.ids as Array<string | undefined>).push(i);
        }
        rowsRead += 1;
      }
  }
  const keyCount = groups.size;
  let rows = 0;
  const byAccountBucket = new Map<number, string[]>();
  const common: string[] = [];
  let signals = 0;
  // Sorted keys: the signal files come out byte-identical on every run.
  for (const key of [...groups.keys()].sort()) {
    const keyRows = firstOfEachIdentity(groups.get(key)!);
    rows += keyRows.length;
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
  await writeObjects(
    work,
    [...byAccountBucket.entries()].map(([b, lines]) => [paths.signalsObject(b, item.channel, item.bucket), lines.join('\n') + '\n']),
  );
  if (common.length > 0) await work.write(paths.commonObject(item.channel, item.bucket), common.join('\n') + '\n');
  return { channel: item.channel, bucket: item.bucket, rows, keys: keyCount, signals, duplicateRows: rowsRead - rows, ...(channel.common ? { common: common.length } : {}) };
}

interface Group {
  rows: Record<string, unknown>[];
  /** The rows' record identities: the first row's alone while there is one row, then one per row. */
  ids: string | undefined | Array<string | undefined>;
}

/** Sets of identities are made only for keys with more rows than this (a short scan is cheaper). */
const SCAN_IDS = 16;

/**
 * A key's rows without those whose record identity an earlier row under the key already had: the first of each
 * identity by part order and line is kept (a row without an identity always is), as dropping them on arrival did.
 */
export function firstOfEachIdentity(g: Group): Record<string, unknown>[] {
  const rows = g.rows;
  if (rows.length < 2) return rows;
  const ids = g.ids as Array<string | undefined>;
  let kept: Record<string, unknown>[] | undefined;
  const seen = rows.length > SCAN_IDS ? new Set<string>() : undefined;
  for (let x = 0; x < rows.length; x++) {
    const id = ids[x];
    let duplicate = false;
    if (id !== undefined) {
      if (seen) {
        duplicate = seen.has(id);
        seen.add(id);
      } else
        for (let y = 0; y < x; y++)
          if (ids[y] === id) {
            duplicate = true;
            break;
          }
    }
    if (duplicate) kept ??= rows.slice(0, x);
    else kept?.push(rows[x]);
  }
  return kept ?? rows;
}
