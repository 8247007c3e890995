import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { BucketedWriter } from '#shared/pipeline/bucketedWriter';

describe('BucketedWriter', () => {
  it('splits a target into bounded objects and loses no line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bw-'));
    const store = new LocalFolderStore(dir);
    const w = new BucketedWriter(store, (t, seq) => `${t}/${seq}.jsonl`, 4096, 1024);
    for (let i = 0; i < 1000; i++) await w.add(`t${i % 3}`, JSON.stringify({ i }));
    await w.close();
    const keys = await store.list('');
    expect(keys.length).toBeGreaterThan(3);
    const seen = new Set<number>();
    for (const k of keys) {
      const text = await readFile(join(dir, k), 'utf8');
      expect(text.length).toBeLessThan(1024 + 64);
      for (const line of text.trim().split('\n')) seen.add(JSON.parse(line).i);
    }
    expect(seen.size).toBe(1000);
  });

  it('writes exactly the lines added, in order, one per line, across its internal chunk joins', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bw-'));
    const store = new LocalFolderStore(dir);
    const w = new BucketedWriter(store, (t, seq) => `${t}/${seq}.jsonl`);
    const lines = Array.from({ length: 1001 }, (_, i) => (i % 7 === 0 ? '' : `{"i":${i},"t":"行${i}"}`));
    for (const line of lines) await w.add('t', line);
    await w.close();
    expect(await readFile(join(dir, 't/0.jsonl'), 'utf8')).toBe(lines.join('\n') + '\n');
  });

  it('encodes lines of every width exactly across its slabs, a line longer than a slab and object splits', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bw-'));
    const store = new LocalFolderStore(dir);
    const w = new BucketedWriter(store, (t, seq) => `${t}/${String(seq).padStart(3, '0')}.jsonl`, 1 << 30, 100_000);
    const lines = Array.from({ length: 20_000 }, (_, i) => (i === 777 ? '长'.repeat(100_000) : `{"i":${i},"t":"行${'😀'.repeat(i % 5)}é${'x'.repeat(i % 13)}"}`));
    for (const line of lines) await w.add('t', line);
    await w.close();
    const keys = await store.list('t/');
    expect(keys.length).toBeGreaterThan(5);
    const bodies = await Promise.all(keys.map((k) => readFile(join(dir, k), 'utf8')));
    expect(bodies.join('')).toBe(lines.join('\n') + '\n');
  });
});
