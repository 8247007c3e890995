/** Keys of a folder-backed store: the files under `root`, as '/'-joined paths relative to it. */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Every key under `root` starting with `prefix`, sorted. The walk starts at the prefix's folder
 * (not the whole root) and skips files `skip` names (e.g. a writer's temporary files).
 */
export async function listFolderKeys(root: string, prefix: string, skip: (name: string) => boolean = () => false): Promise<string[]> {
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
      else if (!skip(e.name)) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  const base = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
  const start = resolve(root, base);
  if (start !== resolve(root) && !start.startsWith(resolve(root) + sep)) throw new Error(`prefix "${prefix}" escapes ${root}`);
  await walk(start);
  return out.filter((k) => k.startsWith(prefix)).sort();
}
