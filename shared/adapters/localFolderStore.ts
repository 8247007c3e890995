/** BlobStore over a local folder: used for snapshots on disk and by tests. */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { listFolderKeys } from './listFolderKeys.ts';
import type { Readable } from 'node:stream';
import { BlobNotFoundError, type BlobStore } from '#shared/ports/blobStore';

export class LocalFolderStore implements BlobStore {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }
  private path(key: string): string {
    const p = resolve(this.root, key);
    if (p !== this.root && !p.startsWith(this.root + sep)) throw new Error(`key "${key}" escapes ${this.root}`);
    return p;
  }
  describe(key: string): string {
    return this.path(key);
  }
  async read(key: string): Promise<Readable> {
    const p = this.path(key);
    await this.mustExist(p);
    return createReadStream(p);
  }
  async readText(key: string): Promise<string> {
    const p = this.path(key);
    await this.mustExist(p);
    return readFile(p, 'utf8');
  }
  async write(key: string, body: string | Uint8Array): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    // Write then rename, so a crash never leaves a half-written object under the real key.
    const tmp = `${p}.tmp-${process.pid}`;
    await writeFile(tmp, body);
    await rename(tmp, p);
  }
  list(prefix: string): Promise<string[]> {
    // a writer's temporary file is not an object yet
    return listFolderKeys(this.root, prefix, (name) => name.includes('.tmp-'));
  }
  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.path(key));
      return true;
    } catch {
      return false;
    }
  }
  async sizeOf(key: string): Promise<number> {
    const p = this.path(key);
    try {
      return (await stat(p)).size;
    } catch {
      throw new BlobNotFoundError(p);
    }
  }
  private async mustExist(p: string): Promise<void> {
    try {
      await stat(p);
    } catch {
      throw new BlobNotFoundError(p);
    }
  }
}
