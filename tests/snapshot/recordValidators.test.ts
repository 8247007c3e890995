/** The per-record and per-part checks partition applies (shared/contract/snapshotRecords.ts, shared/snapshot/readPart.ts). */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { parseUtcTimestamp, recordIdentity, recordLimitProblem, recordSchemasFor, SNAPSHOT_LIMITS, type RecordKind } from '#shared/contract/snapshotRecords';
import { BucketedWriter } from '#shared/pipeline/bucketedWriter';
import { DamagedPartError, readPart, readPartLines, type RawLine } from '#shared/snapshot/readPart';

const TAKEN_AT = '2026-11-20T00:00:00Z';
const schemas = recordSchemasFor(TAKEN_AT);
const account = (p: Record<string, unknown> = {}) => ({
  accountId: 'a1',
  createdAt: '2025-01-01T00:00:00Z',
  nickname: 'n',
  accountType: 'personal',
  followerCount: 1,
  followingCount: 1,
  registration: { ip: '10.0.0.1', deviceId: 'd', client: 'app-ios' },
  ...p,
});
/** What partition does with one record: the schema, then the size limits. */
function check(kind: RecordKind, record: unknown): string {
  const r = schemas[kind].safeParse(record);
  if (!r.success) return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return recordLimitProblem(kind, r.data) ?? 'ok';
}
const reasonOf = (p: Record<string, unknown>) => check('accounts', account(p));

