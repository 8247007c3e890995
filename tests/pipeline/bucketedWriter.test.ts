import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import type { BlobStore } from '#shared/ports/blobStore';
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

  it('writes the bytes of encoding each line alone, lone surrogates at line ends included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bw-'));
    const store = new LocalFolderStore(dir);
    const w = new BucketedWriter(store, (t, seq) => `${t}/${String(seq).padStart(3, '0')}.jsonl`, 1 << 30, 10_000);
    const lines = Array.from({ length: 5_000 }, (_, i) => (i % 2 === 0 ? `x${i}\ud83d` : `\ude00y${'é'.repeat(i % 7)}`));
    for (const line of lines) await w.add('t', line);
    await w.close();
    const keys = await store.list('t/');
    expect(keys.length).toBeGreaterThan(1);
    const bytes = Buffer.concat(await Promise.all(keys.map((k) => readFile(join(dir, k)))));
    expect(bytes.equals(Buffer.concat(lines.map((l) => Buffer.from(l + '\n', 'utf8'))))).toBe(true);
  });

  it('does not fill a body buffer again before its write has resolved, and reuses it after', async () => {
    // a store that reads each body only when its write completes, later: a buffer reused too early would show
    const objects = new Map<string, string>();
    const bodies = new Set<ArrayBufferLike>();
    const late: Array<() => void> = [];
    const store = {
      write(key: string, body: string | Uint8Array) {
        if (typeof body !== 'string') bodies.add(body.buffer);
        return new Promise<void>((done) =>
          late.push(() => {
            objects.set(key, Buffer.from(body).toString('utf8'));
            done();
          }),
        );
      },
    } as unknown as BlobStore;
    const settle = setInterval(() => late.splice(0).forEach((f) => f()), 1);
    try {
      // objects of ~1.5 MB (pooled bodies), four targets, more objects than bodies the writer keeps
      const w = new BucketedWriter(store, (t, seq) => `${t}/${String(seq).padStart(3, '0')}`, 4 << 20, 1_500_000);
      const lines: Record<string, string[]> = {};
      for (let i = 0; i < 80_000; i++) {
        const t = `t${i % 4}`;
        const line = `{"i":${i},"t":"${'行é'.repeat(i % 9)}${'x'.repeat(60 + (i % 31))}"}`;
        (lines[t] ??= []).push(line);
        const wait = w.push(t, line);
        if (wait) await wait;
      }
      await w.close();
      for (const [t, ls] of Object.entries(lines)) {
        const keys = [...objects.keys()].filter((k) => k.startsWith(`${t}/`)).sort();
        expect(keys.length).toBeGreaterThan(1);
        expect(keys.map((k) => objects.get(k)).join('')).toBe(ls.join('\n') + '\n');
      }
      // fewer distinct body buffers than objects written: bodies were reused
      expect(bodies.size).toBeLessThan(objects.size);
    } finally {
      clearInterval(settle);
    }
  });
});
