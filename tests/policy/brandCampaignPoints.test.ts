/** Seeding campaigns others post for a brand cost the brand points: one promotion per campaign, gated by the policy. */
import { describe, expect, it } from 'vitest';
import { campaignKey, RULE_BRAND_POINTS, type BrandDeduction } from '#shared/brand/brandPoints';
import type { Finding } from '#shared/detect/finding';
import { decideAction, type DecideContext } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicy } from '#shared/policy/loadPolicy';
import type { Policy } from '#shared/policy/policySchema';
import { ruleSettings } from '#shared/policy/ruleSettings';

const base = defaultPolicy();
const TAKEN = '2026-11-20T00:00:00.000Z';
const ctx = (policy: Policy = base, sweepId = 'sw-2'): DecideContext => ({ policy, rules: ruleSettings(policy), sweepId, snapshotId: 'snap', takenAt: TAKEN });
const withBrandPoints = (over: Record<string, unknown>): Policy => parsePolicy({ ...JSON.parse(JSON.stringify(base)), brandPoints: { ...base.brandPoints, ...over } }, 'p.json');

/** A brand-campaign finding: `notes` notes (first one first) by `accounts` ordinary accounts. */
const campaign = (first: string, notes: number, accounts: number): Finding => ({
  accountId: 'brandA',
  code: 'undisclosed-promotion',
  ruleId: 'undisclosed-promotion/brand-campaign',
  severity: 'medium',
  score: 0.8,
  evidence: {
    summary: 'seeding campaign',
    noteIds: [first, ...Array.from({ length: notes - 1 }, (_, i) => `${first}-${i}`)],
    relatedAccountIds: Array.from({ length: accounts }, (_, i) => `acc${i}`),
    clusterKey: campaignKey('glowx', first),
  },
});
const decide = (findings: Finding[], prior: BrandDeduction[] = [], c = ctx(), accountType = 'brand') =>
  decideAction({ accountId: 'brandA', findings, prior: [], followerCount: 1000, accountType, brandId: 'glowx', brandDeductions: prior }, c);
const charged = (key: string, sweepId = 'sw-1'): BrandDeduction => ({ noteId: key, period: '2026-04-20', sweepId, points: 2, effectiveAt: '2026-10-01T00:00:00.000Z' });

describe('brand points: seeding campaigns', () => {
  it('a campaign of 30 notes costs one promotion, not 30', () => {
    const d = decide([campaign('c1', 30, 12)]);
    expect(d.brandPoints).toMatchObject({ pointsBefore: 10, pointsAfter: 8, deducted: ['campaign:glowx:c1'] });
    expect(d.action).toBe('warn');
    const f = d.findings.find((x) => x.ruleId === RULE_BRAND_POINTS)!;
    expect(f.evidence.summary).toContain('1 seeding campaign: campaign:glowx:c1');
    expect(f.evidence.noteIds).toEqual([]);
  });

  it("campaigns and the brand's own notes add up, one deduction each", () => {
    const own: Finding = {
      accountId: 'brandA',
      code: 'undisclosed-promotion',
      ruleId: 'undisclosed-promotion/brand-unauthorised',
      severity: 'medium',
      score: 0.8,
      evidence: { summary: 'x', noteIds: ['n1'] },
    };
    const d = decide([campaign('c1', 8, 6), campaign('c2', 9, 7), own]);
    expect(d.brandPoints).toMatchObject({ pointsAfter: 4, deducted: ['campaign:glowx:c1', 'campaign:glowx:c2', 'n1'] });
    expect(d.brandPoints!.consequence).toMatchObject({ action: 'suspend', durationDays: 14 });
  });

  it('a campaign charged by an earlier sweep is not charged again, even grown or with a new first note', () => {
    // grown: same first note
    expect(decide([campaign('c1', 40, 20)], [charged('campaign:glowx:c1')]).brandPoints).toMatchObject({ pointsAfter: 8, deducted: [], alreadyDeducted: ['campaign:glowx:c1'] });
    // the burst now starts earlier: the old first note is still one of its notes
    const earlier = campaign('c0', 10, 8);
    earlier.evidence.noteIds = ['c0', 'c1', 'c1-0'];
    expect(decide([earlier], [charged('campaign:glowx:c1')]).brandPoints).toMatchObject({ deducted: [], alreadyDeducted: ['campaign:glowx:c0'] });
    // another campaign is another violation
    expect(decide([campaign('c9', 6, 6)], [charged('campaign:glowx:c1')]).brandPoints).toMatchObject({ pointsBefore: 8, pointsAfter: 6, deducted: ['campaign:glowx:c9'] });
  });

  it('a re-run of the sweep that charged it decides the same', () => {
    const first = decide([campaign('c1', 8, 6)], [], ctx(base, 'sw-1'));
    const rerun = decide([campaign('c1', 8, 6)], [charged('campaign:glowx:c1', 'sw-1')], ctx(base, 'sw-1'));
    expect(rerun).toEqual(first);
  });

  it('attributeCampaigns off: the brand pays nothing and is not flagged for campaigns others posted', () => {
    const off = withBrandPoints({ attributeCampaigns: false });
    const d = decide([campaign('c1', 30, 12)], [], ctx(off));
    expect(d.brandPoints).toBeUndefined();
    expect(d).toMatchObject({ action: 'none', codes: [] });
  });

  it('campaigns with fewer than minCampaignAccounts accounts are not charged', () => {
    expect(decide([campaign('c1', 30, 4)]).action).toBe('none');
    const strict = withBrandPoints({ minCampaignAccounts: 10 });
    expect(decide([campaign('c1', 30, 9)], [], ctx(strict)).action).toBe('none');
    expect(decide([campaign('c1', 30, 10)], [], ctx(strict)).brandPoints!.deducted).toEqual(['campaign:glowx:c1']);
  });

  it('without the brand points ledger, or on a non-brand account, a campaign finding decides nothing', () => {
    const { brandPoints: _, ...noPoints } = base;
    expect(decide([campaign('c1', 30, 12)], [], ctx(noPoints as Policy))).toMatchObject({ action: 'none', codes: [] });
    expect(decide([campaign('c1', 30, 12)], [], ctx(), 'personal')).toMatchObject({ action: 'none', codes: [] });
  });

  it('the policy defaults charge campaigns of at least 5 accounts', () => {
    expect(base.brandPoints).toMatchObject({ attributeCampaigns: true, minCampaignAccounts: 5 });
    const json = JSON.parse(JSON.stringify(base));
    delete json.brandPoints.attributeCampaigns;
    delete json.brandPoints.minCampaignAccounts;
    expect(parsePolicy(json, 'p.json').brandPoints).toMatchObject({ attributeCampaigns: true, minCampaignAccounts: 5 });
  });
});
