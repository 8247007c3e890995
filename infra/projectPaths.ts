import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the project root (the folder holding package.json and cdk.json). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of the handler module `functions/<module>.ts`. */
export function functionEntry(module: string): string {
  return join(PROJECT_ROOT, 'functions', `${module}.ts`);
}

export const LOCK_FILE = join(PROJECT_ROOT, 'package-lock.json');

/**
 * The `context` block of cdk.json (feature flags). The CLI passes it to the app itself; an
 * in-process synth (tests, local runner) reads it here so both see the same flags.
 */
export function cdkJsonContext(): Record<string, unknown> {
  const raw = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return raw.context ?? {};
}
