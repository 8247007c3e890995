/** The sweep's artifacts are read and written through their schemas; a bad one is named with what is wrong. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { readAllStats, readPlan, readSample, readSweepPolicy, SweepArtifactError, writeDecisions, writePlan, writeSample, writeStats, type SampleFile } from '#shared/pipeline/sweepArtifacts';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import type { SweepPlan } from '#shared/pipeline/sweepPlan';
import { decideAction } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { ruleSettings } from '#shared/policy/ruleSettings';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function store() {
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-artifacts-'));
  dirs.push(dir);
  return new LocalFolderStore(dir);
}

const plan: SweepPlan = {
  sweepId: 'sw1',
  snapshot: '/snap',
  snapshotId: 'snap-1',
  takenAt: '2026-11-20T00:00:00.000Z',
  policyVersion: defaultPolicy().policyVersion,
  codes: null,
  review: 'auto',
  bucketCount: 2,
  parts: [{ kind: 'accounts', part: 'accounts/part-00000.jsonl', index: 0 }],
  channelBuckets: [{ channel: 'device', bucket: 0 }],
  accountBuckets: [0, 1],
};

async function failure(p: Promise<unknown>): Promise<SweepArtifactError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SweepArtifactError);
  return err as SweepArtifactError;
}

describe('sweep artifacts', () => {
  it('round-trip through their schemas', async () => {
    const work = await store();
    const sample: SampleFile = { review: 'auto', sampled: 3, byRule: { 'water-army/praise-ring': 3 }, heldRules: [] };
    await writePlan(work, plan);
    await writeSample(work, 'sw1', sample);
    await writeStats(work, 'sw1', 'enforce', '0', { bucket: 0, decisions: 2, applied: 1, alreadyApplied: 0, skipped: 1 });
    expect(await readPlan(work, 'sw1')).toEqual(plan);
    expect(await readSample(work, 'sw1')).toEqual(sample);
    expect(await readAllStats(work, 'sw1', 'enforce')).toEqual([{ bucket: 0, decisions: 2, applied: 1, alreadyApplied: 0, skipped: 1 }]);
  });

  it('a malformed sample.json names the artifact, its location and the field that is wrong', async () => {
    const work = await store();
    // an older writer's sample: no byRule, heldRules a string
    await work.write(sweepPaths('sw1').sample, JSON.stringify({ review: 'auto', sampled: 3, heldRules: 'water-army/praise-ring' }));
    const err = await failure(readSample(work, 'sw1'));
    expect(err.artifact).toBe('review/sample.json');
    expect(err.location).toBe(work.describe(sweepPaths('sw1').sample));
    expect(err.message).toMatch(/^sweep artifact review\/sample\.json \(.*sample\.json\) is invalid: /);
    expect(err.message).toContain('byRule');
    expect(err.message).toContain('heldRules');
  });

  it('a plan that is not JSON, or missing, says so', async () => {
    const work = await store();
    await work.write(sweepPaths('sw1').plan, '{"sweepId": "sw1", ');
    expect((await failure(readPlan(work, 'sw1'))).message).toMatch(/plan\.json .* is not valid JSON/);
    expect((await failure(readSample(work, 'sw1'))).message).toMatch(/review\/sample\.json .* is missing/);
  });

  it('a plan with a wrong field stops the stage loading it, naming the field', async () => {
    const work = await store();
    await work.write(sweepPaths('sw1').plan, JSON.stringify({ ...plan, accountBuckets: 'all' }));
    await work.write(sweepPaths('sw1').policy, JSON.stringify(defaultPolicy()));
    await expect(loadSweepContext(work, 'sw1')).rejects.toThrow(/sweep artifact plan\.json .* is invalid: accountBuckets: /);
  });

  it('a policy.json that breaks the policy schema is named as the sweep artifact', async () => {
    const work = await store();
    await work.write(sweepPaths('sw1').policy, JSON.stringify({ ...defaultPolicy(), ladder: 'none' }));
    await expect(readSweepPolicy(work, 'sw1')).rejects.toThrow(/sweep artifact policy\.json .*: ladder: /);
  });

  it('a bad decision line is named by its object and line number', async () => {
    const work = await store();
    const policy = defaultPolicy();
    const decision = decideAction(
      {
        accountId: 'a1',
        findings: [{ accountId: 'a1', code: 'water-army', ruleId: 'water-army/ring-core', severity: 'high', score: 0.97, evidence: { summary: 'ring' } }],
        prior: [],
        followerCount: 10,
      },
      { policy, rules: ruleSettings(policy), sweepId: 'sw1', snapshotId: 'snap-1', takenAt: plan.takenAt },
    );
    await writeDecisions(work, 'sw1', 0, [decision]);
    const read = [];
    for await (const d of readDecisions(work, 'sw1')) read.push(d);
    expect(read).toEqual([decision]);

    await work.write(sweepPaths('sw1').decisionsObject(0), `${JSON.stringify(decision)}\n${JSON.stringify({ ...decision, action: 'shadowban' })}\n`);
    const err = await failure(
      (async () => {
        for await (const _ of readDecisions(work, 'sw1'));
      })(),
    );
    expect(err.artifact).toBe('decision (line 2)');
    expect(err.message).toContain('decisions/00000.jsonl');
    expect(err.message).toMatch(/action: /);
  });

  it('reads every stats file of a stage, in key order, with at most 64 reads in flight', async () => {
    const work = await store();
    for (let b = 0; b < 300; b++) await writeStats(work, 'sw1', 'expandRings', String(b).padStart(3, '0'), { bucket: b, signals: b, confirmations: 0, targets: 0 });
    let inFlight = 0;
    let most = 0;
    const readText = work.readText.bind(work);
    work.readText = async (key) => {
      most = Math.max(most, ++inFlight);
      try {
        await new Promise((r) => setTimeout(r, 1));
        return await readText(key);
      } finally {
        inFlight -= 1;
      }
    };
    const stats = await readAllStats(work, 'sw1', 'expandRings');
    expect(stats.map((s) => s.bucket)).toEqual([...Array(300).keys()]);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(64);
  });

  it('refuses to write an artifact the next stage could not read', async () => {
    const work = await store();
    const bad = { review: 'human', status: 'pending', sampled: -1, byRule: {}, heldRules: [] } as unknown as SampleFile;
    const err = await failure(writeSample(work, 'sw1', bad));
    expect(err.message).toMatch(/would be written invalid: .*status.*sampled/);
    expect(await work.exists(sweepPaths('sw1').sample)).toBe(false);
  });
});
