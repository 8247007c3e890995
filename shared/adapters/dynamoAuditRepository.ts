/** AuditRepository on DynamoDB: the same tables as enforcement, plus appeals and the sweep anchors. */
import { GetCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SweepAnchor } from '#shared/audit/hashChain';
import type { AppealRecord } from '#shared/audit/appeals';
import { planAppealClosingWrite, planAppealSubmit, type AppealClosing } from '#shared/audit/planAppealDecision';
import { liftsToRead, planReversal } from '#shared/audit/planReversal';
import type { LedgerEntry, LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { LedgerWrite, WriteResult } from '#shared/enforcement/ledgerWrite';
import type { AuditRepository, ReverseRequest, ReverseResult } from '#shared/ports/auditRepository';
import { documentClient } from './awsClients.ts';
import { DynamoEnforcementRepository } from './dynamoEnforcementRepository.ts';
import { writeLedger } from './dynamoLedgerWrite.ts';
import { tableName } from './tableDefinitions.ts';

const MAX_CONFLICT_RETRIES = 8;

export class DynamoAuditRepository implements AuditRepository {
  private readonly t = {
    ledger: tableName('ledger'),
    penalties: tableName('penalties'),
    outbox: tableName('outbox'),
    lifts: tableName('lifts'),
    appeals: tableName('appeals'),
    sweeps: tableName('sweeps'),
  };
  private readonly enforcement: DynamoEnforcementRepository;
  constructor(private readonly db: DynamoDBDocumentClient = documentClient()) {
    this.enforcement = new DynamoEnforcementRepository(db);
  }

  allLedger = () => this.scanAll<LedgerEntry>(this.t.ledger);
  allPenalties = () => this.scanAll<PenaltyState>(this.t.penalties);
  allLifts = () => this.scanAll<LiftRow>(this.t.lifts);
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

  async appealsForSweep(sweepId: string): Promise<AppealRecord[]> {
    const out: AppealRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({ TableName: this.t.appeals, IndexName: 'bySweep', KeyConditionExpression: 'sweepId = :s', ExpressionAttributeValues: { ':s': sweepId }, ExclusiveStartKey: start }),
      );
      out.push(...((res.Items ?? []) as AppealRecord[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** Writes an appeal act planned on the current state, re-planning while the state moves under it. */
  private async appendAct(accountId: string, plan: (current: PenaltyState | undefined) => LedgerWrite, what: string): Promise<WriteResult> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const r = await writeLedger(this.db, plan(await this.penalty(accountId)));
      if (r.ok || r.failed.some((f) => f.kind !== 'penalty')) return r;
    }
    throw new Error(`${what}: state of ${accountId} kept changing; gave up after ${MAX_CONFLICT_RETRIES} attempts`);
  }

  async submitAppeal(appeal: AppealRecord, entry: LedgerEntry): Promise<'submitted' | 'exists'> {
    const r = await this.appendAct(appeal.accountId, (current) => planAppealSubmit(current, appeal, entry), `appeal ${appeal.appealId}`);
    return r.ok ? 'submitted' : 'exists';
  }

  async closeAppeal(closing: AppealClosing): Promise<'closed' | 'already-decided'> {
    const r = await this.appendAct(closing.appeal.accountId, (current) => planAppealClosingWrite(current, closing), `appeal ${closing.appeal.appealId}`);
    return r.ok ? 'closed' : 'already-decided';
  }

  async reverse(req: ReverseRequest): Promise<ReverseResult> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const [current, entries] = await Promise.all([this.penalty(req.accountId), this.ledgerFor(req.accountId)]);
      const plan = planReversal(req, { current, entries, lifts: await this.enforcement.getLifts(liftsToRead(entries)) });
      if (plan.outcome !== 'reversed') return { outcome: plan.outcome, cancelledLifts: [], messages: [] };
      const r = await writeLedger(this.db, plan.write);
      if (r.ok) return { outcome: 'reversed', cancelledLifts: plan.cancelledLifts, messages: plan.write.messages, penalty: plan.write.penalty };
      if (r.failed.some((f) => f.kind === 'decided-appeal')) return { outcome: 'appeal-already-decided', cancelledLifts: [], messages: [] };
      if (r.failed.some((f) => f.kind === 'entry' && f.entryKey === plan.reverseEntryKey)) return { outcome: 'already-reversed', cancelledLifts: [], messages: [] };
      // penalty, lift rows or ledger changed under us: re-read
    }
    throw new Error(`reversing ${req.accountId} in sweep ${req.sweepId}: state kept changing; gave up after ${MAX_CONFLICT_RETRIES} attempts`);
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

