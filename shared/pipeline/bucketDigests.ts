/**
 * The sweep's decision digests, one account bucket at a time in bucket order: what DrawSample and FinishSweep
 * read instead of every decision (shared/review/decisionDigest.ts). A bucket resolved before digests were written
 * (a sweep paused or resumed across the upgrade) has its decisions digested here, one bucket at a time.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { Decision } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';
import { digestDecisions, type DecisionDigest } from '#shared/review/decisionDigest';
import { readBucketDecisions } from './readDecisions.ts';
import { readDecisionDigestIfAny } from './sweepArtifacts.ts';
import type { SweepPlan } from './sweepPlan.ts';

async function digestOf(work: BlobStore, plan: Pick<SweepPlan, 'sweepId'>, bucket: number, policy: Policy): Promise<DecisionDigest> {
  const stored = await readDecisionDigestIfAny(work, plan.sweepId, bucket);
  if (stored) return stored;
  const decisions: Decision[] = [];
  for await (const decision of readBucketDecisions(work, plan.sweepId, bucket)) decisions.push(decision);
  return digestDecisions(plan.sweepId, bucket, decisions, policy);
}

/** Reads `ahead` digests at a time (each a small object), yielding them in bucket order. */
export async function* bucketDigests(work: BlobStore, plan: Pick<SweepPlan, 'sweepId' | 'accountBuckets'>, policy: Policy, ahead = 16): AsyncGenerator<DecisionDigest> {
  const buckets = plan.accountBuckets;
  for (let i = 0; i < buckets.length; i += ahead) {
    const batch = await Promise.all(buckets.slice(i, i + ahead).map((b) => digestOf(work, plan, b, policy)));
    yield* batch;
  }
}
