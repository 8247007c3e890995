/**
 * Two `crackdown sweep` processes on one state folder: the one that takes the folder's lock runs,
 * the other is refused at once (exit 8, naming the holder) with nothing of its own started, and
 * runs fine afterwards. An interrupted sweep (SIGINT) releases the lock on its way out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';

const bin = join(process.cwd(), 'scripts/cli/bin.mjs');
let dir: string;
let snapshot: string;

interface Run {
  child: ChildProcess;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>;
}

function startCli(args: string[]): Run {
  const t0 = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const done = new Promise<Awaited<Run['done']>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 }));
  });
  return { child, stderr: () => stderr, done };
}

async function until(what: string, cond: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sweepArgs = (stateDir: string, id: string) => ['sweep', '--snapshot', snapshot, '--sweep-id', id, '--state-dir', stateDir, '--buckets', '2', '--workers', '0'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-concurrent-'));
  snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 400, seed: 'concurrent', outDir: snapshot, partsPerKind: 1 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('two sweeps on one state folder', () => {
  it('the second is refused promptly with exit 8 naming the running one; nothing is lost and it runs once the first is done', { timeout: 600_000 }, async () => {
    const stateDir = join(dir, 'state-two');
    const lock = join(stateDir, 'stack.lock');
    const first = startCli([...sweepArgs(stateDir, 'first'), '--json']);
    await until('the first sweep to take the lock', () => existsSync(lock) || first.child.exitCode !== null);
    expect(first.child.exitCode).toBeNull();
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: first.child.pid, command: expect.stringContaining('crackdown sweep') });

    const second = await startCli([...sweepArgs(stateDir, 'second'), '--json']).done;
    expect(second.code, second.stderr).toBe(8);
    expect(second.stderr).toContain(`is in use by another embedded stack (pid ${first.child.pid} (crackdown sweep --snapshot`);
    expect(second.stderr).toContain('--sweep-id first');
    expect(second.stderr).toMatch(/wait for that one to finish/);
    expect(second.stdout).toBe('');
    // refused before any JVM or sweep of its own: well under a stack start-up plus a sweep
    expect(first.child.exitCode).toBeNull();
    expect(second.ms).toBeLessThan(30_000);

    const firstDone = await first.done;
    expect(firstDone.code, firstDone.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);

    // The refused sweep left no trace: its id is unknown until it is run.
    const unknown = await startCli(['status', '--sweep-id', 'second', '--state-dir', stateDir]).done;
    expect(unknown.code, unknown.stderr).toBe(2);
    const rerun = await startCli([...sweepArgs(stateDir, 'second'), '--json']).done;
    expect(rerun.code, rerun.stderr).toBe(0);
    const status = await startCli(['status', '--state-dir', stateDir, '--json']).done;
    expect(status.code, status.stderr).toBe(0);
    const sweeps = JSON.parse(status.stdout) as Array<{ sweepId: string; status: string }>;
    expect(sweeps.map((s) => [s.sweepId, s.status]).sort()).toEqual([
      ['first', 'complete'],
      ['second', 'complete'],
    ]);
  });

  it('an interrupted sweep (SIGINT) exits 130 and releases the lock; the next sweep on the folder runs and resumes it', { timeout: 600_000 }, async () => {
    const stateDir = join(dir, 'state-sigint');
    const lock = join(stateDir, 'stack.lock');
    const args = sweepArgs(stateDir, 'interrupted');
    const run = startCli(args);
    await until('the sweep to start its stages', () => /\[sweep\] \S+ started/.test(run.stderr()) || run.child.exitCode !== null);
    expect(existsSync(lock)).toBe(true);
    run.child.kill('SIGINT');
    const stopped = await run.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted/i);
    expect(existsSync(lock)).toBe(false);

    const resumed = await startCli([...args, '--json']).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
