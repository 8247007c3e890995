/**
 * A campaign played on the embedded stack, as an operator runs it: created paused-then-resumed, its days
 * swept in order under campaign+date sweep ids, a day re-run adding nothing, the same evidence on later days
 * punished once, and the campaign report's accounts equal to the ledger's distinct accounts (counted here
 * from the ledger itself).
 */
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditRepository } from '#shared/adapters/dynamoAuditRepository';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';
import { runCli } from './runCli.ts';

let dir: string;
const DAYS = ['2026-12-01', '2026-12-02', '2026-12-03'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-campaign-'));
  await generateSnapshot({ accounts: 400, seed: 'campaign', outDir: join(dir, 'snapshot'), partsPerKind: 1 });
  // the same platform exported each day: whatever was acted on day one is the same evidence on the days after
  await mkdir(join(dir, 'exports'));
  for (const day of DAYS) await symlink(join(dir, 'snapshot'), join(dir, 'exports', day));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a campaign on the embedded stack', () => {
  it('sweeps its days once each, enforces nothing while paused, punishes the same evidence once, and reports the ledger’s accounts', { timeout: 900_000 }, async () => {
    const state = ['--state-dir', join(dir, 'state')];
    const created = await runCli([
      'campaign',
      'create',
      '--id',
      'dec',
      '--title',
      'December',
      '--start',
      DAYS[0],
      '--end',
      DAYS[2],
      '--snapshot-template',
      join(dir, 'exports', '{date}'),
      '--json',
      ...state,
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).campaign).toMatchObject({ campaignId: 'dec', version: 1 });

    expect((await runCli(['campaign', 'pause', 'dec', '--reason', 'dry run first', ...state])).code).toBe(0);
    const whilePaused = await runCli(['campaign', 'run', 'dec', '--workers', '0', '--json', ...state]);
    expect(whilePaused.code, whilePaused.stderr).toBe(0);
    expect(JSON.parse(whilePaused.stdout).days).toEqual([{ day: DAYS[0], sweepId: 'dec-20261201', outcome: expect.stringContaining('paused') }]);

    expect((await runCli(['campaign', 'resume', 'dec', ...state])).code).toBe(0);
    const first = await runCli(['campaign', 'run', 'dec', '--through', DAYS[1], '--workers', '0', '--json', ...state]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).days.map((d: { sweepId: string }) => d.sweepId)).toEqual(['dec-20261201', 'dec-20261202']);
    const again = await runCli(['campaign', 'run', 'dec', '--workers', '0', '--json', ...state]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).days.map((d: { outcome: string }) => d.outcome.split(':')[0])).toEqual(['already swept', 'already swept', 'swept']);

    const report = await runCli(['campaign', 'report', 'dec', '--json', ...state]);
    expect(report.code, report.stderr).toBe(0);
    const r = JSON.parse(report.stdout);
    expect(r.announcement.en).toContain('Between 1 Dec and');

    // the ledger, read directly: one enforce entry per account over the whole campaign
    const stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
    try {
      const audit = new DynamoAuditRepository();
      const enforced = new Map<string, number>();
      for (const day of ['dec-20261201', 'dec-20261202', 'dec-20261203']) {
        for (const e of await audit.ledgerForSweep(day)) if (e.step === 'enforce') enforced.set(e.accountId, (enforced.get(e.accountId) ?? 0) + 1);
      }
      expect(enforced.size).toBeGreaterThan(10);
      expect([...enforced.values()].filter((n) => n > 1)).toEqual([]);
      expect(r.report.totals.accounts).toBe(enforced.size);
    } finally {
      await stack.stop();
    }
  });
});
