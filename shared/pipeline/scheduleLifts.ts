/**
 * ScheduleLifts, one account bucket: the bucket's timed penalties are grouped into lift slots
 * (shared/enforcement/liftSlot.ts) and each slot gets one schedule, created idempotently: every
 * bucket with a penalty in the same minute asks for the same schedule and all but the first find
 * it exists. The lifts are the ones the accounts' penalty states carry (pendingLift.ts), read by
 * key in batches; nothing is written but the schedules (a re-run asks for the same slots again and
 * finds them: no per-lift "scheduled" mark costs a write per penalty).
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import type { LiftScheduler } from '#shared/ports/liftScheduler';
import { liftSlotOf } from '#shared/enforcement/liftSlot';
import { pendingLiftOf } from '#shared/enforcement/pendingLift';
import { readDecisionObject } from './readDecisions.ts';
import { runLimited } from './runLimited.ts';
import { sweepPaths } from './sweepPaths.ts';

export interface ScheduleStats {
  bucket: number;
  scheduler: string;
  timedDecisions: number;
  /** Pending lifts of this sweep (their states carry them) whose slot this run asked a schedule for. */
  scheduled: number;
  /** Enforced timed penalties whose state no longer carries their lift: lifted, or absorbed or replaced by a stronger penalty (which a reversal would restore, re-arming its slot). */
  alreadyScheduled: number;
  /** Timed decisions with no offense on the account's state: held back by review (or reversed since), so nothing to lift. */
  notEnforced: number;
  /** The slots of the bucket's pending lifts (ISO slot ends); the summary counts the distinct ones over all buckets. */
  slots: string[];
  /** Slot schedules asked for by this run: created, or found existing (another bucket, an earlier run). */
  created: number;
  existing: number;
}

export async function scheduleLiftsBucket(work: BlobStore, sweepId: string, bucket: number, repo: EnforcementRepository, scheduler: LiftScheduler): Promise<ScheduleStats> {
  const stats: ScheduleStats = { bucket, scheduler: scheduler.name, timedDecisions: 0, scheduled: 0, alreadyScheduled: 0, notEnforced: 0, slots: [], created: 0, existing: 0 };
  const key = sweepPaths(sweepId).decisionsObject(bucket);
  if (!(await work.exists(key))) return stats;
  const accountIds: string[] = [];
  for await (const { decision: d } of readDecisionObject(work, key)) {
    if (d.action === 'limit' || d.action === 'suspend') accountIds.push(d.accountId);
  }
  stats.timedDecisions = accountIds.length;
  const states = await repo.penalties(accountIds);
  const perSlot = new Map<string, number>();
  for (const accountId of accountIds) {
    const state = states.get(accountId);
    const lift = pendingLiftOf(state);
    if (lift?.sweepId === sweepId) {
      const slot = liftSlotOf(lift.dueAt);
      perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
    } else if (state?.offenses.some((o) => o.sweepId === sweepId)) stats.alreadyScheduled += 1;
    else stats.notEnforced += 1;
  }
  stats.slots = [...perSlot.keys()].sort();
  await runLimited(stats.slots, 8, async (slot) => {
    if ((await scheduler.scheduleSlot(slot)) === 'created') stats.created += 1;
    else stats.existing += 1;
    stats.scheduled += perSlot.get(slot)!;
  });
  return stats;
}
