/** Streams a sweep's decisions, bucket by bucket, in account order within each bucket. */
import type { BlobStore } from '#shared/ports/blobStore';
import type { Decision } from '#shared/policy/decideAction';
import { readLines } from '#shared/snapshot/readPart';
import { parseDecisionLine } from './sweepArtifacts.ts';
import { sweepPaths } from './sweepPaths.ts';

export async function* readDecisionObject(work: BlobStore, key: string): AsyncGenerator<{ decision: Decision; line: number }> {
  let line = 0;
  for await (const text of readLines(await work.read(key))) {
    line += 1;
    if (text) yield { decision: parseDecisionLine(work, key, line, text), line };
  }
}

export async function* readDecisions(work: BlobStore, sweepId: string): AsyncGenerator<Decision> {
  for (const key of await work.list(sweepPaths(sweepId).decisions)) {
    for await (const { decision } of readDecisionObject(work, key)) yield decision;
  }
}
