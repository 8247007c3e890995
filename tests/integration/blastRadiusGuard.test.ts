/**
 * The blast-radius guard end to end on the embedded stack: an `auto` sweep in which one rule has
 * gone wild (homogeneous-content/template-posting with its similarity and time window at 0, so that any account with
 * two notes is a "template poster": most accounts) does not enforce a single action: the guard holds the rule, the sweep pauses for human
 * review although its mode is auto, and the guard's verdict names the rule and its share.
 * The same snapshot under the shipped policy runs through in auto mode and enforces.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import defaultPolicyJson from '../../policies/default.json' with { type: 'json' };
import { enforcementRepository, reviewDeps, workStore } from '#shared/adapters/stageDependencies';
import { readGuardReport } from '#shared/pipeline/sweepArtifacts';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import { parsePolicy } from '#shared/policy/loadPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine, StateMachinePausedError } from '#scripts/local/localStepFunctions';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 300_000 });

const WILD_RULE = 'homogeneous-content/template-posting';
let stack: EmbeddedStack;
let dir: string;
let snapshot: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-guard-'));
  snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 600, seed: 'guard-e2e', outDir: snapshot, partsPerKind: 2 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('blast-radius guard', () => {
  it('holds a rule that fires on most accounts: the auto sweep pauses for human review and enforces nothing', async () => {
    const sweepId = 'guard-wild';
    const policy = parsePolicy(
      { ...defaultPolicyJson, policyVersion: 'guard-wild-1', rules: { [WILD_RULE]: { thresholds: { minNotes: 2, minShare: 0, similarity: 0, minCohesion: 0, minNotesInWindow: 0 } } } },
      'guard-wild-1',
    );
    let paused: StateMachinePausedError | undefined;
    try {
      await runStateMachine('sweep', { sweepId, snapshot, policy, review: 'auto', bucketCount: 2 }, { workers: 0, waitForTokens: 'pause' });
    } catch (err) {
      if (!(err instanceof StateMachinePausedError)) throw err;
      paused = err;
    }
    expect(paused?.paused.state).toBe('SampleForReview');
    const guard = (await readGuardReport(workStore(), sweepId))!;
    expect(guard.tripped).toBe(true);
    const held = guard.heldRules.find((h) => h.ruleId === WILD_RULE);
    expect(held, JSON.stringify(guard)).toBeDefined();
    expect(held!.share).toBeGreaterThan(0.5);
    expect(held!.reason).toMatch(/ceiling/);
    expect(await enforcementRepository().ledgerForSweep(sweepId)).toHaveLength(0);
    expect(await enforcementRepository().outbox(sweepId)).toHaveLength(0);
    const session = await reviewDeps().repo.session(sweepId);
    expect(session?.status).toBe('open');
  });

  it('lets the same snapshot through in auto mode under the shipped policy', async () => {
    const sweepId = 'guard-normal';
    const policy = parsePolicy({ ...defaultPolicyJson, policyVersion: 'guard-normal-1' }, 'guard-normal-1');
    const summary = (await runStateMachine('sweep', { sweepId, snapshot, policy, review: 'auto', bucketCount: 2 }, { workers: 0, waitForTokens: 'pause' })) as SweepSummary;
    expect(summary.guard?.tripped).toBe(false);
    expect(summary.enforcement.applied).toBeGreaterThan(0);
  });
});
