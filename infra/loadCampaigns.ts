/**
 * Reads the campaigns the stack schedules: `campaigns/*.json` beside the project root, each a campaign
 * definition (docs/campaigns.md) with `policyFile`, the policy it runs under. A campaign file is
 * versioned like a policy: change it, raise `version`, deploy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCampaign, CampaignError, type Campaign } from '#shared/campaign/campaignSchema';
import { parsePolicyText } from '#shared/policy/loadPolicy';
import type { Policy } from '#shared/policy/policySchema';

export function loadCampaigns(dir: string): Array<{ campaign: Campaign; policy: Policy }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      if (typeof raw.policyFile !== 'string') throw new CampaignError(`${path}: policyFile (the policy the campaign runs under) is required`);
      const policyPath = resolve(dirname(path), raw.policyFile);
      const policy = parsePolicyText(readFileSync(policyPath, 'utf8'), policyPath);
      const campaign = parseCampaign(raw, path);
      if (campaign.policyVersion !== policy.policyVersion) throw new CampaignError(`${path}: names policy ${campaign.policyVersion}, ${raw.policyFile} is ${policy.policyVersion}`);
      return { campaign, policy };
    });
}
