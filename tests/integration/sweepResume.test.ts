/**
 * The CLI killed (SIGKILL) in the middle of enforcement, then started again with the same
 * sweep id: the sweep finishes with every action in the ledger exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 600_000 });
import { enforcementRepository, workStore } from '#shared/adapters/stageDependencies';
import { contentEntryKey } from '#shared/enforcement/ledgerEntry';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';

const bin = join(process.cwd(), 'scripts/cli/bin.mjs');
let dir: string;
let snapshot: string;
let stateDir: string;

function runCli(args: string[], killWhen?: RegExp): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => {
      stderr += c;
      if (killWhen && killWhen.test(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-resume-'));
  snapshot = join(dir, 'snapshot');
  stateDir = join(dir, 'state');
  await generateSnapshot({ accounts: 1500, seed: 'resume', outDir: snapshot, partsPerKind: 2 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a sweep killed midway', () => {
  it('finishes on restart with the same id, without duplicates or gaps', async () => {
    const args = ['sweep', '--snapshot', snapshot, '--sweep-id', 'resume-1', '--state-dir', stateDir, '--buckets', '6', '--workers', '0'];
    const killed = await runCli(args, /EnforceActions 1\/6/);
    expect(killed.signal).toBe('SIGKILL');

    const resumed = await runCli([...args, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const { summary } = JSON.parse(resumed.stdout);
    // Some actions were already in the ledger from the killed run, the rest were added now.
    expect(summary.enforcement.alreadyApplied).toBeGreaterThan(0);

    const stack = await startEmbeddedStack({ stateDir, quiet: true, handleSignals: false });
    try {
      const acted = [];
      for await (const d of readDecisions(workStore(), 'resume-1')) if (d.action !== 'none') acted.push(d);
      expect(summary.enforcement.applied + summary.enforcement.alreadyApplied).toBe(acted.length);
      const repo = enforcementRepository();
      const ledger = await repo.ledgerForSweep('resume-1');
      // one enforce entry per action, and one content entry per note or comment each decision acted on: no duplicates, no gaps
      const items = acted.flatMap((d) => (d.contentActions ?? []).map((c) => contentEntryKey('resume-1', c.kind, c.itemId)));
      expect(ledger.filter((e) => e.step === 'enforce')).toHaveLength(acted.length);
      expect(
        ledger
          .filter((e) => e.step === 'content')
          .map((e) => e.entryKey)
          .sort(),
      ).toEqual(items.sort());
      expect(ledger).toHaveLength(acted.length + items.length);
      expect(new Set(ledger.map((e) => e.accountId))).toEqual(new Set(acted.map((d) => d.accountId)));
      const outbox = await repo.outbox('resume-1');
      expect(outbox).toHaveLength(acted.length * 2 + items.length);
      expect(outbox.every((m) => m.status === 'delivered')).toBe(true);
    } finally {
      await stack.stop();
    }
  });
});
