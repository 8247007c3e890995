/**
 * A campaign's sweep checks the kill switch at Enforce: paused while the sweep is in flight (here: before its
 * Enforce stage runs), the sweep stops with nothing enforced and says why; resumed, the same sweep id runs to
 * the end. A shadow campaign's sweep decides everything and enforces nothing (run first: what it decides is not
 * acted on, so the enforcing sweep after it still finds the same evidence new).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository, campaignStore, workStore } from '#shared/adapters/stageDependencies';
import { initialState, pauseCampaign, resumeCampaign } from '#shared/campaign/campaignState';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';

let dir: string;
let snapshot: string;
let stack: EmbeddedStack;
const policy = defaultPolicy();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-killswitch-'));
  snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 400, seed: 'killswitch', outDir: snapshot, partsPerKind: 1 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

const enforcedIn = async (sweepId: string) => (await auditRepository().ledgerForSweep(sweepId)).filter((e) => e.step === 'enforce').length;

describe('the campaign kill switch and shadow mode at Enforce', () => {
  it('a shadow campaign’s sweep decides as an enforcing one would and writes nothing to the ledger', { timeout: 600_000 }, async () => {
    const input = { sweepId: 'shadow-20261201', snapshot, policy, review: 'auto', bucketCount: 2, campaign: { campaignId: 'shadow', version: 1, day: '2026-12-01', mode: 'shadow' } };
    const summary = (await runStateMachine('sweep', input, { workers: 0 })) as { decisions: number; enforcement: { applied: number; skipped: number } };
    let acted = 0;
    for await (const d of readDecisions(workStore(), 'shadow-20261201')) if (d.action !== 'none') acted += 1;
    expect(acted).toBeGreaterThan(10);
    expect(summary.enforcement.applied).toBe(0);
    expect(await enforcedIn('shadow-20261201')).toBe(0);
  });

  it('a paused campaign’s sweep enforces nothing and fails naming the pause; resumed, the same sweep finishes', { timeout: 600_000 }, async () => {
    const store = campaignStore();
    const active = initialState('ks', '2026-12-01T00:00:00Z', 'ops');
    expect(await store.setState(active, undefined)).toBe(true);
    const paused = pauseCampaign(active, '2026-12-01T01:00:00Z', 'lead', 'appeal spike');
    expect(await store.setState(paused, active)).toBe(true);
    const input = { sweepId: 'ks-20261201', snapshot, policy, review: 'auto', bucketCount: 2, campaign: { campaignId: 'ks', version: 1, day: '2026-12-01', mode: 'enforce' } };
    const err = await runStateMachine('sweep', input, { workers: 0 }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message ?? '').toMatch(/campaign ks was paused .*appeal spike/);
    expect(await enforcedIn('ks-20261201')).toBe(0);
    expect(await store.setState(resumeCampaign(paused, '2026-12-01T02:00:00Z', 'lead'), paused)).toBe(true);
    const summary = (await runStateMachine('sweep', input, { workers: 0 })) as { enforcement: { applied: number } };
    expect(summary.enforcement.applied).toBeGreaterThan(10);
    expect(await enforcedIn('ks-20261201')).toBe(summary.enforcement.applied);
  });
});
