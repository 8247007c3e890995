/**
 * A human review's evidence, gathered where the records are (shared/review/gatherEvidence.ts): each step reads one
 * account bucket (or the sample), and a case's evidence read back is what `caseEvidenceOf` builds with every bundle
 * of the sweep in memory, related accounts from other buckets included. DrawSample, for a human review, reads the
 * digests and no decision or shuffle object.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import type { AccountBundle } from '#shared/detect/detectorPorts';
import { bucketOf } from '#shared/pipeline/hashBucket';
import { loadAccountBundles } from '#shared/pipeline/resolveBucket';
import { readCaseEvidence, readItemList, readReviewDraw } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { drawReviewSample } from '#shared/review/drawReviewSample';
import { gatherRelatedBucket, gatherSampledBucket, planRelatedEvidence, writeSampledBuckets } from '#shared/review/gatherEvidence';
import { caseEvidenceOf, referencedItems, relatedMembers } from '#shared/review/reviewEvidence';
import { detectInProcess } from '#scripts/bench/detectInProcess';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { recordingStore } from '../pipeline/recordingStore.ts';

const SWEEP = 'evidence';
const BUCKETS = 6;
let root: string;
let workDir: string;
let decisions: Decision[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'evidence-'));
  const snapshot = join(root, 'snapshot');
  await generateSnapshot({ accounts: 1500, seed: 29, outDir: snapshot });
  workDir = join(root, 'work');
  decisions = await detectInProcess(snapshot, workDir, defaultPolicy(), SWEEP, BUCKETS);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** The work folder, recording every key read. */
const recording = () => recordingStore(workDir);

const paths = sweepPaths(SWEEP);
/** The account buckets whose shuffle or decisions some reads touched. */
const bucketsRead = (reads: string[]) =>
  [
    ...new Set(
      reads.flatMap((k) => {
        const m = /\/(?:shuffle\/account\/|decisions\/)(\d{5})/.exec(k);
        return m ? [Number(m[1])] : [];
      }),
    ),
  ].sort((a, b) => a - b);

