/**
 * `crackdown sweep --review human` used to print "paused for human review" and never exit: the paused execution
 * left aws-local-stepfunctions' Task timer (the review's timeout) armed. The command must end once it has paused
 * (the test's own time limit fails it otherwise), and `review close` must then resume and finish the sweep.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { runCli } from './runCli.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-paused-'));
  await generateSnapshot({ accounts: 400, seed: 'paused', outDir: join(dir, 'snapshot'), partsPerKind: 1 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a sweep paused for human review', () => {
  it('ends the command once paused, and review close resumes it to the end', { timeout: 180_000 }, async () => {
    const state = ['--state-dir', join(dir, 'state')];
    const paused = await runCli(['sweep', '--snapshot', join(dir, 'snapshot'), '--sweep-id', 'paused-1', '--review', 'human', '--workers', '0', '--json', ...state]);
    expect(paused.code, paused.stderr).toBe(0);
    expect(JSON.parse(paused.stdout)).toMatchObject({ paused: true, sweepId: 'paused-1' });
    const closed = await runCli(['review', 'close', '--sweep-id', 'paused-1', ...state]);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stdout).toContain('summary.json');
  });
});
