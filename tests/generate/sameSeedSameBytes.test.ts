/** Determinism: a snapshot is a function of (seed, options) only, byte for byte, whichever thread made it. */
import { afterAll, describe, expect, it } from 'vitest';
import { makeSnapshot, readManifest, readTree, type Fixture } from './snapshotFixture.ts';

const made: Fixture[] = [];
afterAll(async () => {
  await Promise.all(made.map((f) => f.cleanup()));
});

async function snapshot(seed: string | number, extra: { workers?: number; invalidRecords?: number } = {}): Promise<Fixture> {
  const f = await makeSnapshot({ accounts: 700, seed, partsPerKind: 3, invalidRecords: 7, ...extra });
  made.push(f);
  return f;
}

describe('generateSnapshot determinism', () => {
  it('writes identical files for the same seed and options', async () => {
    const a = await snapshot('same-seed');
    const b = await snapshot('same-seed');
    const ta = readTree(a.dir);
    const tb = readTree(b.dir);
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    for (const [file, bytes] of ta) expect(Buffer.compare(bytes, tb.get(file)!), file).toBe(0);
    expect(a.summary).toEqual({ ...b.summary, labelsPath: a.summary.labelsPath });
  });

  it('writes different data for a different seed', async () => {
    const a = await snapshot(1);
    const b = await snapshot(2);
    expect(readManifest(a.dir).snapshotId).not.toBe(readManifest(b.dir).snapshotId);
    const ta = readTree(a.dir);
    const tb = readTree(b.dir);
    for (const file of ['labels.jsonl', 'accounts/part-00000.jsonl.gz', 'notes/part-00001.jsonl.gz']) {
      expect(Buffer.compare(ta.get(file)!, tb.get(file)!), file).not.toBe(0);
    }
  });

  it('writes the same bytes when cohorts are made by worker threads', async () => {
    // Several small cohorts, so both workers take part and each skips cohorts the other made.
    const inline = await makeSnapshot({ accounts: 900, cohortSize: 300, seed: 'threads', partsPerKind: 2, workers: 0, invalidRecords: 4 });
    const threaded = await makeSnapshot({ accounts: 900, cohortSize: 300, seed: 'threads', partsPerKind: 2, workers: 2, invalidRecords: 4 });
    made.push(inline, threaded);
    const ta = readTree(inline.dir);
    const tb = readTree(threaded.dir);
    expect([...tb.keys()].sort()).toEqual([...ta.keys()].sort());
    for (const [file, bytes] of ta) expect(Buffer.compare(bytes, tb.get(file)!), file).toBe(0);
  });
});
