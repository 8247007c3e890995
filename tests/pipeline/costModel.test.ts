/** The sweep cost and time model (issue 17, docs/scale.md): its arithmetic, and that it follows the deployed stack. */
import { describe, expect, it } from 'vitest';
import { SWEEP_TASKS } from '#infra/stages';
import { AWS_PRICES } from '#shared/scale/awsPrices';
import { MEASURED } from '#shared/scale/measuredCosts';
import { BUCKET_BYTES, estimateSweep, MAX_PLANNED_BUCKETS, STAGE_MEMORY_MB, sweepWallSeconds } from '#shared/scale/costModel';
import { TARGET_BUCKET_BYTES } from '#shared/pipeline/planSweep';

const ratio = (a: number, b: number) => a / b;

describe('sweep cost model', () => {
  it('grows linearly with accounts where work is per record or per action: Lambda, DynamoDB, SNS', () => {
    const one = estimateSweep({ accounts: 100_000_000 });
    const two = estimateSweep({ accounts: 200_000_000 });
    expect(ratio(two.records, one.records)).toBeCloseTo(2, 6);
    expect(ratio(two.counts.lambdaGbSeconds, one.counts.lambdaGbSeconds)).toBeCloseTo(2, 2);
    expect(ratio(two.counts.dynamoWrites, one.counts.dynamoWrites)).toBeCloseTo(2, 6);
    expect(ratio(two.counts.snsPublishes, one.counts.snsPublishes)).toBeCloseTo(2, 6);
    expect(ratio(two.costUsd.dynamo, one.costUsd.dynamo)).toBeCloseTo(2, 6);
  });

  it('counts shuffle objects as parts × buckets: twice the accounts, well over twice the S3 requests (four times for the dense channels)', () => {
    const one = estimateSweep({ accounts: 100_000_000 });
    const two = estimateSweep({ accounts: 200_000_000 });
    expect(ratio(two.counts.s3Puts, one.counts.s3Puts)).toBeGreaterThan(2.5);
    expect(ratio(two.counts.s3Puts, one.counts.s3Puts)).toBeLessThan(4.01);
    // larger parts and buckets make fewer, larger objects
    const coarse = estimateSweep({ accounts: 100_000_000, partBytes: 1024 ** 3, bucketBytes: 256 * 1024 ** 2 });
    expect(coarse.counts.s3Puts).toBeLessThan(one.counts.s3Puts / 3);
  });

  it('computes the smallest concurrency that meets the target, not a fixed one', () => {
    for (const minutes of [60, 30]) {
      const e = estimateSweep({ accounts: 300_000_000, targetSeconds: minutes * 60 });
      expect(e.concurrency).not.toBeNull();
      expect(sweepWallSeconds(e.stages, e.concurrency!)).toBeLessThanOrEqual(minutes * 60);
      expect(sweepWallSeconds(e.stages, e.concurrency! - 1)).toBeGreaterThan(minutes * 60);
    }
    const hour = estimateSweep({ accounts: 300_000_000 }).concurrency!;
    expect(estimateSweep({ accounts: 300_000_000, targetSeconds: 1800 }).concurrency!).toBeGreaterThan(hour);
    expect(estimateSweep({ accounts: 600_000_000 }).concurrency!).toBeGreaterThan(hour);
    // a part that alone takes longer than the target cannot be helped by concurrency
    expect(estimateSweep({ accounts: 300_000_000, targetSeconds: 40 }).concurrency).toBeNull();
  });

  it('counts DynamoDB writes from the measured items per action (no lift row: the lift rides on the penalty state), the lift index and the delivered marks', () => {
    const e = estimateSweep({ accounts: 300_000_000 });
    expect(MEASURED.itemsPerAction).toBe(4);
    const actions = e.actions;
    const timed = actions * MEASURED.timedShare;
    const messages = actions * MEASURED.messagesPerAction;
    expect(e.counts.dynamoWrites).toBeCloseTo(actions * 4 * 2 + timed + messages, 0);
    expect(e.counts.dynamoReads).toBeCloseTo(actions * MEASURED.readsPerAction + timed, 0);
  });

  it('prices each count at its unit price', () => {
    const e = estimateSweep({ accounts: 50_000_000 });
    const doubled = estimateSweep({ accounts: 50_000_000, prices: { ...AWS_PRICES, s3PutPerThousand: 2 * AWS_PRICES.s3PutPerThousand } });
    expect(doubled.costUsd.s3 - e.costUsd.s3).toBeCloseTo((e.counts.s3Puts / 1000) * AWS_PRICES.s3PutPerThousand, 6);
    expect(e.costUsd.dynamo).toBeCloseTo((e.counts.dynamoWrites / 1e6) * 0.625 + (e.counts.dynamoReads / 1e6) * 0.125, 6);
    expect(e.costUsd.total).toBeCloseTo(
      Object.entries(e.costUsd).reduce((t, [k, v]) => (k === 'total' ? t : t + v), 0),
      6,
    );
  });

  it('uses the deployed Lambda memory sizes and the planner bucket size, and says when the bucket cap is exceeded', () => {
    const deployed = Object.fromEntries(SWEEP_TASKS.map((t) => [t.module, t.memoryMb]));
    for (const [stage, mb] of Object.entries(STAGE_MEMORY_MB)) expect(mb, stage).toBe(deployed[stage]);
    expect(BUCKET_BYTES).toBe(TARGET_BUCKET_BYTES);
    expect(estimateSweep({ accounts: 1_000_000 }).bucketCapExceeded).toBe(false);
    // a 300M-account sweep keeps its 64 MB buckets (~37,000 of them): the maps read their items from S3 (mapItems.ts)
    expect(estimateSweep({ accounts: 300_000_000 }).bucketCapExceeded).toBe(false);
    const huge = estimateSweep({ accounts: 1_000_000_000 });
    expect(huge.buckets).toBeGreaterThan(MAX_PLANNED_BUCKETS);
    expect(huge.bucketCapExceeded).toBe(true);
  });
});
