/**
 * `crackdown audit verify` as an operator runs it, a process against a state folder: an honest
 * ledger after enforce, lift, appeal (upheld) and a wave reversal exits 0 and replays without a
 * difference; the two forgeries the hash chain alone let through (a forged reverse entry that clears
 * an account, a rewritten lift entry, each with its hash recomputed and the chain head moved) exit 6.
 * Tampering is done between commands on the embedded stack's own DynamoDB Local tables.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '#shared/adapters/awsClients';
import { auditRepository, workStore } from '#shared/adapters/stageDependencies';
import { tableName } from '#shared/adapters/tableDefinitions';
import { chainEntry } from '#shared/audit/hashChain';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';
import { runCli as runCrackdown } from './runCli.ts';

const SWEEP = 'cli-audit-1';
const NOW = '2026-11-25T00:00:00.000Z';
let dir: string;
let stateDir: string;
let decisions: Decision[] = [];

const runCli = (args: string[]) => runCrackdown([...args, '--state-dir', stateDir]);

/** Runs `fn` on the embedded stack of the state folder, then stops it (the CLI takes the folder next). */
async function onStack<T>(fn: () => Promise<T>): Promise<T> {
  const stack = await startEmbeddedStack({ stateDir, quiet: true, handleSignals: false });
  try {
    return await fn();
  } finally {
    await stack.stop();
  }
}

const put = (table: 'ledger' | 'penalties', item: object) => documentClient().send(new PutCommand({ TableName: tableName(table), Item: item }));
const del = (table: 'ledger', key: Record<string, string>) => documentClient().send(new DeleteCommand({ TableName: tableName(table), Key: key }));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-audit-cli-'));
  stateDir = join(dir, 'state');
  await generateSnapshot({ accounts: 300, seed: 'audit-cli', outDir: join(dir, 'snapshot'), partsPerKind: 1 });
  await onStack(async () => {
    await runStateMachine('sweep', { sweepId: SWEEP, snapshot: join(dir, 'snapshot'), policy: defaultPolicy(), review: 'auto', bucketCount: 2 }, { workers: 0 });
    for await (const d of readDecisions(workStore(), SWEEP)) decisions.push(d);
  });
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const acted = () => decisions.filter((d) => d.action !== 'none');

describe('audit verify, run as a process', () => {
  it('an honest ledger after enforce, lift, an upheld appeal and a wave reversal: exit 0, and replay finds no difference', { timeout: 300_000 }, async () => {
    expect(acted().length).toBeGreaterThan(5);
    expect((await runCli(['lift', '--now', '2027-06-01T00:00:00Z'])).code).toBe(0);
    const target = acted().find((d) => d.action === 'ban' || d.action === 'warn')!;
    const submitted = await runCli(['appeal', 'submit', '--account', target.accountId, '--sweep-id', SWEEP, '--statement', 'not me', '--now', NOW, '--json']);
    expect(submitted.code, submitted.stderr).toBe(0);
    const decided = await runCli(['appeal', 'decide', '--appeal-id', JSON.parse(submitted.stdout).appealId, '--outcome', 'upheld', '--reason', 'shared device', '--now', NOW]);
    expect(decided.code, decided.stderr).toBe(0);
    const code = acted().find((d) => d.accountId !== target.accountId)!.codes[0];
    const reversed = await runCli(['reverse', '--sweep-id', SWEEP, '--code', code, '--execute', '--reason', 'detector bug', '--now', NOW, '--json']);
    expect(reversed.code, reversed.stderr).toBe(0);

    const verified = await runCli(['audit', 'verify', '--json']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const report = JSON.parse(verified.stdout);
    expect(report).toMatchObject({ ok: true, issues: [] });
    expect(report.ledgerAnchors).toBeGreaterThan(0);
    const steps = await onStack(async () => new Set((await auditRepository().allLedger()).map((e) => e.step)));
    // content: the notes and comments acted on with the penalties; content-restore: the wave put its items back
    expect([...steps].sort()).toEqual(['appeal-decide', 'appeal-submit', 'content', 'content-restore', 'enforce', 'lift', 'reverse']);

    const replay = await runCli(['replay', '--sweep-id', SWEEP, '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ differences: [], ledgerDifferences: [] });
  });

  it('a forged reverse entry that clears an account (hash recomputed, head moved): exit 6, unanchored', { timeout: 120_000 }, async () => {
    const undo = await onStack(async () => {
      const repo = auditRepository();
      const state = (await Promise.all(acted().map((d) => repo.penalty(d.accountId)))).find((s) => s?.status === 'active' && s.action === 'ban')!;
      const entries = (await repo.ledgerFor(state.accountId)).sort((a, b) => a.seq! - b.seq!);
      const enforce = entries.find((e) => e.step === 'enforce')!;
      const forged = chainEntry(
        { ...enforce, entryKey: `${SWEEP}#reverse`, step: 'reverse', actor: 'operator', reason: 'forged', reversesEntryKey: enforce.entryKey, recordedAt: NOW },
        { seq: state.chainSeq!, hash: state.chainHash! },
      );
      await put('ledger', forged);
      await put('penalties', { ...state, status: 'cleared', action: 'none', offenses: [], version: state.version + 1, chainSeq: forged.seq, chainHash: forged.hash });
      return async () => {
        await del('ledger', { accountId: state.accountId, entryKey: forged.entryKey });
        await put('penalties', state);
      };
    });
    const r = await runCli(['audit', 'verify']);
    expect(r.code, r.stdout + r.stderr).toBe(6);
    expect(r.stdout).toContain('[unanchored-entry]');
    expect(r.stdout).toContain(`${SWEEP}#reverse`);
    await onStack(undo);
  });

  it('a rewritten lift entry (new date, actor changed; hash recomputed, head moved): exit 6, unanchored', { timeout: 120_000 }, async () => {
    await onStack(async () => {
      const repo = auditRepository();
      const lift = (await repo.allLedger()).find((e) => e.step === 'lift' && e.seq === 2)!;
      const [enforce] = (await repo.ledgerFor(lift.accountId)).filter((e) => e.seq === 1);
      const state = (await repo.penalty(lift.accountId))!;
      expect(state.chainSeq).toBe(2);
      const rewritten = chainEntry({ ...lift, actor: 'operator', effectiveAt: '2027-01-02T00:00:00.000Z', recordedAt: '2027-01-02T00:00:00.000Z' }, { seq: enforce.seq!, hash: enforce.hash! });
      await put('ledger', rewritten);
      await put('penalties', { ...state, version: state.version + 1, chainHash: rewritten.hash });
    });
    const r = await runCli(['audit', 'verify', '--json']);
    expect(r.code, r.stderr).toBe(6);
    const report = JSON.parse(r.stdout);
    expect(report.issues.map((i: { kind: string }) => i.kind)).toEqual(['unanchored-entry']);
  });
});
