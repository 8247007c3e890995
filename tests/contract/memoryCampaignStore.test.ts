import { MemoryCampaignStore } from '#shared/adapters/memoryCampaignStore';
import { campaignStoreContract } from './campaignStoreContract.ts';

campaignStoreContract('in memory', () => new MemoryCampaignStore());
