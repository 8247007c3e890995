/** EnforcementRepository on DynamoDB: one TransactWriteItems per action or lift. */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ACTION_RANK } from '#shared/contract/decisionExport';
import { ledgerKey, type LedgerEntry, type LiftRow, type PenaltyState } from '#shared/enforcement/ledgerEntry';
import { chainEntry, headOf } from '#shared/audit/hashChain';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import { composeLiftNotice } from '#shared/notify/composeNotice';
import type { PriorOffense } from '#shared/policy/decideAction';
import { mergeDeductions, type BrandDeduction } from '#shared/brand/brandPoints';
import type { ApplyOutcome, EnforcementRepository, LiftOutcome, OutboxMessage } from '#shared/ports/enforcementRepository';
import { runLimited } from '#shared/pipeline/runLimited';
import { documentClient } from './awsClients.ts';
import { tableName } from './tableDefinitions.ts';

const MAX_CONFLICT_RETRIES = 8;

function cancellationCodes(err: unknown): string[] | undefined {
  if (err instanceof TransactionCanceledException || (err as { name?: string })?.name === 'TransactionCanceledException') {
    return ((err as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  }
  return undefined;
}

/** The penalty an account should carry after this one: the stronger (or, equal, the longer) wins. */
function nextPenalty(current: PenaltyState | undefined, p: PlannedEnforcement): PenaltyState {
  const offense = { sweepId: p.ledger.sweepId, effectiveAt: p.ledger.effectiveAt, action: p.ledger.action };
  const offenses = [...(current?.offenses ?? []).filter((o) => o.sweepId !== offense.sweepId), offense];
  const fresh: PenaltyState = {
    accountId: p.ledger.accountId,
    status: 'active',
    action: p.ledger.action,
    until: p.ledger.until,
    sweepId: p.ledger.sweepId,
    entryKey: p.ledger.entryKey,
    offenses,
    version: (current?.version ?? 0) + 1,
  };
  // Brand points deductions ride on the state item: same transaction as the ledger entry, and
  // a re-run cannot add them twice (the entry's conditional put cancels the whole transaction).
  const brandPoints = p.brandPoints ? mergeDeductions(current?.brandPoints, p.brandPoints, p.brandPoints.keepFrom) : current?.brandPoints;
  const withBrand = (s: PenaltyState): PenaltyState => (brandPoints ? { ...s, brandPoints } : s);
  if (!current || current.status !== 'active') return withBrand(fresh);
  const cur = ACTION_RANK[current.action];
  const nxt = ACTION_RANK[p.ledger.action];
  const keepCurrent = cur > nxt || (cur === nxt && (current.until === undefined || (p.ledger.until !== undefined && current.until >= p.ledger.until)));
  return withBrand(keepCurrent ? { ...current, offenses, version: current.version + 1 } : fresh);
}

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
      // The entry joins the account's hash chain; the head moves with it in this transaction.
      const entry = chainEntry(p.ledger, headOf(current));
      const next: PenaltyState = { ...nextPenalty(current, p), chainSeq: entry.seq, chainHash: entry.hash };
      const messages: OutboxMessage[] = [
        { sweepId: p.ledger.sweepId, messageKey: `${p.ledger.accountId}#enforcement`, accountId: p.ledger.accountId, kind: 'enforcement', status: 'pending', body: p.event },
        { sweepId: p.ledger.sweepId, messageKey: `${p.ledger.accountId}#notice`, accountId: p.ledger.accountId, kind: 'notice', status: 'pending', body: p.notice },
      ];
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.t.ledger, Item: entry, ConditionExpression: 'attribute_not_exists(entryKey)' } },
              {
                Put: {
                  TableName: this.t.penalties,
                  Item: next,
                  ConditionExpression: current ? '#v = :v' : 'attribute_not_exists(accountId)',
                  ExpressionAttributeNames: current ? { '#v': 'version' } : undefined,
                  ExpressionAttributeValues: current ? { ':v': current.version } : undefined,
                },
              },
              ...messages.map((m) => ({ Put: { TableName: this.t.outbox, Item: m, ConditionExpression: 'attribute_not_exists(messageKey)' } })),
              ...(p.lift ? [{ Put: { TableName: this.t.lifts, Item: p.lift, ConditionExpression: 'attribute_not_exists(liftId)' } }] : []),
            ],
          }),
        );
        return 'applied';
      } catch (err) {
        const codes = cancellationCodes(err);
        if (!codes) throw err;
        if (codes[0] === 'ConditionalCheckFailed') return 'already-applied';
        if (codes[1] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) continue; // penalty changed under us: re-read
        throw err;
      }
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
      if (!row) return 'not-found';
      if (!row.pending) return 'already-done';
      if (row.dueAt > now) return 'not-due';
      const penalty = await this.penalty(row.accountId);
      // A later, stronger penalty replaced this one: the lift must not end it.
      const superseded = !penalty || penalty.status !== 'active' || penalty.entryKey !== row.entryKey;
      const outcome: LiftOutcome = superseded ? 'superseded' : 'lifted';
      const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
        {
          Update: {
            TableName: this.t.lifts,
            Key: { liftId: row.liftId },
            UpdateExpression: 'REMOVE pending SET outcome = :o, liftedAt = :now',
            ConditionExpression: 'attribute_exists(pending)',
            ExpressionAttributeValues: { ':o': outcome, ':now': now },
          },
        },
      ];
      if (!superseded) {
        const entry: LedgerEntry = chainEntry({
          accountId: row.accountId,
          entryKey: ledgerKey(row.sweepId, 'lift'),
          sweepId: row.sweepId,
          step: 'lift',
          actor: 'lift-schedule',
          action: row.action,
          codes: [],
          ruleIds: [],
          policyVersion: '',
          snapshotId: '',
          effectiveAt: row.dueAt,
          evidenceRef: `lift:${row.liftId}`,
          evidenceSummary: `timed ${row.action} from sweep ${row.sweepId} ended`,
          recordedAt: now,
        }, headOf(penalty));
        const notice: OutboxMessage = {
          sweepId: row.sweepId,
          messageKey: `${row.accountId}#lift`,
          accountId: row.accountId,
          kind: 'lift-notice',
          status: 'pending',
          body: composeLiftNotice(row.accountId, row.sweepId, row.action, row.dueAt),
        };
        items.push(
          { Put: { TableName: this.t.ledger, Item: entry, ConditionExpression: 'attribute_not_exists(entryKey)' } },
          {
            Update: {
              TableName: this.t.penalties,
              Key: { accountId: row.accountId },
              UpdateExpression: 'SET #st = :lifted, #v = #v + :one, chainSeq = :cs, chainHash = :ch',
              ConditionExpression: '#v = :v AND entryKey = :k',
              ExpressionAttributeNames: { '#st': 'status', '#v': 'version' },
              ExpressionAttributeValues: { ':lifted': 'lifted', ':one': 1, ':v': penalty!.version, ':k': row.entryKey, ':cs': entry.seq, ':ch': entry.hash },
            },
          },
          { Put: { TableName: this.t.outbox, Item: notice, ConditionExpression: 'attribute_not_exists(messageKey)' } },
        );
      }
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return outcome;
      } catch (err) {
        const codes = cancellationCodes(err);
        if (!codes) throw err;
        if (codes[0] === 'ConditionalCheckFailed') return 'already-done';
        continue;
      }
    }
    throw new Error(`lifting ${lift.liftId}: state kept changing; gave up after ${MAX_CONFLICT_RETRIES} attempts`);
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
