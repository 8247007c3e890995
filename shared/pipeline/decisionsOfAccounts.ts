/** The decisions of a few accounts, read from their own account buckets only (a review's sampled accounts). */
import type { BlobStore } from '#shared/ports/blobStore';
import type { Decision } from '#shared/policy/decideAction';
import { bucketsOf } from './hashBucket.ts';
import { readBucketDecisions } from './readDecisions.ts';

/** In bucket order, then as stored: the order a pass over every decision would meet them. */
export async function decisionsOfAccounts(work: BlobStore, sweepId: string, bucketCount: number, accountIds: ReadonlySet<string>): Promise<Decision[]> {
  const out: Decision[] = [];
  for (const bucket of bucketsOf(accountIds, bucketCount)) {
    for await (const decision of readBucketDecisions(work, sweepId, bucket)) if (accountIds.has(decision.accountId)) out.push(decision);
  }
  return out;
}
