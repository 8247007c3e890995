/** NotificationSink on SNS: PublishBatch, ten messages per call, message id = outbox key. */
import { PublishBatchCommand, SNSClient } from '@aws-sdk/client-sns';
import type { OutboxMessage } from '#shared/ports/enforcementRepository';
import type { NotificationSink } from '#shared/ports/notificationSink';

export class SnsSink implements NotificationSink {
  readonly name = 'sns';
  constructor(
    private readonly topicArn: string,
    private readonly sns = new SNSClient({}),
  ) {}
  async publish(messages: OutboxMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const batch = messages.slice(i, i + 10);
      const res = await this.sns.send(
        new PublishBatchCommand({
          TopicArn: this.topicArn,
          PublishBatchRequestEntries: batch.map((m, j) => ({
            Id: String(j),
            Message: JSON.stringify({ messageId: `${m.sweepId}/${m.messageKey}`, ...(m.body as object) }),
            MessageAttributes: { kind: { DataType: 'String', StringValue: m.kind } },
          })),
        }),
      );
      if (res.Failed && res.Failed.length > 0) {
        throw new Error(`SNS refused ${res.Failed.length} message(s), first: ${res.Failed[0].Code} ${res.Failed[0].Message ?? ''}`);
      }
    }
  }
}
