/** Schedule-lift stage: a one-time schedule per timed penalty. */
import { enforcementRepository, liftScheduler, workStore } from '#shared/adapters/stageDependencies';
import { scheduleLifts } from '#shared/pipeline/scheduleLifts';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('scheduleLifts', sweepEventSchema, async ({ sweepId }) => scheduleLifts(workStore(), sweepId, enforcementRepository(), liftScheduler()));
