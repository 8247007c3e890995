/**
 * `crackdown reverse` with explicit sweeps and its per-sweep breakdown, and `crackdown appeal list / show`,
 * run as processes against a state folder holding two sweeps. Expected counts come from the ledger itself,
 * read on the embedded stack between commands.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '#shared/adapters/stageDependencies';
import type { AppealRecord } from '#shared/audit/appeals';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { reposted } from './laterSnapshot.ts';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';
import { runCli as runCrackdown } from './runCli.ts';

const A = 'wave-a';
const B = 'wave-b';
const NOW = '2026-11-25T00:00:00.000Z';
let dir: string;
let stateDir: string;
let ledger: LedgerEntry[] = [];
let code = '';

const runCli = (args: string[]) => runCrackdown([...args, '--state-dir', stateDir]);

async function onStack<T>(fn: () => Promise<T>): Promise<T> {
  const stack = await startEmbeddedStack({ stateDir, quiet: true, handleSignals: false });
  try {
    return await fn();
  } finally {
    await stack.stop();
  }
}

const enforced = (sweepId: string, withCode?: string) => ledger.filter((e) => e.step === 'enforce' && e.sweepId === sweepId && (!withCode || (e.codes as string[]).includes(withCode)));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-wave-cli-'));
  stateDir = join(dir, 'state');
  const snapshot = join(dir, 'snapshot');
  const later = join(dir, 'later');
  await generateSnapshot({ accounts: 300, seed: 'wave-cli', outDir: snapshot, partsPerKind: 1 });
  // the same accounts doing the same things again in new notes and comments: the second sweep acts again on them
  // (escalating; the same evidence would be punished once), so both sweeps hold actions
  await reposted(snapshot, later, { takenAt: '2026-12-20T00:00:00Z', suffix: 'w2' });
  ledger = await onStack(async () => {
    for (const [sweepId, snap] of [
      [A, snapshot],
      [B, later],
    ])
      await runStateMachine('sweep', { sweepId, snapshot: snap, policy: defaultPolicy(), review: 'auto', bucketCount: 2 }, { workers: 0 });
    return auditRepository().allLedger();
  });
  // the rarest code acted on in both sweeps: a wave that leaves other actions standing
  const counts = new Map<string, number>();
  for (const e of enforced(A)) for (const c of e.codes) if (enforced(B, c).length > 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  code = [...counts].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))[0][0];
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reverse names its sweeps and shows what each one loses', () => {
  it('dry run and runs per sweep: --all-sweeps and --sweep-id a,b; a second run adds nothing; the ledger still verifies', { timeout: 400_000 }, async () => {
    const inA = enforced(A, code).length;
    const inB = enforced(B, code).length;
    expect(inA).toBeGreaterThan(0);
    expect(inB).toBeGreaterThan(0);
    expect(enforced(A).length).toBeGreaterThan(inA); // some of A is out of scope

    const dry = await runCli(['reverse', '--all-sweeps', '--code', code, '--now', NOW, '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout);
    expect(plan).toMatchObject({ dryRun: true, sweeps: [A, B], toReverse: inA + inB, reversed: 0 });
    expect(plan.bySweep).toEqual({
      [A]: { inScope: inA, toReverse: inA, alreadyReversed: 0, accounts: inA },
      [B]: { inScope: inB, toReverse: inB, alreadyReversed: 0, accounts: inB },
    });

    const human = await runCli(['reverse', '--sweep-id', `${B},${A}`, '--code', code, '--now', NOW]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`DRY RUN: would reverse ${inA + inB} actions`);
    expect(human.stdout).toContain('By sweep (2):');
    expect(human.stdout).toMatch(new RegExp(`\\n  ${A}  ${inA} accounts, ${inA} actions to reverse, 0 already reversed\\n`));
    expect(human.stdout).toMatch(new RegExp(`\\n  ${B}  ${inB} accounts, ${inB} actions to reverse, 0 already reversed\\n`));

    const unknown = await runCli(['reverse', '--sweep-id', `${A},nosuch`, '--code', code, '--now', NOW]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--sweep-id: no sweep with id "nosuch"');

    const onlyA = await runCli(['reverse', '--sweep-id', A, '--code', code, '--execute', '--reason', 'detector bug', '--now', NOW, '--json']);
    expect(onlyA.code, onlyA.stderr).toBe(0);
    expect(JSON.parse(onlyA.stdout)).toMatchObject({ dryRun: false, reversed: inA, sweeps: [A], reversedBySweep: { [A]: inA } });

    const all = await runCli(['reverse', '--all-sweeps', '--code', code, '--execute', '--reason', 'detector bug', '--now', NOW, '--json']);
    expect(all.code, all.stderr).toBe(0);
    const done = JSON.parse(all.stdout);
    expect(done.bySweep[A]).toEqual({ inScope: inA, toReverse: 0, alreadyReversed: inA, accounts: 0 });
    expect(done).toMatchObject({ reversed: inB, reversedBySweep: { [A]: 0, [B]: inB } });

    const again = await runCli(['reverse', '--all-sweeps', '--code', code, '--execute', '--reason', 'detector bug', '--now', NOW]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Reversed 0 actions (0 accounts)');
    expect(again.stdout).toMatch(new RegExp(`  ${A}  0 accounts, 0 actions to reverse, ${inA} already reversed; reversed now 0`));

    const after = await onStack(() => auditRepository().allLedger());
    const reverses = after.filter((e) => e.step === 'reverse');
    expect(reverses).toHaveLength(inA + inB);
    expect(new Set(reverses.map((e) => `${e.accountId}/${e.sweepId}`)).size).toBe(inA + inB);
    const verified = await runCli(['audit', 'verify']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});

describe('appeal list and show', () => {
  it('lists by status and sweep (JSON and a table), shows one appeal in human form', { timeout: 400_000 }, async () => {
    const open = enforced(A).filter((e) => !(e.codes as string[]).includes(code));
    expect(open.length).toBeGreaterThanOrEqual(2);
    const [p1, p2] = open;
    const ids: string[] = [];
    for (const [e, at] of [
      [p1, '2026-11-24T00:00:00.000Z'],
      [p2, '2026-11-24T06:00:00.000Z'],
    ] as const) {
      const r = await runCli(['appeal', 'submit', '--account', e.accountId, '--sweep-id', A, '--statement', `not me (${e.accountId})`, '--now', at, '--json']);
      expect(r.code, r.stderr).toBe(0);
      ids.push(JSON.parse(r.stdout).appealId);
    }
    const rejected = await runCli(['appeal', 'decide', '--appeal-id', ids[1], '--outcome', 'rejected', '--reason', 'evidence confirmed', '--by', 'handler-7', '--now', NOW]);
    expect(rejected.code, rejected.stderr).toBe(0);

    const pending = await runCli(['appeal', 'list', '--status', 'pending', '--json']);
    expect(pending.code, pending.stderr).toBe(0);
    expect((JSON.parse(pending.stdout) as AppealRecord[]).map((a) => [a.appealId, a.accountId, a.status])).toEqual([[ids[0], p1.accountId, 'pending']]);

    const everything = await runCli(['appeal', 'list', '--sweep-id', A, '--json']);
    expect((JSON.parse(everything.stdout) as AppealRecord[]).map((a) => a.appealId)).toEqual(ids);
    const none = await runCli(['appeal', 'list', '--sweep-id', B, '--json']);
    expect(JSON.parse(none.stdout)).toEqual([]);

    const table = await runCli(['appeal', 'list', '--status', 'rejected']);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^APPEAL\s+STATUS\s+ACCOUNT\s+SWEEP\s+ACTION\s+SUBMITTED/);
    expect(lines[1]).toMatch(new RegExp(`^${ids[1]}\\s+rejected\\s+${p2.accountId}\\s+${A}\\s+${p2.action}\\s+2026-11-24T06:00:00.000Z.*${NOW} by handler-7$`));
    expect(lines.at(-1)).toBe('1 rejected appeal.');

    const shown = await runCli(['appeal', 'show', '--appeal-id', ids[0]]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.startsWith(`Appeal ${ids[0]}: pending\n`)).toBe(true);
    expect(shown.stdout).toContain(`statement  not me (${p1.accountId})`);
    expect(shown.stdout).toContain(`crackdown appeal decide --appeal-id ${ids[0]}`);
    expect(shown.stdout).not.toContain('{');
    const asJson = await runCli(['appeal', 'show', '--appeal-id', ids[1], '--json']);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ appealId: ids[1], status: 'rejected', decidedBy: 'handler-7', decisionReason: 'evidence confirmed' });
    const missing = await runCli(['appeal', 'show', '--appeal-id', 'ap-00000000000000000000']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--appeal-id: no appeal with id "ap-00000000000000000000"');
  });
});