describe('timestamps', () => {
  it.each([
    ['2026-01-31T23:59:59Z', Date.UTC(2026, 0, 31, 23, 59, 59)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T12:00:00.5Z', Date.UTC(2000, 1, 29, 12, 0, 0, 500)],
    ['2026-05-01T08:30Z', Date.UTC(2026, 4, 1, 8, 30)],
    ['2026-05-01T08:30:00+00:00', Date.UTC(2026, 4, 1, 8, 30)],
    ['2026-05-01T08:30:00.123456789Z', Date.UTC(2026, 4, 1, 8, 30, 0, 123)],
  ])('accepts %s', (s, ms) => expect(parseUtcTimestamp(s)).toBe(ms));

  it.each([
    ['2026-02-30T00:00:00Z', 'has no such day'],
    ['2026-02-29T00:00:00Z', 'has no such day'],
    ['1900-02-29T00:00:00Z', 'has no such day'],
    ['2026-04-31T00:00:00Z', 'has no such day'],
    ['2026-00-10T00:00:00Z', 'has no such month'],
    ['2026-13-10T00:00:00Z', 'has no such month'],
    ['2026-05-01T24:00:00Z', 'has no such time of day'],
    ['2026-05-01T23:60:00Z', 'has no such time of day'],
    ['2026-05-01T23:59:60Z', 'has no such time of day'],
    ['2026-05-01T08:00:00+08:00', 'must be UTC (Z), not a local offset'],
    ['2026-05-01T08:00:00-0500', 'must be UTC (Z), not a local offset'],
    ['2026-05-01T08:00:00', 'must be an ISO-8601 UTC timestamp'],
    ['2026-05-01 08:00:00Z', 'must be an ISO-8601 UTC timestamp'],
    ['1731974400', 'must be an ISO-8601 UTC timestamp'],
    ['', 'must be an ISO-8601 UTC timestamp'],
    ['2026-05-01T08:00:0Z', 'must be an ISO-8601 UTC timestamp'],
    ['2026-05-01T08:00:00.Z', 'must be an ISO-8601 UTC timestamp'],
    ['2026-05-01T08:00:00Zjunk', 'must be an ISO-8601 UTC timestamp'],
    ['+2026-05-01T08:00:00Z', 'must be an ISO-8601 UTC timestamp'],
  ])('rejects %s: %s', (s, reason) => expect(parseUtcTimestamp(s)).toBe(reason));

  it('bounds record times by the snapshot: not after takenAt, not before 2000', () => {
    expect(reasonOf({ createdAt: TAKEN_AT })).toBe('ok');
    expect(reasonOf({ createdAt: '2026-11-20T00:00:00.001Z' })).toMatch(/createdAt: is after the snapshot's takenAt 2026-11-20T00:00:00Z/);
    expect(reasonOf({ createdAt: '9999-12-31T00:00:00Z' })).toMatch(/after the snapshot/);
    expect(reasonOf({ createdAt: '0001-01-01T00:00:00Z' })).toMatch(/createdAt: is before 2000-01-01T00:00:00Z/);
    expect(reasonOf({ followerHistory: [{ at: '2027-01-01T00:00:00Z', count: 1 }] })).toMatch(/followerHistory.0.at: is after/);
  });

  it("leaves a qualification's claimed verification date to the detector, if it is a real date", () => {
    expect(reasonOf({ accountType: 'professional', qualification: { licenseId: 'L', verifiedAt: '2030-01-01T00:00:00Z' } })).toBe('ok');
    expect(reasonOf({ accountType: 'professional', qualification: { licenseId: 'L', verifiedAt: '2030-02-30T00:00:00Z' } })).toMatch(/has no such day/);
  });
});

describe('size limits', () => {
  it('ids up to the limit pass, one more character is quarantined', () => {
    expect(reasonOf({ accountId: 'x'.repeat(SNAPSHOT_LIMITS.idChars) })).toBe('ok');
    expect(reasonOf({ accountId: 'x'.repeat(SNAPSHOT_LIMITS.idChars + 1) })).toBe('accountId: longer than 128 characters (129)');
    expect(reasonOf({ brandId: 'b'.repeat(SNAPSHOT_LIMITS.idChars + 1) })).toMatch(/^brandId: longer than 128/);
    expect(reasonOf({ devices: ['ok', 'd'.repeat(SNAPSHOT_LIMITS.idChars + 1)] })).toMatch(/^devices.1: longer than 128/);
    expect(reasonOf({ registration: { ip: '1', deviceId: 'd'.repeat(SNAPSHOT_LIMITS.idChars + 1), client: 'c' } })).toMatch(/^registration.deviceId/);
    expect(check('follows', { followerId: 'f'.repeat(SNAPSHOT_LIMITS.idChars + 1), followeeId: 'b', createdAt: '2026-01-01T00:00:00Z' })).toMatch(/^followerId/);
    expect(check('reports', { reportId: 'r', reporterId: 'a', targetType: 'note', targetId: 't'.repeat(SNAPSHOT_LIMITS.idChars + 1), reason: '', createdAt: '2026-01-01T00:00:00Z' })).toMatch(
      /^targetId/,
    );
  });

  it('text fields have their own, generous limits', () => {
    const note = {
      noteId: 'n',
      accountId: 'a',
      createdAt: '2026-01-01T00:00:00Z',
      title: 't',
      body: '字'.repeat(SNAPSHOT_LIMITS.bodyChars),
      client: 'web',
      likeCount: 0,
      collectCount: 0,
      commentCount: 0,
    };
    expect(check('notes', note)).toBe('ok');
    expect(check('notes', { ...note, body: note.body + '字' })).toMatch(/^body: longer than 100000/);
    expect(check('notes', { ...note, title: 't'.repeat(SNAPSHOT_LIMITS.titleChars + 1) })).toMatch(/^title: longer than 1000/);
    expect(check('notes', { ...note, tags: ['x'.repeat(SNAPSHOT_LIMITS.labelChars + 1)] })).toMatch(/^tags.0/);
    const comment = { commentId: 'c', noteId: 'n', accountId: 'a', createdAt: '2026-01-01T00:00:00Z', text: '好'.repeat(SNAPSHOT_LIMITS.textChars) };
    expect(check('comments', comment)).toBe('ok');
    expect(check('comments', { ...comment, text: comment.text + '好' })).toMatch(/^text: longer than 20000/);
  });
});

describe('record identity (what a duplicate shares)', () => {
  it('a follow is its edge at its time: a re-follow at another time is not a duplicate', () => {
    const f = (createdAt: string) => recordIdentity('follows', { followerId: 'a', followeeId: 'b', createdAt });
    expect(f('2026-01-01T00:00:00Z')).toBe(f('2026-01-01T00:00:00Z'));
    expect(f('2026-01-01T00:00:00Z')).not.toBe(f('2026-01-02T00:00:00Z'));
  });
  it('a comment id is qualified by its author', () => {
    const c = (accountId: string) => recordIdentity('comments', { commentId: 'c1', noteId: 'n', accountId, createdAt: '2026-01-01T00:00:00Z', text: '' });
    expect(c('a')).not.toBe(c('b'));
  });
});

async function lines(chunks: Buffer[], maxBytes?: number): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const l of readPartLines(Readable.from(chunks), maxBytes)) out.push(l);
  return out;
}

