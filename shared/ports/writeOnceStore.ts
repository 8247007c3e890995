/**
 * A store whose objects, once created, can be neither overwritten nor deleted by the writers:
 * an S3 bucket with Object Lock in AWS, a folder of read-only files created exclusively locally.
 * The ledger's anchors live there.
 */
export interface WriteOnceStore {
  /** A human-readable location for messages. */
  describe(key: string): string;
  /** Creates `key`; rejects with ObjectExistsError when it already exists (never overwrites). */
  create(key: string, body: string): Promise<void>;
  readText(key: string): Promise<string>;
  /** Keys under a prefix, in lexicographic order. */
  list(prefix: string): Promise<string[]>;
}

export class ObjectExistsError extends Error {
  readonly code = 'ObjectExists';
  constructor(readonly location: string) {
    super(`refusing to overwrite ${location}: write-once`);
  }
}
