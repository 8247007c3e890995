/** `crackdown estimate` (issue 17, docs/scale.md): the model's answer as JSON and as text, and its usage errors. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '#scripts/cli/main';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(['node', 'crackdown', ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('crackdown estimate', () => {
  it('prints the estimate as JSON: counts, costs and the concurrency for the target', async () => {
    const r = await run('estimate', '--accounts', '300000000', '--json');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out);
    expect(e.accounts).toBe(300_000_000);
    expect(e.concurrency).toBeGreaterThan(1);
    expect(e.wallSeconds).toBeLessThanOrEqual(3600);
    expect(e.costUsd.total).toBeGreaterThan(e.costUsd.lambda);
    expect(e.buckets).toBeGreaterThan(512);
    expect(e.bucketCapExceeded).toBe(false);
  });

  it('says when the target cannot be met, and rejects a share outside 0..1', async () => {
    const tight = await run('estimate', '--accounts', '300000000', '--target-minutes', '1');
    expect(tight.code).toBe(0);
    expect(tight.out).toContain('not reachable within 1 min');
    const bad = await run('estimate', '--accounts', '1000', '--acted-share', '2');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--acted-share must be between 0 and 1');
  });
});
