/**
 * Which seeding campaigns found for a brand (`undisclosed-promotion/brand-campaign`) the brand
 * pays points for. Seeding campaigns are how brands buy fake word of mouth (seed 003), but a
 * competitor can stage one to frame a brand: the policy decides (brandPoints.attributeCampaigns,
 * minCampaignAccounts), and a charged campaign costs one promotion however many notes it has.
 */
import type { Finding } from '#shared/detect/finding';
import { RULE_BRAND_CAMPAIGN } from '#shared/detect/ruleCatalog';
import type { BrandPointsPolicy, CampaignUnit } from './brandPoints.ts';

export const isCampaignFinding = (f: Finding): boolean => f.ruleId === RULE_BRAND_CAMPAIGN;

/** The campaign findings the policy charges to the brand, as ledger units (sorted by key). */
export function chargeableCampaigns(findings: readonly Finding[], cfg: BrandPointsPolicy | undefined): CampaignUnit[] {
  if (!cfg || cfg.attributeCampaigns === false) return [];
  const min = cfg.minCampaignAccounts ?? 5;
  return findings
    .filter((f) => isCampaignFinding(f) && f.evidence.clusterKey && (f.evidence.relatedAccountIds?.length ?? 0) >= min)
    .map((f) => ({ key: f.evidence.clusterKey!, noteIds: f.evidence.noteIds ?? [] }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
