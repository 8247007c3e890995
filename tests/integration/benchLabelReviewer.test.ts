/**
 * The campaign scale bench's simulated reviewer (scripts/bench/labelReviewer.ts): a day the guard holds (here a
 * per-day action cap of 1) is judged case by case from the generator's labels, the review closes through the
 * precision gate and the sweep resumes, so the campaign goes on to its next day. Verdicts are checked against the
 * labels read independently here, and the resumed day enforces only what the gate released.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { auditRepository, reviewDeps } from '#shared/adapters/stageDependencies';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { initialState } from '#shared/campaign/campaignState';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateDays } from '#scripts/generate/generateDays';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { playCampaign } from '#scripts/cli/playCampaign';
import { makeOutput } from '#scripts/cli/output';
import { resumeSweep } from '#scripts/cli/runSweep';
import { labelVerdict, readDayLabels, reviewByLabels } from '#scripts/bench/labelReviewer';

const START = '2026-11-18';
let dir: string;
let stack: EmbeddedStack;
const out = makeOutput(true);
const never = new AbortController().signal;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-labelrev-'));
  await generateDays({ days: 2, start: START, accounts: 400, seed: 'label-reviewer', outDir: join(dir, 'exports'), partsPerKind: 1 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the bench’s label reviewer', () => {
  it('judges a held day by the labels, closes its review and lets the campaign go on', { timeout: 600_000 }, async () => {
    const policy = defaultPolicy();
    const campaign = parseCampaign(
      {
        campaignId: 'lr',
        version: 1,
        title: 'held day',
        period: { start: START, end: '2026-11-19' },
        schedule: { at: '08:00', timeZone: 'Asia/Shanghai' },
        policyVersion: policy.policyVersion,
        snapshotTemplate: join(dir, 'exports', '{date}'),
        limits: { maxActionsPerDay: 1 },
      },
      'test',
    );
    const store = new DynamoCampaignStore();
    await store.addVersion({ campaign, policy, createdAt: '2026-11-17T00:00:00Z' });
    await store.setState(initialState('lr', '2026-11-17T00:00:00Z', 'ops'), undefined);

    const first = await playCampaign('lr', {}, out, never);
    expect(first).toEqual([{ day: START, sweepId: 'lr-20261118', outcome: expect.stringContaining('held for review') }]);
    expect((await auditRepository().ledgerForSweep('lr-20261118')).filter((e) => e.step === 'enforce')).toEqual([]);

    // the labels read here, apart from the reviewer's own reader
    const planted = new Map<string, string[]>();
    for (const line of readFileSync(join(dir, 'exports', START, 'labels.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)) {
      const l = JSON.parse(line) as { accountId: string; codes: string[] };
      planted.set(l.accountId, l.codes);
    }
    const review = await reviewByLabels('lr-20261118', readDayLabels(join(dir, 'exports', START, 'labels.jsonl')));
    const cases = await reviewDeps().repo.cases('lr-20261118');
    expect(review.cases).toBe(cases.length);
    expect(review.cases).toBeGreaterThan(1);
    const verdicts = await reviewDeps().repo.verdicts('lr-20261118');
    expect(verdicts).toHaveLength(cases.length);
    for (const v of verdicts) {
      const c = cases.find((x) => x.caseId === v.caseId)!;
      const codes = planted.get(c.accountId) ?? [];
      const expected = codes.length === 0 ? 'not-a-violation' : codes.includes(c.code ?? c.ruleId.split('/')[0]) ? 'correct' : 'wrong-code';
      expect(v.verdict, c.caseId).toBe(expected);
    }
    expect(review.verdicts.correct).toBeGreaterThan(0);
    expect(labelVerdict(new Map([['a', new Set(['water-army'])]]), 'a', 'fake-account')).toBe('wrong-code');

    const resumed = await resumeSweep('lr-20261118', out, never);
    expect('paused' in resumed).toBe(false);
    const enforced = (await auditRepository().ledgerForSweep('lr-20261118')).filter((e) => e.step === 'enforce');
    expect(enforced.length).toBeGreaterThan(0);
    for (const e of enforced)
      expect(
        e.ruleIds.some((r) => !review.gate.heldRules.includes(r)),
        e.accountId,
      ).toBe(true);

    const rest = await playCampaign('lr', {}, out, never);
    expect(rest.map((d) => d.outcome)).toEqual(['already swept', expect.stringMatching(/^swept|held for review/)]);
  });
});
