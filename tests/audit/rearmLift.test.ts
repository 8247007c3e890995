/** After a reversal restores an absorbed or replaced timed penalty, its lift slot is asked for (unless already past). */
import { describe, expect, it } from 'vitest';
import { rearmRestoredLift } from '#shared/audit/rearmLift';
import type { LiftRow } from '#shared/enforcement/ledgerEntry';
import type { LiftScheduler } from '#shared/ports/liftScheduler';

const recorder = () => {
  const asked: string[] = [];
  const scheduler: LiftScheduler = {
    name: 'recorder',
    scheduleSlot: async (slot) => (asked.push(slot), 'created'),
    cancel: async () => 'absent',
  };
  return { scheduler, asked };
};
const lift = (dueAt: string): LiftRow => ({ liftId: 'a#s1', accountId: 'a', sweepId: 's1', entryKey: 's1#enforce', action: 'suspend', dueAt, pending: 'pending' });

describe('rearmRestoredLift', () => {
  it("asks for the restored lift's slot (the minute ending at or after its due time)", async () => {
    const { scheduler, asked } = recorder();
    await rearmRestoredLift(scheduler, { armedLift: lift('2026-12-01T00:05:30.000Z') }, '2026-11-20T00:00:00.000Z');
    expect(asked).toEqual(['2026-12-01T00:06:00.000Z']);
  });

  it('asks for nothing when no lift was restored, or when its slot is past (the hourly safety sweep lifts it)', async () => {
    const { scheduler, asked } = recorder();
    await rearmRestoredLift(scheduler, {}, '2026-11-20T00:00:00.000Z');
    await rearmRestoredLift(scheduler, { armedLift: lift('2026-11-10T00:00:00.000Z') }, '2026-11-20T00:00:00.000Z');
    expect(asked).toEqual([]);
  });
});
