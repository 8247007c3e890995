/** CampaignStore on DynamoDB: versions are conditional puts, the state an optimistic update on its last change. */
import { GetCommand, PutCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CampaignState } from '#shared/campaign/campaignState';
import { CampaignConflict, type CampaignStore, type CampaignVersion } from '#shared/ports/campaignStore';
import { documentClient } from './awsClients.ts';
import { tableName } from './tableDefinitions.ts';

const versionKey = (v: number) => `v#${String(v).padStart(5, '0')}`;
const STATE = 'state';

export class DynamoCampaignStore implements CampaignStore {
  private readonly table = tableName('campaigns');
  constructor(private readonly db: DynamoDBDocumentClient = documentClient()) {}

  async addVersion(v: CampaignVersion): Promise<void> {
    const { campaignId, version } = v.campaign;
    const latest = await this.latest(campaignId);
    const expected = (latest?.campaign.version ?? 0) + 1;
    if (version !== expected) throw new CampaignConflict(`campaign ${campaignId}: version ${version} given, the next version is ${expected}`);
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: { campaignId, itemKey: versionKey(version), ...v }, ConditionExpression: 'attribute_not_exists(itemKey)' }));
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') throw new CampaignConflict(`campaign ${campaignId}: version ${version} was written by someone else first`);
      throw err;
    }
  }

  async latest(campaignId: string): Promise<CampaignVersion | undefined> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'campaignId = :c AND begins_with(itemKey, :v)',
        ExpressionAttributeValues: { ':c': campaignId, ':v': 'v#' },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return res.Items?.[0] && toVersion(res.Items[0]);
  }

  async version(campaignId: string, version: number): Promise<CampaignVersion | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: this.table, Key: { campaignId, itemKey: versionKey(version) }, ConsistentRead: true }));
    return res.Item && toVersion(res.Item);
  }

  async state(campaignId: string): Promise<CampaignState | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: this.table, Key: { campaignId, itemKey: STATE }, ConsistentRead: true }));
    return res.Item && toState(res.Item);
  }

  async setState(next: CampaignState, expected: CampaignState | undefined): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...next, itemKey: STATE },
          ...(expected
            ? { ConditionExpression: 'changedAt = :at AND #st = :st', ExpressionAttributeNames: { '#st': 'status' }, ExpressionAttributeValues: { ':at': expected.changedAt, ':st': expected.status } }
            : { ConditionExpression: 'attribute_not_exists(itemKey)' }),
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }

  async list(): Promise<Array<{ latest: CampaignVersion; state?: CampaignState }>> {
    // a handful of campaigns, a few items each: one paged scan of the table is the whole catalogue
    const latest = new Map<string, CampaignVersion>();
    const states = new Map<string, CampaignState>();
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(new ScanCommand({ TableName: this.table, ExclusiveStartKey: start, ConsistentRead: true }));
      for (const item of res.Items ?? []) {
        if (item.itemKey === STATE) states.set(item.campaignId, toState(item));
        else {
          const v = toVersion(item);
          const seen = latest.get(v.campaign.campaignId);
          if (!seen || seen.campaign.version < v.campaign.version) latest.set(v.campaign.campaignId, v);
        }
      }
      start = res.LastEvaluatedKey;
    } while (start);
    return [...latest.keys()].sort().map((id) => ({ latest: latest.get(id)!, state: states.get(id) }));
  }
}

function toVersion(item: Record<string, unknown>): CampaignVersion {
  return { campaign: item.campaign as CampaignVersion['campaign'], policy: item.policy as CampaignVersion['policy'], createdAt: item.createdAt as string };
}

function toState(item: Record<string, unknown>): CampaignState {
  const { itemKey: _key, ...state } = item;
  return state as CampaignState;
}
