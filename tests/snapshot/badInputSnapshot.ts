/**
 * A snapshot built to break a sweep: many kinds of bad record and damaged part beside good records,
 * each with the outcome it must get (quarantined at partition with a reason, quarantined as an
 * orphan at resolve, dropped as a counted duplicate, the part quarantined whole, or accepted).
 * Written from code, not a binary blob, so every case says what it is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { RecordKind } from '#shared/contract/snapshotRecords';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { Decision } from '#shared/policy/decideAction';

export const TAKEN_AT = '2026-11-20T00:00:00Z';

type Outcome =
  /** Quarantined by partition: the quarantine line for (part, line) has a reason matching `reason`. */
  | { is: 'quarantined'; reason: RegExp }
  /** Quarantined by resolve: its account (author, followee, report target) is not in the snapshot. */
  | { is: 'orphan' }
  /** Dropped as a later copy of a record already kept; counted under its kind. */
  | { is: 'duplicate' }
  /** Used: a good record (some of them odd in ways the contract allows). */
  | { is: 'accepted' };

export interface RecordCase {
  name: string;
  kind: RecordKind;
  part: string;
  line: number;
  outcome: Outcome;
  /** The account this record belongs to (accounts: itself), for the checks on what was judged. */
  accountId?: string;
}

export interface PartCase {
  name: string;
  kind: RecordKind;
  part: string;
  reason: RegExp;
  /** Accounts whose only record is in this part: they must not be judged. */
  lostAccounts: string[];
}

export interface BadSnapshot {
  dir: string;
  records: RecordCase[];
  parts: PartCase[];
  /** The account with a planted violation (a contact in a note); its first copy has followerCount 120, its duplicate 999999. */
  violator: string;
  violatorNote: string;
}

const iso = (day: number, time = '08:00:00') => `2026-${String(Math.floor(day / 28) + 1).padStart(2, '0')}-${String((day % 28) + 1).padStart(2, '0')}T${time}Z`;

const account = (accountId: string, p: Record<string, unknown> = {}) => ({
  accountId,
  createdAt: '2025-03-01T10:00:00Z',
  nickname: `用户${accountId}`,
  accountType: 'personal',
  followerCount: 120,
  followingCount: 80,
  registration: { ip: '10.1.2.3', deviceId: `dev-${accountId}`, client: 'app-ios' },
  ...p,
});
const note = (noteId: string, accountId: string, p: Record<string, unknown> = {}) => ({
  noteId,
  accountId,
  createdAt: iso(100),
  title: '周末去公园散步',
  body: '天气很好，拍了很多照片，分享给大家。',
  client: 'app-ios',
  likeCount: 10,
  collectCount: 2,
  commentCount: 3,
  ...p,
});
const comment = (commentId: string, noteId: string, accountId: string, p: Record<string, unknown> = {}) => ({ commentId, noteId, accountId, createdAt: iso(120), text: '拍得真好看', ...p });
const follow = (followerId: string, followeeId: string, createdAt = iso(90)) => ({ followerId, followeeId, createdAt });
const report = (reportId: string, targetId: string, p: Record<string, unknown> = {}) => ({
  reportId,
  reporterId: 'good-2',
  targetType: 'account',
  targetId,
  reason: '其他',
  createdAt: iso(150),
  ...p,
});

/** Lines of one part, each with the case it stands for (or none: a good record of no special interest). */
class PartBuilder {
  readonly lines: Array<{ bytes: Buffer; record?: Omit<RecordCase, 'part' | 'line' | 'kind'> }> = [];
  constructor(
    readonly kind: RecordKind,
    readonly part: string,
    readonly eol = '\n',
  ) {}
  add(line: string | Buffer | object, record?: Omit<RecordCase, 'part' | 'line' | 'kind'>): this {
    const bytes = Buffer.isBuffer(line) ? line : Buffer.from(typeof line === 'string' ? line : JSON.stringify(line), 'utf8');
    this.lines.push({ bytes, record });
    return this;
  }
  good(record: object, name = 'good record', accountId?: string): this {
    return this.add(record, { name, outcome: { is: 'accepted' }, accountId });
  }
  bad(name: string, record: string | Buffer | object, reason: RegExp): this {
    return this.add(record, { name, outcome: { is: 'quarantined', reason } });
  }
  body(): Buffer {
    return Buffer.concat(this.lines.flatMap((l) => [l.bytes, Buffer.from(this.eol)]));
  }
  cases(): RecordCase[] {
    return this.lines.flatMap((l, i) => (l.record ? [{ ...l.record, kind: this.kind, part: this.part, line: i + 1 }] : []));
  }
}

