/** CampaignStore in memory, for fast domain tests; the same contract suite runs it and the DynamoDB one. */
import type { CampaignState } from '#shared/campaign/campaignState';
import { CampaignConflict, type CampaignStore, type CampaignVersion } from '#shared/ports/campaignStore';

export class MemoryCampaignStore implements CampaignStore {
  private readonly versions = new Map<string, CampaignVersion[]>();
  private readonly states = new Map<string, CampaignState>();

  async addVersion(v: CampaignVersion): Promise<void> {
    const list = this.versions.get(v.campaign.campaignId) ?? [];
    const expected = list.length + 1;
    if (v.campaign.version !== expected) throw new CampaignConflict(`campaign ${v.campaign.campaignId}: version ${v.campaign.version} given, the next version is ${expected}`);
    this.versions.set(v.campaign.campaignId, [...list, structuredClone(v)]);
  }
  async latest(campaignId: string): Promise<CampaignVersion | undefined> {
    return structuredClone(this.versions.get(campaignId)?.at(-1));
  }
  async version(campaignId: string, version: number): Promise<CampaignVersion | undefined> {
    return structuredClone(this.versions.get(campaignId)?.[version - 1]);
  }
  async state(campaignId: string): Promise<CampaignState | undefined> {
    return structuredClone(this.states.get(campaignId));
  }
  async setState(next: CampaignState, expected: CampaignState | undefined): Promise<boolean> {
    const current = this.states.get(next.campaignId);
    if (expected ? current?.changedAt !== expected.changedAt || current?.status !== expected.status : current !== undefined) return false;
    this.states.set(next.campaignId, structuredClone(next));
    return true;
  }
  async list(): Promise<Array<{ latest: CampaignVersion; state?: CampaignState }>> {
    return [...this.versions.keys()].sort().map((id) => ({ latest: structuredClone(this.versions.get(id)!.at(-1)!), state: structuredClone(this.states.get(id)) }));
  }
}
