/**
 * `sweeps/<id>/review/paused.json`: where the CLI left a sweep paused for human review on the
 * embedded stack (a local-only artifact: in AWS the execution itself waits). Read and written
 * only here, through its schema, like the sweep's own artifacts (shared/pipeline/sweepArtifacts.ts).
 */
import { z } from 'zod';
import type { BlobStore } from '#shared/ports/blobStore';
import { parseArtifact } from '#shared/pipeline/sweepArtifacts';
import { sweepPaths } from '#shared/pipeline/sweepPaths';
import type { PausedExecution } from '#scripts/local/localStepFunctions';

const pausedSchema = z.object({
  machine: z.string().min(1),
  state: z.string().min(1),
  input: z.unknown(),
  token: z.string().min(1),
  waitingSince: z.string().min(1),
  timeoutSeconds: z.number().positive(),
  /** Set once `crackdown review close` (or a resume) ran the sweep on: it is not resumed twice. */
  resumed: z.boolean().optional(),
}) satisfies z.ZodType<PausedExecution>;
export type PausedSweepFile = z.infer<typeof pausedSchema>;

export const pausedPath = (sweepId: string) => `${sweepPaths(sweepId).root}review/paused.json`;

export async function readPaused(work: BlobStore, sweepId: string): Promise<PausedSweepFile | undefined> {
  const key = pausedPath(sweepId);
  if (!(await work.exists(key))) return undefined;
  return parseArtifact('review/paused.json', work.describe(key), pausedSchema, await work.readText(key));
}

export async function writePaused(work: BlobStore, sweepId: string, paused: PausedSweepFile): Promise<void> {
  await work.write(pausedPath(sweepId), JSON.stringify(pausedSchema.parse(paused)));
}
