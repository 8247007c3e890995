/**
 * ReviewRepository on DynamoDB (the Reviews table, key sweepId + caseId). One partition per sweep:
 * - cases, keyed `<ruleId>#<accountId>` (re-sampling writes the same items);
 * - the review session, keyed `~session`;
 * - verdicts, keyed `~verdict#<caseId>#<reviewer>`: one per reviewer and case, written in a
 *   transaction that checks the session is open and the case exists, so a refused verdict
 *   changes nothing.
 */
import { GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ReviewError, type ReviewCase, type ReviewRepository, type ReviewSession, type Verdict } from '#shared/ports/reviewRepository';
import { documentClient } from './awsClients.ts';
import { batchPutItems } from './dynamoBatchPut.ts';
import { tableName } from './tableDefinitions.ts';

const SESSION_KEY = '~session';
const VERDICT_PREFIX = '~verdict#';
const verdictKey = (caseId: string, reviewer: string) => `${VERDICT_PREFIX}${caseId}#${reviewer}`;

const isConditionFailure = (err: unknown) => (err as Error)?.name === 'ConditionalCheckFailedException';

export class DynamoReviewRepository implements ReviewRepository {
  private readonly table = tableName('reviews');
  constructor(private readonly db: DynamoDBDocumentClient = documentClient()) {}

  async putCases(cases: ReviewCase[]): Promise<number> {
    await batchPutItems(this.db, this.table, cases);
    return cases.length;
  }

  private async partition(sweepId: string): Promise<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'sweepId = :s', ExpressionAttributeValues: { ':s': sweepId }, ExclusiveStartKey: start }));
      out.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async cases(sweepId: string): Promise<ReviewCase[]> {
    return (await this.partition(sweepId)).filter((i) => !String(i.caseId).startsWith('~')) as unknown as ReviewCase[];
  }

  async openSession(session: ReviewSession): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: { ...session, caseId: SESSION_KEY }, ConditionExpression: 'attribute_not_exists(caseId)' }));
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async session(sweepId: string): Promise<ReviewSession | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: this.table, Key: { sweepId, caseId: SESSION_KEY }, ConsistentRead: true }));
    if (!res.Item) return undefined;
    const { caseId: _key, ...session } = res.Item;
    return session as ReviewSession;
  }

  async sessions(): Promise<ReviewSession[]> {
    const out: ReviewSession[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new ScanCommand({ TableName: this.table, FilterExpression: 'caseId = :k', ExpressionAttributeValues: { ':k': SESSION_KEY }, ExclusiveStartKey: start }));
      for (const { caseId: _key, ...s } of res.Items ?? []) out.push(s as ReviewSession);
      start = res.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  }

  async recordVerdict(v: Verdict): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: { sweepId: v.sweepId, caseId: SESSION_KEY },
                ConditionExpression: '#st = :open',
                ExpressionAttributeNames: { '#st': 'status' },
                ExpressionAttributeValues: { ':open': 'open' },
              },
            },
            { ConditionCheck: { TableName: this.table, Key: { sweepId: v.sweepId, caseId: v.caseId }, ConditionExpression: 'attribute_exists(caseId)' } },
            {
              Put: {
                TableName: this.table,
                Item: { ...v, caseId: verdictKey(v.caseId, v.reviewer), verdictCaseId: v.caseId },
                ConditionExpression: 'attribute_not_exists(caseId)',
              },
            },
          ],
        }),
      );
    } catch (err) {
      if ((err as Error).name !== 'TransactionCanceledException') throw err;
      const reasons = ((err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((r) => r.Code);
      if (reasons[0] === 'ConditionalCheckFailed') {
        const session = await this.session(v.sweepId);
        if (!session) throw new ReviewError('no-review', `sweep ${v.sweepId} has no review`);
        throw new ReviewError('review-closed', `the review of sweep ${v.sweepId} is ${session.status}; no more verdicts are taken`);
      }
      if (reasons[1] === 'ConditionalCheckFailed') throw new ReviewError('unknown-case', `sweep ${v.sweepId} has no review case ${v.caseId}`);
      if (reasons[2] === 'ConditionalCheckFailed') {
        throw new ReviewError('duplicate-verdict', `${v.reviewer} already judged case ${v.caseId}; a verdict is recorded once per reviewer`);
      }
      throw err;
    }
  }

  async verdicts(sweepId: string): Promise<Verdict[]> {
    return (await this.partition(sweepId))
      .filter((i) => String(i.caseId).startsWith(VERDICT_PREFIX))
      .map(({ caseId: _key, verdictCaseId, ...rest }) => ({ ...rest, caseId: verdictCaseId }) as Verdict);
  }

  async endSession(sweepId: string, end: { status: 'closed' | 'timed-out'; closedAt: string; closedBy: string; result: unknown }): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { sweepId, caseId: SESSION_KEY },
          UpdateExpression: 'SET #st = :st, closedAt = :at, closedBy = :by, #res = :res',
          ConditionExpression: '#st = :open',
          ExpressionAttributeNames: { '#st': 'status', '#res': 'result' },
          ExpressionAttributeValues: { ':st': end.status, ':at': end.closedAt, ':by': end.closedBy, ':res': end.result, ':open': 'open' },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }
}
