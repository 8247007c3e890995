/**
 * The EventBridge lift scheduler, one `at()` schedule per lift slot. EventBridge Scheduler has no
 * local emulator, so these tests run the adapter against a stand-in client (unavailable service
 * stand-in) that holds schedules by name and answers ConflictException for a name it has, as
 * Scheduler does; everything else about slot scheduling is tested on the real port in liftSlots.test.ts.
 */
import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import { describe, expect, it } from 'vitest';
import { EventBridgeLiftScheduler, legacyScheduleName, slotScheduleName } from '#shared/adapters/eventBridgeLiftScheduler';
import { liftSlotOf } from '#shared/enforcement/liftSlot';
import type { LiftRow } from '#shared/enforcement/ledgerEntry';

/** Scheduler stand-in (no local emulator): a schedule group as a Map by name. */
function schedulerStandIn() {
  const schedules = new Map<string, CreateScheduleCommand['input']>();
  const deleted: string[] = [];
  const client = {
    send: async (command: unknown) => {
      if (command instanceof CreateScheduleCommand) {
        if (schedules.has(command.input.Name!)) throw new ConflictException({ Message: 'exists', message: 'exists', $metadata: {} });
        schedules.set(command.input.Name!, command.input);
        return {};
      }
      if (command instanceof DeleteScheduleCommand) {
        if (!schedules.delete(command.input.Name!)) throw Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' });
        deleted.push(command.input.Name!);
        return {};
      }
      throw new Error(`unexpected command ${String(command)}`);
    },
  } as unknown as SchedulerClient;
  return { client, schedules, deleted };
}

const lift = (i: number, dueAt: string): LiftRow => ({ liftId: `acc-${i}#s1`, accountId: `acc-${i}`, sweepId: 's1', entryKey: 's1#enforce', action: 'limit', dueAt, pending: 'pending' });

describe('EventBridge lift scheduler (Scheduler stand-in: no local emulator)', () => {
  it('1,000 penalties due in one minute make one schedule, at the slot end, starting the lift state machine with that time', async () => {
    const standIn = schedulerStandIn();
    const scheduler = new EventBridgeLiftScheduler('crackdown-lifts', 'arn:lift-sm', 'arn:scheduler-role', standIn.client);
    const lifts = Array.from({ length: 1000 }, (_, i) => lift(i, new Date(Date.parse('2026-11-08T00:05:00.500Z') + i * 50).toISOString()));
    const outcomes = [];
    for (const l of lifts) outcomes.push(await scheduler.scheduleSlot(liftSlotOf(l.dueAt)));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect([...standIn.schedules.keys()]).toEqual(['lift-slot-20261108T0006Z']);
    expect(standIn.schedules.get('lift-slot-20261108T0006Z')).toMatchObject({
      GroupName: 'crackdown-lifts',
      ScheduleExpression: 'at(2026-11-08T00:06:00)',
      ScheduleExpressionTimezone: 'UTC',
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: 'arn:lift-sm', RoleArn: 'arn:scheduler-role', Input: JSON.stringify({ now: '2026-11-08T00:06:00.000Z' }) },
    });
    expect(slotScheduleName('2026-11-08T00:06:00.000Z')).toMatch(/^[0-9a-zA-Z-_.]{1,64}$/);
  });

  it("cancelling one penalty leaves its slot's schedule for the others (only a pre-slot per-lift schedule is deleted)", async () => {
    const standIn = schedulerStandIn();
    const scheduler = new EventBridgeLiftScheduler('crackdown-lifts', 'arn:lift-sm', 'arn:scheduler-role', standIn.client);
    const a = lift(1, '2026-11-08T00:05:10.000Z');
    await scheduler.scheduleSlot(liftSlotOf(a.dueAt));
    expect(await scheduler.cancel(a)).toBe('absent');
    expect([...standIn.schedules.keys()]).toEqual(['lift-slot-20261108T0006Z']);

    // a per-lift schedule from before lift slots is still removed
    standIn.schedules.set(legacyScheduleName(a), {} as CreateScheduleCommand['input']);
    expect(await scheduler.cancel(a)).toBe('deleted');
    expect(standIn.deleted).toEqual([legacyScheduleName(a)]);
    expect([...standIn.schedules.keys()]).toEqual(['lift-slot-20261108T0006Z']);
  });
});
