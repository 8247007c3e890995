/** Enforce: a brand-points decision charged for a seeding campaign is held when brand-campaign is held (human review). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import { decideAction } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { ruleSettings } from '#shared/policy/ruleSettings';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';

const policy = defaultPolicy();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function run(held: string[]): Promise<PlannedEnforcement[]> {
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-held-campaign-'));
  dirs.push(dir);
  const work = new LocalFolderStore(dir);
  const decision = decideAction(
    {
      accountId: 'brandA',
      findings: [
        {
          accountId: 'brandA',
          code: 'undisclosed-promotion',
          ruleId: 'undisclosed-promotion/brand-campaign',
          severity: 'medium',
          score: 0.8,
          evidence: { summary: 'campaign', noteIds: ['s1', 's2'], relatedAccountIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], clusterKey: 'campaign:glowx:s1' },
        },
      ],
      prior: [],
      followerCount: 10,
      accountType: 'brand',
      brandId: 'glowx',
    },
    { policy, rules: ruleSettings(policy), sweepId: 'sw', snapshotId: 'snap', takenAt: '2026-11-20T00:00:00.000Z' },
  );
  expect(decision.ruleIds).toEqual(['undisclosed-promotion/brand-campaign', 'undisclosed-promotion/brand-points']);
  await work.write(sweepPaths('sw').decisionsObject(0), JSON.stringify(decision) + '\n');
  const applied: PlannedEnforcement[] = [];
  const repo = { penalties: async () => new Map(), apply: async (p: PlannedEnforcement) => (applied.push(p), 'applied' as const) } as unknown as EnforcementRepository;
  await enforceBucket(work, 'sw', 0, policy, repo, new Set(held), () => '2026-11-20T01:00:00.000Z');
  return applied;
}

describe('enforce: held brand-campaign', () => {
  it('holding brand-campaign holds the points charged for the campaign', async () => {
    expect(await run(['undisclosed-promotion/brand-campaign'])).toHaveLength(0);
  });
  it('nothing held: enforced with one deduction for the campaign', async () => {
    const [p] = await run([]);
    expect(p.brandPoints?.deductions.map((d) => d.noteId)).toEqual(['campaign:glowx:s1']);
  });
});
