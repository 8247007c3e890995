/** Parsers for command-line arguments: each error names the argument and what is wrong. */
import { InvalidArgumentError } from 'commander';
import { readFile } from 'node:fs/promises';
import { parseCodeList } from '#shared/contract/violationCodes';
import { sweepIdSchema } from '#shared/pipeline/sweepPlan';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicyText, PolicyError } from '#shared/policy/loadPolicy';
import type { Policy } from '#shared/policy/policySchema';
import { CliError, EXIT } from './exitCodes.ts';

export function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`${name} must be a positive integer, got "${value}"`);
    return Number(value);
  };
}

export function sweepId(value: string): string {
  const r = sweepIdSchema.safeParse(value);
  if (!r.success) throw new InvalidArgumentError(`"${value}": ${r.error.issues[0].message}`);
  return value;
}

export function codeList(value: string): string[] {
  try {
    return parseCodeList(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function isoTime(value: string): string {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw new InvalidArgumentError(`"${value}" is not an ISO-8601 time such as 2026-12-01T00:00:00Z`);
  return new Date(t).toISOString();
}

export async function loadPolicyFile(path: string | undefined): Promise<Policy> {
  if (!path) return defaultPolicy();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`--policy ${path}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, EXIT.badInput);
  }
  try {
    return parsePolicyText(text, path);
  } catch (err) {
    if (err instanceof PolicyError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
}
