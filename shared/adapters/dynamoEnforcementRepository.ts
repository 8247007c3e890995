/** EnforcementRepository on DynamoDB: one TransactWriteItems per action or lift. */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  GetCommand,
  QueryCommand,
  ScanCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { LedgerEntry, LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import { planApply } from '#shared/enforcement/planApply';
import { planLift } from '#shared/enforcement/planLift';
import type { LiftChange, WriteResult } from '#shared/enforcement/ledgerWrite';
import type { PriorOffense } from '#shared/policy/decideAction';
import type { BrandDeduction } from '#shared/brand/brandPoints';
import type { ApplyOutcome, EnforcementRepository, LiftOutcome, OutboxMessage } from '#shared/ports/enforcementRepository';
import { runLimited } from '#shared/pipeline/runLimited';
import { documentClient } from './awsClients.ts';
import { updateLift, writeLedger } from './dynamoLedgerWrite.ts';
import { tableName } from './tableDefinitions.ts';

const MAX_CONFLICT_RETRIES = 8;

export class DynamoEnforcementRepository implements EnforcementRepository {
  private readonly t = {
    ledger: tableName('ledger'),
    penalties: tableName('penalties'),
    outbox: tableName('outbox'),
    lifts: tableName('lifts'),
  };
  constructor(private readonly db: DynamoDBDocumentClient = documentClient()) {}

  async priorOffenses(accountIds: string[]): Promise<Map<string, PriorOffense[]>> {
    const out = new Map<string, PriorOffense[]>();
    for (const [id, state] of await this.penalties(accountIds)) out.set(id, state.offenses ?? []);
    return out;
  }

  async brandDeductions(accountIds: string[]): Promise<Map<string, BrandDeduction[]>> {
    const out = new Map<string, BrandDeduction[]>();
    for (const [id, state] of await this.penalties(accountIds)) if (state.brandPoints) out.set(id, state.brandPoints.deductions);
    return out;
  }

  async penalty(accountId: string): Promise<PenaltyState | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: this.t.penalties, Key: { accountId }, ConsistentRead: true }));
    return res.Item as PenaltyState | undefined;
  }

  async penalties(accountIds: string[]): Promise<Map<string, PenaltyState>> {
    const out = new Map<string, PenaltyState>();
    for (let i = 0; i < accountIds.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = accountIds.slice(i, i + 100).map((accountId) => ({ accountId }));
      for (let attempt = 0; keys && keys.length > 0; attempt++) {
        const res: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: { [this.t.penalties]: { Keys: keys, ConsistentRead: true } } }));
        for (const item of res.Responses?.[this.t.penalties] ?? []) out.set(item.accountId as string, item as PenaltyState);
        keys = res.UnprocessedKeys?.[this.t.penalties]?.Keys;
        if (keys && keys.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return out;
  }

  async apply(p: PlannedEnforcement, known?: { current: PenaltyState | undefined }): Promise<ApplyOutcome> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      // The caller may pass the state it batch-read; after a conflict we read it afresh.
      const current = attempt === 0 && known ? known.current : await this.penalty(p.ledger.accountId);
      const r = await writeLedger(this.db, planApply(current, p));
      if (r.ok) return 'applied';
      if (r.failed.some((f) => f.kind === 'entry')) return 'already-applied';
      if (r.failed.some((f) => f.kind === 'penalty')) continue; // penalty changed under us: re-read
      throw new Error(`enforcing ${p.ledger.accountId} in sweep ${p.ledger.sweepId}: unexpected conflict on ${r.failed.map((f) => f.kind).join(', ')}`);
    }
    throw new Error(`enforcing ${p.ledger.accountId} in sweep ${p.ledger.sweepId}: penalty state kept changing; gave up after ${MAX_CONFLICT_RETRIES} attempts`);
  }

  async ledgerFor(accountId: string): Promise<LedgerEntry[]> {
    return this.queryAll<LedgerEntry>({ TableName: this.t.ledger, KeyConditionExpression: 'accountId = :a', ExpressionAttributeValues: { ':a': accountId } });
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
      return this.queryAll<OutboxMessage>({
        TableName: this.t.outbox,
        KeyConditionExpression: 'sweepId = :s',
        ...filter,
        ExpressionAttributeValues: { ':s': sweepId, ...values },
      });
    }
    const out: OutboxMessage[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new ScanCommand({ TableName: this.t.outbox, ExclusiveStartKey: start, ...filter, ...(opts.pendingOnly ? { ExpressionAttributeValues: values } : {}) }),
      );
      out.push(...((res.Items ?? []) as OutboxMessage[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => (a.sweepId + a.messageKey).localeCompare(b.sweepId + b.messageKey));
  }

  async markDelivered(messages: OutboxMessage[], at: string): Promise<void> {
    // Whole-item puts in batches of 25: the outbox row is only ever written by enforce and here.
    await this.batchPut(this.t.outbox, messages.map((m) => ({ ...m, status: 'delivered', deliveredAt: m.deliveredAt ?? at })));
  }

  async getLifts(liftIds: string[]): Promise<Map<string, LiftRow>> {
    const out = new Map<string, LiftRow>();
    for (let i = 0; i < liftIds.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = liftIds.slice(i, i + 100).map((liftId) => ({ liftId }));
      for (let attempt = 0; keys && keys.length > 0; attempt++) {
        const res: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: { [this.t.lifts]: { Keys: keys, ConsistentRead: true } } }));
        for (const item of res.Responses?.[this.t.lifts] ?? []) out.set(item.liftId as string, item as LiftRow);
        keys = res.UnprocessedKeys?.[this.t.lifts]?.Keys;
        if (keys && keys.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return out;
  }

  async getLift(liftId: string): Promise<LiftRow | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: this.t.lifts, Key: { liftId }, ConsistentRead: true }));
    return res.Item as LiftRow | undefined;
  }

  async markScheduled(lifts: LiftRow[]): Promise<void> {
    // Only rows still pending: a lift that already fired must keep its outcome.
    await this.batchPut(this.t.lifts, lifts.filter((l) => l.pending).map((l) => ({ ...l, scheduled: true })));
  }

  private async batchPut(table: string, items: object[]): Promise<void> {
    const chunks: object[][] = [];
    for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
    await runLimited(chunks, 4, async (chunk) => {
      let requests: Array<Record<string, unknown>> | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests && requests.length > 0; attempt++) {
        const res: BatchWriteCommandOutput = await this.db.send(new BatchWriteCommand({ RequestItems: { [table]: requests as never } }));
        requests = res.UnprocessedItems?.[table] as Array<Record<string, unknown>> | undefined;
        if (requests && requests.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    });
  }

  async dueLifts(now: string, limit: number): Promise<LiftRow[]> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.t.lifts,
        IndexName: 'due',
        KeyConditionExpression: 'pending = :p AND dueAt <= :now',
        ExpressionAttributeValues: { ':p': 'pending', ':now': now },
        Limit: limit,
      }),
    );
    return (res.Items ?? []) as LiftRow[];
  }

  async applyLift(lift: LiftRow, now: string): Promise<LiftOutcome> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const row = await this.getLift(lift.liftId);
      const plan = planLift(row, row && (await this.penalty(row.accountId)), now);
      if (plan.outcome !== 'lifted' && plan.outcome !== 'superseded') return plan.outcome;
      const r = plan.outcome === 'lifted' ? await writeLedger(this.db, plan.write) : await this.changeLift(plan.liftChange);
      if (r.ok) return plan.outcome;
      if (r.failed.some((f) => f.kind === 'lift-change')) return 'already-done';
      // the penalty moved (a new action, a reversal): plan again
    }
    throw new Error(`lifting ${lift.liftId}: state kept changing; gave up after ${MAX_CONFLICT_RETRIES} attempts`);
  }

  /** A superseded lift touches its row only, not the account's ledger. */
  private async changeLift(change: LiftChange): Promise<WriteResult> {
    return updateLift(this.db, this.t.lifts, change);
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
