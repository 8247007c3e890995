/**
 * Writes many small objects with a bounded number in flight. A group item writes one signals object per account bucket
 * its signals name: up to tens of thousands at platform scale (37,000 buckets at 300M accounts), which one Promise.all
 * turned into as many concurrent requests (S3 sockets) or open files (a local folder: EMFILE).
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { runLimited } from './runLimited.ts';

export const WRITES_IN_FLIGHT = 32;

export async function writeObjects(work: BlobStore, objects: Iterable<[key: string, body: string]>, inFlight = WRITES_IN_FLIGHT): Promise<void> {
  await runLimited([...objects], inFlight, ([key, body]) => work.write(key, body));
}
