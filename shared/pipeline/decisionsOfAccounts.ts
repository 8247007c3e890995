/** The decisions of a few accounts, read from their own account buckets only (a review's sampled accounts). */
import type { BlobStore } from '#shared/ports/blobStore';
import type { Decision } from '#shared/policy/decideAction';
import { bucketOf } from './hashBucket.ts';
import { readDecisionObject } from './readDecisions.ts';
import { sweepPaths } from './sweepPaths.ts';

/** In bucket order, then as stored: the order a pass over every decision would meet them. */
export async function decisionsOfAccounts(work: BlobStore, sweepId: string, bucketCount: number, accountIds: ReadonlySet<string>): Promise<Decision[]> {
  const buckets = [...new Set([...accountIds].map((id) => bucketOf(id, bucketCount)))].sort((a, b) => a - b);
  const out: Decision[] = [];
  for (const bucket of buckets) {
    const key = sweepPaths(sweepId).decisionsObject(bucket);
    if (!(await work.exists(key))) continue;
    for await (const { decision } of readDecisionObject(work, key)) if (accountIds.has(decision.accountId)) out.push(decision);
  }
  return out;
}
