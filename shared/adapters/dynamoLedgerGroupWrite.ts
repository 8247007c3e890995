/**
 * Several LedgerWrites (distinct accounts) as one DynamoDB transaction: the items of each write
 * exactly as `writeLedger` builds them, concatenated. A cancellation is mapped back to each
 * write's failed parts; a conflict with another transaction counts as a moved penalty state.
 */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LedgerWrite, WriteFailure } from '#shared/enforcement/ledgerWrite';
import { cancellationCodes, transactItemsOf, type TransactItems } from './dynamoLedgerWrite.ts';
import type { GroupWriteResult } from './ledgerGroupActs.ts';

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
    for (const [i, code] of codes.entries()) {
      const o = owner[i];
      if (!o) continue;
      if (code === 'ConditionalCheckFailed') failed[o.write]!.push(o.part);
      else if (code === 'TransactionConflict' && !failed[o.write]!.some((f) => f.kind === 'penalty')) failed[o.write]!.push({ kind: 'penalty' });
    }
    return { ok: false, failed };
  }
}
