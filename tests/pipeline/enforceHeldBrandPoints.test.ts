/** Enforce: a brand-points decision is held when the rules it was derived from (per-note or campaign) are all held. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { RULE_BRAND_POINTS } from '#shared/brand/brandPoints';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import type { Finding } from '#shared/detect/finding';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { writeDecisions } from '#shared/pipeline/sweepArtifacts';
import { decideAction } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { ruleSettings } from '#shared/policy/ruleSettings';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';

const policy = defaultPolicy();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const perNote: Finding = {
  accountId: 'brandA',
  code: 'undisclosed-promotion',
  ruleId: 'undisclosed-promotion/brand-unauthorised',
  severity: 'medium',
  score: 0.8,
  evidence: { summary: 'x', noteIds: ['n1'] },
};
const campaign: Finding = {
  accountId: 'brandA',
  code: 'undisclosed-promotion',
  ruleId: 'undisclosed-promotion/brand-campaign',
  severity: 'medium',
  score: 0.8,
  evidence: { summary: 'campaign', noteIds: ['s1', 's2'], relatedAccountIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], clusterKey: 'campaign:glowx:s1' },
};

/** Decides on one brand finding, writes the decision, and enforces it with `held` rules held for review. */
async function run(finding: Finding, held: string[]): Promise<PlannedEnforcement[]> {
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-held-'));
  dirs.push(dir);
  const work = new LocalFolderStore(dir);
  const decision = decideAction(
    { accountId: 'brandA', findings: [finding], prior: [], followerCount: 10, accountType: 'brand', brandId: 'glowx' },
    { policy, rules: ruleSettings(policy), sweepId: 'sw', snapshotId: 'snap', takenAt: '2026-11-20T00:00:00.000Z' },
  );
  expect(decision.ruleIds).toEqual([finding.ruleId, RULE_BRAND_POINTS].sort());
  await writeDecisions(work, 'sw', 0, [decision]);
  const applied: PlannedEnforcement[] = [];
  const repo = { penalties: async () => new Map(), apply: async (p: PlannedEnforcement) => (applied.push(p), 'applied' as const), ledgerEntries: async () => [] } as unknown as EnforcementRepository;
  await enforceBucket(work, 'sw', 0, policy, repo, new Set(held), () => '2026-11-20T01:00:00.000Z');
  return applied;
}

describe('enforce: held rules and brand points', () => {
  it('holding the per-note rule holds the brand-points decision derived from it', async () => {
    expect(await run(perNote, ['undisclosed-promotion/brand-unauthorised'])).toHaveLength(0);
  });
  it('nothing held: enforced with its deductions', async () => {
    const [p] = await run(perNote, []);
    expect(p.brandPoints?.deductions.map((d) => d.noteId)).toEqual(['n1']);
    expect(p.ledger.ruleIds).toContain(RULE_BRAND_POINTS);
  });
  it('holding only brand-points does not hold the per-note rule', async () => {
    expect(await run(perNote, [RULE_BRAND_POINTS])).toHaveLength(1);
  });
});

describe('enforce: held brand-campaign', () => {
  it('holding brand-campaign holds the points charged for the campaign', async () => {
    expect(await run(campaign, ['undisclosed-promotion/brand-campaign'])).toHaveLength(0);
  });
  it('nothing held: enforced with one deduction for the campaign', async () => {
    const [p] = await run(campaign, []);
    expect(p.brandPoints?.deductions.map((d) => d.noteId)).toEqual(['campaign:glowx:s1']);
  });
});
