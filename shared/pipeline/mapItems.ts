/**
 * The sweep's Distributed Maps read their items from S3, not from the execution's state: a state's input and output
 * are limited to 256 KiB, and a sweep's parts and buckets grow with the snapshot (9 channels × 37,000 buckets at
 * 300M accounts is ~12 MB of items). Plan writes one JSON array per list, each map's ItemReader reads its list, and
 * Plan's result in the state is the small handle below, whatever the sweep's size (issue 17).
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { sweepPaths } from './sweepPaths.ts';
import type { SweepPlan } from './sweepPlan.ts';

export const MAP_ITEM_LISTS = ['parts', 'channelBuckets', 'accountBuckets'] as const;
export type MapItemList = (typeof MAP_ITEM_LISTS)[number];

/** Plan's result in the state machine: what the maps' ItemReaders and the review Task's timeout read. */
export interface PlanHandle {
  sweepId: string;
  snapshotId: string;
  policyVersion: string;
  review: SweepPlan['review'];
  reviewTimeoutSeconds?: number;
  bucketCount: number;
  /** How many items each map runs. */
  counts: Record<MapItemList, number>;
  /** The work-store key of each map's item list. */
  items: Record<MapItemList, string>;
}

const listOf = (plan: SweepPlan, list: MapItemList): unknown[] => plan[list];

/** Writes every map's item list. Deterministic: a re-plan writes the same bytes (a crash between plan.json and these is healed by re-running Plan). */
export async function writeMapItems(work: BlobStore, plan: SweepPlan): Promise<void> {
  const paths = sweepPaths(plan.sweepId);
  await Promise.all(MAP_ITEM_LISTS.map((list) => work.write(paths.mapItems(list), JSON.stringify(listOf(plan, list)))));
}

/**
 * The maps of a human review's evidence gathering (shared/review/gatherEvidence.ts) iterate lists known only once the
 * sample is drawn: DrawSample writes the sampled accounts' buckets, PlanRelatedEvidence the related accounts'. Empty
 * in an auto review (or a review already open): the maps then run no item.
 */
export const REVIEW_ITEM_LISTS = ['evidenceSampled', 'evidenceRelated'] as const;
export type ReviewItemList = (typeof REVIEW_ITEM_LISTS)[number];

/** A Task's result naming the one item list it wrote (DrawSample's, PlanRelatedEvidence's). */
export interface ItemsHandle<L extends string> {
  counts: Record<L, number>;
  items: Record<L, string>;
}

export async function writeItemList<L extends ReviewItemList>(work: BlobStore, sweepId: string, list: L, items: number[]): Promise<ItemsHandle<L>> {
  const key = sweepPaths(sweepId).mapItems(list);
  await work.write(key, JSON.stringify(items));
  return { counts: { [list]: items.length } as Record<L, number>, items: { [list]: key } as Record<L, string> };
}

export function planHandle(plan: SweepPlan): PlanHandle {
  const paths = sweepPaths(plan.sweepId);
  return {
    sweepId: plan.sweepId,
    snapshotId: plan.snapshotId,
    policyVersion: plan.policyVersion,
    review: plan.review,
    ...(plan.reviewTimeoutSeconds !== undefined ? { reviewTimeoutSeconds: plan.reviewTimeoutSeconds } : {}),
    bucketCount: plan.bucketCount,
    counts: Object.fromEntries(MAP_ITEM_LISTS.map((list) => [list, listOf(plan, list).length])) as Record<MapItemList, number>,
    items: Object.fromEntries(MAP_ITEM_LISTS.map((list) => [list, paths.mapItems(list)])) as Record<MapItemList, string>,
  };
}
