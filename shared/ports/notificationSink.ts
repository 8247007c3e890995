/** Where enforcement events and notices go: SNS in AWS, the outbox itself on the embedded stack. */
import type { OutboxMessage } from './enforcementRepository.ts';

export interface NotificationSink {
  readonly name: string;
  /** At-least-once: consumers dedupe on `${sweepId}/${messageKey}`. */
  publish(messages: OutboxMessage[]): Promise<void>;
}
