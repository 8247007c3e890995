/**
 * Outbox messages as DynamoDB items. A pending message that Enforce filed under an account bucket
 * carries `pendingBucket` (`<sweepId>#<bucket>`), the key of the sparse `pendingByBucket` index;
 * marking it delivered writes the item without it, so the message leaves the index. The attribute
 * is the adapter's business: callers never see it.
 */
import type { OutboxMessage } from '#shared/ports/enforcementRepository';

export const OUTBOX_PENDING_INDEX = 'pendingByBucket';

export const pendingBucketKey = (sweepId: string, bucket: number) => `${sweepId}#${bucket}`;

export function toOutboxItem(m: OutboxMessage): Record<string, unknown> {
  const { pendingBucket: _drop, ...rest } = m as OutboxMessage & { pendingBucket?: string };
  return m.status === 'pending' && m.bucket !== undefined ? { ...rest, pendingBucket: pendingBucketKey(m.sweepId, m.bucket) } : rest;
}

export function fromOutboxItem(item: Record<string, unknown>): OutboxMessage {
  const { pendingBucket: _drop, ...message } = item;
  return message as unknown as OutboxMessage;
}
