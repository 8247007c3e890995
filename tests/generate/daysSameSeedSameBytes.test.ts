/** Determinism of a multi-day run: every day's folder and days.json are a function of (seed, options) only. */
import { afterAll, describe, expect, it } from 'vitest';
import { readTree } from './snapshotFixture.ts';
import { makeDays, type DaysFixture } from './daysFixture.ts';

const made: DaysFixture[] = [];
afterAll(async () => {
  await Promise.all(made.map((f) => f.cleanup()));
});

async function run(seed: string): Promise<DaysFixture> {
  const f = await makeDays({ days: 3, accounts: 1500, seed, partsPerKind: 2 });
  made.push(f);
  return f;
}

describe('generateDays determinism', () => {
  it('writes identical days for the same seed and options, and different ones for another seed', async () => {
    const a = await run('days-seed');
    const b = await run('days-seed');
    const ta = readTree(a.dir);
    const tb = readTree(b.dir);
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    expect([...ta.keys()].filter((f) => f.endsWith('manifest.json')).sort()).toEqual(['2026-11-18/manifest.json', '2026-11-19/manifest.json', '2026-11-20/manifest.json']);
    for (const [file, bytes] of ta) expect(Buffer.compare(bytes, tb.get(file)!), file).toBe(0);
    expect(a.summary).toEqual(b.summary);

    const c = await run('other-seed');
    const tc = readTree(c.dir);
    for (const file of ['days.json', '2026-11-18/labels.jsonl', '2026-11-20/notes/part-00000.jsonl.gz']) expect(Buffer.compare(ta.get(file)!, tc.get(file)!), file).not.toBe(0);
  });
});
