/**
 * Later snapshots of a generated one, for sweeps that follow a first sweep:
 * - `reposted`: the same accounts doing the same things again in NEW notes and comments (every
 *   note and comment id renamed, references with them), so content findings are new evidence;
 * - `withNewNotes`: the same content, plus copies (new ids) of some accounts' own notes.
 * Both keep account ids, follows and devices, and move takenAt.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

type Row = Record<string, unknown>;

async function readRows(path: string): Promise<Row[]> {
  const raw = await readFile(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  // a deliberately invalid line stays as it is (the sweep quarantines it)
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      try {
        return JSON.parse(l) as Row;
      } catch {
        return { __raw: l };
      }
    });
}

async function writeRows(path: string, rows: Row[]): Promise<void> {
  const text = rows.map((r) => (typeof r.__raw === 'string' ? r.__raw : JSON.stringify(r))).join('\n') + '\n';
  await writeFile(path, path.endsWith('.gz') ? gzipSync(text) : text);
}

async function copyWithManifest(from: string, to: string, takenAt: string, suffix: string): Promise<Row> {
  await cp(from, to, { recursive: true });
  const manifest = JSON.parse(await readFile(join(to, 'manifest.json'), 'utf8')) as Row;
  return { ...manifest, snapshotId: `${manifest.snapshotId}-${suffix}`, takenAt };
}

export async function reposted(from: string, to: string, opts: { takenAt: string; suffix: string }): Promise<void> {
  const manifest = await copyWithManifest(from, to, opts.takenAt, opts.suffix);
  const parts = manifest.parts as Record<string, string[]>;
  const s = (v: unknown) => (typeof v === 'string' ? `${v}${opts.suffix}` : v);
  for (const part of parts.notes ?? []) {
    await writeRows(
      join(to, part),
      (await readRows(join(to, part))).map((r) => (r.__raw ? r : { ...r, noteId: s(r.noteId) })),
    );
  }
  for (const part of parts.comments ?? []) {
    await writeRows(
      join(to, part),
      (await readRows(join(to, part))).map((r) => (r.__raw ? r : { ...r, commentId: s(r.commentId), noteId: s(r.noteId), ...(r.replyToCommentId ? { replyToCommentId: s(r.replyToCommentId) } : {}) })),
    );
  }
  for (const part of parts.reports ?? []) {
    await writeRows(
      join(to, part),
      (await readRows(join(to, part))).map((r) => (r.__raw || r.targetType === 'account' ? r : { ...r, reportId: s(r.reportId), targetId: s(r.targetId) })),
    );
  }
  await writeFile(join(to, 'manifest.json'), JSON.stringify(manifest));
}

/** Copies of the given notes under new ids (`<id><suffix>`), posted an hour before the new takenAt, in an extra part. */
export async function withNewNotes(from: string, to: string, opts: { takenAt: string; suffix: string; noteIds: string[] }): Promise<string[]> {
  const manifest = await copyWithManifest(from, to, opts.takenAt, opts.suffix);
  const parts = manifest.parts as Record<string, string[]>;
  const wanted = new Set(opts.noteIds);
  const copies: Row[] = [];
  for (const part of parts.notes ?? []) {
    for (const r of await readRows(join(to, part))) {
      if (!r.__raw && wanted.has(r.noteId as string)) {
        copies.push({ ...r, noteId: `${r.noteId}${opts.suffix}`, createdAt: new Date(Date.parse(opts.takenAt) - 3_600_000).toISOString().replace('.000Z', 'Z') });
      }
    }
  }
  const extra = `notes/part-${opts.suffix}.jsonl`;
  await writeRows(join(to, extra), copies);
  await writeFile(join(to, 'manifest.json'), JSON.stringify({ ...manifest, parts: { ...parts, notes: [...parts.notes, extra] } }));
  return copies.map((c) => c.noteId as string);
}
