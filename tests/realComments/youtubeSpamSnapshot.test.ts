/**
 * The YouTube Spam Collection as a contract snapshot: the shipped fixture (tests/fixtures/youtube-spam) reads through
 * the project's own snapshot and label readers, matches the CSV counts, is what the converter makes today, and the
 * conversion is deterministic.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import type { RecordKind, RecordsByKind } from '#shared/contract/snapshotRecords';
import { readLabels } from '#shared/evaluation/labels';
import { readManifest } from '#shared/snapshot/readManifest';
import { readPart } from '#shared/snapshot/readPart';
import { networkPrefix } from '#shared/detect/detectors/fakeAccount';
import { convertYoutubeSpam, type CsvSource } from '#scripts/realComments/youtubeSpamSnapshot';
import { writeSnapshotFolder } from '#scripts/realComments/writeSnapshotFolder';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/youtube-spam');
const CSV_DIR = join(ROOT, '../shared/data/youtube-spam');
const haveCsv = existsSync(CSV_DIR);
const temps: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'yt-spam-'));
  temps.push(d);
  return d;
};
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function readSnapshot(dir: string) {
  const store = new LocalFolderStore(dir);
  const manifest = await readManifest(store);
  const read = async <K extends RecordKind>(kind: K): Promise<RecordsByKind[K][]> => {
    const out: RecordsByKind[K][] = [];
    for (const part of manifest.parts[kind] ?? []) {
      for await (const line of readPart(store, kind, part)) {
        if (!line.ok) throw new Error(`${kind} ${part} line ${line.line}: ${line.reason}`);
        out.push(line.record);
      }
    }
    return out;
  };
  const labels = await readLabels(createReadStream(join(dir, 'labels.jsonl')), 'labels.jsonl');
  return { manifest, accounts: await read('accounts'), notes: await read('notes'), comments: await read('comments'), labels };
}

async function csvSources(): Promise<CsvSource[]> {
  const names = (await readdir(CSV_DIR)).filter((n) => n.endsWith('.csv')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(CSV_DIR, name), 'utf8') })));
}

async function filesOf(dir: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = await readFile(join(e.parentPath, e.name));
  }
  return out;
}

describe('shipped YouTube spam fixture', async () => {
  const snap = await readSnapshot(FIXTURE);

  it('every record passes the contract schemas and the references hold', () => {
    expect(snap.manifest).toMatchObject({ format: 'crackdown-snapshot/1', snapshotId: 'youtube-spam-dev', takenAt: '2015-06-06T20:01:23.000Z' });
    const accountIds = new Set(snap.accounts.map((a) => a.accountId));
    const noteIds = new Set(snap.notes.map((n) => n.noteId));
    expect(accountIds.size).toBe(snap.accounts.length);
    expect(noteIds.size).toBe(snap.notes.length);
    expect(new Set(snap.comments.map((c) => c.commentId)).size).toBe(snap.comments.length);
    for (const n of snap.notes) expect(accountIds.has(n.accountId)).toBe(true);
    for (const c of snap.comments) {
      expect(accountIds.has(c.accountId) && noteIds.has(c.noteId)).toBe(true);
      expect(c.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(c.text).not.toMatch(/\ufeff|&#39;|&quot;|&amp;|<br/);
    }
    // Neutral registration: each account a device and a /24 of its own, registered before its first comment.
    expect(new Set(snap.accounts.map((a) => a.registration.deviceId)).size).toBe(snap.accounts.length);
    expect(new Set(snap.accounts.map((a) => networkPrefix(a.registration.ip))).size).toBe(snap.accounts.length);
    const first = new Map<string, number>();
    for (const c of snap.comments) first.set(c.accountId, Math.min(first.get(c.accountId) ?? Infinity, Date.parse(c.createdAt)));
    for (const a of snap.accounts) {
      expect(a).toMatchObject({ accountType: 'personal', followerCount: 0, followingCount: 0 });
      expect(Date.parse(a.createdAt)).toBeLessThan(first.get(a.accountId) ?? Date.parse(snap.manifest.takenAt));
    }
    // One label per account, and no label without an account.
    expect([...snap.labels.keys()].sort()).toEqual([...accountIds].sort());
  });

  it("has the collection's counts: 3 videos, 1,138 comments (586 spam), 1,102 authors (561 spam, 1 mixed)", () => {
    expect(snap.notes.map((n) => [n.title, n.commentCount])).toEqual([
      ['Psy', 350],
      ['KatyPerry', 350],
      ['LMFAO', 438],
    ]);
    expect(snap.comments).toHaveLength(1138);
    const owners = snap.labels.size - 1102;
    expect(owners).toBe(3);
    const labels = [...snap.labels.values()];
    expect(labels.filter((l) => l.hardNegative === 'video-owner').map((l) => l.codes)).toEqual([[], [], []]);
    const spam = labels.filter((l) => l.codes.length > 0);
    expect(spam).toHaveLength(561);
    expect(spam.every((l) => l.codes.join() === 'traffic-diversion' && l.variants?.includes('youtube-spam'))).toBe(true);
    expect(labels.filter((l) => l.variants?.includes('mixed-class'))).toHaveLength(1);
    // Comments by spam authors: 586 spam rows plus the one ham comment of the mixed author.
    expect(snap.comments.filter((c) => (snap.labels.get(c.accountId)?.codes.length ?? 0) > 0)).toHaveLength(587);
  });

  it.skipIf(!haveCsv)('matches the CSV files row for row, and is what the converter writes today', async () => {
    const sources = await csvSources();
    const rows = sources.flatMap((s) => parse(s.text, { columns: true, bom: true }) as Record<string, string>[]);
    expect(rows).toHaveLength(snap.comments.length);
    expect(rows.filter((r) => r.CLASS === '1')).toHaveLength(586);
    expect(new Set(rows.map((r) => r.AUTHOR)).size).toBe(1102);
    const byId = new Map(snap.comments.map((c) => [c.commentId, c]));
    const accountOf = new Map<string, string>();
    for (const r of rows) {
      const c = byId.get(r.COMMENT_ID)!;
      expect(c).toBeDefined();
      // The same author name is one account, across videos too.
      expect(accountOf.get(r.AUTHOR) ?? c.accountId).toBe(c.accountId);
      accountOf.set(r.AUTHOR, c.accountId);
      if (r.CLASS === '1') expect(snap.labels.get(c.accountId)!.codes).toEqual(['traffic-diversion']);
    }
    expect(new Set(accountOf.values()).size).toBe(1102);

    const out = await tempDir();
    await writeSnapshotFolder(out, convertYoutubeSpam(sources), { gzip: false });
    const fresh = await filesOf(out);
    const shipped = await filesOf(FIXTURE);
    delete shipped['README.md'];
    expect(Object.keys(fresh).sort()).toEqual(Object.keys(shipped).sort());
    for (const name of Object.keys(fresh)) expect(fresh[name].equals(shipped[name]), name).toBe(true);
  });
});

describe('convertYoutubeSpam', () => {
  const sources: CsvSource[] = [
    {
      name: 'Youtube02-Band.csv',
      text: 'COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\nb1,"Doe, Jane",2014-03-01T10:00:00,"nice, ""very"" nice\nreally",0\nb2,Spammer,,check out my channel&#39;s page www.example.com\ufeff,1\n',
    },
    {
      name: 'Youtube01-Singer.csv',
      text: 'COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\na1,Spammer,2014-02-01T00:00:00,subscribe to me,1\na2,"Doe, Jane",,love it,0\na3,Spammer,2014-02-03T00:00:00.500000,great song,0\n',
    },
  ];

  it('maps videos to notes, authors to accounts across files, and dates missing DATEs from the note', () => {
    const c = convertYoutubeSpam(sources);
    expect(c.notes.map((n) => [n.noteId, n.title, n.createdAt, n.commentCount])).toEqual([
      ['yt-video-youtube01-singer', 'Singer', '2014-01-31T00:00:00.000Z', 3],
      ['yt-video-youtube02-band', 'Band', '2014-02-28T10:00:00.000Z', 2],
    ]);
    expect(c.comments.map((x) => [x.commentId, x.createdAt, x.text])).toEqual([
      ['a1', '2014-02-01T00:00:00.000Z', 'subscribe to me'],
      ['a2', '2014-01-31T00:02:00.000Z', 'love it'],
      ['a3', '2014-02-03T00:00:00.500Z', 'great song'],
      ['b1', '2014-03-01T10:00:00.000Z', 'nice, "very" nice\nreally'],
      ['b2', '2014-02-28T10:02:00.000Z', "check out my channel's page www.example.com"],
    ]);
    expect(c.stats).toMatchObject({ videos: 2, comments: 5, spamComments: 2, authors: 2, spamAuthors: 1, mixedAuthors: 1, multiVideoAuthors: 2, missingDates: 2 });
    const spammer = c.accounts.find((a) => a.nickname === 'Spammer')!;
    expect(spammer.createdAt).toBe('2014-01-02T00:00:00.000Z');
    expect(c.comments.filter((x) => x.accountId === spammer.accountId).map((x) => x.commentId)).toEqual(['a1', 'a3', 'b2']);
    const labels = new Map(c.labels.map((l) => [l.accountId, l]));
    expect(labels.get(spammer.accountId)).toEqual({ accountId: spammer.accountId, codes: ['traffic-diversion'], variants: ['has-url', 'mixed-class', 'youtube-spam'] });
    const jane = c.accounts.find((a) => a.nickname === 'Doe, Jane')!;
    expect(labels.get(jane.accountId)).toEqual({ accountId: jane.accountId, codes: [] });
    expect(c.labels.filter((l) => l.hardNegative === 'video-owner')).toHaveLength(2);
    expect(c.manifest.takenAt).toBe('2014-03-02T10:00:00.000Z');
  });

  it('refuses a COMMENT_ID seen twice', () => {
    const twice = [sources[0], { name: 'Youtube03-Other.csv', text: 'COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\nb1,x,,y,0\n' }];
    expect(() => convertYoutubeSpam(twice)).toThrow(/Youtube03-Other\.csv line 2: COMMENT_ID b1 appears twice/);
  });

  it('is deterministic: the same input gives the same bytes, gzip or plain, whatever the file order', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    await writeSnapshotFolder(a, convertYoutubeSpam(sources));
    await writeSnapshotFolder(b, convertYoutubeSpam([...sources].reverse()));
    await writeSnapshotFolder(c, convertYoutubeSpam(sources), { gzip: false });
    expect(await filesOf(a)).toEqual(await filesOf(b));
    const [gz, plain] = [await readSnapshot(a), await readSnapshot(c)];
    expect(gz).toEqual({ ...plain, manifest: gz.manifest });
    expect(Object.keys(await filesOf(a)).sort()).toEqual(['accounts/part-00000.jsonl.gz', 'comments/part-00000.jsonl.gz', 'labels.jsonl', 'manifest.json', 'notes/part-00000.jsonl.gz']);
  });

  it.skipIf(!haveCsv)('runs as a command line and writes gzip parts', async () => {
    const out = await tempDir();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/realComments/convertYoutubeSpam.ts', '--in', CSV_DIR, '--out', out], { cwd: ROOT });
    expect(stdout).toMatch(/comments 1138 \(spam 586, missing DATE 0/);
    expect(stdout).toMatch(/authors 1102 \(spam 561, mixed 1/);
    const [written, shipped] = [await readSnapshot(out), await readSnapshot(FIXTURE)];
    expect(written.manifest.parts.comments).toEqual(['comments/part-00000.jsonl.gz']);
    expect({ ...written, manifest: null }).toEqual({ ...shipped, manifest: null });
  });
});
