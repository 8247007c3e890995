/**
 * The stages' CloudWatch metrics (functions/lib/stageMetrics.ts): a whole sweep and a lift run on the
 * embedded stack, with metrics switched on, print Powertools EMF lines whose counts add up to what
 * the sweep did (records read against the snapshot's lines, decisions by code against
 * decisions.jsonl, enforced and notices against the summary, lifts and overdue lifts), under the
 * `Crackdown` namespace with dimensions that are never user data. A stage that throws counts
 * `StageFailed`. And with the default settings the CLI's `--json` output holds no EMF line.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import defaultPolicyJson from '../../policies/default.json' with { type: 'json' };
import { workStore } from '#shared/adapters/stageDependencies';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import type { LiftStats } from '#shared/pipeline/liftDue';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import { parsePolicy } from '#shared/policy/loadPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { lambdaContext } from '#scripts/local/lambdaHandlers';
import { runStateMachine } from '#scripts/local/localStepFunctions';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

interface EmfBlob {
  _aws: { Timestamp: number; CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
  [key: string]: unknown;
}

const STAGES = ['plan', 'partition', 'group', 'expandRings', 'resolve', 'sample', 'enforce', 'notify', 'scheduleLifts', 'finish', 'lift', 'sweepFailed', 'reviewTimedOut'];

let dir: string;
let snapshot: string;
let stack: EmbeddedStack;
const emf: EmfBlob[] = [];
let restoreStdout: () => void;

/** Sum of metric `name` over the captured blobs whose dimensions match `where`. */
function total(name: string, where: Record<string, string> = {}): number {
  let sum = 0;
  for (const b of emf) if (name in b && Object.entries(where).every(([k, v]) => b[k] === v)) sum += b[name] as number;
  return sum;
}

