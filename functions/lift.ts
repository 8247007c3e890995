/** Lift stage: end the timed penalties due at `now` (a lift slot's end, the safety sweep), or one `liftId` (pre-slot schedules). */
import { z } from 'zod';
import { enforcementRepository, notificationSink } from '#shared/adapters/stageDependencies';
import { liftDue } from '#shared/pipeline/liftDue';
import { stageHandler } from './lib/stageHandler.ts';

const liftEventSchema = z
  .object({
    liftId: z.string().min(1).optional(),
    now: z.iso.datetime({ offset: true }).optional(),
    /** The previous round's stats, when the lift state machine loops on a large slot. */
    lift: z.unknown().optional(),
  })
  .strict();

export const handler = stageHandler('lift', liftEventSchema, async ({ liftId, now }, context) =>
  liftDue(enforcementRepository(), notificationSink(), { liftId, now: new Date(now ?? Date.now()).toISOString() }, { timeLeftMs: () => context.getRemainingTimeInMillis() }),
);
