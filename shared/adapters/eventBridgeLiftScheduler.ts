/** LiftScheduler on EventBridge Scheduler: one `at()` schedule per timed penalty, deleted after it fires. */
import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { createHash } from 'node:crypto';
import type { LiftRow } from '#shared/enforcement/ledgerEntry';
import type { LiftScheduler } from '#shared/ports/liftScheduler';

/** Schedule names allow 64 chars of [0-9a-zA-Z-_.]; a hash keeps them unique and deterministic. */
export const scheduleName = (lift: Pick<LiftRow, 'liftId'>) => `lift-${createHash('sha256').update(lift.liftId).digest('hex').slice(0, 40)}`;

export class EventBridgeLiftScheduler implements LiftScheduler {
  readonly name = 'eventbridge-scheduler';
  constructor(
    private readonly groupName: string,
    private readonly targetArn: string,
    private readonly roleArn: string,
    private readonly client = new SchedulerClient({}),
  ) {}
  async schedule(lift: LiftRow): Promise<'created' | 'exists'> {
    // Schedule names allow 64 chars of [0-9a-zA-Z-_.]; a hash keeps them unique and deterministic.
    const name = scheduleName(lift);
    try {
      await this.client.send(
        new CreateScheduleCommand({
          GroupName: this.groupName,
          Name: name,
          ScheduleExpression: `at(${lift.dueAt.slice(0, 19)})`,
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: { Arn: this.targetArn, RoleArn: this.roleArn, Input: JSON.stringify({ liftId: lift.liftId }) },
        }),
      );
      return 'created';
    } catch (err) {
      if (err instanceof ConflictException || (err as { name?: string }).name === 'ConflictException') return 'exists';
      throw err;
    }
  }

  async cancel(lift: LiftRow): Promise<'deleted' | 'absent'> {
    try {
      await this.client.send(new DeleteScheduleCommand({ GroupName: this.groupName, Name: scheduleName(lift) }));
      return 'deleted';
    } catch (err) {
      // Already fired (ActionAfterCompletion DELETE) or never created.
      if ((err as { name?: string }).name === 'ResourceNotFoundException') return 'absent';
      throw err;
    }
  }
}
