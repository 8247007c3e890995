/**
 * The per-sweep anchor, written once when a sweep finishes: a digest over its enforce entries. From the account
 * buckets' digests that Enforce made where it wrote them (its stats), so FinishSweep reads no ledger entry; a sweep
 * whose Enforce ran before those digests existed is anchored over its entries read whole, as it was then.
 */
import type { AuditRepository } from '#shared/ports/auditRepository';
import { anchorDigest, combineBucketDigests, type AnchorDigest, type SweepAnchor } from './hashChain.ts';

/** `enforced`: the sweep's bucket count and Enforce's per-bucket stats; without a digest for every bucket, the entries are read. */
export async function anchorSweep(
  repo: AuditRepository,
  sweepId: string,
  now: string,
  enforced?: { bucketCount: number; stats: ReadonlyArray<{ bucket: number; anchor?: AnchorDigest }> },
): Promise<SweepAnchor> {
  const byBucket = new Map((enforced?.stats ?? []).flatMap((s) => (s.anchor ? [[s.bucket, s.anchor] as const] : [])));
  const digests = enforced ? Array.from({ length: enforced.bucketCount }, (_, b) => byBucket.get(b)) : [];
  if (digests.length > 0 && digests.every((d) => d !== undefined)) {
    return repo.anchorSweep(sweepId, { ...combineBucketDigests(digests as AnchorDigest[]), buckets: digests.length, anchoredAt: now });
  }
  const entries = (await repo.ledgerForSweep(sweepId)).filter((e) => e.step === 'enforce');
  return repo.anchorSweep(sweepId, { ...anchorDigest(entries), anchoredAt: now });
}
