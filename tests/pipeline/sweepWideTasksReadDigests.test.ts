/**
 * SampleForReview's guard and auto sample, and FinishSweep's summary, read each account bucket's decision digest,
 * never the sweep's decisions (issue 17); a bucket resolved before digests existed is digested from its own
 * decisions, with the same result. The stages run in-process on a generated snapshot.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import type { BlobStore } from '#shared/ports/blobStore';
import { bucketDigests } from '#shared/pipeline/bucketDigests';
import { guardSweep } from '#shared/pipeline/guardSweep';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { summarizeSweep } from '#shared/pipeline/summarizeSweep';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { AutoSampleDraw, digestDecisions } from '#shared/review/decisionDigest';
import { sampleForReview } from '#shared/review/sampleForReview';
import { detectInProcess } from '#scripts/bench/detectInProcess';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { recordingStore } from './recordingStore.ts';

const SWEEP = 'digests';
let root: string;
let workDir: string;
let decisions: Decision[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'digests-'));
  const snapshot = join(root, 'snapshot');
  await generateSnapshot({ accounts: 1500, seed: 23, outDir: snapshot });
  workDir = join(root, 'work');
  decisions = await detectInProcess(snapshot, workDir, defaultPolicy(), SWEEP);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** A bucket's decision digest (the sweep id here is `digests` too, so a key's path alone does not say). */
const isDigest = (key: string) => key.startsWith(`${sweepPaths(SWEEP).root}digests/`);

/** The work folder, recording every key read. */
const recording = () => recordingStore(workDir);

async function sweepWide(store: BlobStore) {
  const { plan, policy } = await loadSweepContext(store, SWEEP);
  const draw = new AutoSampleDraw(SWEEP, policy);
  for await (const d of bucketDigests(store, plan, policy)) draw.add(d);
  return { guard: await guardSweep(store, plan, policy), cases: draw.cases(), summary: await summarizeSweep(store, plan, policy) };
}

describe('the sweep-wide Tasks', () => {
  it('read one digest per bucket and no decision, and get what a pass over every decision gets', async () => {
    const { store, reads } = recording();
    const { plan } = await loadSweepContext(store, SWEEP);
    expect(plan.bucketCount).toBeGreaterThan(1);
    expect(decisions.filter((d) => d.action !== 'none').length).toBeGreaterThan(50);
    reads.length = 0;
    const got = await sweepWide(store);
    expect(reads.filter((k) => k.startsWith(sweepPaths(SWEEP).decisions))).toEqual([]);
    expect(reads.filter((k) => isDigest(k)).length).toBeGreaterThanOrEqual(plan.bucketCount);
    expect(got.cases).toEqual(sampleForReview(SWEEP, decisions, defaultPolicy()));
    expect(got.cases.length).toBeGreaterThan(10);
    expect(got.summary.decisions).toBe(decisions.length);
    expect(JSON.stringify(got.summary.byCodeAndAction)).toBe(JSON.stringify(digestDecisions(SWEEP, 0, decisions, defaultPolicy()).counts.byCodeAndAction));
    expect(got.guard.acted).toBe(decisions.filter((d) => d.action !== 'none').length);
  });

  it("FinishSweep's summary reads no digest when the resolve stats carry the counts, and the digests when one does not (resolved before), with the same summary", async () => {
    const { plan, policy } = await loadSweepContext(new LocalFolderStore(workDir), SWEEP);
    const { store, reads } = recording();
    const summary = await summarizeSweep(store, plan, policy);
    expect(reads.filter(isDigest)).toEqual([]);
    expect(summary.decisions).toBe(decisions.length);
    // an earlier resolve's stats of bucket 0, without the counts
    const statsKey = sweepPaths(SWEEP).statsObject('resolve', '0');
    const readText = store.readText.bind(store);
    store.readText = async (key) => {
      const text = await readText(key);
      if (key !== statsKey) return text;
      const { counts: _dropped, ...older } = JSON.parse(text);
      return JSON.stringify(older);
    };
    reads.length = 0;
    const fromDigests = await summarizeSweep(store, plan, policy);
    expect(reads.filter((k) => isDigest(k)).length).toBe(plan.bucketCount);
    expect(JSON.stringify(fromDigests)).toBe(JSON.stringify(summary));
  });

  it("digest a bucket without a digest (resolved before digests) from that bucket's decisions alone, with the same result", async () => {
    const before = await sweepWide(new LocalFolderStore(workDir));
    const { store, reads } = recording();
    // a resolve of an earlier version left no digest for bucket 1: the store says it is not there
    const missing = sweepPaths(SWEEP).digestObject(1);
    const exists = store.exists.bind(store);
    store.exists = async (key) => key !== missing && exists(key);
    const after = await sweepWide(store);
    expect(after).toEqual(before);
    expect([...new Set(reads.filter((k) => k.startsWith(sweepPaths(SWEEP).decisions)))]).toEqual([sweepPaths(SWEEP).decisionsObject(1)]);
    const all: Decision[] = [];
    for await (const d of readDecisions(store, SWEEP)) all.push(d);
    expect(all.length).toBe(decisions.length);
  });
});
