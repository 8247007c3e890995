/** AuditRepository on DynamoDB: the same tables as enforcement, plus appeals and the sweep anchors. */
import { GetCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { SweepAnchor } from '#shared/audit/hashChain';
import type { AppealRecord, AppealStatus } from '#shared/audit/appeals';
import type { AppealClosing } from '#shared/audit/planAppealDecision';
import type { LedgerEntry, PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { AppealFilter, AuditRepository, ContentRestoreRequest, ReverseRequest, ReverseResult } from '#shared/ports/auditRepository';
import type { OutboxMessage } from '#shared/ports/enforcementRepository';
import { documentClient } from './awsClients.ts';
import { DynamoEnforcementRepository } from './dynamoEnforcementRepository.ts';
import { closeAppealAct, restoreContentAct, reverseAct, submitAppealAct } from './ledgerActs.ts';
import { fromPenaltyItem } from './penaltyItem.ts';
import { tableName } from './tableDefinitions.ts';

/** Every appeal status, each a byStatus partition (a Record, so a new status fails to compile until it is listed). */
const STATUSES = Object.keys({ pending: true, upheld: true, rejected: true } satisfies Record<AppealStatus, true>) as AppealStatus[];

export class DynamoAuditRepository implements AuditRepository {
  private readonly t = {
    ledger: tableName('ledger'),
    penalties: tableName('penalties'),
    appeals: tableName('appeals'),
    sweeps: tableName('sweeps'),
  };
  private readonly enforcement: DynamoEnforcementRepository;
  constructor(private readonly db: DynamoDBDocumentClient = documentClient()) {
    this.enforcement = new DynamoEnforcementRepository(db);
  }

  allLedger = () => this.scanAll<LedgerEntry>(this.t.ledger);
  allPenalties = async (): Promise<PenaltyState[]> => (await this.scanAll<Record<string, unknown>>(this.t.penalties)).map(fromPenaltyItem);
  allAppeals = () => this.scanAll<AppealRecord>(this.t.appeals);
  ledgerFor = (accountId: string) => this.enforcement.ledgerFor(accountId);
  ledgerForSweep = (sweepId: string) => this.enforcement.ledgerForSweep(sweepId);
  penalty = (accountId: string) => this.enforcement.penalty(accountId);

  async anchorSweep(sweepId: string, anchor: SweepAnchor): Promise<SweepAnchor> {
    const res = await this.db.send(
      new UpdateCommand({
        TableName: this.t.sweeps,
        Key: { sweepId },
        UpdateExpression: 'SET anchor = if_not_exists(anchor, :a)',
        ExpressionAttributeValues: { ':a': anchor },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return res.Attributes!.anchor as SweepAnchor;
  }

  async sweepAnchors(): Promise<Map<string, SweepAnchor>> {
    const out = new Map<string, SweepAnchor>();
    for (const s of await this.scanAll<{ sweepId: string; anchor?: SweepAnchor }>(this.t.sweeps)) if (s.anchor) out.set(s.sweepId, s.anchor);
    return out;
  }

  async getAppeal(appealId: string): Promise<AppealRecord | undefined> {
    return (await this.db.send(new GetCommand({ TableName: this.t.appeals, Key: { appealId }, ConsistentRead: true }))).Item as AppealRecord | undefined;
  }

  appealsForSweep(sweepId: string): Promise<AppealRecord[]> {
    return this.queryAll<AppealRecord>({ TableName: this.t.appeals, IndexName: 'bySweep', KeyConditionExpression: 'sweepId = :s', ExpressionAttributeValues: { ':s': sweepId } });
  }

  /** A sweep's appeals through bySweep (status filtered there), else each status through byStatus: never a scan. GSIs lag writes briefly. */
  async listAppeals(filter: AppealFilter): Promise<AppealRecord[]> {
    let found: AppealRecord[];
    if (filter.sweepId) {
      found = await this.queryAll<AppealRecord>({
        TableName: this.t.appeals,
        IndexName: 'bySweep',
        KeyConditionExpression: 'sweepId = :s',
        ...(filter.status ? { FilterExpression: '#st = :st', ExpressionAttributeNames: { '#st': 'status' } } : {}),
        ExpressionAttributeValues: { ':s': filter.sweepId, ...(filter.status ? { ':st': filter.status } : {}) },
      });
    } else {
      const statuses = filter.status ? [filter.status] : STATUSES;
      found = [];
      for (const status of statuses) {
        found.push(
          ...(await this.queryAll<AppealRecord>({
            TableName: this.t.appeals,
            IndexName: 'byStatus',
            KeyConditionExpression: '#st = :st',
            ExpressionAttributeNames: { '#st': 'status' },
            ExpressionAttributeValues: { ':st': status },
          })),
        );
      }
    }
    const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return found.sort((a, b) => byKey(a.submittedAt, b.submittedAt) || byKey(a.appealId, b.appealId));
  }

  async sweepIds(): Promise<string[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new ScanCommand({ TableName: this.t.sweeps, ProjectionExpression: 'sweepId', ExclusiveStartKey: start, ConsistentRead: true }));
      ids.push(...(res.Items ?? []).map((i) => i.sweepId as string));
      start = res.LastEvaluatedKey;
    } while (start);
    return ids.sort();
  }

  submitAppeal(appeal: AppealRecord, entry: LedgerEntry): Promise<'submitted' | 'exists'> {
    return submitAppealAct(this.enforcement.ledgerStore(), appeal, entry);
  }

  restoreContent(req: ContentRestoreRequest): Promise<{ restored: number; messages: OutboxMessage[] }> {
    return restoreContentAct(this.enforcement.ledgerStore(), req);
  }

  closeAppeal(closing: AppealClosing): Promise<'closed' | 'already-decided'> {
    return closeAppealAct(this.enforcement.ledgerStore(), closing);
  }

  reverse(req: ReverseRequest): Promise<ReverseResult> {
    return reverseAct(this.enforcement.ledgerStore(), req);
  }

  private async queryAll<T>(input: QueryCommandInput): Promise<T[]> {
    const out: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      out.push(...((res.Items ?? []) as T[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  private async scanAll<T>(table: string): Promise<T[]> {
    const out: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
      out.push(...((res.Items ?? []) as T[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
