/**
 * ScheduleLifts, one account bucket: the bucket's timed penalties are grouped into lift slots
 * (shared/enforcement/liftSlot.ts) and each slot gets one schedule, created idempotently: every
 * bucket with a penalty in the same minute asks for the same schedule and all but the first find
 * it exists. The lift rows are then marked scheduled. Only the bucket's decisions and its lift
 * rows (read by key) are touched.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import type { LiftScheduler } from '#shared/ports/liftScheduler';
import { liftIdFor, type LiftRow } from '#shared/enforcement/ledgerEntry';
import { liftSlotOf } from '#shared/enforcement/liftSlot';
import { readDecisionObject } from './readDecisions.ts';
import { runLimited } from './runLimited.ts';
import { sweepPaths } from './sweepPaths.ts';

export interface ScheduleStats {
  bucket: number;
  scheduler: string;
  timedDecisions: number;
  /** Lift rows marked scheduled by this run. */
  scheduled: number;
  /** Lift rows already scheduled, or no longer pending (lifted, superseded, cancelled). */
  alreadyScheduled: number;
  /** Timed decisions with no lift row: held back by review, so nothing to lift. */
  notEnforced: number;
  /** The slots of the bucket's pending lifts (ISO slot ends); the summary counts the distinct ones over all buckets. */
  slots: string[];
  /** Slot schedules asked for by this run (only slots with lift rows not yet scheduled): created, or found existing (another bucket, an earlier run). */
  created: number;
  existing: number;
}

export async function scheduleLiftsBucket(work: BlobStore, sweepId: string, bucket: number, repo: EnforcementRepository, scheduler: LiftScheduler): Promise<ScheduleStats> {
  const stats: ScheduleStats = { bucket, scheduler: scheduler.name, timedDecisions: 0, scheduled: 0, alreadyScheduled: 0, notEnforced: 0, slots: [], created: 0, existing: 0 };
  const key = sweepPaths(sweepId).decisionsObject(bucket);
  if (!(await work.exists(key))) return stats;
  const liftIds: string[] = [];
  for await (const { decision: d } of readDecisionObject(work, key)) {
    if (d.action === 'limit' || d.action === 'suspend') liftIds.push(liftIdFor(d.accountId, sweepId));
  }
  stats.timedDecisions = liftIds.length;
  const rows = await repo.getLifts(liftIds);
  const slots = new Set<string>();
  const toSchedule = new Map<string, LiftRow[]>();
  for (const liftId of liftIds) {
    const row = rows.get(liftId);
    if (!row) stats.notEnforced += 1;
    else if (!row.pending) stats.alreadyScheduled += 1;
    else {
      const slot = liftSlotOf(row.dueAt);
      slots.add(slot);
      if (row.scheduled) stats.alreadyScheduled += 1;
      else {
        const list = toSchedule.get(slot);
        if (list) list.push(row);
        else toSchedule.set(slot, [row]);
      }
    }
  }
  stats.slots = [...slots].sort();
  await runLimited([...toSchedule.keys()].sort(), 8, async (slot) => {
    // The schedule first, then the rows: a crash in between only asks for the slot again.
    if ((await scheduler.scheduleSlot(slot)) === 'created') stats.created += 1;
    else stats.existing += 1;
    const slotRows = toSchedule.get(slot)!;
    await repo.markScheduled(slotRows);
    stats.scheduled += slotRows.length;
  });
  return stats;
}
