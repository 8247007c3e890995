/**
 * Writes a converted snapshot: manifest.json, one part per kind (gzip JSON Lines by default, plain with
 * `gzip: false`) and labels.jsonl beside the manifest (not listed in it). The same records give the same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest } from '#shared/contract/snapshotRecords';
import type { Conversion } from './youtubeSpamSnapshot.ts';

const KINDS = ['accounts', 'notes', 'comments'] as const;

export function jsonLines(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r) + '\n').join('');
}

export async function writeSnapshotFolder(outDir: string, conversion: Conversion, options: { gzip?: boolean } = {}): Promise<Manifest> {
  const gzip = options.gzip ?? true;
  const parts = {} as Manifest['parts'];
  for (const kind of KINDS) {
    const part = `${kind}/part-00000.jsonl${gzip ? '.gz' : ''}`;
    await mkdir(join(outDir, kind), { recursive: true });
    const text = jsonLines(conversion[kind]);
    // gzip's header carries no name and a zero mtime here, so the bytes do not depend on when or where this runs.
    await writeFile(join(outDir, part), gzip ? gzipSync(text, { level: 9 }) : text);
    parts[kind] = [part];
  }
  const manifest: Manifest = { ...conversion.manifest, parts };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  await writeFile(join(outDir, 'labels.jsonl'), jsonLines(conversion.labels));
  return manifest;
}
