/**
 * EnforcementRepository on DynamoDB: one TransactWriteItems per action or lift, each anchored first
 * (ledgerAnchor.ts); `applyMany` packs a bucket's actions ~25 to a transaction (ledgerGroupActs.ts).
 * Pending lifts are the penalty states in the penalties table's sparse `liftDue` index (penaltyItem.ts).
 */
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LedgerEntry, LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import type { PriorOffense } from '#shared/policy/decideAction';
import type { BrandDeduction } from '#shared/brand/brandPoints';
import type { ApplyOutcome, EnforcementRepository, LiftOutcome, MessageKey, OutboxMessage } from '#shared/ports/enforcementRepository';
import { anchoredWrite, type LedgerAnchorer } from '#shared/audit/ledgerAnchor';
import { documentClient } from './awsClients.ts';
import { batchPutItems } from './dynamoBatchPut.ts';
import { ledgerAnchorer } from './ledgerAnchoring.ts';
import { applyAct, brandDeductionsOf, liftAct, liftOf, priorOffensesOf, type LedgerStore } from './ledgerActs.ts';
import { writeLedger, writeLedgerGroup } from './dynamoLedgerWrite.ts';
import { applyActsGrouped, type GroupLedgerStore } from './ledgerGroupActs.ts';
import { OUTBOX_PENDING_INDEX, fromOutboxItem, pendingBucketKey, toOutboxItem } from './outboxItem.ts';
import { LIFT_SHARDS, PENALTY_LIFT_INDEX, fromPenaltyItem, liftDueKey, liftOfIndexItem } from './penaltyItem.ts';
import { tableName } from './tableDefinitions.ts';

export class DynamoEnforcementRepository implements EnforcementRepository {
  private readonly t = {
    ledger: tableName('ledger'),
    penalties: tableName('penalties'),
    outbox: tableName('outbox'),
  };
  private anchorer: LedgerAnchorer | undefined | null = null;
  /** `anchorer` builds the ledger anchorer on the first write (readers never need the key). */
  constructor(
    private readonly db: DynamoDBDocumentClient = documentClient(),
    private readonly makeAnchorer: () => LedgerAnchorer | undefined = ledgerAnchorer,
  ) {}

  private anchored(): LedgerAnchorer | undefined {
    if (this.anchorer === null) this.anchorer = this.makeAnchorer();
    return this.anchorer;
  }

  priorOffenses(accountIds: string[]): Promise<Map<string, PriorOffense[]>> {
    return priorOffensesOf(this, accountIds);
  }

  brandDeductions(accountIds: string[]): Promise<Map<string, BrandDeduction[]>> {
    return brandDeductionsOf(this, accountIds);
  }

