/** Every record the generator writes validates against the contract schemas, except exactly the deliberately invalid ones. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema, recordSchemas, RECORD_KINDS, type Account, type Comment, type Follow, type Note, type Report } from '#shared/contract/snapshotRecords';
import { makeSnapshot, readLines, readManifest, records, type Fixture, type Line } from './snapshotFixture.ts';

const INVALID = 40;
let fx: Fixture;
let lines: Line[];

beforeAll(async () => {
  fx = await makeSnapshot({ accounts: 1500, seed: 'contract', invalidRecords: INVALID });
  lines = readLines(fx.dir);
});
afterAll(() => fx.cleanup());

function isValid(line: Line): boolean {
  let json: unknown;
  try {
    json = JSON.parse(line.text);
  } catch {
    return false;
  }
  return recordSchemas[line.kind].safeParse(json).success;
}

describe('generated records', () => {
  it('has a manifest exactly per CONTRACT §1', () => {
    const manifest = readManifest(fx.dir);
    expect(manifestSchema.parse(manifest)).toEqual(manifest);
    expect(manifest.format).toBe('crackdown-snapshot/1');
    expect(manifest.takenAt).toBe('2026-11-20T00:00:00Z');
    expect(manifest.snapshotId).toContain('contract');
    for (const kind of RECORD_KINDS) {
      expect(manifest.parts[kind].length).toBeGreaterThanOrEqual(2);
      for (const p of manifest.parts[kind]) expect(p).toMatch(new RegExp(`^${kind}/part-\\d{5}\\.jsonl\\.gz$`));
    }
    expect(Object.keys(manifest).sort()).toEqual(['format', 'parts', 'snapshotId', 'takenAt']);
  });

  it('validates every line except exactly the deliberately invalid ones', () => {
    const invalid = lines.filter((l) => !isValid(l));
    expect(invalid.length).toBe(INVALID);
    expect(fx.summary.invalidRecords).toBe(INVALID);
    const validByKind = Object.fromEntries(RECORD_KINDS.map((k) => [k, lines.filter((l) => l.kind === k).length - invalid.filter((l) => l.kind === k).length]));
    expect(validByKind).toEqual({ accounts: 1500, notes: fx.summary.notes, comments: fx.summary.comments, follows: fx.summary.follows, reports: fx.summary.reports });
    // The invalid ones exercise several failure kinds.
    const malformed = invalid.filter((l) => {
      try {
        JSON.parse(l.text);
        return false;
      } catch {
        return true;
      }
    });
    expect(malformed.length).toBeGreaterThan(0);
    expect(malformed.length).toBeLessThan(INVALID);
  });

  it('keeps records to contract fields, timestamps before takenAt, and references that resolve', () => {
    const valid = lines.filter(isValid);
    const accounts = records<Account>(valid, 'accounts');
    const notes = records<Note>(valid, 'notes');
    const comments = records<Comment>(valid, 'comments');
    const follows = records<Follow>(valid, 'follows');
    const reports = records<Report>(valid, 'reports');
    const takenAt = Date.parse('2026-11-20T00:00:00Z');

    const accountIds = new Set(accounts.map((a) => a.accountId));
    const noteById = new Map(notes.map((n) => [n.noteId, n]));
    const commentById = new Map(comments.map((c) => [c.commentId, c]));
    expect(accountIds.size).toBe(accounts.length);
    expect(noteById.size).toBe(notes.length);
    expect(commentById.size).toBe(comments.length);

    const before = (t: string | undefined) => t === undefined || (Date.parse(t) < takenAt && /Z$/.test(t));
    const allowed: Record<string, string[]> = {
      accounts: [
        'accountId',
        'createdAt',
        'nickname',
        'nicknameHistory',
        'bio',
        'accountType',
        'brandId',
        'followerCount',
        'followingCount',
        'followerHistory',
        'registration',
        'devices',
        'qualification',
      ],
      notes: ['noteId', 'accountId', 'createdAt', 'title', 'body', 'tags', 'client', 'aigcDeclared', 'brandIds', 'sponsoredVia', 'deletedAt', 'hiddenAt', 'likeCount', 'collectCount', 'commentCount'],
      comments: ['commentId', 'noteId', 'accountId', 'createdAt', 'text', 'replyToCommentId', 'client'],
    };
    // Problems are collected and compared once: an expect() per record would dominate the test's run time.
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && problems.length < 20) problems.push(what);
    };
    for (const a of accounts) {
      check(
        Object.keys(a).every((k) => allowed.accounts.includes(k)),
        `fields ${a.accountId}`,
      );
      check(before(a.createdAt), `createdAt ${a.accountId}`);
      for (const h of a.followerHistory ?? []) check(Date.parse(h.at) <= takenAt, `followerHistory ${a.accountId}`);
      for (const h of a.nicknameHistory ?? []) check(before(h.changedAt), `nicknameHistory ${a.accountId}`);
    }
    const createdAt = new Map(accounts.map((a) => [a.accountId, Date.parse(a.createdAt)]));
    const commentsPerNote = new Map<string, number>();
    for (const n of notes) {
      check(
        Object.keys(n).every((k) => allowed.notes.includes(k)),
        `fields ${n.noteId}`,
      );
      check(accountIds.has(n.accountId), `author ${n.noteId}`);
      check(before(n.createdAt) && before(n.deletedAt) && before(n.hiddenAt), `times ${n.noteId}`);
      check(Date.parse(n.createdAt) > createdAt.get(n.accountId)!, `note before its author registered ${n.noteId}`);
    }
    for (const c of comments) {
      check(
        Object.keys(c).every((k) => allowed.comments.includes(k)),
        `fields ${c.commentId}`,
      );
      const note = noteById.get(c.noteId);
      check(note !== undefined, `note of ${c.commentId}`);
      if (!note) continue;
      check(accountIds.has(c.accountId), `author ${c.commentId}`);
      check(before(c.createdAt) && Date.parse(c.createdAt) > Date.parse(note.createdAt), `time ${c.commentId}`);
      if (note.deletedAt) check(Date.parse(c.createdAt) < Date.parse(note.deletedAt), `after deletion ${c.commentId}`);
      if (note.hiddenAt) check(Date.parse(c.createdAt) < Date.parse(note.hiddenAt), `after hiding ${c.commentId}`);
      if (c.replyToCommentId) check(commentById.get(c.replyToCommentId)?.noteId === c.noteId, `reply ${c.commentId}`);
      commentsPerNote.set(c.noteId, (commentsPerNote.get(c.noteId) ?? 0) + 1);
    }
    for (const n of notes) check(n.commentCount === (commentsPerNote.get(n.noteId) ?? 0), `commentCount ${n.noteId}`);
    for (const f of follows) {
      check(accountIds.has(f.followerId) && accountIds.has(f.followeeId) && f.followerId !== f.followeeId, `follow ids ${f.followerId}`);
      check(before(f.createdAt), `follow time ${f.followerId} ${f.createdAt}`);
    }
    for (const r of reports) {
      const target = r.targetType === 'account' ? accountIds.has(r.targetId) : r.targetType === 'note' ? noteById.has(r.targetId) : commentById.has(r.targetId);
      check(target && accountIds.has(r.reporterId), `report ${r.reportId}`);
    }
    expect(problems).toEqual([]);
  });

  it('looks like a platform: ~5 notes and ~20 comments per account, skewed, mostly app clients', () => {
    const valid = lines.filter(isValid);
    const notes = records<Note>(valid, 'notes');
    const comments = records<Comment>(valid, 'comments');
    expect(notes.length / 1500).toBeGreaterThan(3.5);
    expect(notes.length / 1500).toBeLessThan(8);
    expect(comments.length / 1500).toBeGreaterThan(15);
    expect(comments.length / 1500).toBeLessThan(28);
    const counts = notes.map((n) => n.commentCount).sort((a, b) => b - a);
    const top1pct = counts.slice(0, Math.ceil(counts.length / 100)).reduce((s, x) => s + x, 0);
    expect(top1pct / comments.length).toBeGreaterThan(0.1); // a few popular notes draw many comments
    const appShare = notes.filter((n) => ['app-ios', 'app-android', 'web'].includes(n.client)).length / notes.length;
    expect(appShare).toBeGreaterThan(0.85);
    const scripts = { traditional: 0, english: 0 };
    for (const n of notes) {
      if (/[們這個說話時從對將為]/.test(n.body)) scripts.traditional++;
      if (/^[\x20-\x7e\s\p{Emoji}]+$/u.test(n.body)) scripts.english++;
    }
    expect(scripts.traditional).toBeGreaterThan(0);
    expect(scripts.english).toBeGreaterThan(0);
  });
});
