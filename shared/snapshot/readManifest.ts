/** Loads and checks a snapshot's manifest before any work starts (CONTRACT §1). */
import { BlobNotFoundError, type BlobStore } from '#shared/ports/blobStore';
import { describeIssues, manifestSchema, RECORD_KINDS, type Manifest, type RecordKind } from '#shared/contract/snapshotRecords';

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

export interface PartRef {
  kind: RecordKind;
  /** Path relative to the manifest, as listed. */
  part: string;
  /** Position in the manifest's list for its kind; names the part's outputs. */
  index: number;
}

export async function readManifest(store: BlobStore): Promise<Manifest> {
  const where = store.describe('manifest.json');
  let text: string;
  try {
    text = await store.readText('manifest.json');
  } catch (err) {
    if (err instanceof BlobNotFoundError) throw new SnapshotError(`no snapshot manifest at ${where}`);
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SnapshotError(`manifest ${where} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new SnapshotError(`manifest ${where} is malformed: ${describeIssues(parsed.error)}`);
  for (const kind of RECORD_KINDS) {
    for (const part of parsed.data.parts[kind] ?? []) {
      if (part.startsWith('/') || part.split('/').includes('..')) {
        throw new SnapshotError(`manifest ${where}: part "${part}" must be a path relative to the manifest`);
      }
      if (!/\.jsonl(\.gz)?$/.test(part)) {
        throw new SnapshotError(`manifest ${where}: part "${part}" must end in .jsonl or .jsonl.gz`);
      }
    }
  }
  return parsed.data;
}

export function listParts(manifest: Manifest): PartRef[] {
  const out: PartRef[] = [];
  for (const kind of RECORD_KINDS) {
    (manifest.parts[kind] ?? []).forEach((part, index) => out.push({ kind, part, index }));
  }
  return out;
}

/** Sizes of every part; fails with every missing part named, so a sweep never starts on an incomplete export. */
export async function partSizes(store: BlobStore, parts: PartRef[]): Promise<number[]> {
  const missing: string[] = [];
  const sizes = new Array<number>(parts.length).fill(0);
  let next = 0;
  const workers = Array.from({ length: 8 }, async () => {
    for (let i = next++; i < parts.length; i = next++) {
      try {
        sizes[i] = await store.sizeOf(parts[i].part);
      } catch (err) {
        if (err instanceof BlobNotFoundError) missing.push(store.describe(parts[i].part));
        else throw err;
      }
    }
  });
  await Promise.all(workers);
  if (missing.length > 0) {
    missing.sort();
    throw new SnapshotError(`snapshot parts listed in the manifest are missing: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`);
  }
  return sizes;
}