describe('part lines', () => {
  it('strips a byte-order mark before the first line only, and CR before LF', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await lines([Buffer.concat([bom, Buffer.from('{"a":1}\r\n{"b":2}\r\n')])])).toEqual([{ text: '{"a":1}' }, { text: '{"b":2}' }]);
    expect((await lines([Buffer.from('x\n'), Buffer.concat([bom, Buffer.from('y\n')])]))[1]).toEqual({ text: '\ufeffy' });
  });

  it('flags a line that is not UTF-8 and reads its neighbours, also when a character spans two chunks', async () => {
    const good = Buffer.from('{"t":"好"}\n', 'utf8');
    const broken = Buffer.concat([Buffer.from('{"t":"'), Buffer.from([0xe5, 0xa5]), Buffer.from('"}\n')]);
    const all = Buffer.concat([good, broken, good]);
    for (const split of [1, 7, good.length + 7, all.length - 3]) {
      const got = await lines([all.subarray(0, split), all.subarray(split)]);
      expect(got.map((l) => ('text' in l ? l.text : l.bad))).toEqual(['{"t":"好"}', 'not valid UTF-8', '{"t":"好"}']);
    }
  });

  it('skips an over-long line without holding it, and reads the next', async () => {
    const long = Buffer.alloc(5000, 'x');
    const got = await lines([Buffer.from('a\n'), long.subarray(0, 2500), long.subarray(2500), Buffer.from('\nb\n')], 1000);
    expect(got).toEqual([{ text: 'a' }, { bad: 'line is longer than 1000 bytes', raw: expect.any(String) }, { text: 'b' }]);
    expect(await lines([Buffer.from(`a\n${'y'.repeat(1001)}\nb`)], 1000)).toEqual([{ text: 'a' }, { bad: 'line is longer than 1000 bytes', raw: expect.any(String) }, { text: 'b' }]);
  });
});

async function store(files: Record<string, Buffer>): Promise<LocalFolderStore> {
  const dir = await mkdtemp(join(tmpdir(), 'parts-'));
  for (const [name, body] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), body);
  }
  return new LocalFolderStore(dir);
}

async function drain(s: LocalFolderStore, part: string): Promise<number> {
  let n = 0;
  for await (const _ of readPart(s, 'accounts', part, schemas)) n += 1;
  return n;
}

describe('damaged parts', () => {
  const body = Buffer.from(Array.from({ length: 50 }, (_, i) => JSON.stringify(account({ accountId: `a${i}` }))).join('\n') + '\n');
  const gz = gzipSync(body);

  it.each([
    ['truncated gzip', gz.subarray(0, gz.length - 20), /gzip stream truncated after line \d+/],
    ['empty gzip', Buffer.alloc(0), /empty or truncated gzip/],
    ['plain text named .gz', body, /not gzip data/],
  ])('%s throws DamagedPartError with its reason', async (_name, bytes, reason) => {
    const s = await store({ 'p.jsonl.gz': bytes });
    const err = await drain(s, 'p.jsonl.gz').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedPartError);
    expect((err as Error).message).toMatch(reason);
  });

  it('a missing part is damaged; an empty plain part is just empty', async () => {
    const s = await store({ 'empty.jsonl': Buffer.alloc(0), 'ok.jsonl.gz': gz });
    await expect(drain(s, 'gone.jsonl')).rejects.toBeInstanceOf(DamagedPartError);
    expect(await drain(s, 'empty.jsonl')).toBe(0);
    expect(await drain(s, 'ok.jsonl.gz')).toBe(50);
  });

  it('discarding a writer empties every object it already wrote, so nothing of a damaged part is read', async () => {
    const s = await store({});
    const w = new BucketedWriter(s, (t, seq) => `out/${t}-${seq}.jsonl`, 1024, 64);
    for (let i = 0; i < 20; i++) await w.add(String(i % 2), 'x'.repeat(40));
    expect((await s.list('out/')).length).toBeGreaterThan(2);
    await w.discard();
    for (const key of await s.list('out/')) expect(await s.readText(key)).toBe('');
  });
});
