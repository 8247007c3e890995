/**
 * The sweep's failure path: a stage failed after its retries, so the Sweeps table must say so
 * (otherwise `crackdown status` and auditors see it "running" forever).
 */
import type { SweepRegistry } from '#shared/ports/sweepRegistry';

/** What Step Functions catches into `$.error` (States.ALL): the error name and its cause. */
export interface StageFailure {
  Error?: string;
  Cause?: string;
}

/** Errors that refuse a request and leave the sweep already holding this id as it was. */
const REFUSALS = new Set(['SweepConflictError']);

const MAX_MESSAGE = 500;

/**
 * `Error: message`. A Lambda's cause is a JSON document with the message and a stack trace;
 * only the message is kept (the trace names code, not the sweep's problem).
 */
export function failureMessage(failure: StageFailure): string {
  const name = failure.Error ?? 'Error';
  let message = failure.Cause ?? '';
  try {
    const parsed = JSON.parse(message) as { errorMessage?: unknown };
    if (typeof parsed?.errorMessage === 'string') message = parsed.errorMessage;
  } catch {
    // a plain-text cause
  }
  const text = message ? `${name}: ${message}` : name;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/** Marks the sweep failed, unless the failure was a refusal of a conflicting request. */
export async function recordSweepFailure(registry: SweepRegistry, sweepId: string, failure: StageFailure, at: string): Promise<'recorded' | 'refusal'> {
  if (failure.Error && REFUSALS.has(failure.Error)) return 'refusal';
  await registry.failed(sweepId, failureMessage(failure), at);
  return 'recorded';
}
