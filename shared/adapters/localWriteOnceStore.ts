/**
 * The embedded stack's write-once store: a folder whose files are created exclusively (`wx`:
 * an existing name is refused, never overwritten) and left read-only (0444). It keeps honest code
 * from rewriting an anchor; a local user with the folder can still delete files (docs/audit.md).
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { listFolderKeys } from './listFolderKeys.ts';
import { ObjectExistsError, type WriteOnceStore } from '#shared/ports/writeOnceStore';

export class LocalWriteOnceStore implements WriteOnceStore {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    const p = resolve(this.root, key);
    if (!p.startsWith(this.root + sep)) throw new Error(`key "${key}" escapes ${this.root}`);
    return p;
  }

  describe(key: string): string {
    return this.path(key);
  }

  async create(key: string, body: string): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    let handle;
    try {
      handle = await open(p, 'wx', 0o444);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ObjectExistsError(p);
      throw err;
    }
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  readText(key: string): Promise<string> {
    return readFile(this.path(key), 'utf8');
  }

  list(prefix: string): Promise<string[]> {
    return listFolderKeys(this.root, prefix);
  }
}
