/**
 * A human review's evidence, gathered where the records are (issue 17): a sample of ~1,000 cases a rule spreads over
 * nearly every account bucket of a large sweep, and each case shows up to six related accounts from other buckets,
 * so gathering it in the sampling Task read nearly every decision file and the whole account shuffle in one Lambda.
 * Instead, in four steps, each bounded by a bucket or by the sample:
 * 1. DrawSample writes the sampled accounts per bucket (`writeSampledBuckets`);
 * 2. a Distributed Map over those buckets writes each sampled account's own evidence from its bucket, and the related
 *    accounts it shows with the notes and comments its decision names (`gatherSampledBucket`);
 * 3. one Task regroups those by the bucket holding each related account (`planRelatedEvidence`: the sample's size);
 * 4. a Distributed Map over those buckets writes the related accounts' views (`gatherRelatedBucket`).
 * Reading a case's evidence joins its own part and its related views (sweepArtifacts `readCaseEvidence`); the result
 * is `caseEvidenceOf` over every bundle in memory, which tests/review/gatherEvidence.test.ts checks case for case.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { bucketOf, bucketsOf } from '#shared/pipeline/hashBucket';
import { readBucketDecisions } from '#shared/pipeline/readDecisions';
import { loadAccountBundles } from '#shared/pipeline/resolveBucket';
import { runLimited } from '#shared/pipeline/runLimited';
import {
  readRelatedWantsFrom,
  readRelatedWantsIn,
  readSampledAccounts,
  writeCaseEvidenceFile,
  writeRelatedViews,
  writeRelatedWantsFrom,
  writeRelatedWantsIn,
  writeSampledAccounts,
} from '#shared/pipeline/sweepArtifacts';
import { ownEvidence, referencedItems, relatedMembers, relatedView, type RelatedView } from './reviewEvidence.ts';

/** A related account one sampled account's evidence shows, with what its decision names (shown first). */
export interface RelatedWant {
  accountId: string;
  forAccount: string;
  noteIds: string[];
  commentIds: string[];
}

const WRITES_IN_FLIGHT = 32;
const byOwnerThenAccount = (a: RelatedWant, b: RelatedWant) =>
  a.forAccount < b.forAccount ? -1 : a.forAccount > b.forAccount ? 1 : a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;

/** Step 1: the sampled accounts, one file per account bucket holding any; returns those buckets, ascending. */
export async function writeSampledBuckets(work: BlobStore, sweepId: string, bucketCount: number, accountIds: Iterable<string>): Promise<number[]> {
  const byBucket = new Map<number, string[]>();
  for (const id of new Set(accountIds)) {
    const b = bucketOf(id, bucketCount);
    const ids = byBucket.get(b);
    if (ids) ids.push(id);
    else byBucket.set(b, [id]);
  }
  const buckets = [...byBucket.keys()].sort((a, b) => a - b);
  await runLimited(buckets, WRITES_IN_FLIGHT, (b) => writeSampledAccounts(work, sweepId, b, byBucket.get(b)!.sort()));
  return buckets;
}

/** Step 2, one bucket: its sampled accounts' own evidence, and the related accounts they show. */
export async function gatherSampledBucket(work: BlobStore, sweepId: string, bucketCount: number, bucket: number): Promise<{ evidence: number; related: number }> {
  const sampled = new Set(await readSampledAccounts(work, sweepId, bucket));
  const decisions = [];
  for await (const d of readBucketDecisions(work, sweepId, bucket)) if (sampled.has(d.accountId)) decisions.push(d);
  // the sampled accounts' records only: the other lines of the bucket are skipped before they are parsed
  const bundles = await loadAccountBundles(work, sweepId, bucket, {}, sampled);
  const wants: RelatedWant[] = [];
  await runLimited(decisions, WRITES_IN_FLIGHT, async (d) => {
    const relatedIds = relatedMembers(d);
    const { noteIds, commentIds } = referencedItems(d);
    for (const accountId of relatedIds) wants.push({ accountId, forAccount: d.accountId, noteIds, commentIds });
    await writeCaseEvidenceFile(work, sweepId, { ...ownEvidence(d, bundles.get(d.accountId)), relatedIds, relatedFrom: bucketsOf(relatedIds, bucketCount) });
  });
  await writeRelatedWantsFrom(work, sweepId, bucket, wants.sort(byOwnerThenAccount));
  return { evidence: decisions.length, related: wants.length };
}

/** Step 3: the related accounts wanted, regrouped by the bucket holding each one's records; returns those buckets, ascending. */
export async function planRelatedEvidence(work: BlobStore, sweepId: string, bucketCount: number, sampledBuckets: number[]): Promise<number[]> {
  const byBucket = new Map<number, RelatedWant[]>();
  await runLimited(sampledBuckets, 64, async (source) => {
    for (const want of await readRelatedWantsFrom(work, sweepId, source)) {
      const b = bucketOf(want.accountId, bucketCount);
      const list = byBucket.get(b);
      if (list) list.push(want);
      else byBucket.set(b, [want]);
    }
  });
  const buckets = [...byBucket.keys()].sort((a, b) => a - b);
  await runLimited(buckets, WRITES_IN_FLIGHT, (b) => writeRelatedWantsIn(work, sweepId, b, byBucket.get(b)!.sort(byOwnerThenAccount)));
  return buckets;
}

/** Step 4, one bucket: the views of the related accounts whose records it holds, one file per sampled account showing them. */
export async function gatherRelatedBucket(work: BlobStore, sweepId: string, bucket: number): Promise<number> {
  const wants = await readRelatedWantsIn(work, sweepId, bucket);
  const bundles = await loadAccountBundles(work, sweepId, bucket, {}, new Set(wants.map((w) => w.accountId)));
  const byOwner = new Map<string, RelatedView[]>();
  for (const w of wants) {
    const view = relatedView(w.accountId, bundles.get(w.accountId), { noteIds: new Set(w.noteIds), commentIds: new Set(w.commentIds) });
    const views = byOwner.get(w.forAccount);
    if (views) views.push(view);
    else byOwner.set(w.forAccount, [view]);
  }
  await runLimited([...byOwner], WRITES_IN_FLIGHT, ([owner, views]) => writeRelatedViews(work, sweepId, owner, bucket, views));
  return wants.length;
}
