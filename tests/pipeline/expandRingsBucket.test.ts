import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comment } from '#shared/contract/snapshotRecords';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { expandRingsBucket } from '#shared/pipeline/expandRingsBucket';
import { bucketOf } from '#shared/pipeline/hashBucket';
import { loadAccountBundles } from '#shared/pipeline/resolveBucket';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import type { SweepPlan } from '#shared/pipeline/sweepPlan';
import { account, atSeconds, comment, makeCtx, note, runDetection } from '../detect/harness.ts';

const lines = ['用了一个月，效果真的明显', '姐妹们冲，真的好用', '质量没得说，物流也快', '已经回购3次了，真心好用'];
const burstOn = (noteId: string, start: number, who: string[]): Comment[] => who.map((a, j) => comment(`${noteId}-${a}`, noteId, a, lines[j % lines.length], { createdAt: atSeconds(start + j * 70) }));

/** The group stage's output for a ring confirmed on b1, b2 with a one-time member on b3, filed by account bucket. */
async function groupedSweep(bucketCount: number) {
  const ring = ['r1', 'r2', 'r3', 'r4'];
  const r = runDetection({
    accounts: [...ring, 'once'].map((id) => account(id)),
    notes: ['b1', 'b2', 'b3'].map((n) => note(n, 'brand1')),
    comments: [...burstOn('b1', 0, ring), ...burstOn('b2', 86400, ring), ...burstOn('b3', 2 * 86400, ['r1', 'once', 'r2', 'r3'])],
  });
  const dir = await mkdtemp(join(tmpdir(), 'expand-'));
  const work = new LocalFolderStore(dir);
  const plan = { sweepId: 's1', bucketCount, accountBuckets: [...Array(bucketCount).keys()] } as SweepPlan;
  const paths = sweepPaths(plan.sweepId);
  const byBucket = new Map<number, string[]>();
  for (const s of r.signals.filter((x) => x.channel === 'note-comments')) {
    const b = bucketOf(s.accountId, bucketCount);
    byBucket.set(b, [...(byBucket.get(b) ?? []), JSON.stringify(s)]);
  }
  for (const [b, l] of byBucket) await work.write(paths.signalsObject(b, 'note-comments', 0), l.join('\n') + '\n');
  return { dir, work, plan, paths };
}

describe('ExpandRings stage', () => {
  it("files ring-confirmed signals under the co-member's account bucket, where resolve's loader finds them", async () => {
    const { work, plan, paths } = await groupedSweep(4);
    const ctx = makeCtx();
    let confirmations = 0;
    for (const b of plan.accountBuckets) confirmations += (await expandRingsBucket(work, plan, b, ctx)).confirmations;
    expect(confirmations).toBeGreaterThan(0);
    const target = bucketOf('once', 4);
    const files = (await work.list(paths.signals(target))).map((k) => k.slice(paths.signals(target).length));
    expect(files.some((f) => /^ring-confirmed-\d{5}\.jsonl$/.test(f))).toBe(true);
    const bundle = (await loadAccountBundles(work, plan.sweepId, target)).get('once')!;
    const told = bundle.signals.filter((s) => s.channel === 'ring-confirmed');
    expect(told.map((s) => s.key)).toEqual(told.map(() => 'b3'));
    expect([...new Set(told.flatMap((s) => s.detail.relatedAccountIds ?? []))].sort()).toEqual(['r1', 'r2', 'r3']);
  });

  it('a re-run, with its own outputs already in the signals folder, writes byte-identical files', async () => {
    const { dir, work, plan, paths } = await groupedSweep(3);
    const ctx = makeCtx();
    const snapshot = async () => {
      const out: Record<string, string> = {};
      for (const k of await work.list(paths.root)) if (k.includes('ring-confirmed-')) out[k] = await readFile(join(dir, k), 'utf8');
      return out;
    };
    for (const b of plan.accountBuckets) await expandRingsBucket(work, plan, b, ctx);
    const first = await snapshot();
    expect(Object.keys(first).length).toBeGreaterThan(0);
    for (const b of plan.accountBuckets) await expandRingsBucket(work, plan, b, ctx);
    expect(await snapshot()).toEqual(first);
  });

  it('writes nothing when water-army is switched off', async () => {
    const { work, plan, paths } = await groupedSweep(2);
    const ctx = makeCtx({ codes: ['fake-account'] });
    for (const b of plan.accountBuckets) expect((await expandRingsBucket(work, plan, b, ctx)).confirmations).toBe(0);
    expect((await work.list(paths.root)).filter((k) => k.includes('ring-confirmed-'))).toEqual([]);
  });
});
