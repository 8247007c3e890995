/** Parts: an account's records spread over several parts, parts unsorted, plain JSON Lines when asked. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment, Note } from '#shared/contract/snapshotRecords';
import { defaultPartsPerKind } from '#scripts/generate/generateSnapshot';
import { makeSnapshot, readLines, readManifest, type Fixture, type Line } from './snapshotFixture.ts';

let fx: Fixture;
let lines: Line[];

beforeAll(async () => {
  fx = await makeSnapshot({ accounts: 800, seed: 'parts', partsPerKind: 4, gzip: false });
  lines = readLines(fx.dir);
});
afterAll(() => fx.cleanup());

describe('parts', () => {
  it('writes plain .jsonl parts that the manifest lists relative to itself', () => {
    const manifest = readManifest(fx.dir);
    for (const parts of Object.values(manifest.parts)) {
      expect(parts).toHaveLength(4);
      for (const p of parts) {
        expect(p.endsWith('.jsonl')).toBe(true);
        expect(existsSync(join(fx.dir, p))).toBe(true);
      }
    }
    expect(existsSync(join(fx.dir, 'labels.jsonl'))).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain('labels');
  });

  it("spreads one account's notes and comments over several parts", () => {
    const partsByAccount = new Map<string, Set<string>>();
    for (const l of lines) {
      if (l.kind !== 'notes' && l.kind !== 'comments') continue;
      const r = JSON.parse(l.text) as Note | Comment;
      const set = partsByAccount.get(r.accountId) ?? new Set<string>();
      set.add(l.part.split('/')[1]);
      partsByAccount.set(r.accountId, set);
    }
    const spread = [...partsByAccount.values()].filter((s) => s.size >= 2).length;
    expect(spread / partsByAccount.size).toBeGreaterThan(0.5);
    // every part of a kind gets records
    for (const kind of ['accounts', 'notes', 'comments'] as const) {
      const used = new Set(lines.filter((l) => l.kind === kind).map((l) => l.part));
      expect(used.size).toBe(4);
    }
  });

  it('does not sort parts by id or by time', () => {
    const notes = lines.filter((l) => l.kind === 'notes' && l.part.endsWith('00000.jsonl')).map((l) => JSON.parse(l.text) as Note);
    const ids = notes.map((n) => n.noteId);
    const times = notes.map((n) => n.createdAt);
    expect(ids).not.toEqual([...ids].sort());
    expect(times).not.toEqual([...times].sort());
    const authors = notes.map((n) => n.accountId);
    const runs = authors.filter((a, i) => i > 0 && a === authors[i - 1]).length;
    expect(runs / authors.length).toBeLessThan(0.1); // one author's notes are not grouped together
  });

  it('scales the default number of parts with size', () => {
    expect(defaultPartsPerKind(100)).toBe(2);
    expect(defaultPartsPerKind(100_000)).toBe(2);
    expect(defaultPartsPerKind(1_000_000)).toBe(20);
  });
});
