/** BlobStore over a local folder: used for snapshots on disk and by tests. */
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
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
  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const full = join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (!e.name.includes('.tmp-')) out.push(relative(this.root, full).split(sep).join('/'));
      }
    };
    const base = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    await walk(this.path(base || '.'));
    return out.filter((k) => k.startsWith(prefix)).sort();
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
