/** A snapshot under s3://bucket/prefix/ (s3rver) reads exactly like the same snapshot in a folder. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { openStore } from '#shared/adapters/openStore';
import { S3Store } from '#shared/adapters/s3Store';
import type { BlobStore } from '#shared/ports/blobStore';
import { listParts, partSizes, readManifest } from '#shared/snapshot/readManifest';
import { readPart } from '#shared/snapshot/readPart';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';

let stack: EmbeddedStack;
let dir: string;

async function uploadFolder(local: string, store: S3Store): Promise<void> {
  const walk = async (d: string): Promise<string[]> =>
    (await Promise.all((await readdir(d, { withFileTypes: true })).map((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)])))).flat();
  for (const file of await walk(local)) await store.write(relative(local, file), await readFile(file));
}

async function census(store: BlobStore): Promise<Record<string, { ok: number; bad: string[] }>> {
  const out: Record<string, { ok: number; bad: string[] }> = {};
  for (const p of listParts(await readManifest(store))) {
    const c = (out[`${p.kind}/${p.index}`] ??= { ok: 0, bad: [] });
    for await (const l of readPart(store, p.kind, p.part)) {
      if (l.ok) c.ok++;
      else c.bad.push(`${l.line}: ${l.reason}`);
    }
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-s3snap-'));
  await generateSnapshot({ accounts: 300, seed: 's3', outDir: join(dir, 'snapshot'), partsPerKind: 2, invalidRecords: 3 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
  await uploadFolder(join(dir, 'snapshot'), new S3Store(stack.bucket, 'snapshots/s3-test/'));
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('snapshot on S3', () => {
  it('streams the same records, and the same invalid lines with their line numbers, as the local folder', async () => {
    const s3 = openStore(`s3://${stack.bucket}/snapshots/s3-test/`);
    const local = new LocalFolderStore(join(dir, 'snapshot'));
    const fromS3 = await census(s3);
    expect(fromS3).toEqual(await census(local));
    expect(Object.values(fromS3).reduce((n, c) => n + c.bad.length, 0)).toBe(3);
    expect(Object.values(fromS3).reduce((n, c) => n + c.ok, 0)).toBeGreaterThan(300);
  });

  it('names a missing manifest and missing parts under an S3 prefix', async () => {
    await expect(readManifest(openStore(`s3://${stack.bucket}/snapshots/nothing-here/`))).rejects.toThrow(`no snapshot manifest at s3://${stack.bucket}/snapshots/nothing-here/manifest.json`);
    const s3 = new S3Store(stack.bucket, 'snapshots/partial/');
    const manifest = await readFile(join(dir, 'snapshot', 'manifest.json'));
    await s3.write('manifest.json', manifest);
    await expect(partSizes(s3, listParts(await readManifest(s3)))).rejects.toThrow(/parts listed in the manifest are missing: s3:\/\/.*snapshots\/partial\//);
  });
});