export async function writeBadSnapshot(dir: string): Promise<BadSnapshot> {
  const violator = 'good-1';
  const violatorNote = 'n-contact';
  const goodAccounts = Array.from({ length: 8 }, (_, i) => `good-${i + 1}`);
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

  // accounts/part-00000: a byte-order mark, CRLF line ends, good accounts and every kind of bad one.
  const acc0 = new PartBuilder('accounts', 'accounts/part-00000.jsonl', '\r\n');
  acc0.add(Buffer.concat([BOM, Buffer.from(JSON.stringify(account(violator)))]), { name: 'first record after a byte-order mark', outcome: { is: 'accepted' }, accountId: violator });
  for (const id of goodAccounts.slice(1, 4)) acc0.good(account(id), 'good account', id);
  acc0.good(account('good-5', { createdAt: '2024-02-29T23:59:59.123Z' }), 'leap day with a fraction of a second', 'good-5');
  acc0.good(account('good-6', { createdAt: '2025-01-01T00:00:00+00:00' }), 'UTC written as +00:00', 'good-6');
  acc0.good(
    account('good-7', { accountType: 'professional', qualification: { licenseId: 'L-7', verifiedAt: '2027-01-01T00:00:00Z' }, unknownField: { x: 1 } }),
    'a verification claimed after the snapshot (evidence, not damage) and an unknown field',
    'good-7',
  );
  acc0.add('', undefined);
  acc0.bad('accountId of 1 MB', account('x'.repeat(1_000_000), { nickname: 'n', registration: { ip: '10.0.0.1', deviceId: 'd', client: 'app-ios' } }), /accountId: longer than 128 characters/);
  acc0.bad('accountId one over the limit', account('y'.repeat(129)), /accountId: longer than 128 characters/);
  acc0.bad('empty accountId', account(''), /accountId: .*>=1/);
  acc0.bad('nickname over the label limit', account('bad-nick', { nickname: '名'.repeat(513) }), /nickname: longer than 512 characters/);
  acc0.bad('line over 1 MiB', account('bad-long', { bio: 'b'.repeat(2 * 1024 * 1024) }), /line is longer than 1048576 bytes/);
  acc0.bad('impossible date 2026-02-30', account('bad-feb30', { createdAt: '2026-02-30T10:00:00Z' }), /createdAt: has no such day/);
  acc0.bad('29 February of a common year', account('bad-feb29', { createdAt: '2025-02-29T10:00:00Z' }), /createdAt: has no such day/);
  acc0.bad('month 13', account('bad-m13', { createdAt: '2025-13-01T10:00:00Z' }), /createdAt: has no such month/);
  acc0.bad('hour 25', account('bad-h25', { createdAt: '2025-05-01T25:00:00Z' }), /createdAt: has no such time of day/);
  acc0.bad('year 9999', account('bad-y9999', { createdAt: '9999-01-01T00:00:00Z' }), /createdAt: is after the snapshot's takenAt/);
  acc0.bad('year 0001', account('bad-y0001', { createdAt: '0001-01-01T00:00:00Z' }), /createdAt: is before 2000-01-01/);
  acc0.bad('created after the snapshot was taken', account('bad-future', { createdAt: '2026-11-20T00:00:01Z' }), /createdAt: is after the snapshot's takenAt/);
  acc0.bad('a non-UTC offset', account('bad-offset', { createdAt: '2025-05-01T10:00:00+08:00' }), /createdAt: must be UTC/);
  acc0.bad('not a timestamp', account('bad-ts', { createdAt: 'yesterday' }), /createdAt: must be an ISO-8601 UTC timestamp/);
  acc0.bad('a rename dated on an impossible day', account('bad-rename', { nicknameHistory: [{ nickname: 'a', changedAt: '2025-04-31T00:00:00Z' }] }), /nicknameHistory\.0\.changedAt: has no such day/);
  acc0.bad('a count that is a string', account('bad-count', { followerCount: '12' }), /followerCount/);
  acc0.bad('malformed JSON', '{"accountId": "bad-json", ', /not valid JSON/);
  acc0.bad('JSON that is not an object', '[1, 2, 3]', /invalid account/);
  acc0.bad('invalid UTF-8 in a nickname', Buffer.concat([Buffer.from('{"accountId":"bad-utf8","nickname":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]), /not valid UTF-8/);

  // accounts/part-00001.jsonl.gz: a good account, and a later copy of the violator (dropped: the first copy is kept).
  const acc1 = new PartBuilder('accounts', 'accounts/part-00001.jsonl.gz');
  acc1.good(account('good-8'), 'good account in a gzip part', 'good-8');
  acc1.add(account(violator, { followerCount: 999_999 }), { name: 'duplicate accountId (a later part)', outcome: { is: 'duplicate' }, accountId: violator });

  // Damaged account parts: their accounts are never judged.
  const truncated = gzipSync(Buffer.from([account('lost-truncated'), account('lost-truncated-2')].map((a) => JSON.stringify(a)).join('\n') + '\n'));

  // notes/part-00000: good notes, the violator's contact note (and an exact copy of it), bad notes, an orphan.
  const notes0 = new PartBuilder('notes', 'notes/part-00000.jsonl');
  notes0.good(note(violatorNote, violator, { title: '祛痘好物', body: '需要的姐妹加 薇❤信 ：mei_mei_77 备注小红书' }), 'note with a contact', violator);
  for (const id of goodAccounts.slice(1)) notes0.good(note(`n-${id}`, id), 'good note', id);
  notes0.add(note(violatorNote, violator, { title: '祛痘好物', body: '需要的姐妹加 薇❤信 ：mei_mei_77 备注小红书' }), {
    name: 'duplicate noteId (same part)',
    outcome: { is: 'duplicate' },
    accountId: violator,
  });
  notes0.add(note('n-orphan', 'nobody-1'), { name: 'note of an unknown account', outcome: { is: 'orphan' }, accountId: 'nobody-1' });
  notes0.bad('noteId over the id limit', note('n'.repeat(200), 'good-2'), /noteId: longer than 128 characters/);
  notes0.bad('body over 100,000 characters', note('n-body', 'good-2', { body: '字'.repeat(100_001) }), /body: longer than 100000 characters/);
  notes0.bad('deleted after the snapshot', note('n-deleted', 'good-2', { deletedAt: '2026-12-01T00:00:00Z' }), /deletedAt: is after the snapshot's takenAt/);
  notes0.bad('a missing required field', { noteId: 'n-missing', accountId: 'good-2', createdAt: iso(10) }, /invalid note: title/);

  // comments: a good one, a copy of it in another part, bad ones, an orphan; a gzip part of random bytes; an empty plain part.
  const com0 = new PartBuilder('comments', 'comments/part-00000.jsonl');
  com0.good(comment('c-1', 'n-good-2', 'good-3'), 'good comment', 'good-3');
  com0.good(comment('c-2', violatorNote, 'good-4', { createdAt: '2026-11-20T00:00:00Z' }), 'a comment at exactly takenAt', 'good-4');
  com0.bad(
    'invalid UTF-8 in a comment',
    Buffer.concat([Buffer.from('{"commentId":"c-utf8","noteId":"n-good-2","accountId":"good-3","createdAt":"2026-05-01T08:00:00Z","text":"ab'), Buffer.from([0xe4, 0xb8]), Buffer.from('"}')]),
    /not valid UTF-8/,
  );
  com0.bad('commentId over the id limit', comment('c'.repeat(129), 'n-good-2', 'good-3'), /commentId: longer than 128 characters/);
  com0.bad('text over 20,000 characters', comment('c-long', 'n-good-2', 'good-3', { text: '好'.repeat(20_001) }), /text: longer than 20000 characters/);
  com0.bad('empty commentId', comment('', 'n-good-2', 'good-3'), /commentId: .*>=1/);
  const com1 = new PartBuilder('comments', 'comments/part-00001.jsonl');
  com1.add(comment('c-1', 'n-good-2', 'good-3'), { name: 'duplicate commentId (another part)', outcome: { is: 'duplicate' }, accountId: 'good-3' });
  com1.add(comment('c-orphan', 'n-good-2', 'nobody-2'), { name: 'comment of an unknown account', outcome: { is: 'orphan' }, accountId: 'nobody-2' });

  // follows: good, a re-follow at another time (kept), an exact copy (dropped), an orphan, a bad date.
  const fol0 = new PartBuilder('follows', 'follows/part-00000.jsonl');
  fol0.good(follow('good-2', violator), 'good follow', violator);
  fol0.good(follow('good-2', violator, iso(95)), 'the same edge at another time: a re-follow, kept', violator);
  fol0.add(follow('good-2', violator), { name: 'duplicate follow (same edge, same time)', outcome: { is: 'duplicate' }, accountId: violator });
  fol0.add(follow('good-3', 'nobody-3'), { name: 'follow of an unknown account', outcome: { is: 'orphan' }, accountId: 'nobody-3' });
  fol0.bad('follow dated after the snapshot', follow('good-3', 'good-4', '2027-01-01T00:00:00Z'), /createdAt: is after the snapshot's takenAt/);

  // reports: good, a copy, an orphan, one about a note (valid, names no account), a bad target type.
  const rep0 = new PartBuilder('reports', 'reports/part-00000.jsonl');
  rep0.good(report('r-1', violator), 'good report', violator);
  rep0.add(report('r-1', violator), { name: 'duplicate reportId', outcome: { is: 'duplicate' }, accountId: violator });
  rep0.add(report('r-orphan', 'nobody-4'), { name: 'report about an unknown account', outcome: { is: 'orphan' }, accountId: 'nobody-4' });
  rep0.good(report('r-note', 'n-good-2', { targetType: 'note' }), 'report about a note');
  rep0.bad('unknown target type', report('r-user', 'good-2', { targetType: 'user' }), /targetType/);

  const parts: PartCase[] = [
    { name: 'truncated gzip', kind: 'accounts', part: 'accounts/part-00002.jsonl.gz', reason: /truncated/, lostAccounts: ['lost-truncated', 'lost-truncated-2'] },
    { name: 'empty gzip part (0 bytes)', kind: 'accounts', part: 'accounts/part-00003.jsonl.gz', reason: /empty or truncated gzip/, lostAccounts: [] },
    { name: 'plain JSON Lines named .gz (not gzip)', kind: 'notes', part: 'notes/part-00001.jsonl.gz', reason: /not gzip data/, lostAccounts: [] },
    { name: 'random bytes named .gz', kind: 'comments', part: 'comments/part-00002.jsonl.gz', reason: /not gzip data/, lostAccounts: [] },
  ];
  const files: Record<string, Buffer> = {
    [acc0.part]: acc0.body(),
    [acc1.part]: gzipSync(acc1.body()),
    [parts[0].part]: truncated.subarray(0, truncated.length - 12),
    [parts[1].part]: Buffer.alloc(0),
    [notes0.part]: notes0.body(),
    [parts[2].part]: Buffer.from(JSON.stringify(note('n-lost', 'good-2')) + '\n'),
    [com0.part]: com0.body(),
    [com1.part]: com1.body(),
    [parts[3].part]: Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)),
    'comments/part-00003.jsonl': Buffer.alloc(0),
    [fol0.part]: fol0.body(),
    [rep0.part]: rep0.body(),
  };
  const manifest = {
    format: 'crackdown-snapshot/1',
    snapshotId: 'bad-input',
    takenAt: TAKEN_AT,
    parts: {
      accounts: [acc0.part, acc1.part, parts[0].part, parts[1].part],
      notes: [notes0.part, parts[2].part],
      comments: [com0.part, com1.part, parts[3].part, 'comments/part-00003.jsonl'],
      follows: [fol0.part],
      reports: [rep0.part],
    },
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [name, body] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), body);
  }
  return { dir, records: [acc0, acc1, notes0, com0, com1, fol0, rep0].flatMap((p) => p.cases()), parts, violator, violatorNote };
}

/** One line of a quarantine object, as partition (record or damaged part) or resolve (orphan) writes it. */
export interface QuarantineLine {
  kind: string;
  part?: string;
  line?: number | null;
  reason: string;
  accountId?: string;
}

/**
 * Every case got its outcome: each bad record quarantined at its part and line with its reason, each
 * orphan quarantined, each duplicate counted, each damaged part quarantined whole (its accounts never
 * judged), and every good account judged; the counts in the summary add up to exactly these.
 */
export function expectEveryCaseAccountedFor(bad: BadSnapshot, summary: SweepSummary, quarantine: QuarantineLine[], decisions: Decision[]): void {
  const byPlace = new Map(quarantine.filter((q) => q.part !== undefined && q.line !== null).map((q) => [`${q.part}#${q.line}`, q]));
  const count = (kind: string, is: string) => bad.records.filter((r) => r.kind === kind && r.outcome.is === is).length;
  for (const r of bad.records) {
    const q = byPlace.get(`${r.part}#${r.line}`);
    if (r.outcome.is === 'quarantined') {
      expect(q, `${r.name} (${r.part} line ${r.line}) is quarantined`).toBeDefined();
      expect(q!.reason, r.name).toMatch(r.outcome.reason);
    } else {
      expect(q, `${r.name} (${r.part} line ${r.line}) is not quarantined by partition`).toBeUndefined();
    }
    if (r.outcome.is === 'orphan') {
      const o = quarantine.filter((x) => x.kind === r.kind && x.accountId === r.accountId);
      expect(o, `${r.name} is quarantined as an orphan`).toHaveLength(1);
      expect(o[0].reason).toMatch(/^orphan .*not (an account )?in the snapshot/);
    }
  }
  // Partition quarantined exactly the bad records, resolve exactly the orphans; nothing else is in quarantine.
  const partsQuarantined = quarantine.filter((q) => q.line === null);
  expect(partsQuarantined.map((q) => q.part).sort()).toEqual(bad.parts.map((p) => p.part).sort());
  for (const p of bad.parts) expect(partsQuarantined.find((q) => q.part === p.part)!.reason, p.name).toMatch(p.reason);
  const recordLines = bad.records.filter((r) => r.outcome.is === 'quarantined' || r.outcome.is === 'orphan').length;
  expect(quarantine.length - partsQuarantined.length).toBe(recordLines);

  expect(summary.damagedPartCount).toBe(bad.parts.length);
  expect(summary.damagedParts!.map((d) => d.part).sort()).toEqual(bad.parts.map((p) => p.part).sort());
  expect(summary.quarantined).toBe(recordLines);
  for (const kind of ['accounts', 'notes', 'comments', 'follows', 'reports']) {
    const r = summary.records[kind];
    expect({ kind, valid: r.valid, quarantined: r.quarantined, duplicates: r.duplicates ?? 0 }).toEqual({
      kind,
      valid: count(kind, 'accepted'),
      quarantined: count(kind, 'quarantined') + count(kind, 'orphan'),
      duplicates: count(kind, 'duplicate'),
    });
    expect(summary.duplicates?.[kind] ?? 0).toBe(count(kind, 'duplicate'));
  }

  // Every good account judged, none of the lost or bad ones.
  const goodAccounts = bad.records.filter((r) => r.kind === 'accounts' && r.outcome.is === 'accepted').map((r) => r.accountId!);
  expect(summary.accounts).toBe(goodAccounts.length);
  const lost = new Set(bad.parts.flatMap((p) => p.lostAccounts));
  for (const d of decisions) {
    expect(goodAccounts).toContain(d.accountId);
    expect(lost.has(d.accountId)).toBe(false);
  }
  // The violator is decided on its first copy (followerCount 120, not the duplicate's 999999), its duplicated note counted once.
  const v = decisions.find((d) => d.accountId === bad.violator);
  expect(v?.codes).toContain('traffic-diversion');
  expect(v!.followerCount).toBe(120);
  for (const f of v!.findings) if (f.evidence.noteIds) expect(new Set(f.evidence.noteIds).size).toBe(f.evidence.noteIds.length);
}
