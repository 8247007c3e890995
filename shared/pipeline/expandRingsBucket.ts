/**
 * ExpandRings (between GroupKeys and ResolveAccounts): the second shuffle over the water-army
 * co-membership graph. Per account bucket it reads only the `note-comments` signal files, finds
 * the confirmed ring members (the same repetition check resolve uses), and files one
 * `ring-confirmed` signal per (co-member, note) under the co-member's account bucket, as
 * `signals/<bucket>/ring-confirmed-<thisBucket>.jsonl`: resolve's loader picks them up unchanged.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { DetectContext } from '#shared/detect/detectorPorts';
import type { Signal } from '#shared/detect/finding';
import { CHANNEL_NOTE_COMMENTS, CHANNEL_RING_CONFIRMED } from '#shared/detect/detectors/waterArmy/index';
import { ringConfirmations } from '#shared/detect/detectors/waterArmyExpansion';
import { readLines } from '#shared/snapshot/readPart';
import { bucketOf } from './hashBucket.ts';
import { sweepPaths } from './sweepPaths.ts';
import { writeObjects } from './writeObjects.ts';
import type { SweepPlan } from './sweepPlan.ts';

export interface ExpandStats {
  bucket: number;
  /** note-comments signals read. */
  signals: number;
  /** ring-confirmed signals written (one per co-member and note). */
  confirmations: number;
  /** Account buckets written to. */
  targets: number;
}

export async function expandRingsBucket(work: BlobStore, plan: SweepPlan, bucket: number, ctx: DetectContext): Promise<ExpandStats> {
  const paths = sweepPaths(plan.sweepId);
  const folder = paths.signals(bucket);
  const signals: Signal[] = [];
  // Only the group stage's note-comments files: never this stage's own outputs (a re-run reads the same input).
  for (const key of (await work.list(folder)).filter((k) => k.slice(folder.length).startsWith(`${CHANNEL_NOTE_COMMENTS}-`)).sort()) {
    for await (const line of readLines(await work.read(key))) {
      if (line) signals.push(JSON.parse(line) as Signal);
    }
  }
  const byTarget = new Map<number, string[]>();
  const found = ringConfirmations(signals, ctx);
  for (const s of found) {
    const b = bucketOf(s.accountId, plan.bucketCount);
    let lines = byTarget.get(b);
    if (!lines) byTarget.set(b, (lines = []));
    lines.push(JSON.stringify(s));
  }
  await writeObjects(
    work,
    [...byTarget.entries()].map(([b, lines]) => [paths.signalsObject(b, CHANNEL_RING_CONFIRMED, bucket), lines.join('\n') + '\n']),
  );
  return { bucket, signals: signals.length, confirmations: found.length, targets: byTarget.size };
}
