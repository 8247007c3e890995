/** Runs a command against the embedded stack: start, work, always stop; Java missing becomes exit 5, a state folder another command holds exit 8. */
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
    if (err instanceof StateDirLockedError) throw new CliError(err.message, EXIT.busy);
    if (err instanceof JavaUnavailableError) throw new CliError(err.message, EXIT.environment);
    throw err;
  }
  try {
    return await fn(stack);
  } finally {
    await stack.stop();
  }
}
