/** Shared wiring for the audit commands: ports on the embedded stack, and domain errors as CLI errors. */
import { auditRepository, enforcementRepository, liftScheduler, notificationSink, workStore } from '#shared/adapters/stageDependencies';
import { AuditInputError } from '#shared/audit/appeals';
import type { AuditDeps } from '#shared/audit/appealService';
import { CliError, EXIT } from '../exitCodes.ts';

export function auditDeps(): AuditDeps {
  return { audit: auditRepository(), enforcement: enforcementRepository(), sink: notificationSink(), scheduler: liftScheduler(), work: workStore() };
}

/** Runs fn; an AuditInputError (nothing was changed) becomes exit 3 with its message, prefixed by the argument it concerns. */
export async function asCli<T>(fn: () => Promise<T>, prefix = ''): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AuditInputError) throw new CliError(`${prefix}${err.message} (nothing was changed)`, EXIT.badInput);
    throw err;
  }
}
