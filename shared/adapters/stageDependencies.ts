/**
 * The composition root for the handlers: picks each port's adapter from the environment,
 * so the same handler runs in AWS and on the embedded stack.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import type { LiftScheduler } from '#shared/ports/liftScheduler';
import type { NotificationSink } from '#shared/ports/notificationSink';
import { isLocalToken, type TaskTokens } from '#shared/ports/taskTokens';
import { DynamoAuditRepository } from './dynamoAuditRepository.ts';
import { DynamoEnforcementRepository } from './dynamoEnforcementRepository.ts';
import { DynamoReviewRepository } from './dynamoReviewRepository.ts';
import { DynamoCampaignStore } from './dynamoCampaignStore.ts';
import { DynamoSweepRegistry } from './dynamoSweepRegistry.ts';
import { DueIndexLiftScheduler } from './dueIndexLiftScheduler.ts';
import { EventBridgeLiftScheduler } from './eventBridgeLiftScheduler.ts';
import { LocalTaskTokens } from './localTaskTokens.ts';
import { OutboxOnlySink } from './outboxOnlySink.ts';
import { S3Store } from './s3Store.ts';
import { SfnTaskTokens } from './sfnTaskTokens.ts';
import { SnsSink } from './snsSink.ts';
import { BUCKET_ENV_VAR, LIFT_CANCEL_GROUP_ENV_VAR, LIFT_TARGET_ENV_VARS, SINK_TOPIC_ENV_VAR } from './tableDefinitions.ts';

export function workStore(): BlobStore {
  const bucket = process.env[BUCKET_ENV_VAR];
  if (!bucket) throw new Error(`environment variable ${BUCKET_ENV_VAR} (the sweep bucket) is not set`);
  return new S3Store(bucket);
}

export const enforcementRepository = () => new DynamoEnforcementRepository();
export const reviewRepository = () => new DynamoReviewRepository();
export const sweepRegistry = () => new DynamoSweepRegistry();
export const campaignStore = () => new DynamoCampaignStore();
export const auditRepository = () => new DynamoAuditRepository();

export function notificationSink(): NotificationSink {
  const topic = process.env[SINK_TOPIC_ENV_VAR];
  return topic ? new SnsSink(topic) : new OutboxOnlySink();
}

export function liftScheduler(): LiftScheduler {
  const group = process.env[LIFT_TARGET_ENV_VARS.scheduleGroup];
  const target = process.env[LIFT_TARGET_ENV_VARS.targetArn];
  const role = process.env[LIFT_TARGET_ENV_VARS.roleArn];
  return group && target && role ? new EventBridgeLiftScheduler(group, target, role) : new DueIndexLiftScheduler();
}

/** Completes a waiting Task: Step Functions in AWS, the bucket for the embedded stack's `local:` tokens. */
export function taskTokens(token: string): TaskTokens {
  return isLocalToken(token) ? new LocalTaskTokens(workStore()) : new SfnTaskTokens();
}

/** What the review service needs (sampling step, review console, CLI). */
export function reviewDeps() {
  return { repo: reviewRepository(), work: workStore(), tokens: taskTokens, now: () => new Date().toISOString() };
}

/** For handlers that only cancel lift schedules (appeals): needs the schedule group alone. */
export function liftScheduleCanceller(): LiftScheduler {
  const group = process.env[LIFT_CANCEL_GROUP_ENV_VAR];
  return group ? new EventBridgeLiftScheduler(group, '', '') : new DueIndexLiftScheduler();
}
