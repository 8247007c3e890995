/**
 * The bad-input snapshot (tests/snapshot/badInputSnapshot.ts: over 30 kinds of bad record and damaged
 * part) swept to the end on the embedded stack, through the ASL the CDK app synthesizes: every bad
 * record or part is quarantined with its reason or counted as a duplicate, every good account judged,
 * the violation among them enforced. A policy that tolerates less damage stops the sweep, naming the parts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 600_000 });
import { enforcementRepository, sweepRegistry, workStore } from '#shared/adapters/stageDependencies';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';
import { expectEveryCaseAccountedFor, writeBadSnapshot, type BadSnapshot, type QuarantineLine } from '../snapshot/badInputSnapshot.ts';

let stack: EmbeddedStack;
let dir: string;
let bad: BadSnapshot;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-bad-input-'));
  bad = await writeBadSnapshot(join(dir, 'snapshot'));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function quarantineOf(sweepId: string): Promise<QuarantineLine[]> {
  const work = workStore();
  const out: QuarantineLine[] = [];
  for (const key of await work.list(`sweeps/${sweepId}/quarantine/`)) {
    for (const line of (await work.readText(key)).split('\n')) if (line) out.push(JSON.parse(line));
  }
  return out;
}

describe('a sweep over a snapshot full of bad input', () => {
  it('sweeps to the end with every bad record and part accounted for and every good account judged', async () => {
    const summary = (await runStateMachine('sweep', { sweepId: 'bad-1', snapshot: bad.dir, policy: defaultPolicy(), review: 'auto', bucketCount: 3 }, { workers: 0 })) as SweepSummary;
    const decisions: Decision[] = [];
    for await (const d of readDecisions(workStore(), 'bad-1')) decisions.push(d);
    expectEveryCaseAccountedFor(bad, summary, await quarantineOf('bad-1'), decisions);

    // The sweep completed and enforced: the violator's action is in the ledger, once.
    expect((await sweepRegistry().get('bad-1'))?.status).toBe('complete');
    const acted = decisions.filter((d) => d.action !== 'none');
    expect(summary.enforcement.applied).toBe(acted.length);
    const ledger = await enforcementRepository().ledgerForSweep('bad-1');
    expect(ledger.filter((e) => e.step === 'enforce').map((e) => e.accountId)).toContain(bad.violator);
  });

  it('re-running the sweep adds nothing and quarantines the same lines', async () => {
    const before = await quarantineOf('bad-1');
    const again = (await runStateMachine('sweep', { sweepId: 'bad-1', snapshot: bad.dir, policy: defaultPolicy(), review: 'auto', bucketCount: 3 }, { workers: 0 })) as SweepSummary;
    expect(again.enforcement.applied).toBe(0);
    expect(await quarantineOf('bad-1')).toEqual(before);
  });

  it('stops before judging anyone when more parts are damaged than the policy tolerates, naming them', async () => {
    const policy = { ...defaultPolicy(), policyVersion: 'bad-input-strict', input: { maxDamagedPartShare: 0.25 } };
    await expect(runStateMachine('sweep', { sweepId: 'bad-strict', snapshot: bad.dir, policy, review: 'auto', bucketCount: 2 }, { workers: 0 })).rejects.toThrow();
    const record = await sweepRegistry().get('bad-strict');
    expect(record?.status).toBe('failed');
    expect(record?.error).toMatch(/InputDamagedError: 4 of 12 snapshot parts are damaged, more than the policy's input.maxDamagedPartShare of 0.25: accounts\/part-00002.jsonl.gz/);
    expect(await enforcementRepository().ledgerForSweep('bad-strict')).toHaveLength(0);
  });
});
