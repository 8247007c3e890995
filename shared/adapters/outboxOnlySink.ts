/** The embedded stack's sink: messages stay in the outbox table, where `crackdown outbox` lists them. */
import type { NotificationSink } from '#shared/ports/notificationSink';

export class OutboxOnlySink implements NotificationSink {
  readonly name = 'outbox';
  async publish(): Promise<void> {}
}
