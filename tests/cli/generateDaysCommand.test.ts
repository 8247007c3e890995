/** `crackdown generate --days`: one folder per day, days.json, one human line per day, the summary with --json. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '#scripts/cli/main';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(['node', 'crackdown', ...args]), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-days-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('crackdown generate --days', () => {
  it('writes a snapshot per day from --start and prints the days summary as JSON', async () => {
    const out = join(dir, 'json');
    const r = await run('generate', '--days', '2', '--start', '2026-12-01', '--accounts', '300', '--seed', 'cli', '--out', out, '--json');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out);
    const listed = JSON.parse(readFileSync(join(out, 'days.json'), 'utf8'));
    expect(printed.days).toEqual(listed.days);
    expect(listed.days.map((d: { date: string }) => d.date)).toEqual(['2026-12-01', '2026-12-02']);
    for (const d of listed.days) {
      expect(JSON.parse(readFileSync(join(out, d.date, 'manifest.json'), 'utf8')).snapshotId).toBe(d.snapshotId);
      expect(existsSync(join(out, d.date, 'labels.jsonl'))).toBe(true);
    }
  });

  it('prints one line per day in human mode, and keeps the single snapshot without --days', async () => {
    const r = await run('generate', '--days', '3', '--accounts', '300', '--seed', 'cli', '--out', join(dir, 'human'));
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.filter((l) => /^2026-11-(18|19|20) {2}2026-11-\d\d-gen-cli-300-day\dof3 {2}accounts \d+/.test(l))).toHaveLength(3);
    const single = await run('generate', '--accounts', '300', '--seed', 'cli', '--out', join(dir, 'single'));
    expect(single.code).toBe(0);
    expect(existsSync(join(dir, 'single', 'manifest.json'))).toBe(true);
    expect(existsSync(join(dir, 'single', 'days.json'))).toBe(false);
  });

  it('refuses --start without --days, and a day that does not exist', async () => {
    const a = await run('generate', '--start', '2026-11-18', '--accounts', '300', '--out', join(dir, 'x'));
    expect([a.code, a.err]).toEqual([2, expect.stringContaining('--start needs --days')]);
    const b = await run('generate', '--days', '2', '--start', '2026-02-30', '--accounts', '300', '--out', join(dir, 'x'));
    expect(b.code).toBe(2);
    expect(b.err).toContain('--start must be a day');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
