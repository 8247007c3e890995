/**
 * After a reversal: the penalty it restored may be a timed one that a stronger penalty had absorbed
 * or replaced. Its state carries its lift again (pendingLift.ts), so the slot's run will find it,
 * but ScheduleLifts asked only for the slots of the lifts pending then: ask for this one's slot
 * (idempotent; the slot may already have one). A slot already past needs no schedule: the hourly
 * safety sweep lifts it, as it does if this call is lost to a crash after the reversal committed.
 */
import { liftSlotOf } from '#shared/enforcement/liftSlot';
import type { ReverseResult } from '#shared/ports/auditRepository';
import type { LiftScheduler } from '#shared/ports/liftScheduler';

export async function rearmRestoredLift(scheduler: LiftScheduler, r: Pick<ReverseResult, 'armedLift'>, now: string): Promise<void> {
  if (!r.armedLift) return;
  const slot = liftSlotOf(r.armedLift.dueAt);
  if (slot > now) await scheduler.scheduleSlot(slot);
}
