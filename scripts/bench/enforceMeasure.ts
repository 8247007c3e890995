/**
 * What the enforcement benches share (`bench:enforce` on synthetic decisions, `bench --enforce` on the bench's own):
 * the items written, counted on the client's wire, and the raw BatchWriteItem rate of DynamoDB Local, measured
 * with real ledger entries (planned and chained as enforce plans them, so the same item size) in 25-item batches,
 * no condition, at the number of requests in flight that writes fastest.
 */
import { BatchWriteCommand, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#shared/adapters/tableDefinitions';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { planApply } from '#shared/enforcement/planApply';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import { runLimited } from '#shared/pipeline/runLimited';
import type { Decision } from '#shared/policy/decideAction';
import type { Policy } from '#shared/policy/policySchema';

export interface WriteCount {
  requests: number;
  items: number;
  byKind: Record<string, { requests: number; items: number }>;
}

/** Items of a DynamoDB write request (0 for a read). */
function itemsOf(commandName: string, input: Record<string, unknown>): number {
  if (commandName === 'TransactWriteItemsCommand') return ((input.TransactItems as unknown[]) ?? []).length;
  if (commandName === 'BatchWriteItemCommand') return Object.values((input.RequestItems as Record<string, unknown[]>) ?? {}).reduce((s, r) => s + r.length, 0);
  return commandName === 'PutItemCommand' || commandName === 'UpdateItemCommand' || commandName === 'DeleteItemCommand' ? 1 : 0;
}

/** Counts every write request the client sends and its items (a middleware); `reset()` starts a new count. */
export function countWrites(db: DynamoDBDocumentClient): WriteCount & { reset(): void } {
  const written: WriteCount & { reset(): void } = {
    requests: 0,
    items: 0,
    byKind: {},
    reset: () => Object.assign(written, { requests: 0, items: 0, byKind: {} }),
  };
  db.middlewareStack.add(
    (next, context) => async (a) => {
      const commandName = context.commandName ?? '';
      const n = itemsOf(commandName, (a.input ?? {}) as Record<string, unknown>);
      if (n > 0) {
        written.requests += 1;
        written.items += n;
        const k = (written.byKind[commandName] ??= { requests: 0, items: 0 });
        k.requests += 1;
        k.items += n;
      }
      return next(a);
    },
    { step: 'initialize', name: 'benchCountItems' },
  );
  return written;
}

/** The ledger entries enforce would write first for these decisions (one per decision): the raw writes' items. */
export function rawLedgerEntries(decisions: Decision[], policy: Policy, effectiveAt: string): LedgerEntry[] {
  return decisions.map((d, i) => planApply(undefined, planEnforcement(d, policy, `bench#L${i}`, effectiveAt)).entries[0]!);
}

export const RAW_BATCH = 25;

/** The raw BatchWriteItem rate: `entries` under fresh account ids (`raw<tag>-`), no transaction, no condition. */
export class RawBatchWrite {
  readonly itemBytes: number;
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly entries: LedgerEntry[],
    public inFlight = 4,
  ) {
    this.itemBytes = Math.round(entries.reduce((s, e) => s + JSON.stringify(e).length, 0) / Math.max(1, entries.length));
  }

  /** Writes the entries (or the first `count`) once; items per second. */
  async round(tag: number | string, count = this.entries.length): Promise<number> {
    const table = tableName('ledger');
    const mine = this.entries.slice(0, count).map((e) => ({ ...e, accountId: `raw${tag}-${e.accountId}` }));
    const chunks: Array<typeof mine> = [];
    for (let i = 0; i < mine.length; i += RAW_BATCH) chunks.push(mine.slice(i, i + RAW_BATCH));
    const t0 = performance.now();
    await runLimited(chunks, this.inFlight, async (chunk) => {
      let requests: Array<Record<string, unknown>> | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
      while (requests && requests.length > 0) {
        const res: BatchWriteCommandOutput = await this.db.send(new BatchWriteCommand({ RequestItems: { [table]: requests as never } }));
        requests = res.UnprocessedItems?.[table] as Array<Record<string, unknown>> | undefined;
      }
    });
    return mine.length / ((performance.now() - t0) / 1000);
  }

  /**
   * A warm-up round (the JVM's, not counted), then the store's best: the number of requests in flight that writes
   * fastest (more is not faster on DynamoDB Local), which later rounds use. Returns what was tried.
   */
  async calibrate(tries = [1, 2, 4, 8, 16], items = 1000): Promise<Array<[number, number]>> {
    await this.round('warm-up');
    const tried: Array<[number, number]> = [];
    for (const n of tries) {
      this.inFlight = n;
      tried.push([n, await this.round(`calibrate-${n}`, Math.min(items, this.entries.length))]);
    }
    this.inFlight = tried.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    return tried;
  }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
