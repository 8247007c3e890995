/**
 * Notify publishes one account bucket's outbox rows, a page at a time, before marking them
 * delivered: a crash re-publishes at most the page in flight, and a bucket re-run publishes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EnforcementRepository, OutboxMessage } from '#shared/ports/enforcementRepository';
import type { NotificationSink } from '#shared/ports/notificationSink';
import { publishBucket } from '#shared/pipeline/publishOutbox';
import { decision, enforcedSweep, type EnforcedSweep } from './sweepLedgerFixture.ts';

const SWEEP = 'nb-1';
const now = () => '2026-11-02T00:00:00.000Z';
let sweep: EnforcedSweep | undefined;
afterEach(() => sweep?.cleanup());

/** The sink port in memory: every message it took, in order (the embedded stack's sink keeps none). */
class RecordingSink implements NotificationSink {
  readonly name = 'recording';
  readonly taken: string[] = [];
  private calls = 0;
  /** `failOnCall`: that call and every later one fail, as a sink gone away. */
  constructor(private readonly failOnCall = Infinity) {}
  async publish(messages: OutboxMessage[]): Promise<void> {
    if (++this.calls >= this.failOnCall) throw new Error('sink unavailable');
    this.taken.push(...messages.map((m) => `${m.sweepId}/${m.messageKey}`));
  }
}

/** Three buckets of 5, 3 and 4 acted-on accounts (a warn each: an event and a notice). */
async function threeBuckets(): Promise<EnforcedSweep> {
  const bucket = (b: number, n: number) => Array.from({ length: n }, (_, i) => decision(`acc-${b}-${i}`, SWEEP, 'warn', '2026-11-01T00:00:00.000Z'));
  return enforcedSweep(SWEEP, [bucket(0, 5), bucket(1, 3), bucket(2, 4)]);
}

describe('Notify, one account bucket', () => {
  it("publishes exactly the bucket's messages and marks them delivered, leaving the other buckets pending", async () => {
    sweep = await threeBuckets();
    const sink = new RecordingSink();
    const stats = await publishBucket(SWEEP, 1, sweep.ledger, sink, now, 4);
    expect(stats).toEqual({ bucket: 1, sink: 'recording', published: 6, notices: 3, events: 3 });
    expect(sink.taken.sort()).toEqual(['acc-1-0', 'acc-1-1', 'acc-1-2'].flatMap((a) => [`${SWEEP}/${a}#enforcement`, `${SWEEP}/${a}#notice`]).sort());
    const outbox = await sweep.ledger.outbox(SWEEP);
    expect(outbox.filter((m) => m.status === 'delivered').map((m) => m.accountId)).toEqual(['acc-1-0', 'acc-1-0', 'acc-1-1', 'acc-1-1', 'acc-1-2', 'acc-1-2']);
    expect(outbox.filter((m) => m.status === 'pending')).toHaveLength(18);
  });

  it('a re-run of the bucket publishes nothing twice', async () => {
    sweep = await threeBuckets();
    const sink = new RecordingSink();
    expect((await publishBucket(SWEEP, 0, sweep.ledger, sink, now, 4)).published).toBe(10);
    expect(await publishBucket(SWEEP, 0, sweep.ledger, sink, now, 4)).toMatchObject({ published: 0, notices: 0, events: 0 });
    expect(sink.taken).toHaveLength(10);
    expect(new Set(sink.taken).size).toBe(10);
  });

  it('a sink failure mid-bucket: the retry publishes only what the sink had not taken, and every message once in all', async () => {
    sweep = await threeBuckets();
    const failing = new RecordingSink(2); // takes the first page of 4, fails on the second
    await expect(publishBucket(SWEEP, 0, sweep.ledger, failing, now, 4)).rejects.toThrow(/sink unavailable/);
    expect(failing.taken).toHaveLength(4);
    const retry = new RecordingSink();
    expect((await publishBucket(SWEEP, 0, sweep.ledger, retry, now, 4)).published).toBe(6);
    expect([...failing.taken, ...retry.taken].sort()).toEqual(
      (await sweep.ledger.outbox(SWEEP))
        .filter((m) => m.bucket === 0)
        .map((m) => `${SWEEP}/${m.messageKey}`)
        .sort(),
    );
  });

  it('a crash after publishing but before marking re-publishes that page only (at-least-once, nothing lost)', async () => {
    sweep = await threeBuckets();
    const ledger = sweep.ledger;
    let marks = 0;
    // the store goes away on the second markDelivered: the second page was published, not marked
    const crashing: EnforcementRepository = Object.assign(Object.create(ledger) as EnforcementRepository, {
      markDelivered: async (m: OutboxMessage[], at: string) => {
        if (++marks === 2) throw new Error('store unavailable');
        return ledger.markDelivered(m, at);
      },
    });
    const sink = new RecordingSink();
    await expect(publishBucket(SWEEP, 0, crashing, sink, now, 4)).rejects.toThrow(/store unavailable/);
    expect(sink.taken).toHaveLength(8);
    await publishBucket(SWEEP, 0, ledger, sink, now, 4);
    // the second page twice, everything else once; nothing left pending
    expect(sink.taken).toHaveLength(14);
    expect(new Set(sink.taken).size).toBe(10);
    expect(await ledger.pendingOutbox(SWEEP, 0, { limit: 100 })).toEqual([]);
  });
});
