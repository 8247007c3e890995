/** Where snapshots, shuffle files, decisions and quarantine live: a local folder or an S3 bucket. */
import type { Readable } from 'node:stream';

export interface BlobStore {
  /** A human-readable location for messages, e.g. `s3://bucket/prefix/` or a folder path. */
  describe(key: string): string;
  /** Rejects with an error whose `code` is `NotFound` when the key does not exist. */
  read(key: string): Promise<Readable>;
  readText(key: string): Promise<string>;
  /** Keeps nothing of `body` once the promise resolves: a writer may fill the same buffer again (BucketedWriter). */
  write(key: string, body: string | Uint8Array): Promise<void>;
  /** Keys under a prefix, in lexicographic order. */
  list(prefix: string): Promise<string[]>;
  exists(key: string): Promise<boolean>;
  /** Size in bytes; rejects with BlobNotFoundError when missing. */
  sizeOf(key: string): Promise<number>;
}

export class BlobNotFoundError extends Error {
  readonly code = 'NotFound';
  constructor(readonly location: string) {
    super(`not found: ${location}`);
  }
}

/** A location string (`s3://bucket/prefix/`, `file:///dir`, or a path) split into its parts. */
export type Location = { kind: 's3'; bucket: string; prefix: string } | { kind: 'file'; dir: string };

export function parseLocation(uri: string): Location {
  if (uri.startsWith('s3://')) {
    const rest = uri.slice('s3://'.length);
    const slash = rest.indexOf('/');
    const bucket = slash === -1 ? rest : rest.slice(0, slash);
    let prefix = slash === -1 ? '' : rest.slice(slash + 1);
    if (!bucket) throw new Error(`"${uri}" names no bucket; expected s3://bucket/prefix/`);
    if (prefix && !prefix.endsWith('/')) prefix += '/';
    return { kind: 's3', bucket, prefix };
  }
  if (uri.startsWith('file://')) return { kind: 'file', dir: decodeURIComponent(uri.slice('file://'.length)) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) throw new Error(`"${uri}": only s3:// URIs and local folders are supported`);
  return { kind: 'file', dir: uri };
}
