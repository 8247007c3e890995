/** ReviewRepository on DynamoDB; cases are keyed so that re-sampling writes the same items. */
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReviewCase, ReviewRepository } from '#shared/ports/reviewRepository';
import { documentClient } from './awsClients.ts';
import { tableName } from './tableDefinitions.ts';

export class DynamoReviewRepository implements ReviewRepository {
  private readonly table = tableName('reviews');
  constructor(private readonly db: DynamoDBDocumentClient = documentClient()) {}

  async putCases(cases: ReviewCase[]): Promise<number> {
    for (let i = 0; i < cases.length; i += 25) {
      let requests: Array<Record<string, unknown>> | undefined = cases.slice(i, i + 25).map((c) => ({ PutRequest: { Item: c } }));
      for (let attempt = 0; requests && requests.length > 0; attempt++) {
        const res = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: requests as never } }));
        requests = res.UnprocessedItems?.[this.table] as Array<Record<string, unknown>> | undefined;
        if (requests && requests.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return cases.length;
  }

  async cases(sweepId: string): Promise<ReviewCase[]> {
    const out: ReviewCase[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({ TableName: this.table, KeyConditionExpression: 'sweepId = :s', ExpressionAttributeValues: { ':s': sweepId }, ExclusiveStartKey: start }),
      );
      out.push(...((res.Items ?? []) as ReviewCase[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
