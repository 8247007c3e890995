/** Writes a sweep's decisions.jsonl (CONTRACT §3) to a file as it is merged: the file, not the process, holds the sweep. */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from '#shared/ports/blobStore';
import { exportDecisionLines } from '#shared/pipeline/exportDecisions';

/** Returns the number of lines written. */
export async function writeDecisionExport(work: BlobStore, sweepId: string, path: string): Promise<number> {
  let lines = 0;
  async function* text() {
    for await (const line of exportDecisionLines(work, sweepId)) {
      lines += 1;
      yield line + '\n';
    }
  }
  await pipeline(Readable.from(text()), createWriteStream(path));
  return lines;
}
