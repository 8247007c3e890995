/**
 * Lifts at any volume: timed penalties are grouped into one-minute slots and each slot gets one
 * schedule, however many penalties and buckets share it; the slot's run lifts them from the due
 * index, and a penalty cancelled in the meantime is simply not there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { liftIdFor } from '#shared/enforcement/ledgerEntry';
import { liftSlotOf } from '#shared/enforcement/liftSlot';
import { OutboxOnlySink } from '#shared/adapters/outboxOnlySink';
import type { LiftScheduler } from '#shared/ports/liftScheduler';
import { LIFT_STOP_MARGIN_MS, liftDue } from '#shared/pipeline/liftDue';
import { scheduleLiftsBucket } from '#shared/pipeline/scheduleLifts';
import { decision, enforcedSweep, type EnforcedSweep } from './sweepLedgerFixture.ts';

const SWEEP = 'slots-1';
let sweep: EnforcedSweep | undefined;
afterEach(() => sweep?.cleanup());

/** The scheduler port in memory: the set of slot schedules it holds, and every request it got. */
class SlotRecorder implements LiftScheduler {
  readonly name = 'slot-recorder';
  readonly schedules = new Set<string>();
  readonly requests: string[] = [];
  async scheduleSlot(slot: string): Promise<'created' | 'exists'> {
    this.requests.push(slot);
    if (this.schedules.has(slot)) return 'exists';
    this.schedules.add(slot);
    return 'created';
  }
  async cancel(): Promise<'deleted' | 'absent'> {
    return 'absent';
  }
}

/** `n` accounts limited for 7 days from `start` + i·`stepMs`, spread over `buckets` buckets. */
function timed(n: number, start: string, stepMs: number, buckets: number, tag: string) {
  const out = Array.from({ length: buckets }, () => [] as ReturnType<typeof decision>[]);
  for (let i = 0; i < n; i++) out[i % buckets].push(decision(`${tag}-${i}`, SWEEP, 'limit', new Date(Date.parse(start) + i * stepMs).toISOString(), 7));
  return out;
}

describe('lift slots', () => {
  it('a due time belongs to the slot ending at the next whole minute (on the minute: that minute)', () => {
    expect(liftSlotOf('2026-11-08T00:05:00.000Z')).toBe('2026-11-08T00:05:00.000Z');
    expect(liftSlotOf('2026-11-08T00:05:00.001Z')).toBe('2026-11-08T00:06:00.000Z');
    expect(liftSlotOf('2026-11-08T00:05:59.999Z')).toBe('2026-11-08T00:06:00.000Z');
    expect(() => liftSlotOf('next week')).toThrow(/not an instant/);
  });

  it('600 penalties due within one minute, over 4 buckets, ask for one schedule; a second minute adds one more', async () => {
    // 600 due between 00:00:10 and 00:00:40 (50 ms apart), 40 more in the next minute
    const first = timed(600, '2026-11-01T00:00:10.000Z', 50, 4, 'a');
    const second = timed(40, '2026-11-01T00:01:30.000Z', 100, 4, 'b');
    sweep = await enforcedSweep(
      SWEEP,
      first.map((b, i) => [...b, ...second[i]]),
    );
    const scheduler = new SlotRecorder();
    const stats = [];
    for (const bucket of [0, 1, 2, 3]) stats.push(await scheduleLiftsBucket(sweep.work, SWEEP, bucket, sweep.ledger, scheduler));
    expect([...scheduler.schedules].sort()).toEqual(['2026-11-08T00:01:00.000Z', '2026-11-08T00:02:00.000Z']);
    // one request per slot per bucket, whatever the number of penalties
    expect(scheduler.requests).toHaveLength(8);
    expect(stats.reduce((s, b) => s + b.scheduled, 0)).toBe(640);
    expect(stats.reduce((s, b) => s + b.created, 0)).toBe(2);
    expect(stats.reduce((s, b) => s + b.existing, 0)).toBe(6);
    // the states carry the lifts: every one pending, none written apart
    expect((await sweep.ledger.allLifts()).every((l) => l.pending === 'pending')).toBe(true);

    // a re-run writes nothing and creates nothing: it asks for its two slots again and finds them
    const again = await scheduleLiftsBucket(sweep.work, SWEEP, 0, sweep.ledger, scheduler);
    expect(again).toMatchObject({ scheduled: 160, alreadyScheduled: 0, created: 0, existing: 2 });
    expect(again.slots).toEqual(['2026-11-08T00:01:00.000Z', '2026-11-08T00:02:00.000Z']);
    expect([...scheduler.schedules]).toHaveLength(2);
  });

  it("a slot's run lifts everything due in it, once; a penalty reversed meanwhile is not lifted and the others are", async () => {
    sweep = await enforcedSweep(SWEEP, timed(30, '2026-11-01T00:00:10.000Z', 1000, 2, 'c'));
    const scheduler = new SlotRecorder();
    for (const bucket of [0, 1]) await scheduleLiftsBucket(sweep.work, SWEEP, bucket, sweep.ledger, scheduler);
    expect([...scheduler.schedules]).toEqual(['2026-11-08T00:01:00.000Z']);

    const reversed = await sweep.ledger.reverse({ accountId: 'c-7', sweepId: SWEEP, actor: 'operator', reason: 'wrong', ref: 'reversal:r1', now: '2026-11-03T00:00:00.000Z' });
    expect(reversed.outcome).toBe('reversed');
    expect(reversed.cancelledLifts.map((l) => l.liftId)).toEqual([liftIdFor('c-7', SWEEP)]);

    const [slot] = scheduler.schedules;
    // the slot's start: nothing in it is due yet
    expect((await liftDue(sweep.ledger, new OutboxOnlySink(), { now: new Date(Date.parse(slot) - 60_000).toISOString() })).outcomes.lifted ?? 0).toBe(0);
    const run = await liftDue(sweep.ledger, new OutboxOnlySink(), { now: slot });
    expect(run.outcomes.lifted).toBe(29);
    expect(run.notified).toBe(29);
    expect((await liftDue(sweep.ledger, new OutboxOnlySink(), { now: slot })).outcomes.lifted ?? 0).toBe(0);
    expect(await sweep.ledger.penalty('c-7')).toMatchObject({ status: 'cleared' });
    expect(await sweep.ledger.penalty('c-8')).toMatchObject({ status: 'lifted' });
    expect((await sweep.ledger.outbox(SWEEP, { pendingOnly: true })).filter((m) => m.kind === 'lift-notice')).toEqual([]);
  });

  it('a slot too large for one invocation stops before the timeout with more due, and the next round lifts the rest', async () => {
    sweep = await enforcedSweep(SWEEP, timed(250, '2026-11-01T00:00:10.000Z', 100, 2, 'd'));
    const slot = '2026-11-08T00:01:00.000Z';
    // time for one page (100 lifts), then the clock runs under the margin
    let pages = 0;
    const timeLeftMs = () => (pages++ === 0 ? 900_000 : LIFT_STOP_MARGIN_MS - 1);
    const first = await liftDue(sweep.ledger, new OutboxOnlySink(), { now: slot }, { timeLeftMs });
    expect(first).toMatchObject({ more: true, outcomes: { lifted: 100 }, notified: 100 });
    const second = await liftDue(sweep.ledger, new OutboxOnlySink(), { now: slot }, { timeLeftMs: () => 900_000 });
    expect(second).toMatchObject({ outcomes: { lifted: 150 }, notified: 150 });
    expect(second.more).toBeUndefined();
    expect((await sweep.ledger.dueLifts(slot, 10)).length).toBe(0);
  });
});
