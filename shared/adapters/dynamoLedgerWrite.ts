/**
 * A LedgerWrite as one DynamoDB transaction: each part becomes a conditional item, and a
 * cancelled transaction comes back as the list of parts whose condition failed.
 */
import { createHash } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { LedgerWrite, WriteFailure, WriteResult } from '#shared/enforcement/ledgerWrite';
import type { GroupWriteResult } from './ledgerGroupActs.ts';
import { toOutboxItem } from './outboxItem.ts';
import { toPenaltyItem } from './penaltyItem.ts';
import { tableName } from './tableDefinitions.ts';

export type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** Per item, DynamoDB's cancellation code ('None', 'ConditionalCheckFailed', 'TransactionConflict', …); undefined when not a cancellation. */
export function cancellationCodes(err: unknown): string[] | undefined {
  if (err instanceof TransactionCanceledException || (err as { name?: string })?.name === 'TransactionCanceledException') {
    return ((err as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  }
  return undefined;
}

/** The transaction items of `w`, each with the part of the write its condition guards (same order). */
export function transactItemsOf(w: LedgerWrite): { items: TransactItems; parts: WriteFailure[] } {
  const t = { ledger: tableName('ledger'), penalties: tableName('penalties'), outbox: tableName('outbox'), appeals: tableName('appeals') };
  const items: TransactItems = [];
  const parts: WriteFailure[] = [];
  const add = (part: WriteFailure, item: TransactItems[number]) => {
    parts.push(part);
    items.push(item);
  };
  if (w.decidedAppeal) {
    const a = w.decidedAppeal;
    add(
      { kind: 'decided-appeal' },
      {
        Update: {
          TableName: t.appeals,
          Key: { appealId: a.appealId },
          UpdateExpression: 'SET #st = :st, decidedAt = :at, decidedBy = :by, decisionReason = :r',
          ConditionExpression: '#st = :pending',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':st': a.status, ':at': a.decidedAt, ':by': a.decidedBy, ':r': a.decisionReason, ':pending': 'pending' },
        },
      },
    );
  }
  if (w.newAppeal) add({ kind: 'new-appeal' }, { Put: { TableName: t.appeals, Item: w.newAppeal, ConditionExpression: 'attribute_not_exists(appealId)' } });
  for (const e of w.entries) add({ kind: 'entry', entryKey: e.entryKey }, { Put: { TableName: t.ledger, Item: e, ConditionExpression: 'attribute_not_exists(entryKey)' } });
  const versioned = w.expectedVersion !== undefined;
  add(
    { kind: 'penalty' },
    {
      Put: {
        TableName: t.penalties,
        // with the lift index's keys when the state carries a pending lift (penaltyItem.ts): the lift costs no item of its own
        Item: toPenaltyItem(w.penalty),
        ConditionExpression: versioned ? '#v = :v' : 'attribute_not_exists(accountId)',
        ...(versioned ? { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': w.expectedVersion } } : {}),
      },
    },
  );
  for (const m of w.messages) add({ kind: 'message', messageKey: m.messageKey }, { Put: { TableName: t.outbox, Item: toOutboxItem(m), ConditionExpression: 'attribute_not_exists(messageKey)' } });
  return { items, parts };
}

/**
 * The ClientRequestToken of a group's transaction: the same for the same group, so when the SDK
 * retries a request whose answer was lost (a timeout after DynamoDB committed it), DynamoDB
 * answers the retry from the first commit instead of cancelling it on the entries it wrote.
 * Derived from the entry ids (account and entry key of every entry, which name the group) and a
 * digest of all its items: a re-run plans the same entries with another `recordedAt` and chain
 * position, and a token reused within DynamoDB's 10-minute window with other items is refused
 * (IdempotentParameterMismatch) where the re-run must instead be cancelled by the entries' conditions.
 * 36 characters, DynamoDB's maximum.
 */
export function groupRequestToken(items: TransactItems): string {
  const ledger = tableName('ledger');
  const ids = items.flatMap((it) => (it.Put?.TableName === ledger && it.Put.Item ? [`${String(it.Put.Item.accountId)}\u0000${String(it.Put.Item.entryKey)}`] : []));
  return createHash('sha256').update(ids.join('\n')).update('\u0001').update(JSON.stringify(items)).digest('base64url').slice(0, 36);
}

/**
 * Writes `w` in one transaction. Conflicts with concurrent transactions are reported as a
 * failed `penalty` part: either way the state moved and the caller re-reads and re-plans.
 */
export async function writeLedger(db: DynamoDBDocumentClient, w: LedgerWrite): Promise<WriteResult> {
  const r = await writeLedgerGroup(db, [w]);
  return r.ok ? r : { ok: false, failed: r.failed[0] };
}

/**
 * Several LedgerWrites (distinct accounts) as one DynamoDB transaction: the items of each write
 * exactly as `transactItemsOf` builds them, concatenated. A cancellation is mapped back to each
 * write's failed parts; a conflict with another transaction counts as a moved penalty state.
 */
export async function writeLedgerGroup(db: DynamoDBDocumentClient, ws: LedgerWrite[]): Promise<GroupWriteResult> {
  const items: TransactItems = [];
  const owner: Array<{ write: number; part: WriteFailure }> = [];
  for (const [k, w] of ws.entries()) {
    const built = transactItemsOf(w);
    items.push(...built.items);
    for (const part of built.parts) owner.push({ write: k, part });
  }
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: groupRequestToken(items) }));
    return { ok: true };
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    const failed: WriteFailure[][] = ws.map(() => []);
    const conflicted = new Set<number>();
    for (const [i, code] of codes.entries()) {
      const o = owner[i];
      if (!o) continue;
      if (code === 'ConditionalCheckFailed') failed[o.write]!.push(o.part);
      else if (code === 'TransactionConflict') conflicted.add(o.write);
    }
    for (const k of conflicted) if (!failed[k]!.some((f) => f.kind === 'penalty')) failed[k]!.push({ kind: 'penalty' });
    return { ok: false, failed };
  }
}
