/** AuditRepository on DynamoDB: the same tables as enforcement, plus appeals and the sweep anchors. */
import { GetCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { chainEntries, headOf, type SweepAnchor } from '#shared/audit/hashChain';
import type { AppealRecord } from '#shared/audit/appeals';
import { restorePenalty } from '#shared/audit/restorePenalty';
import { activeDeductions, pointsLeft, restoreDeductions } from '#shared/brand/brandPoints';
import { ledgerKey, liftIdFor, type LedgerEntry, type LiftRow, type PenaltyState } from '#shared/enforcement/ledgerEntry';
import { composeReversalNotice } from '#shared/notify/composeAuditNotices';
import type { AuditRepository, ReverseRequest, ReverseResult } from '#shared/ports/auditRepository';
import type { OutboxMessage } from '#shared/ports/enforcementRepository';
import { documentClient } from './awsClients.ts';
import { DynamoEnforcementRepository } from './dynamoEnforcementRepository.ts';
import { tableName } from './tableDefinitions.ts';

const MAX_CONFLICT_RETRIES = 8;
type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

function cancellationCodes(err: unknown): string[] | undefined {
  if (err instanceof TransactionCanceledException || (err as { name?: string })?.name === 'TransactionCanceledException') {
    return ((err as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  }
  return undefined;
}

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

  /** Appends entries to the account's chain, moving the head under the penalty item's version, with extra items in the same transaction. */
  private async appendWith(accountId: string, entries: LedgerEntry[], extra: (current: PenaltyState) => TransactItems, what: string): Promise<'ok' | { failedIndex: number }> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const current = await this.penalty(accountId);
      if (!current) throw new Error(`${what}: account ${accountId} has no penalty state (it was never enforced)`);
      const { entries: linked, head } = chainEntries(entries, headOf(current));
      const before = extra(current);
      const items: TransactItems = [
        ...before,
        ...linked.map((e) => ({ Put: { TableName: this.t.ledger, Item: e, ConditionExpression: 'attribute_not_exists(entryKey)' } })),
        {
          Update: {
            TableName: this.t.penalties,
            Key: { accountId },
            UpdateExpression: 'SET #v = #v + :one, chainSeq = :cs, chainHash = :ch',
            ConditionExpression: '#v = :v',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':one': 1, ':v': current.version, ':cs': head.seq, ':ch': head.hash },
          },
        },
      ];
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return 'ok';
      } catch (err) {
        const codes = cancellationCodes(err);
        if (!codes) throw err;
        const penaltyIndex = items.length - 1;
        const failed = codes.findIndex((c, i) => c === 'ConditionalCheckFailed' && i !== penaltyIndex);
        if (failed >= 0) return { failedIndex: failed };
        continue;
      }
    }
    throw new Error(`${what}: state of ${accountId} kept changing; gave up after ${MAX_CONFLICT_RETRIES} attempts`);
  }

  async submitAppeal(appeal: AppealRecord, entry: LedgerEntry): Promise<'submitted' | 'exists'> {
    const r = await this.appendWith(appeal.accountId, [entry], () => [
      { Put: { TableName: this.t.appeals, Item: appeal, ConditionExpression: 'attribute_not_exists(appealId)' } },
    ], `appeal ${appeal.appealId}`);
    return r === 'ok' ? 'submitted' : 'exists';
  }

  async closeAppeal(appeal: AppealRecord, entry: LedgerEntry, notice: OutboxMessage): Promise<'closed' | 'already-decided'> {
    const r = await this.appendWith(appeal.accountId, [entry], () => [
      {
        Update: {
          TableName: this.t.appeals,
          Key: { appealId: appeal.appealId },
          UpdateExpression: 'SET #st = :st, decidedAt = :at, decidedBy = :by, decisionReason = :r',
          ConditionExpression: '#st = :pending',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':st': appeal.status, ':at': appeal.decidedAt, ':by': appeal.decidedBy, ':r': appeal.decisionReason, ':pending': 'pending' },
        },
      },
      { Put: { TableName: this.t.outbox, Item: notice, ConditionExpression: 'attribute_not_exists(messageKey)' } },
    ], `appeal ${appeal.appealId}`);
    return r === 'ok' ? 'closed' : 'already-decided';
  }

  async reverse(req: ReverseRequest): Promise<ReverseResult> {
    const enforceKey = ledgerKey(req.sweepId, 'enforce');
    const reverseKey = ledgerKey(req.sweepId, 'reverse');
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const [current, entries] = await Promise.all([this.penalty(req.accountId), this.ledgerFor(req.accountId)]);
      const target = entries.find((e) => e.entryKey === enforceKey);
      if (!target || !current) return { outcome: 'not-found', cancelledLifts: [], messages: [] };
      if (entries.some((e) => e.entryKey === reverseKey)) return { outcome: 'already-reversed', cancelledLifts: [], messages: [] };
      const timedIds = entries.filter((e) => e.step === 'enforce' && e.until).map((e) => liftIdFor(e.accountId, e.sweepId));
      const lifts = await this.enforcement.getLifts(timedIds);
      const restored = restorePenalty(entries, lifts, new Set([req.sweepId]));
      // Brand points the reversed action deducted come back, in this same transaction.
      const brand = restoreDeductions(current.brandPoints, req.sweepId, req.now, req.ref);
      const brandPeriod = brand.restored[0]?.period;
      const brandPoints = brand.state && brandPeriod
        ? { period: brandPeriod, restored: brand.restored.map((d) => d.noteId), pointsAfter: pointsLeft(brand.state.startPoints, activeDeductions(brand.state.deductions, brandPeriod)) }
        : undefined;

      const newEntries: LedgerEntry[] = [];
      if (req.appeal) {
        newEntries.push({
          accountId: req.accountId,
          entryKey: `appeal#${req.appeal.appealId}#decide`,
          sweepId: req.sweepId,
          step: 'appeal-decide',
          actor: 'appeal-handler',
          action: target.action,
          codes: target.codes,
          ruleIds: target.ruleIds,
          policyVersion: target.policyVersion,
          snapshotId: target.snapshotId,
          effectiveAt: req.now,
          evidenceRef: `appeal:${req.appeal.appealId}`,
          evidenceSummary: `appeal upheld by ${req.appeal.decidedBy}`,
          reason: req.appeal.decisionReason,
          appealId: req.appeal.appealId,
          recordedAt: req.now,
        });
      }
      newEntries.push({
        accountId: req.accountId,
        entryKey: reverseKey,
        sweepId: req.sweepId,
        step: 'reverse',
        actor: req.actor,
        action: target.action,
        durationDays: target.durationDays,
        until: target.until,
        codes: target.codes,
        ruleIds: target.ruleIds,
        policyVersion: target.policyVersion,
        snapshotId: target.snapshotId,
        effectiveAt: req.now,
        evidenceRef: req.ref,
        evidenceSummary: `reverses ${enforceKey} (${target.action}); penalty now ${restored.status} ${restored.action}`,
        reason: req.reason,
        reversesEntryKey: enforceKey,
        appealId: req.appeal?.appealId,
        ...(brandPoints ? { brandPoints: { brandId: brand.state!.brandId, ...brandPoints } } : {}),
        recordedAt: req.now,
      });
      const { entries: linked, head } = chainEntries(newEntries, headOf(current));
      const next: PenaltyState = {
        accountId: req.accountId,
        status: restored.status,
        action: restored.action,
        until: restored.until,
        sweepId: restored.sweepId,
        entryKey: restored.entryKey,
        offenses: restored.offenses,
        version: current.version + 1,
        chainSeq: head.seq,
        chainHash: head.hash,
        ...(brand.state ? { brandPoints: brand.state } : {}),
      };
      const notice = composeReversalNotice(req.accountId, req.sweepId, target.action, req.reason, req.now, req.appeal?.appealId);
      const messages: OutboxMessage[] = [
        {
          sweepId: req.sweepId,
          messageKey: `${req.accountId}#reversal`,
          accountId: req.accountId,
          kind: 'reversal',
          status: 'pending',
          body: { kind: 'reversal', accountId: req.accountId, sweepId: req.sweepId, reverses: enforceKey, action: target.action, penalty: { status: next.status, action: next.action, until: next.until }, ...(brandPoints ? { brandPointsRestored: brandPoints } : {}), at: req.now },
        },
        { sweepId: req.sweepId, messageKey: `${req.accountId}#${req.appeal ? 'appeal' : 'reversal-notice'}`, accountId: req.accountId, kind: notice.kind, status: 'pending', body: notice },
      ];

      const items: TransactItems = [];
      if (req.appeal) {
        items.push({
          Update: {
            TableName: this.t.appeals,
            Key: { appealId: req.appeal.appealId },
            UpdateExpression: 'SET #st = :st, decidedAt = :at, decidedBy = :by, decisionReason = :r',
            ConditionExpression: '#st = :pending',
            ExpressionAttributeNames: { '#st': 'status' },
            ExpressionAttributeValues: { ':st': 'upheld', ':at': req.now, ':by': req.appeal.decidedBy, ':r': req.appeal.decisionReason, ':pending': 'pending' },
          },
        });
      }
      const appealIndex = req.appeal ? 0 : -1;
      const reverseIndex = items.length + linked.length - 1;
      for (const e of linked) items.push({ Put: { TableName: this.t.ledger, Item: e, ConditionExpression: 'attribute_not_exists(entryKey)' } });
      items.push({ Put: { TableName: this.t.penalties, Item: next, ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': current.version } } });
      const cancelled: LiftRow[] = [];
      const ownLift = lifts.get(liftIdFor(req.accountId, req.sweepId));
      if (ownLift?.pending) {
        cancelled.push(ownLift);
        items.push({
          Update: {
            TableName: this.t.lifts,
            Key: { liftId: ownLift.liftId },
            UpdateExpression: 'REMOVE pending SET outcome = :o, cancelledAt = :now',
            ConditionExpression: 'attribute_exists(pending)',
            ExpressionAttributeValues: { ':o': 'cancelled', ':now': req.now },
          },
        });
      }
      for (const liftId of restored.repend) {
        items.push({
          Update: {
            TableName: this.t.lifts,
            Key: { liftId },
            UpdateExpression: 'SET pending = :p REMOVE outcome, liftedAt',
            ConditionExpression: 'outcome = :s',
            ExpressionAttributeValues: { ':p': 'pending', ':s': 'superseded' },
          },
        });
      }
      for (const m of messages) items.push({ Put: { TableName: this.t.outbox, Item: m, ConditionExpression: 'attribute_not_exists(messageKey)' } });
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return { outcome: 'reversed', cancelledLifts: cancelled, messages, penalty: next };
      } catch (err) {
        const codes = cancellationCodes(err);
        if (!codes) throw err;
        if (appealIndex >= 0 && codes[appealIndex] === 'ConditionalCheckFailed') return { outcome: 'appeal-already-decided', cancelledLifts: [], messages: [] };
        if (codes[reverseIndex] === 'ConditionalCheckFailed') return { outcome: 'already-reversed', cancelledLifts: [], messages: [] };
        continue; // penalty, lift rows or ledger changed under us: re-read
      }
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

