/**
 * A review's cases are written in BatchWriteItem requests of 25, a few in flight (dynamoBatchPut.ts): every case
 * lands once, on DynamoDB Local; and when DynamoDB answers with UnprocessedItems (throttling, which DynamoDB Local
 * cannot produce, so injected by a wrapping client) the unprocessed ones are sent again until all are written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/adapters/awsClients';
import { BATCH_PUTS_IN_FLIGHT } from '#shared/adapters/dynamoBatchPut';
import { DynamoReviewRepository } from '#shared/adapters/dynamoReviewRepository';
import type { ReviewCase } from '#shared/ports/reviewRepository';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let stack: EmbeddedStack;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-cases-'));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});
afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

const casesOf = (sweepId: string, n: number): ReviewCase[] =>
  Array.from({ length: n }, (_, i) => {
    const accountId = `u${String(i).padStart(5, '0')}`;
    return {
      sweepId,
      caseId: `water-army/ring#${accountId}`,
      accountId,
      ruleId: 'water-army/ring',
      action: 'warn',
      followerTier: '<1k',
      status: 'pending',
      stratum: 'water-army/ring|warn|<1k',
      selection: 'sample',
      weight: 1,
    };
  });

type Batch = { RequestItems: Record<string, Array<{ PutRequest: { Item: ReviewCase } }>> };

/** The real client, counting requests in flight and, when `throttle` says so, answering part of a batch as unprocessed. */
function wrapped(throttle?: (attempt: number) => number) {
  const real = documentClient();
  const seen = new Map<string, number>();
  const stats = { requests: 0, inFlight: 0, maxInFlight: 0, unprocessed: 0 };
  const db = {
    async send(cmd: { input: Batch }) {
      stats.requests += 1;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        const [table, requests] = Object.entries(cmd.input.RequestItems)[0];
        // a retry re-sends a batch's tail: its last item names the batch
        const last = requests[requests.length - 1].PutRequest.Item.caseId;
        const attempt = seen.get(last) ?? 0;
        seen.set(last, attempt + 1);
        const keep = throttle ? throttle(attempt) : requests.length;
        const sent = requests.slice(0, keep);
        const left = requests.slice(keep);
        stats.unprocessed += left.length;
        if (sent.length > 0) await real.send(Object.assign(Object.create(Object.getPrototypeOf(cmd)), cmd, { input: { RequestItems: { [table]: sent } } }) as never);
        return left.length > 0 ? { UnprocessedItems: { [table]: left } } : {};
      } finally {
        stats.inFlight -= 1;
      }
    },
  } as unknown as DynamoDBDocumentClient;
  return { db, stats };
}

describe('writing a review’s cases', () => {
  it('writes every case once, several requests in flight (DynamoDB Local)', async () => {
    const { db, stats } = wrapped();
    const cases = casesOf('cases-1', 260);
    expect(await new DynamoReviewRepository(db).putCases(cases)).toBe(260);
    const stored = await new DynamoReviewRepository().cases('cases-1');
    expect(stored.map((c) => c.caseId).sort()).toEqual(cases.map((c) => c.caseId).sort());
    expect(stored.find((c) => c.accountId === 'u00042')).toEqual(cases[42]);
    expect(stats.requests).toBe(11);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(stats.maxInFlight).toBeLessThanOrEqual(BATCH_PUTS_IN_FLIGHT);
  });

  it('sends the unprocessed items again until every one is written (throttling injected by a wrapping client)', async () => {
    // first attempt of each batch: 10 items processed, the next: 5 more, then the rest
    const { db, stats } = wrapped((attempt) => (attempt === 0 ? 10 : attempt === 1 ? 5 : 25));
    const cases = casesOf('cases-2', 100);
    await new DynamoReviewRepository(db).putCases(cases);
    expect(stats.unprocessed).toBe(4 * (15 + 10));
    expect(stats.requests).toBe(12);
    const stored = await new DynamoReviewRepository().cases('cases-2');
    expect(stored.map((c) => c.caseId).sort()).toEqual(cases.map((c) => c.caseId).sort());
  });
});
