/**
 * Runs one sweep on the embedded stack through the synthesized Sweep state machine, with
 * a progress bar per stage, and turns failures into exit codes.
 */
import { resolve } from 'node:path';
import { openStore } from '#shared/adapters/openStore';
import { sweepRegistry } from '#shared/adapters/stageDependencies';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import { recordSweepFailure } from '#shared/pipeline/recordSweepFailure';
import type { Policy } from '#shared/policy/policySchema';
import type { CampaignRef } from '#shared/pipeline/sweepPlan';
import { partSizes, listParts, readManifest, SnapshotError } from '#shared/snapshot/readManifest';
import { runStateMachine, StateMachinePausedError, type PausedExecution, type StageEvent, type WorkerPool } from '#scripts/local/localStepFunctions';
import { workStore } from '#shared/adapters/stageDependencies';
import { readSample } from '#shared/pipeline/sweepArtifacts';
import { readPaused, writePaused } from './pausedSweep.ts';
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
  /** Worker threads the caller keeps across sweeps (`campaign run`); it closes them (`workers` is then ignored). */
  pool?: WorkerPool;
  /** `human`: the sweep pauses at SampleForReview until the review is closed (default auto). */
  review?: 'auto' | 'human';
  /** When penalties start (default: when the review releases the sweep). */
  enforceAt?: string;
  /** The campaign this sweep is a day of (its kill switch and mode apply). */
  campaign?: CampaignRef;
}

/** A sweep paused for human review (`crackdown review close` resumes it). */
export interface PausedSweep {
  paused: true;
  sweepId: string;
  state: string;
  cases: number;
}

/** Where a paused execution is kept between CLI processes. */

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
  const result = await runSweepOrPause(req, out, signal);
  if ('paused' in result) throw new CliError(`sweep ${req.sweepId} paused for review (${result.cases} cases)`, EXIT.failure);
  return result;
}

/** Runs a sweep; a `review: human` sweep comes back paused at its review. */
export async function runSweepOrPause(req: SweepRequest, out: Output, signal?: AbortSignal): Promise<SweepSummary | PausedSweep> {
  const input = {
    sweepId: req.sweepId,
    snapshot: req.snapshot,
    policy: req.policy,
    ...(req.codes?.length ? { codes: req.codes } : {}),
    ...(req.bucketCount ? { bucketCount: req.bucketCount } : {}),
    review: req.review ?? 'auto',
    ...(req.enforceAt ? { enforceAt: req.enforceAt } : {}),
    ...(req.campaign ? { campaign: req.campaign } : {}),
  };
  return executeSweep(req.sweepId, input, out, { workers: req.workers, pool: req.pool }, signal);
}

/** Resumes a sweep paused for review (after the review was closed, or to let it time out). */
export async function resumeSweep(sweepId: string, out: Output, signal?: AbortSignal, workers?: number): Promise<SweepSummary | PausedSweep> {
  const work = workStore();
  const paused = await readPaused(work, sweepId);
  if (!paused) throw new CliError(`sweep ${sweepId} is not paused for review`, EXIT.badInput);
  if (paused.resumed) throw new CliError(`sweep ${sweepId} was already resumed; see \`crackdown status --sweep-id ${sweepId}\``, EXIT.badInput);
  const result = await executeSweep(sweepId, null, out, { workers, resume: paused }, signal);
  if (!('paused' in result)) await writePaused(work, sweepId, { ...paused, resumed: true });
  return result;
}

async function executeSweep(
  sweepId: string,
  input: unknown,
  out: Output,
  opts: { workers?: number; pool?: WorkerPool; resume?: PausedExecution },
  signal?: AbortSignal,
): Promise<SweepSummary | PausedSweep> {
  const req = { sweepId };
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
  try {
    return (await runStateMachine('sweep', input, { onEvent, signal, workers: opts.workers, pool: opts.pool, waitForTokens: 'pause', resume: opts.resume })) as SweepSummary;
  } catch (err) {
    if (err instanceof StateMachinePausedError) {
      progress.stop();
      await writePaused(workStore(), req.sweepId, err.paused);
      const session = await readSample(workStore(), req.sweepId);
      return { paused: true, sweepId: req.sweepId, state: err.paused.state, cases: session.sampled };
    }
    if (signal?.aborted) throw new CliError(`sweep ${req.sweepId} interrupted; run the same command again to resume`, EXIT.interrupted);
    const message = (err as Error).message;
    // the state machine's RecordSweepFailed has normally recorded it already; this covers failures outside it
    const refused = /SweepConflictError/.test(`${(err as Error).name} ${message}`);
    await recordSweepFailure(sweepRegistry(), req.sweepId, { Error: refused ? 'SweepConflictError' : (err as Error).name, Cause: message }, new Date().toISOString()).catch(() => undefined);
    if (/SweepConflictError|SnapshotError|PolicyError|InvalidStageInput/.test(`${(err as Error).name} ${message}`)) {
      throw new CliError(message, EXIT.badInput);
    }
    throw new CliError(`sweep ${req.sweepId} failed: ${message}\nRe-run the same command to resume; finished work is not repeated.`, EXIT.sweepFailed);
  } finally {
    progress.stop();
  }
}
