/**
 * `npm run bench -- --enforce` at a tiny size (300 accounts): the run enforces its own decisions on DynamoDB Local,
 * prints the enforcement lines beside the stage table and writes them into the bench JSON, and its re-run over the
 * same decisions applied nothing (the bench itself fails otherwise). No timing is asserted: only that the figures exist.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const dir = await mkdtemp(join(tmpdir(), 'crackdown-bench-enforce-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

it('bench --enforce prints and records enforcement beside the stages, and a re-run applies nothing', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/bench/benchDetect.ts',
      '--source',
      'own',
      '--accounts',
      '300',
      '--seed',
      '7',
      '--workers',
      '1',
      '--out',
      dir,
      '--enforce',
      '--raw-items',
      '100',
      '--raw-in-flight',
      '4',
    ],
    { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 },
  );
  expect(stdout).toMatch(/^ {4}enforce +[\d.]+ s /m);
  expect(stdout).toMatch(/^ {2}enforce +[\d.]+ s +\d+ actions\/s .*items and [\d.]+ write requests per action/m);
  expect(stdout).toMatch(/raw BatchWriteItem \(25 items of ~\d+ B, 4 in flight\), per round: [\d, ]+ items\/s/);
  expect(stdout).toMatch(/enforcement ratio to raw \(actions\/s ÷ raw items\/s, median of \d+ rounds\): [\d.]+/);
  expect(stdout).toMatch(/peak RSS per enforce worker: \d+ MB; re-run over the same decisions applied 0 /);

  const report = JSON.parse(await readFile(join(dir, 'bench-300-7.json'), 'utf8'));
  const e = report.enforcement;
  expect(e.actions).toBeGreaterThan(0);
  expect(e.actions).toBe(report.decisions);
  expect(e.rerunApplied).toBe(0);
  expect(e.rerunAlreadyApplied).toBe(e.actions);
  for (const k of ['actionsPerSecond', 'itemsPerAction', 'writeRequestsPerAction', 'ratioToRaw', 'itemRatioToRaw']) expect(e[k]).toBeGreaterThan(0);
  expect(e.raw.itemsPerSecond.length).toBe(e.rounds.length);
  expect(e.maxRssMbPerWorker).toHaveLength(1);
  expect(report.perStage.enforce.maxRssMbPerWorker).toEqual(e.maxRssMbPerWorker);
}, 600_000);