  async penalty(accountId: string): Promise<PenaltyState | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: this.t.penalties, Key: { accountId }, ConsistentRead: true }));
    return res.Item && fromPenaltyItem(res.Item);
  }

  async penalties(accountIds: string[]): Promise<Map<string, PenaltyState>> {
    const out = new Map<string, PenaltyState>();
    for (let i = 0; i < accountIds.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = accountIds.slice(i, i + 100).map((accountId) => ({ accountId }));
      for (let attempt = 0; keys && keys.length > 0; attempt++) {
        const res: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: { [this.t.penalties]: { Keys: keys, ConsistentRead: true } } }));
        for (const item of res.Responses?.[this.t.penalties] ?? []) out.set(item.accountId as string, fromPenaltyItem(item));
        keys = res.UnprocessedKeys?.[this.t.penalties]?.Keys;
        if (keys && keys.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return out;
  }

  /** Reads and the one transactional write the shared ledger acts (ledgerActs.ts) run on. */
  private readonly store: LedgerStore = {
    penalty: (id) => this.penalty(id),
    ledgerFor: (id) => this.ledgerFor(id),
    write: (w) => anchoredWrite((x) => writeLedger(this.db, x), this.anchored())(w),
  };

  apply(p: PlannedEnforcement, known?: { current: PenaltyState | undefined }): Promise<ApplyOutcome> {
    return applyAct(this.store, p, known);
  }

  private readonly groupStore: GroupLedgerStore = {
    ...this.store,
    writeGroup: async (ws) => {
      // anchored first, as every single write is: never a committed entry without its anchor
      await this.anchored()?.anchor(ws.flatMap((w) => w.entries));
      return writeLedgerGroup(this.db, ws);
    },
  };

  applyMany(planned: PlannedEnforcement[], known: ReadonlyMap<string, PenaltyState>): Promise<ApplyOutcome[]> {
    return applyActsGrouped(this.groupStore, planned, known);
  }

  applyLift(lift: LiftRow, now: string): Promise<LiftOutcome> {
    return liftAct(this.store, lift, now);
  }

  /** For the audit repository on the same tables. */
  ledgerStore(): LedgerStore {
    return this.store;
  }

  async ledgerFor(accountId: string): Promise<LedgerEntry[]> {
    return this.queryAll<LedgerEntry>({ TableName: this.t.ledger, KeyConditionExpression: 'accountId = :a', ExpressionAttributeValues: { ':a': accountId } });
  }

  async ledgerEntries(keys: Array<Pick<LedgerEntry, 'accountId' | 'entryKey'>>): Promise<LedgerEntry[]> {
    const out: LedgerEntry[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let batch: Record<string, unknown>[] | undefined = keys.slice(i, i + 100).map(({ accountId, entryKey }) => ({ accountId, entryKey }));
      for (let attempt = 0; batch && batch.length > 0; attempt++) {
        const res: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: { [this.t.ledger]: { Keys: batch, ConsistentRead: true } } }));
        out.push(...((res.Responses?.[this.t.ledger] ?? []) as LedgerEntry[]));
        batch = res.UnprocessedKeys?.[this.t.ledger]?.Keys;
        if (batch && batch.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return out;
  }

  async ledgerForSweep(sweepId: string): Promise<LedgerEntry[]> {
    return this.queryAll<LedgerEntry>({
      TableName: this.t.ledger,
      IndexName: 'bySweep',
      KeyConditionExpression: 'sweepId = :s',
      ExpressionAttributeValues: { ':s': sweepId },
    });
  }

  async outbox(sweepId: string | undefined, opts: { pendingOnly?: boolean } = {}): Promise<OutboxMessage[]> {
    const filter = opts.pendingOnly ? { FilterExpression: '#st = :p', ExpressionAttributeNames: { '#st': 'status' } } : {};
    const values = opts.pendingOnly ? { ':p': 'pending' } : {};
    if (sweepId) {
      const items = await this.queryAll<Record<string, unknown>>({
        TableName: this.t.outbox,
        KeyConditionExpression: 'sweepId = :s',
        ...filter,
        ExpressionAttributeValues: { ':s': sweepId, ...values },
      });
      return items.map(fromOutboxItem);
    }
    const out: OutboxMessage[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new ScanCommand({ TableName: this.t.outbox, ExclusiveStartKey: start, ...filter, ...(opts.pendingOnly ? { ExpressionAttributeValues: values } : {}) }));
      out.push(...(res.Items ?? []).map(fromOutboxItem));
      start = res.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => (a.sweepId + a.messageKey).localeCompare(b.sweepId + b.messageKey));
  }

  async pendingOutbox(sweepId: string, bucket: number, page: { limit: number; after?: string }): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    let start: Record<string, unknown> | undefined;
    // No filter, so each query returns `limit` items unless DynamoDB's 1 MB page cut it short.
    do {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.t.outbox,
          IndexName: OUTBOX_PENDING_INDEX,
          KeyConditionExpression: page.after === undefined ? 'pendingBucket = :b' : 'pendingBucket = :b AND messageKey > :after',
          ExpressionAttributeValues: { ':b': pendingBucketKey(sweepId, bucket), ...(page.after === undefined ? {} : { ':after': page.after }) },
          Limit: page.limit - out.length,
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(res.Items ?? []).map(fromOutboxItem));
      start = res.LastEvaluatedKey;
    } while (start && out.length < page.limit);
    return out;
  }

  async outboxMessages(keys: MessageKey[]): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let batch: Record<string, unknown>[] | undefined = keys.slice(i, i + 100).map(({ sweepId, messageKey }) => ({ sweepId, messageKey }));
      for (let attempt = 0; batch && batch.length > 0; attempt++) {
        const res: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: { [this.t.outbox]: { Keys: batch, ConsistentRead: true } } }));
        out.push(...(res.Responses?.[this.t.outbox] ?? []).map(fromOutboxItem));
        batch = res.UnprocessedKeys?.[this.t.outbox]?.Keys;
        if (batch && batch.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return out;
  }

  async markDelivered(messages: OutboxMessage[], at: string): Promise<void> {
    // Whole-item puts in batches of 25: the outbox row is only ever written by enforce and here.
    // A delivered item has no pendingBucket, so it leaves the pendingByBucket index.
    await this.batchPut(
      this.t.outbox,
      messages.map((m) => toOutboxItem({ ...m, status: 'delivered', deliveredAt: m.deliveredAt ?? at })),
    );
  }

  getLift(liftId: string): Promise<LiftRow | undefined> {
    return liftOf(this.store, liftId);
  }

  private batchPut(table: string, items: object[]): Promise<void> {
    return batchPutItems(this.db, table, items);
  }

  async dueLifts(now: string, limit: number, after?: Pick<LiftRow, 'accountId' | 'dueAt'>): Promise<LiftRow[]> {
    // Each shard's due lifts in order, after the cursor (BETWEEN is inclusive: the cursor's own row is dropped), merged.
    // `<now>#\uffff` is past every `<now>#<accountId>`: due exactly at `now` is due. (A key value is never empty: no cursor, no lower bound.)
    const from = after ? liftDueKey(after.dueAt, after.accountId) : undefined;
    const to = `${now}#\uffff`;
    const shards = await Promise.all(
      Array.from({ length: LIFT_SHARDS }, async (_, shard) => {
        const out: LiftRow[] = [];
        let start: Record<string, unknown> | undefined;
        do {
          const res = await this.db.send(
            new QueryCommand({
              TableName: this.t.penalties,
              IndexName: PENALTY_LIFT_INDEX,
              KeyConditionExpression: from === undefined ? 'liftShard = :s AND liftDue <= :to' : 'liftShard = :s AND liftDue BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':s': String(shard), ':to': to, ...(from === undefined ? {} : { ':from': from }) },
              Limit: limit + 1 - out.length,
              ExclusiveStartKey: start,
            }),
          );
          for (const item of res.Items ?? []) if (item.liftDue !== from) out.push(liftOfIndexItem(item));
          start = res.LastEvaluatedKey;
        } while (start && out.length < limit);
        return out;
      }),
    );
    const order = (a: LiftRow, b: LiftRow) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0);
    return shards.flat().sort(order).slice(0, limit);
  }

  private async queryAll<T>(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<T[]> {
    const out: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      out.push(...((res.Items ?? []) as T[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