async function snapshotLines(): Promise<number> {
  let n = 0;
  for (const kind of await readdir(snapshot, { withFileTypes: true })) {
    if (!kind.isDirectory()) continue;
    for (const f of await readdir(join(snapshot, kind.name)))
      n += gunzipSync(await readFile(join(snapshot, kind.name, f)))
        .toString('utf8')
        .split('\n')
        .filter(Boolean).length;
  }
  return n;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-metrics-'));
  snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 400, seed: 'stage-metrics', outDir: snapshot, partsPerKind: 2 });
  process.env.POWERTOOLS_METRICS_DISABLED = 'false'; // as in Lambda; the embedded stack keeps an explicit setting
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('"_aws"')) {
      for (const line of text.split('\n').filter(Boolean)) emf.push(JSON.parse(line) as EmfBlob);
      return true;
    }
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  restoreStdout = () => (process.stdout.write = write);
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  restoreStdout?.();
  delete process.env.POWERTOOLS_METRICS_DISABLED;
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('stage metrics (EMF)', () => {
  it('a sweep and a lift run emit counts that add up to what they did, under Crackdown with no user data in dimensions', async () => {
    const policy = parsePolicy({ ...defaultPolicyJson, policyVersion: 'metrics-1' }, 'metrics-1');
    const summary = (await runStateMachine('sweep', { sweepId: 'metrics-1', snapshot, policy, review: 'auto', bucketCount: 2 }, { workers: 0 })) as SweepSummary;
    const liftNow = '2028-01-01T00:00:00Z';
    const lift = (await runStateMachine('lift', { now: liftNow })) as LiftStats;
    const liftAgain = (await runStateMachine('lift', { now: liftNow })) as LiftStats;

    expect(emf.length).toBeGreaterThan(0);
    for (const b of emf) {
      const [cw] = b._aws.CloudWatchMetrics;
      expect(cw.Namespace).toBe('Crackdown');
      expect(cw.Dimensions.length).toBe(1);
      const dims = [...cw.Dimensions[0]].sort();
      expect([['service', 'stage'].join(), ['code', 'service'].join()]).toContain(dims.join());
      expect(b.service).toBe('crackdown');
      if (dims.includes('stage')) expect(STAGES).toContain(b.stage);
      if (dims.includes('code')) expect(VIOLATION_CODES).toContain(b.code);
      for (const m of cw.Metrics) {
        expect(m.Unit).toBe('Count');
        expect(Number.isInteger(b[m.Name]), m.Name).toBe(true);
      }
      // nothing else in the blob (no account id, no user text): the dimensions, the metrics, the EMF envelope
      expect(Object.keys(b).sort()).toEqual(['_aws', ...cw.Dimensions[0], ...cw.Metrics.map((m) => m.Name)].sort());
    }

    expect(total('RecordsRead', { stage: 'partition' })).toBe(await snapshotLines());
    expect(total('RecordsQuarantined', { stage: 'partition' })).toBe(0);
    expect(total('DamagedParts', { stage: 'partition' })).toBe(0);
    expect(total('AccountsJudged', { stage: 'resolve' })).toBe(400);
    expect(total('SweepAccountsJudged', { stage: 'sample' })).toBe(400);
    expect(total('HeldRules', { stage: 'sample' })).toBe(summary.guard?.heldRules.length ?? 0);

    const byCode: Record<string, number> = {};
    for await (const d of readDecisions(workStore(), 'metrics-1')) if (d.action !== 'none') for (const c of d.codes) byCode[c] = (byCode[c] ?? 0) + 1;
    expect(Object.keys(byCode).length).toBeGreaterThan(1);
    for (const code of VIOLATION_CODES) expect(total('Decisions', { code }), code).toBe(byCode[code] ?? 0);

    expect(summary.enforcement.applied).toBeGreaterThan(0);
    expect(total('Enforced', { stage: 'enforce' })).toBe(summary.enforcement.applied);
    expect(total('EnforceSkipped', { stage: 'enforce' })).toBe(summary.enforcement.skipped);
    expect(total('NoticesSent', { stage: 'notify' })).toBe(summary.notify!.notices);
    expect(total('MessagesPublished', { stage: 'notify' })).toBe(summary.notify!.published);

    // The two lift runs at a time long after every due date: the first lifts them all, each overdue; the second finds nothing.
    expect(lift.outcomes.lifted).toBeGreaterThan(0);
    expect(total('Lifted', { stage: 'lift' })).toBe(lift.outcomes.lifted);
    expect(liftAgain.outcomes.lifted ?? 0).toBe(0);
    const liftBlobs = emf.filter((b) => b.stage === 'lift');
    expect(liftBlobs.map((b) => b.LiftsOverdue)).toEqual([Math.min(100, lift.outcomes.lifted!), 0]);
    expect(total('StageFailed')).toBe(0);
  });

  it('a stage that throws counts StageFailed under its stage', async () => {
    const before = total('StageFailed', { stage: 'enforce' });
    const { handler } = await import('../../functions/enforce.ts');
    await expect(handler({ sweepId: 'metrics-1', item: 'not-a-bucket' }, lambdaContext({ module: 'enforce' }, 'EnforceBucket'))).rejects.toThrow(/invalid input/);
    expect(total('StageFailed', { stage: 'enforce' }) - before).toBe(1);
  });

  it('the CLI prints no metric lines: its --json output is JSON alone', async () => {
    const bin = join(process.cwd(), 'scripts/cli/bin.mjs');
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
    delete env.POWERTOOLS_METRICS_DISABLED;
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'sweep', '--snapshot', snapshot, '--sweep-id', 'metrics-cli', '--workers', '0', '--json', '--state-dir', join(dir, 'cli-state')], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).not.toContain('_aws');
    expect(out.stderr).not.toContain('_aws');
    expect(JSON.stringify(JSON.parse(out.stdout))).toContain('"sweepId":"metrics-cli"'); // the whole of stdout is one JSON document
  });
});
