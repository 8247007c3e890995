/**
 * The bad-input snapshot (tests/snapshot/badInputSnapshot.ts) through the sweep's stages in-process on a
 * local folder, fast: every bad record and part accounted for, every good account judged. The same
 * snapshot goes through the synthesized state machine in tests/integration/badInputSweep.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import { checkInputDamage, InputDamagedError } from '#shared/pipeline/checkInputDamage';
import { expandRingsBucket } from '#shared/pipeline/expandRingsBucket';
import { groupBucket } from '#shared/pipeline/groupBucket';
import { partitionPart } from '#shared/pipeline/partitionPart';
import { planSweep } from '#shared/pipeline/planSweep';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { resolveBucket } from '#shared/pipeline/resolveBucket';
import { summarizeSweep } from '#shared/pipeline/summarizeSweep';
import { writeStats } from '#shared/pipeline/sweepArtifacts';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { expectEveryCaseAccountedFor, writeBadSnapshot, type QuarantineLine } from '../snapshot/badInputSnapshot.ts';

const noHistory = { priorOffenses: async () => new Map() };
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function runStages(sweepId: string, bucketCount: number, policy = defaultPolicy()) {
  const root = await mkdtemp(join(tmpdir(), 'bad-input-'));
  dirs.push(root);
  const bad = await writeBadSnapshot(join(root, 'snapshot'));
  const work = new LocalFolderStore(join(root, 'work'));
  const snapshot = new LocalFolderStore(bad.dir);
  const plan = await planSweep(work, snapshot, { sweepId, snapshotUri: bad.dir, policy, bucketCount }, CHANNELS);
  const ctx = await loadSweepContext(work, sweepId);
  for (const item of plan.parts) await writeStats(work, sweepId, 'partition', `${item.kind}-${item.index}`, await partitionPart(work, snapshot, plan, item, CHANNELS, ctx.detect));
  for (const item of plan.channelBuckets)
    await writeStats(
      work,
      sweepId,
      'group',
      `${item.channel}-${item.bucket}`,
      await groupBucket(
        work,
        plan,
        item,
        CHANNELS.find((c) => c.name === item.channel)!,
        ctx.detect,
      ),
    );
  for (const b of plan.accountBuckets) await writeStats(work, sweepId, 'expandRings', String(b), await expandRingsBucket(work, plan, b, ctx.detect));
  await checkInputDamage(work, plan, ctx.policy);
  for (const b of plan.accountBuckets) await writeStats(work, sweepId, 'resolve', String(b), await resolveBucket(work, ctx, b, ACCOUNT_DETECTORS, noHistory));
  const quarantine: QuarantineLine[] = [];
  for (const key of await work.list(`sweeps/${sweepId}/quarantine/`)) {
    for (const line of (await work.readText(key)).split('\n')) if (line) quarantine.push(JSON.parse(line));
  }
  const decisions: Decision[] = [];
  for await (const d of readDecisions(work, sweepId)) decisions.push(d);
  return { bad, work, plan, ctx, summary: await summarizeSweep(work, plan, ctx.policy), quarantine, decisions };
}

describe('bad input through the stages', () => {
  it('has at least 30 kinds of bad record and part, each with its outcome', async () => {
    const { bad } = await runStages('kinds', 2);
    const badKinds = bad.records.filter((r) => r.outcome.is !== 'accepted').length + bad.parts.length;
    expect(badKinds).toBeGreaterThanOrEqual(30);
  });

  for (const buckets of [1, 3]) {
    it(`accounts for every bad record and part and judges every good account (${buckets} bucket${buckets > 1 ? 's' : ''})`, async () => {
      const { bad, summary, quarantine, decisions } = await runStages(`b${buckets}`, buckets);
      expectEveryCaseAccountedFor(bad, summary, quarantine, decisions);
    });
  }

  it('counts a duplicated comment once in the channel evidence', async () => {
    const { summary } = await runStages('rows', 2);
    expect(summary.duplicateChannelRows).toBeGreaterThan(0);
  });

  it('stops a sweep whose parts are mostly damaged, naming the parts', async () => {
    const policy = { ...defaultPolicy(), policyVersion: 'strict-input', input: { maxDamagedPartShare: 0.2 } };
    const err = await runStages('strict', 2, policy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputDamagedError);
    expect((err as Error).message).toMatch(/4 of 12 snapshot parts are damaged, more than the policy's input.maxDamagedPartShare of 0.2/);
    expect((err as Error).message).toContain('accounts/part-00002.jsonl.gz (gzip stream truncated');
  });
});
