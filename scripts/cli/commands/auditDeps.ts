/** Shared wiring for the audit commands: ports on the embedded stack, and domain errors as CLI errors. */
import { auditRepository, enforcementRepository, liftScheduler, notificationSink, workStore } from '#shared/adapters/stageDependencies';
import { AuditInputError } from '#shared/audit/appeals';
import type { AuditDeps } from '#shared/audit/appealService';
import { CliError, EXIT } from '../exitCodes.ts';

export function auditDeps(): AuditDeps {
  return { audit: auditRepository(), enforcement: enforcementRepository(), sink: notificationSink(), scheduler: liftScheduler(), work: workStore() };
}

/**
 * Runs fn; an AuditInputError (nothing was changed) becomes a CLI error with its message, prefixed by the argument it
 * concerns: exit 2 when what the arguments name does not exist (as for every command), 3 for other bad input.
 */
export async function asCli<T>(fn: () => Promise<T>, prefix = ''): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AuditInputError) throw new CliError(`${prefix}${err.message} (nothing was changed)`, err.kind === 'not-found' ? EXIT.usage : EXIT.badInput);
    throw err;
  }
}
