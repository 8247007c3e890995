/** Where campaigns live: each version of a definition (never rewritten) and the campaign's current state. */
import type { Campaign } from '#shared/campaign/campaignSchema';
import type { CampaignState } from '#shared/campaign/campaignState';
import type { Policy } from '#shared/policy/policySchema';

/** One version of a campaign: its definition and the policy it runs under, pinned together. */
export interface CampaignVersion {
  campaign: Campaign;
  policy: Policy;
  createdAt: string;
}

export interface CampaignStore {
  /** Adds a version; refuses (CampaignConflict) one whose number is taken or not the next after the latest. */
  addVersion(v: CampaignVersion): Promise<void>;
  latest(campaignId: string): Promise<CampaignVersion | undefined>;
  version(campaignId: string, version: number): Promise<CampaignVersion | undefined>;
  state(campaignId: string): Promise<CampaignState | undefined>;
  /** Writes the state if it is still `expected` (undefined: none yet); false when someone changed it first. */
  setState(next: CampaignState, expected: CampaignState | undefined): Promise<boolean>;
  /** Every campaign's latest version and state, by campaign id. */
  list(): Promise<Array<{ latest: CampaignVersion; state?: CampaignState }>>;
}

export class CampaignConflict extends Error {
  override name = 'CampaignConflict';
}
