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

/** One account bucket's decisions, as stored; none when resolve wrote no object for the bucket. */
export async function* readBucketDecisions(work: BlobStore, sweepId: string, bucket: number): AsyncGenerator<Decision> {
  const key = sweepPaths(sweepId).decisionsObject(bucket);
  if (!(await work.exists(key))) return;
  for await (const { decision } of readDecisionObject(work, key)) yield decision;
}

export async function* readDecisions(work: BlobStore, sweepId: string): AsyncGenerator<Decision> {
  for (const key of await work.list(sweepPaths(sweepId).decisions)) {
    for await (const { decision } of readDecisionObject(work, key)) yield decision;
  }
}