describe("a human review's evidence, gathered bucket by bucket", () => {
  it('is, case for case, the evidence built with every bundle in memory, related accounts from other buckets included; each step reads only its own bucket', async () => {
    const acted = decisions.filter((d) => d.action !== 'none');
    const withRelated = acted.filter((d) => relatedMembers(d).length > 0);
    // the fixture must exercise what is pinned: related accounts, some in another bucket than the sampled account's
    expect(withRelated.length).toBeGreaterThan(10);
    expect(withRelated.some((d) => relatedMembers(d).some((m) => bucketOf(m, BUCKETS) !== bucketOf(d.accountId, BUCKETS)))).toBe(true);
    const ids = acted.map((d) => d.accountId);

    const { store, reads } = recording();
    const sampledBuckets = await writeSampledBuckets(store, SWEEP, BUCKETS, ids);
    expect(sampledBuckets).toEqual([...new Set(ids.map((id) => bucketOf(id, BUCKETS)))].sort((a, b) => a - b));
    for (const b of sampledBuckets) {
      reads.length = 0;
      await gatherSampledBucket(store, SWEEP, BUCKETS, b);
      expect(bucketsRead(reads), `sampled bucket ${b}`).toEqual([b]);
    }
    reads.length = 0;
    const relatedBuckets = await planRelatedEvidence(store, SWEEP, BUCKETS, sampledBuckets);
    expect(bucketsRead(reads)).toEqual([]);
    for (const b of relatedBuckets) {
      reads.length = 0;
      await gatherRelatedBucket(store, SWEEP, b);
      expect(bucketsRead(reads), `related bucket ${b}`).toEqual([b]);
    }

    const bundles = new Map<string, AccountBundle>();
    for (let b = 0; b < BUCKETS; b++) for (const [id, bundle] of await loadAccountBundles(store, SWEEP, b)) bundles.set(id, bundle);
    const byId = new Map(decisions.map((d) => [d.accountId, d]));
    let relatedShown = 0;
    let namedNotesShown = 0;
    for (const id of ids) {
      const got = await readCaseEvidence(store, SWEEP, id);
      expect(got, id).toEqual(caseEvidenceOf(byId.get(id)!, bundles));
      relatedShown += got!.related.filter((r) => r.notes.length + r.comments.length > 0).length;
      const named = new Set(referencedItems(byId.get(id)!).noteIds);
      namedNotesShown += got!.related.filter((r) => r.notes.some((n) => named.has(n.noteId))).length;
    }
    expect(relatedShown).toBeGreaterThan(10);
    // a related account's notes that the sampled decision names come first (carried by the wants from another bucket)
    expect(namedNotesShown).toBeGreaterThan(0);
  });

  it('shows a related account whose bucket wrote no views by its id alone (a gathering that did not run), the rest as gathered', async () => {
    const store = new LocalFolderStore(workDir);
    const d = decisions.find((x) => x.action !== 'none' && relatedMembers(x).length > 1)!;
    const sampledBuckets = await writeSampledBuckets(store, SWEEP, BUCKETS, [d.accountId]);
    for (const b of sampledBuckets) await gatherSampledBucket(store, SWEEP, BUCKETS, b);
    await planRelatedEvidence(store, SWEEP, BUCKETS, sampledBuckets);
    const members = relatedMembers(d);
    const skipped = bucketOf(members[0], BUCKETS);
    for (const b of new Set(members.map((m) => bucketOf(m, BUCKETS)))) {
      if (b !== skipped) await gatherRelatedBucket(store, SWEEP, b);
      else await rm(join(workDir, `sweeps/${SWEEP}/review/related/${encodeURIComponent(d.accountId)}/${String(b).padStart(5, '0')}.json`), { force: true });
    }
    const got = (await readCaseEvidence(store, SWEEP, d.accountId))!;
    expect(got.related.map((r) => r.facts.accountId)).toEqual(members);
    for (const r of got.related) {
      if (bucketOf(r.facts.accountId, BUCKETS) === skipped) expect(r).toEqual({ facts: { accountId: r.facts.accountId }, notes: [], comments: [] });
      else expect(r.facts.createdAt).toBeDefined();
    }
  });

  it('DrawSample reads digests, no decision or shuffle object, and lists for a human review the buckets of its sampled accounts (none for auto, none once the review is open)', async () => {
    const { store, reads } = recording();
    const { plan, policy } = await loadSweepContext(store, SWEEP);
    const human = await drawReviewSample(store, { ...plan, review: 'human' }, policy, async () => false);
    expect(reads.filter((k) => k.startsWith(paths.decisions) || k.includes('/shuffle/'))).toEqual([]);
    const draw = await readReviewDraw(store, SWEEP);
    expect(draw.review).toBe('human');
    expect(human.result.sampled).toBe(draw.cases.length);
    expect(draw.cases.length).toBeGreaterThan(10);
    const expected = [...new Set(draw.cases.map((c) => bucketOf(c.accountId, plan.bucketCount)))].sort((a, b) => a - b);
    expect(await readItemList(store, SWEEP, 'evidenceSampled')).toEqual(expected);
    expect(human.result.counts.evidenceSampled).toBe(expected.length);

    const reopened = await drawReviewSample(store, { ...plan, review: 'human' }, policy, async () => true);
    expect(reopened.result.counts.evidenceSampled).toBe(0);
    expect((await readReviewDraw(store, SWEEP)).cases).toEqual(draw.cases);
    const auto = await drawReviewSample(store, { ...plan, review: 'auto' }, policy, async () => false);
    expect(auto.result.review).toBe('auto');
    expect(await readItemList(store, SWEEP, 'evidenceSampled')).toEqual([]);
  });
});
