/**
 * Plan: check the manifest and every part before any work, size the shuffle, and pin the
 * plan and policy under the sweep. Re-planning an existing sweep id returns the stored
 * plan if it is the same sweep, and refuses if the snapshot, policy or codes differ.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { listParts, partSizes, readManifest } from '#shared/snapshot/readManifest';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Channel } from '#shared/detect/detectorPorts';
import { reviewPolicyOf, type Policy } from '#shared/policy/policySchema';
import { planExists, policyText, readPinnedPolicyText, readPlan, writePinnedPolicy, writePlan, writeSweepPolicy } from './sweepArtifacts.ts';
import { writeMapItems } from './mapItems.ts';
import { accountBucketsOf, channelItemsOf, MAX_BUCKETS, type CampaignRef, type SweepPlan } from './sweepPlan.ts';

/** Uncompressed bytes one account bucket should hold: bounds each resolve worker's memory. */
export const TARGET_BUCKET_BYTES = 64 * 1024 * 1024;
const GZIP_RATIO = 5;

export class SweepConflictError extends Error {
  override readonly name = 'SweepConflictError';
}

export interface PlanRequest {
  sweepId: string;
  snapshotUri: string;
  policy: Policy;
  codes?: ViolationCode[];
  bucketCount?: number;
  review?: 'auto' | 'human';
  /** When penalties start; by default when the review releases the sweep. A re-run keeps the first plan's. */
  enforceAt?: string;
  campaign?: CampaignRef;
}

export async function planSweep(work: BlobStore, snapshot: BlobStore, req: PlanRequest, channels: Channel[]): Promise<SweepPlan> {
  const manifest = await readManifest(snapshot);
  const parts = listParts(manifest);
  const sizes = await partSizes(snapshot, parts);
  const codes = req.codes && req.codes.length > 0 ? [...req.codes].sort() : null;

  if (await planExists(work, req.sweepId)) {
    const existing = await readPlan(work, req.sweepId);
    const same =
      existing.snapshotId === manifest.snapshotId &&
      existing.takenAt === manifest.takenAt &&
      existing.policyVersion === req.policy.policyVersion &&
      JSON.stringify(existing.codes) === JSON.stringify(codes) &&
      (existing.review ?? 'auto') === (req.review ?? 'auto');
    if (!same) {
      throw new SweepConflictError(
        `sweep id "${req.sweepId}" was already used for snapshot ${existing.snapshotId} with policy ${existing.policyVersion}` +
          `${existing.codes ? ` and codes ${existing.codes.join(',')}` : ''}; choose a new sweep id`,
      );
    }
    await writeMapItems(work, existing);
    return existing;
  }

  await pinPolicy(work, req.policy);
  const effectiveBytes = parts.reduce((sum, p, i) => sum + (p.part.endsWith('.gz') ? sizes[i] * GZIP_RATIO : sizes[i]), 0);
  const bucketCount = req.bucketCount ?? Math.min(MAX_BUCKETS, Math.max(2, Math.ceil(effectiveBytes / TARGET_BUCKET_BYTES)));
  const channelNames = channels.map((c) => c.name);
  const plan: SweepPlan = {
    sweepId: req.sweepId,
    snapshot: req.snapshotUri,
    snapshotId: manifest.snapshotId,
    takenAt: manifest.takenAt,
    policyVersion: req.policy.policyVersion,
    codes,
    review: req.review ?? 'auto',
    reviewTimeoutSeconds: Math.max(1, Math.round(reviewPolicyOf(req.policy).timeoutHours * 3600)),
    bucketCount,
    ...(req.enforceAt ? { enforceAt: new Date(req.enforceAt).toISOString() } : {}),
    ...(req.campaign ? { campaign: req.campaign } : {}),
    parts,
    channels: channelNames,
    channelBuckets: channelItemsOf(channelNames, bucketCount),
    accountBuckets: accountBucketsOf(bucketCount),
  };
  await writeSweepPolicy(work, req.sweepId, req.policy);
  // the items before plan.json: a re-plan finds plan.json only once the maps' lists are there too (and writes them again anyway)
  await writeMapItems(work, plan);
  await writePlan(work, plan);
  return plan;
}

/** A policy version is immutable once used: the same version must always mean the same rules. */
async function pinPolicy(work: BlobStore, policy: Policy): Promise<void> {
  const pinned = await readPinnedPolicyText(work, policy.policyVersion);
  if (pinned === undefined) return writePinnedPolicy(work, policy);
  if (pinned !== policyText(policy)) {
    throw new SweepConflictError(`policy version ${policy.policyVersion} was already used with different content; give the changed policy a new policyVersion`);
  }
}
