/**
 * The decisions export (CONTRACT §3) is streamed in account order by merging the buckets' sorted decision files: the
 * lines are those of reading every decision and sorting them, and the merge holds one item per bucket, not the sweep.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { exportDecisionLines, toExportLine } from '#shared/pipeline/exportDecisions';
import { mergeSortedStreams } from '#shared/pipeline/mergeSortedStreams';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { detectInProcess } from '#scripts/bench/detectInProcess';
import { writeDecisionExport } from '#scripts/cli/writeDecisionExport';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';

async function* fromArray(items: string[], pulled: { n: number }) {
  for (const x of items) {
    pulled.n += 1;
    yield x;
  }
}

describe('merging sorted streams', () => {
  it('gives the sorted union, pulling at most one item ahead per source', async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const sources = Array.from({ length: 9 }, (_, s) => Array.from({ length: s === 4 ? 0 : Math.floor(rand() * 200) }, () => `a${Math.floor(rand() * 1e6)}`).sort());
    const pulled = { n: 0 };
    const out: string[] = [];
    let maxAhead = 0;
    for await (const x of mergeSortedStreams(
      sources.map((s) => fromArray(s, pulled)),
      (x) => x,
    )) {
      out.push(x);
      maxAhead = Math.max(maxAhead, pulled.n - out.length);
    }
    expect(out).toEqual(sources.flat().sort());
    expect(maxAhead).toBeLessThanOrEqual(sources.length);
  });

  it('refuses a source that is not ascending, naming it', async () => {
    const pulled = { n: 0 };
    const merged = mergeSortedStreams([fromArray(['a', 'c'], pulled), fromArray(['b', 'a'], pulled)], (x) => x);
    await expect(async () => {
      for await (const _ of merged) void _;
    }).rejects.toThrow(/source 1 is not ascending/);
  });
});

describe('the decisions export', () => {
  let root: string;
  let work: LocalFolderStore;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'export-'));
    await generateSnapshot({ accounts: 400, seed: 11, outDir: join(root, 'snapshot') });
    await detectInProcess(join(root, 'snapshot'), join(root, 'work'), defaultPolicy(), 'export', 5);
    work = new LocalFolderStore(join(root, 'work'));
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("streams every bucket's decisions in account order, as reading them all and sorting did", async () => {
    const whole: Array<[string, string]> = [];
    for await (const d of readDecisions(work, 'export')) whole.push([d.accountId, JSON.stringify(toExportLine(d))]);
    whole.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const lines: string[] = [];
    for await (const line of exportDecisionLines(work, 'export')) lines.push(line);
    expect(whole.length).toBeGreaterThan(20);
    expect(lines).toEqual(whole.map(([, l]) => l));
    // the buckets were interleaved: a sorted export of hashed buckets is not their concatenation
    const concatenated: string[] = [];
    for await (const d of readDecisions(work, 'export')) concatenated.push(JSON.stringify(toExportLine(d)));
    expect(lines).not.toEqual(concatenated);
  });

  it('writes the file the CLI writes, one line each', async () => {
    const path = join(root, 'decisions.jsonl');
    const n = await writeDecisionExport(work, 'export', path);
    const lines: string[] = [];
    for await (const line of exportDecisionLines(work, 'export')) lines.push(line);
    expect(n).toBe(lines.length);
    expect(await readFile(path, 'utf8')).toBe(lines.join('\n') + '\n');
  });

  it('writes an empty file for a sweep without decisions', async () => {
    const path = join(root, 'none.jsonl');
    expect(await writeDecisionExport(work, 'no-such-sweep', path)).toBe(0);
    expect(await readFile(path, 'utf8')).toBe('');
  });
});
