/**
 * A LedgerWrite as one DynamoDB transaction: each part becomes a conditional item, and a
 * cancelled transaction comes back as the list of parts whose condition failed.
 */
import { TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { LedgerWrite, LiftChange, WriteFailure, WriteResult } from '#shared/enforcement/ledgerWrite';
import type { GroupWriteResult } from './ledgerGroupActs.ts';
import { toOutboxItem } from './outboxItem.ts';
import { tableName } from './tableDefinitions.ts';

export type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** Per item, DynamoDB's cancellation code ('None', 'ConditionalCheckFailed', 'TransactionConflict', …); undefined when not a cancellation. */
export function cancellationCodes(err: unknown): string[] | undefined {
  if (err instanceof TransactionCanceledException || (err as { name?: string })?.name === 'TransactionCanceledException') {
    return ((err as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  }
  return undefined;
}

function liftUpdate(table: string, c: LiftChange): TransactItems[number] {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(c.set).map(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    return `#s${i} = :s${i}`;
  });
  const removes = c.remove.map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  const condition = c.when === 'pending' ? 'attribute_exists(pending)' : 'outcome = :superseded';
  if (c.when === 'superseded') values[':superseded'] = 'superseded';
  return {
    Update: {
      TableName: table,
      Key: { liftId: c.liftId },
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' '),
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/** A lift change alone (a superseded lift touches no ledger). */
export async function updateLift(db: DynamoDBDocumentClient, table: string, c: LiftChange): Promise<WriteResult> {
  try {
    await db.send(new UpdateCommand(liftUpdate(table, c).Update!));
    return { ok: true };
  } catch (err) {
    if ((err as { name?: string })?.name === 'ConditionalCheckFailedException') return { ok: false, failed: [{ kind: 'lift-change', liftId: c.liftId }] };
    throw err;
  }
}

/** The transaction items of `w`, each with the part of the write its condition guards (same order). */
export function transactItemsOf(w: LedgerWrite): { items: TransactItems; parts: WriteFailure[] } {
  const t = { ledger: tableName('ledger'), penalties: tableName('penalties'), outbox: tableName('outbox'), lifts: tableName('lifts'), appeals: tableName('appeals') };
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
        Item: w.penalty,
        ConditionExpression: versioned ? '#v = :v' : 'attribute_not_exists(accountId)',
        ...(versioned ? { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': w.expectedVersion } } : {}),
      },
    },
  );
  for (const c of w.liftChanges) add({ kind: 'lift-change', liftId: c.liftId }, liftUpdate(t.lifts, c));
  if (w.newLift) add({ kind: 'new-lift' }, { Put: { TableName: t.lifts, Item: w.newLift, ConditionExpression: 'attribute_not_exists(liftId)' } });
  for (const m of w.messages) add({ kind: 'message', messageKey: m.messageKey }, { Put: { TableName: t.outbox, Item: toOutboxItem(m), ConditionExpression: 'attribute_not_exists(messageKey)' } });
  return { items, parts };
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
    await db.send(new TransactWriteCommand({ TransactItems: items }));
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
