/** Enforce: a brand-points decision is held when the per-note rules it was derived from are all held. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { RULE_BRAND_POINTS } from '#shared/brand/brandPoints';
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
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-held-'));
  dirs.push(dir);
  const work = new LocalFolderStore(dir);
  const decision = decideAction(
    {
      accountId: 'brandA',
      findings: [{ accountId: 'brandA', code: 'undisclosed-promotion', ruleId: 'undisclosed-promotion/brand-unauthorised', severity: 'medium', score: 0.8, evidence: { summary: 'x', noteIds: ['n1'] } }],
      prior: [],
      followerCount: 10,
      accountType: 'brand',
    },
    { policy, rules: ruleSettings(policy), sweepId: 'sw', snapshotId: 'snap', takenAt: '2026-11-20T00:00:00.000Z' },
  );
  expect(decision.ruleIds).toEqual(['undisclosed-promotion/brand-points', 'undisclosed-promotion/brand-unauthorised']);
  await work.write(sweepPaths('sw').decisionsObject(0), JSON.stringify(decision) + '\n');
  const applied: PlannedEnforcement[] = [];
  const repo = { penalties: async () => new Map(), apply: async (p: PlannedEnforcement) => (applied.push(p), 'applied' as const) } as unknown as EnforcementRepository;
  await enforceBucket(work, 'sw', 0, policy, repo, new Set(held), () => '2026-11-20T01:00:00.000Z');
  return applied;
}

describe('enforce: held rules and brand points', () => {
  it('holding the per-note rule holds the brand-points decision derived from it', async () => {
    expect(await run(['undisclosed-promotion/brand-unauthorised'])).toHaveLength(0);
  });
  it('nothing held: enforced with its deductions', async () => {
    const [p] = await run([]);
    expect(p.brandPoints?.deductions.map((d) => d.noteId)).toEqual(['n1']);
    expect(p.ledger.ruleIds).toContain(RULE_BRAND_POINTS);
  });
  it('holding only brand-points does not hold the per-note rule', async () => {
    expect(await run([RULE_BRAND_POINTS])).toHaveLength(1);
  });
});
