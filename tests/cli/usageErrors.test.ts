import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditInputError } from '#shared/audit/appeals';
import { asCli } from '#scripts/cli/commands/auditDeps';
import type { CliError } from '#scripts/cli/exitCodes';
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
    for (const args of [['campaigns', '--help'], ['campaigns'], ['bogus', 'x']]) {
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

describe('exit codes agree across commands', () => {
  it('what the arguments name does not exist: 2, like status and export; other bad input: 3', async () => {
    const notFound = await asCli(() => Promise.reject(new AuditInputError('no sweep with id "x"', 'not-found')), '--sweep-id: ').catch((e: CliError) => e);
    expect([notFound.exitCode, notFound.message]).toEqual([2, '--sweep-id: no sweep with id "x" (nothing was changed)']);
    const invalid = await asCli(() => Promise.reject(new AuditInputError('appeal window closed', 'conflict'))).catch((e: CliError) => e);
    expect(invalid.exitCode).toBe(3);
  });

  it('reverse --execute without --reason is a usage error before anything starts', async () => {
    const r = await run('reverse', '--code', 'water-army', '--all-sweeps', '--execute');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--reason is required with --execute');
  });

  it('reverse without --sweep-id or --all-sweeps is a usage error before anything starts: a wave never spans every sweep by default', async () => {
    const none = await run('reverse', '--code', 'water-army');
    expect(none.code).toBe(2);
    expect(none.err).toContain('name the sweeps: --sweep-id <id[,id…]>, or --all-sweeps');
    const both = await run('reverse', '--code', 'water-army', '--sweep-id', 's1', '--all-sweeps');
    expect(both.code).toBe(2);
    expect(both.err).toContain('either --sweep-id or --all-sweeps, not both');
    const bad = await run('reverse', '--sweep-id', 's1,no way', '--code', 'water-army');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"no way"');
  });

  it('appeal list --status takes pending, upheld or rejected only', async () => {
    const r = await run('appeal', 'list', '--status', 'open');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--status must be one of pending, upheld, rejected, got "open"');
  });

  it('a labels file that does not exist is named, not a raw ENOENT', async () => {
    const r = await run('eval', '--sweep-id', 's1', '--labels', '/no/such/labels.jsonl');
    expect(r.code).toBe(3);
    expect(r.err).toContain('--labels: no such file: /no/such/labels.jsonl');
    expect(r.err).not.toContain('ENOENT');
  });
});
