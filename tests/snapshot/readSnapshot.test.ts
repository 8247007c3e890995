import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { listParts, partSizes, readManifest } from '#shared/snapshot/readManifest';
import { readLines, readPart } from '#shared/snapshot/readPart';

const account = (id: string) => ({
  accountId: id,
  createdAt: '2026-01-01T00:00:00Z',
  nickname: 'n',
  accountType: 'personal',
  followerCount: 1,
  followingCount: 2,
  registration: { ip: '10.0.0.1', deviceId: 'd', client: 'app-ios' },
  extraFieldIgnored: true,
});

async function snapshotDir(manifest: unknown, files: Record<string, string | Buffer>): Promise<LocalFolderStore> {
  const dir = await mkdtemp(join(tmpdir(), 'snap-'));
  if (manifest !== undefined) await writeFile(join(dir, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  for (const [name, body] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), body);
  }
  return new LocalFolderStore(dir);
}

const goodManifest = {
  format: 'crackdown-snapshot/1',
  snapshotId: 's1',
  takenAt: '2026-11-20T00:00:00Z',
  parts: { accounts: ['accounts/part-0.jsonl.gz', 'accounts/part-1.jsonl'], notes: [], comments: [] },
};

describe('snapshot manifest', () => {
  it('names a missing manifest', async () => {
    const store = await snapshotDir(undefined, {});
    await expect(readManifest(store)).rejects.toThrow(/no snapshot manifest at .*manifest\.json/);
  });
  it('names malformed JSON and schema problems', async () => {
    await expect(readManifest(await snapshotDir('{"format":', {}))).rejects.toThrow(/not valid JSON/);
    await expect(readManifest(await snapshotDir({ ...goodManifest, format: 'other/2' }, {}))).rejects.toThrow(/malformed: format/);
    await expect(readManifest(await snapshotDir({ ...goodManifest, parts: { accounts: ['../x.jsonl'], notes: [], comments: [] } }, {}))).rejects.toThrow(/relative/);
  });
  it('lists every missing part before any work', async () => {
    const store = await snapshotDir(goodManifest, { 'accounts/part-1.jsonl': '' });
    await expect(partSizes(store, listParts(await readManifest(store)))).rejects.toThrow(/missing: .*part-0\.jsonl\.gz/);
  });
});

describe('readPart', () => {
  it('streams plain and gzip parts, validates each record and reports bad lines with their line number', async () => {
    const gz = gzipSync(Buffer.from([JSON.stringify(account('a1')), '{broken', JSON.stringify({ ...account('a2'), followerCount: -1 })].join('\n') + '\n'));
    const plain = [JSON.stringify(account('a3')), '', JSON.stringify({ accountId: 'a4' })].join('\r\n');
    const store = await snapshotDir(goodManifest, { 'accounts/part-0.jsonl.gz': gz, 'accounts/part-1.jsonl': plain });
    const got0 = [];
    for await (const l of readPart(store, 'accounts', 'accounts/part-0.jsonl.gz')) got0.push(l);
    expect(got0.map((l) => [l.line, l.ok])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(got0[1]).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(got0[2]).toMatchObject({ ok: false, reason: expect.stringMatching(/followerCount/) });
    // Unknown fields are dropped, not kept.
    expect(got0[0].ok && 'extraFieldIgnored' in got0[0].record).toBe(false);
    const got1 = [];
    for await (const l of readPart(store, 'accounts', 'accounts/part-1.jsonl')) got1.push(l);
    expect(got1.map((l) => [l.line, l.ok])).toEqual([
      [1, true],
      [3, false],
    ]);
  });

  it('splits lines across chunk boundaries, including multi-byte text', async () => {
    const text = '第一行\n第二行很长' + 'x'.repeat(100) + '\n最后';
    const chunks = text.match(/[\s\S]{1,7}/g)!;
    const got: string[] = [];
    for await (const l of readLines(Readable.from(chunks))) got.push(l);
    expect(got).toEqual(text.split('\n'));
  });
});
