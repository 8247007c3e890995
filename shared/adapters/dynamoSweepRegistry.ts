/** SweepRegistry on DynamoDB. */
import { GetCommand, PutCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SweepRecord, SweepRegistry } from '#shared/ports/sweepRegistry';
import { documentClient } from './awsClients.ts';
import { tableName } from './tableDefinitions.ts';

export class DynamoSweepRegistry implements SweepRegistry {
  private readonly table = tableName('sweeps');
  constructor(private readonly db: DynamoDBDocumentClient = documentClient()) {}

  async started(record: SweepRecord): Promise<void> {
    // A resumed sweep keeps its first start time.
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { sweepId: record.sweepId },
        UpdateExpression: 'SET #st = :st, #sn = :sn, snapshotId = :sid, policyVersion = :pv, startedAt = if_not_exists(startedAt, :at) REMOVE #err',
        ExpressionAttributeNames: { '#st': 'status', '#err': 'error', '#sn': 'snapshot' },
        ExpressionAttributeValues: { ':st': 'running', ':sn': record.snapshot, ':sid': record.snapshotId, ':pv': record.policyVersion, ':at': record.startedAt },
      }),
    );
  }
  async finished(sweepId: string, summary: unknown, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { sweepId },
        UpdateExpression: 'SET #st = :st, summary = :su, finishedAt = :at',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':st': 'complete', ':su': summary, ':at': at },
      }),
    );
  }
  async failed(sweepId: string, error: string, at: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { sweepId },
          UpdateExpression: 'SET #st = :st, #err = :e, finishedAt = :at',
          // a finished sweep stays complete: a later failed attempt on its id (a refused re-run) changed nothing
          ConditionExpression: 'attribute_not_exists(#st) OR #st <> :done',
          ExpressionAttributeNames: { '#st': 'status', '#err': 'error' },
          ExpressionAttributeValues: { ':st': 'failed', ':e': error.slice(0, 2000), ':at': at, ':done': 'complete' },
        }),
      );
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }
  async get(sweepId: string): Promise<SweepRecord | undefined> {
    return (await this.db.send(new GetCommand({ TableName: this.table, Key: { sweepId }, ConsistentRead: true }))).Item as SweepRecord | undefined;
  }
  async list(): Promise<SweepRecord[]> {
    const out: SweepRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new ScanCommand({ TableName: this.table, ExclusiveStartKey: start }));
      out.push(...((res.Items ?? []) as SweepRecord[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));
  }
  /** Test seam: write a record as-is. */
  async put(record: SweepRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: record }));
  }
}
