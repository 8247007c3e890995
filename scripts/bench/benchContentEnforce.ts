/**
 * `npm run bench:content`: what content actions cost the Enforce stage, on the embedded stack's DynamoDB Local.
 * The same number of warned accounts is enforced three ways: without content actions; with `--items` content
 * actions each (ten times more content actions than account actions by default), batched per account as the
 * policy's `itemsPerWrite` says; and the same items one transaction per item (itemsPerWrite 1), which is what
 * batching avoids. Reports seconds and the ratio of each to the run without content.
 *
 *   npm run bench:content -- [--accounts 300] [--items 10] [--out bench-out]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { enforcementRepository, workStore } from '#shared/adapters/stageDependencies';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { writeDecisions } from '#shared/pipeline/sweepArtifacts';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicy } from '#shared/policy/loadPolicy';
import type { Policy } from '#shared/policy/policySchema';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';

const o = new Command()
  .option('--accounts <n>', 'warned accounts per run', (v) => Number(v), 300)
  .option('--items <n>', 'content actions per account', (v) => Number(v), 10)
  .option('--out <dir>', 'where the JSON result goes', 'bench-out')
  .parse()
  .opts<{ accounts: number; items: number; out: string }>();
if (!Number.isInteger(o.accounts) || o.accounts < 1) throw new Error(`--accounts: a positive integer, got ${o.accounts}`);
if (!Number.isInteger(o.items) || o.items < 1 || o.items > 1000) throw new Error(`--items: an integer from 1 to 1000, got ${o.items}`);

const APPLIED_AT = '2026-11-21T00:00:00.000Z';

function decisions(sweepId: string, items: number): Decision[] {
  return Array.from({ length: o.accounts }, (_, i) => ({
    accountId: `${sweepId}-acct-${String(i).padStart(6, '0')}`,
    codes: ['water-army'],
    action: 'warn',
    ruleIds: ['water-army/ring-associate'],
    severity: 'low',
    score: 0.8,
    ladderStep: 0,
    priorOffenses: 0,
    policyVersion: defaultPolicy().policyVersion,
    sweepId,
    snapshotId: 'bench',
    effectiveAt: '2026-11-20T00:00:00.000Z',
    followerCount: 10,
    findings: [],
    ...(items > 0
      ? {
          contentActions: Array.from({ length: items }, (_, k) => ({
            kind: 'comment' as const,
            itemId: `c-${i}-${k}`,
            action: 'remove' as const,
            codes: ['water-army' as const],
            ruleIds: ['water-army/ring-associate'],
          })),
        }
      : {}),
  }));
}

async function run(sweepId: string, items: number, policy: Policy): Promise<{ sweepId: string; seconds: number; accounts: number; contentActions: number }> {
  const work = workStore();
  await writeDecisions(work, sweepId, 0, decisions(sweepId, items));
  const t0 = performance.now();
  const stats = await enforceBucket(work, sweepId, 0, policy, enforcementRepository(), new Set(), () => APPLIED_AT, new Set(), APPLIED_AT);
  const seconds = (performance.now() - t0) / 1000;
  if (stats.applied !== o.accounts) throw new Error(`${sweepId}: applied ${stats.applied} of ${o.accounts}`);
  return { sweepId, seconds: Math.round(seconds * 100) / 100, accounts: stats.applied, contentActions: stats.contentApplied ?? 0 };
}

const dir = await mkdtemp(join(tmpdir(), 'bench-content-'));
const stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
try {
  const policy = defaultPolicy();
  const perItem = parsePolicy({ ...policy, contentActions: { ...policy.contentActions, itemsPerWrite: 1 } });
  // A warm-up run, so the first measured one does not pay for DynamoDB Local's JIT.
  await run('warmup', 0, policy);
  const without = await run('no-content', 0, policy);
  const batched = await run('content-batched', o.items, policy);
  const oneByOne = await run('content-per-item', o.items, perItem);
  const result = {
    accounts: o.accounts,
    itemsPerAccount: o.items,
    itemsPerWrite: policy.contentActions?.itemsPerWrite,
    runs: [without, batched, oneByOne],
    ratioBatched: Math.round((batched.seconds / without.seconds) * 100) / 100,
    ratioPerItem: Math.round((oneByOne.seconds / without.seconds) * 100) / 100,
  };
  await mkdir(resolve(o.out), { recursive: true });
  const file = join(resolve(o.out), `bench-content-${o.accounts}x${o.items}.json`);
  await writeFile(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`Enforce on DynamoDB Local, ${o.accounts} warned accounts (one bucket):`);
  console.log(`  without content actions:                     ${without.seconds.toFixed(2)} s`);
  console.log(`  + ${batched.contentActions} content actions, batched per account: ${batched.seconds.toFixed(2)} s  (${result.ratioBatched}× the run without)`);
  console.log(`  + ${oneByOne.contentActions} content actions, one transaction each: ${oneByOne.seconds.toFixed(2)} s  (${result.ratioPerItem}× the run without)`);
  console.log(`  result: ${file}`);
} finally {
  await stack.stop();
  await rm(dir, { recursive: true, force: true });
}
