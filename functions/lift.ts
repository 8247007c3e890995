/** Lift stage: end the timed penalties due at `now` (a lift slot's end, the safety sweep), or one `liftId` (pre-slot schedules). */
import { z } from 'zod';
import { enforcementRepository, notificationSink } from '#shared/adapters/stageDependencies';
import { liftDue } from '#shared/pipeline/liftDue';
import { stageHandler } from './lib/stageHandler.ts';
import { LIFT_OVERDUE_AFTER_MS, recordStageMetrics, STAGE_METRICS as M } from './lib/stageMetrics.ts';

const liftEventSchema = z
  .object({
    liftId: z.string().min(1).optional(),
    now: z.iso.datetime({ offset: true }).optional(),
    /** The previous round's stats, when the lift state machine loops on a large slot. */
    lift: z.unknown().optional(),
  })
  .strict();

export const handler = stageHandler('lift', liftEventSchema, async ({ liftId, now }, context) => {
  const at = new Date(now ?? Date.now()).toISOString();
  // Still pending well past their due time when this run starts: a lift slot's schedule was missed (the safety sweep catches it).
  const overdue = liftId ? [] : await enforcementRepository().dueLifts(new Date(Date.parse(at) - LIFT_OVERDUE_AFTER_MS).toISOString(), 100);
  const stats = await liftDue(enforcementRepository(), notificationSink(), { liftId, now: at }, { timeLeftMs: () => context.getRemainingTimeInMillis() });
  recordStageMetrics('lift', { [M.lifted]: stats.outcomes.lifted ?? 0, [M.liftsOverdue]: overdue.length });
  return stats;
});
