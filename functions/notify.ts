/** Notify stage: publish the sweep's pending outbox messages to the sink. */
import { enforcementRepository, notificationSink } from '#shared/adapters/stageDependencies';
import { publishOutbox } from '#shared/pipeline/publishOutbox';
import { sweepEventSchema } from '#shared/pipeline/sweepPlan';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('notify', sweepEventSchema, async ({ sweepId }) => publishOutbox(sweepId, enforcementRepository(), notificationSink(), () => new Date().toISOString()));
