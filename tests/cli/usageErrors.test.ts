import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '#scripts/cli/main';

/** Runs the CLI in-process (no command here starts the embedded stack); returns the exit code and what it printed. */
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

describe('usage errors, as a new operator meets them', () => {
  it('an unknown command is a usage error (exit 2), even with --help, and names the command', async () => {
    for (const args of [['campaign', '--help'], ['campaign'], ['bogus', 'x']]) {
      const r = await run(...args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.err).toContain(`unknown command '${args[0]}'`);
      expect(r.out).toBe('');
    }
  });

  it('a usage error prints its one line and a hint, not the whole help', async () => {
    const r = await run('policy', 'validate');
    expect(r.code).toBe(2);
    expect(r.err).toContain("missing required argument 'file'");
    expect(r.err).toContain('--help');
    expect(r.err + r.out).not.toContain('Usage:');
  });

  it('--help still prints the help and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: crackdown');
  });
});
