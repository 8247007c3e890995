/**
 * Runs one sweep on the embedded stack through the synthesized Sweep state machine, with
 * a progress bar per stage, and turns failures into exit codes.
 */
import { resolve } from 'node:path';
import { openStore } from '#shared/adapters/openStore';
import { sweepRegistry } from '#shared/adapters/stageDependencies';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { Policy } from '#shared/policy/policySchema';
import { partSizes, listParts, readManifest, SnapshotError } from '#shared/snapshot/readManifest';
import { runStateMachine, type StageEvent } from '#scripts/local/localStepFunctions';
import { SWEEP_MAPS } from '#infra/stages';
import { CliError, EXIT } from './exitCodes.ts';

const MAP_STATES = new Set<string>(SWEEP_MAPS.map((m) => m.state));
import { makeProgress, type Output } from './output.ts';

export interface SweepRequest {
  sweepId: string;
  snapshot: string;
  policy: Policy;
  codes?: string[];
  bucketCount?: number;
  workers?: number;
}

export function snapshotUri(location: string): string {
  return location.startsWith('s3://') ? location : resolve(location);
}

/** The manifest and every part are checked before the stack starts: a bad snapshot costs nothing. */
export async function preflightSnapshot(location: string): Promise<void> {
  try {
    const store = openStore(location);
    await partSizes(store, listParts(await readManifest(store)));
  } catch (err) {
    if (err instanceof SnapshotError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
}

export async function runSweep(req: SweepRequest, out: Output, signal?: AbortSignal): Promise<SweepSummary> {
  const progress = makeProgress(out);
  const onEvent = (e: StageEvent) => {
    if (e.map !== undefined) return; // states inside a Map iteration: the Map's own bar counts them
    switch (e.type) {
      case 'map-started':
        progress.stageStarted(e.state, e.total ?? 0);
        break;
      case 'map-iteration-done':
        progress.stepDone(e.state);
        break;
      case 'state-entered':
        if (!MAP_STATES.has(e.state)) progress.stageStarted(e.state, 1);
        break;
      case 'state-exited':
        progress.stageDone(e.state);
        break;
      case 'state-retried':
        out.info(`[sweep] ${e.state} retrying (attempt ${e.attempt ?? '?'})`);
        break;
    }
  };
  const input = {
    sweepId: req.sweepId,
    snapshot: req.snapshot,
    policy: req.policy,
    ...(req.codes?.length ? { codes: req.codes } : {}),
    ...(req.bucketCount ? { bucketCount: req.bucketCount } : {}),
    review: 'auto',
  };
  try {
    return (await runStateMachine('sweep', input, { onEvent, signal, workers: req.workers })) as SweepSummary;
  } catch (err) {
    if (signal?.aborted) throw new CliError(`sweep ${req.sweepId} interrupted; run the same command again to resume`, EXIT.interrupted);
    const message = (err as Error).message;
    await sweepRegistry().failed(req.sweepId, message, new Date().toISOString()).catch(() => undefined);
    if (/SweepConflictError|SnapshotError|PolicyError|InvalidStageInput/.test(`${(err as Error).name} ${message}`)) {
      throw new CliError(message, EXIT.badInput);
    }
    throw new CliError(`sweep ${req.sweepId} failed: ${message}\nRe-run the same command to resume; finished work is not repeated.`, EXIT.sweepFailed);
  } finally {
    progress.stop();
  }
}
