/** A BlobStore seen through a key prefix: replays write a whole sweep's files under a scratch prefix. */
import type { Readable } from 'node:stream';
import type { BlobStore } from '#shared/ports/blobStore';

export class PrefixedStore implements BlobStore {
  constructor(
    private readonly inner: BlobStore,
    readonly prefix: string,
  ) {}
  describe = (key: string) => this.inner.describe(this.prefix + key);
  read = (key: string): Promise<Readable> => this.inner.read(this.prefix + key);
  readText = (key: string) => this.inner.readText(this.prefix + key);
  write = (key: string, body: string | Uint8Array) => this.inner.write(this.prefix + key, body);
  exists = (key: string) => this.inner.exists(this.prefix + key);
  sizeOf = (key: string) => this.inner.sizeOf(this.prefix + key);
  async list(prefix: string): Promise<string[]> {
    return (await this.inner.list(this.prefix + prefix)).map((k) => k.slice(this.prefix.length));
  }
}
