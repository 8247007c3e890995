/**
 * Plan's result in the state machine is a handle of a few hundred bytes whatever the sweep's size; each map's items
 * are a JSON array in the work store, read by the map's ItemReader (issue 17: a state holds at most 256 KiB, and a
 * 300M-account sweep has ~37,000 account buckets). plan.json names the channels instead of listing every bucket.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { CHANNELS } from '#shared/detect/registry';
import { MAP_ITEM_LISTS, planHandle } from '#shared/pipeline/mapItems';
import { planSweep, TARGET_BUCKET_BYTES } from '#shared/pipeline/planSweep';
import { readPlan } from '#shared/pipeline/sweepArtifacts';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { STATE_PAYLOAD_LIMIT_BYTES } from '#scripts/local/localStepFunctions';
import { writeBadSnapshot } from '../snapshot/badInputSnapshot.ts';

let root: string;
let snapshotDir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plan-items-'));
  snapshotDir = (await writeBadSnapshot(join(root, 'snapshot'))).dir;
});
afterAll(() => rm(root, { recursive: true, force: true }));

const plan = (work: LocalFolderStore, sweepId: string, bucketCount?: number, snapshot = new LocalFolderStore(snapshotDir)) =>
  planSweep(work, snapshot, { sweepId, snapshotUri: snapshotDir, policy: defaultPolicy(), bucketCount }, CHANNELS);

describe('Plan and the maps it feeds', () => {
  it('hands the state a handle of the same small size at 3 and at 4,096 buckets, and writes every map list to the work store', async () => {
    const work = new LocalFolderStore(join(root, 'work-1'));
    const sizes: number[] = [];
    for (const [sweepId, buckets] of [
      ['small', 3],
      ['wide', 4096],
    ] as const) {
      const p = await plan(work, sweepId, buckets);
      const handle = planHandle(p);
      sizes.push(JSON.stringify(handle).length);
      expect(handle.counts).toEqual({ parts: p.parts.length, channelBuckets: CHANNELS.length * buckets, accountBuckets: buckets });
      for (const list of MAP_ITEM_LISTS) {
        expect(handle.items[list]).toBe(sweepPaths(sweepId).mapItems(list));
        expect(JSON.parse(await work.readText(handle.items[list])), `${sweepId} ${list}`).toEqual(p[list]);
      }
    }
    // the items alone would not fit a state at 4,096 buckets; the handle does not grow with them
    expect(JSON.stringify(JSON.parse(await work.readText(sweepPaths('wide').mapItems('channelBuckets')))).length).toBeGreaterThan(STATE_PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...sizes)).toBeLessThan(1024);
    expect(Math.abs(sizes[1] - sizes[0])).toBeLessThan(16);
  });

  it('stores the channels in plan.json, not a row per bucket, and reads the lists back from them', async () => {
    const work = new LocalFolderStore(join(root, 'work-2'));
    const p = await plan(work, 'wide', 4096);
    const stored = JSON.parse(await work.readText(sweepPaths('wide').plan));
    expect(stored.channels).toEqual(CHANNELS.map((c) => c.name));
    expect(stored.channelBuckets).toBeUndefined();
    expect(stored.accountBuckets).toBeUndefined();
    expect(JSON.stringify(stored).length).toBeLessThan(4096);
    const read = await readPlan(work, 'wide');
    expect(read).toEqual(p);
    expect(read.channelBuckets[CHANNELS.length * 4096 - 1]).toEqual({ channel: CHANNELS.at(-1)!.name, bucket: 4095 });
  });

  it('reads a plan.json written before channels, with its lists', async () => {
    const work = new LocalFolderStore(join(root, 'work-3'));
    const p = await plan(work, 'old', 2);
    const { channels: _channels, ...old } = p;
    await work.write(sweepPaths('old').plan, JSON.stringify(old));
    expect(await readPlan(work, 'old')).toEqual(old);
    await work.write(sweepPaths('old').plan, JSON.stringify({ ...old, channelBuckets: undefined }));
    await expect(readPlan(work, 'old')).rejects.toThrow(/plan\.json .* is invalid: .*names its channels/);
  });

  it('writes the lists again when the sweep is planned again (a crash after plan.json loses no map)', async () => {
    const work = new LocalFolderStore(join(root, 'work-4'));
    const p = await plan(work, 'again', 2);
    const key = sweepPaths('again').mapItems('accountBuckets');
    await work.write(key, '');
    expect(await plan(work, 'again', 2)).toEqual(p);
    expect(JSON.parse(await work.readText(key))).toEqual([0, 1]);
  });

  it('sizes the buckets of a large snapshot past 512, each near 64 MB', async () => {
    // the snapshot's parts reported as 10 GB each (gzip: ~50 GB of records each): a size, not a 50 GB fixture
    const big = new LocalFolderStore(snapshotDir);
    big.sizeOf = async () => 10 * 1024 ** 3;
    const work = new LocalFolderStore(join(root, 'work-5'));
    const p = await plan(work, 'big', undefined, big);
    const gzParts = p.parts.filter((x) => x.part.endsWith('.gz')).length;
    const plainParts = p.parts.length - gzParts;
    const bytes = (gzParts * 5 + plainParts) * 10 * 1024 ** 3;
    expect(p.bucketCount).toBe(Math.ceil(bytes / TARGET_BUCKET_BYTES));
    expect(p.bucketCount).toBeGreaterThan(512);
  });
});
