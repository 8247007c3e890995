/** Runs a command against the embedded stack: start, work, always stop; environment errors become exit 5. */
import { startEmbeddedStack, StateDirLockedError, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { JavaUnavailableError } from '#scripts/local/java';
import { CliError, EXIT } from './exitCodes.ts';

export interface StackOptions {
  stateDir?: string;
  quiet?: boolean;
}

export async function withStack<T>(opts: StackOptions, fn: (stack: EmbeddedStack) => Promise<T>): Promise<T> {
  let stack: EmbeddedStack;
  try {
    stack = await startEmbeddedStack({ stateDir: opts.stateDir, quiet: opts.quiet ?? true });
  } catch (err) {
    if (err instanceof JavaUnavailableError || err instanceof StateDirLockedError) throw new CliError((err as Error).message, EXIT.environment);
    throw err;
  }
  try {
    return await fn(stack);
  } finally {
    await stack.stop();
  }
}
