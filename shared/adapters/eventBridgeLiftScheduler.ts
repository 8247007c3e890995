/**
 * LiftScheduler on EventBridge Scheduler: one `at()` schedule per lift slot, deleted after it
 * fires. It starts the lift state machine with `{ now: <slot end> }`, which lifts everything due
 * by then from the due index; the number of schedules follows the number of distinct slots, never
 * the number of penalties.
 */
import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { createHash } from 'node:crypto';
import type { LiftRow } from '#shared/enforcement/ledgerEntry';
import type { LiftScheduler } from '#shared/ports/liftScheduler';

/** `lift-slot-20261201T0006Z`: deterministic per slot, so every bucket and re-run names the same schedule. */
export const slotScheduleName = (slot: string) => `lift-slot-${slot.slice(0, 16).replace(/[-:]/g, '')}Z`;

/** The name of a per-lift schedule created before lift slots (still deleted on cancel). */
export const legacyScheduleName = (lift: Pick<LiftRow, 'liftId'>) => `lift-${createHash('sha256').update(lift.liftId).digest('hex').slice(0, 40)}`;

/** What a slot's schedule starts the lift state machine with. */
export const slotInput = (slot: string) => ({ now: slot });

export class EventBridgeLiftScheduler implements LiftScheduler {
  readonly name = 'eventbridge-scheduler';
  constructor(
    private readonly groupName: string,
    private readonly targetArn: string,
    private readonly roleArn: string,
    private readonly client = new SchedulerClient({}),
  ) {}

  async scheduleSlot(slot: string): Promise<'created' | 'exists'> {
    try {
      await this.client.send(
        new CreateScheduleCommand({
          GroupName: this.groupName,
          Name: slotScheduleName(slot),
          ScheduleExpression: `at(${slot.slice(0, 19)})`,
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: { Arn: this.targetArn, RoleArn: this.roleArn, Input: JSON.stringify(slotInput(slot)) },
        }),
      );
      return 'created';
    } catch (err) {
      if (err instanceof ConflictException || (err as { name?: string }).name === 'ConflictException') return 'exists';
      throw err;
    }
  }

  async cancel(lift: LiftRow): Promise<'deleted' | 'absent'> {
    // Never the slot's schedule: other penalties share it, and the reversed state is out of the lift index.
    try {
      await this.client.send(new DeleteScheduleCommand({ GroupName: this.groupName, Name: legacyScheduleName(lift) }));
      return 'deleted';
    } catch (err) {
      // Already fired (ActionAfterCompletion DELETE) or never created.
      if ((err as { name?: string }).name === 'ResourceNotFoundException') return 'absent';
      throw err;
    }
  }
}
