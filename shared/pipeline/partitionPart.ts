/**
 * Partition (shuffle map side): stream one part once; quarantine invalid records with their
 * line and reason; send each valid record to its account's bucket and each channel's keyed
 * rows to the channel's bucket. A part that cannot be read as a whole (not gzip, truncated,
 * missing) is quarantined as a part: whatever it routed is emptied, and the sweep goes on.
 * Duplicates and orphans cannot be seen from one part; group and resolve settle them.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { owningAccount, recordIdentity, recordSchemasFor, type RecordKind } from '#shared/contract/snapshotRecords';
import type { Channel, PartitionContext } from '#shared/detect/detectorPorts';
import { DamagedPartError, readPartBatches } from '#shared/snapshot/readPart';
import { BucketedWriter } from './bucketedWriter.ts';
import { bucketOf } from './hashBucket.ts';
import { sweepPaths } from './sweepPaths.ts';
import type { PartItem, SweepPlan } from './sweepPlan.ts';

export interface PartitionStats {
  kind: RecordKind;
  part: string;
  lines: number;
  valid: number;
  quarantined: number;
  /** Reports about notes or comments: kept out of account buckets (they name no account). */
  unrouted: number;
  channelRows: Record<string, number>;
  /** Why the part as a whole was quarantined (nothing of it is used); absent when it was read. */
  damaged?: string;
}

/** Short kind tags for channel rows' record identity (group drops a row whose identity it has seen under the same key). */
const KIND_TAG: Record<RecordKind, string> = { accounts: 'a', notes: 'n', comments: 'c', follows: 'f', reports: 'r' };

const MAX_RAW_CHARS = 4000;

export async function partitionPart(work: BlobStore, snapshot: BlobStore, plan: SweepPlan, item: PartItem, channels: Channel[], ctx?: PartitionContext): Promise<PartitionStats> {
  const paths = sweepPaths(plan.sweepId);
  const n = plan.bucketCount;
  const accounts = new BucketedWriter(work, (bucket, seq) => paths.accountShuffleObject(Number(bucket), item.kind, item.index, seq));
  const keyed = new BucketedWriter(work, (target, seq) => {
    const [channel, bucket] = target.split('|');
    return paths.channelShuffleObject(channel, Number(bucket), item.kind, item.index, seq);
  });
  const quarantine = new BucketedWriter(work, (_t, seq) => `${paths.quarantineObject(item.kind, item.index).replace(/\.jsonl$/, '')}-${String(seq).padStart(5, '0')}.jsonl`);
  const stats: PartitionStats = { kind: item.kind, part: item.part, lines: 0, valid: 0, quarantined: 0, unrouted: 0, channelRows: {} };
  for (const c of channels) stats.channelRows[c.name] = 0;

  const schemas = recordSchemasFor(plan.takenAt);
  const tag = KIND_TAG[item.kind];
  // writer targets named once per bucket reached, not built per row: the same string objects keep their hash for
  // the writer's map (a new `channel|bucket` string per row was hashed again on every lookup, issue 17)
  const accountTargets: string[] = [];
  const channelTargets: string[][] = channels.map(() => []);
  const rowsOf = channels.map(() => 0);
  try {
    // A chunk's records at a time, and a writer's promise only when it must drain: no async step per record or row (issue 17).
    for await (const batch of readPartBatches(snapshot, item.kind, item.part, schemas))
      for (const line of batch) {
        stats.lines += 1;
        if (!line.ok) {
          stats.quarantined += 1;
          const raw = line.raw.length > MAX_RAW_CHARS ? `${line.raw.slice(0, MAX_RAW_CHARS)}…` : line.raw;
          await quarantine.add('q', JSON.stringify({ kind: item.kind, part: item.part, line: line.line, reason: line.reason, raw }));
          continue;
        }
        stats.valid += 1;
        const record = line.record;
        const owner = owningAccount(item.kind, record);
        if (owner === undefined) stats.unrouted += 1;
        else {
          const b = bucketOf(owner, n);
          const wait = accounts.push((accountTargets[b] ??= String(b)), JSON.stringify(record));
          if (wait) await wait;
        }
        // the record's identity as a JSON string, once per record: a row's is that or, for the j-th key, that with
        // `#j` before its closing quote (`#` and digits are never escaped), byte for byte JSON.stringify's
        let identityJson: string | undefined;
        for (let c = 0; c < channels.length; c++) {
          const channel = channels[c];
          const rows = channel.keys(item.kind, record, ctx);
          // a channel often files one row object under several keys (LSH bands, time windows): serialised once,
          // and the line assembled around it, byte for byte what JSON.stringify({ k, i, r }) writes
          let rowOf: object | undefined;
          let rowJson = '';
          for (let j = 0; j < rows.length; j++) {
            identityJson ??= JSON.stringify(tag + recordIdentity(item.kind, record));
            rowsOf[c] += 1;
            if (rows[j].row !== rowOf) {
              rowOf = rows[j].row;
              rowJson = JSON.stringify(rowOf);
            }
            const line = `{"k":${JSON.stringify(rows[j].key)},"i":${j === 0 ? identityJson : `${identityJson.slice(0, -1)}#${j}"`},"r":${rowJson}}`;
            const b = bucketOf(rows[j].key, n);
            const wait = keyed.push((channelTargets[c][b] ??= `${channel.name}|${b}`), line);
            if (wait) await wait;
          }
        }
      }
  } catch (err) {
    if (!(err instanceof DamagedPartError)) throw err;
    // Nothing of a damaged part is used: its routed rows are emptied, its record quarantine replaced by one line for the part.
    await Promise.all([accounts.discard(), keyed.discard(), quarantine.discard()]);
    for (const c of channels) stats.channelRows[c.name] = 0;
    Object.assign(stats, { lines: 0, valid: 0, quarantined: 0, unrouted: 0, damaged: err.message });
    await work.write(paths.quarantineObject(item.kind, item.index), JSON.stringify({ kind: item.kind, part: item.part, line: null, reason: `damaged part: ${err.message}` }) + '\n');
    return stats;
  }
  channels.forEach((c, i) => (stats.channelRows[c.name] += rowsOf[i]));
  await Promise.all([accounts.close(), keyed.close(), quarantine.close()]);
  return stats;
}
