/**
 * Each day of a run is a complete, valid contract snapshot of the platform as of that day: nothing dated after
 * its takenAt, references that resolve within the day, and day d+1 holding every record of day d.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema, RECORD_KINDS, type Account, type Comment, type Follow, type Note, type Report } from '#shared/contract/snapshotRecords';
import { readManifest } from './snapshotFixture.ts';
import { isValidLine, makeDays, readDay, type Day, type DaysFixture } from './daysFixture.ts';

const DATES = ['2026-12-01', '2026-12-02', '2026-12-03'];
let fx: DaysFixture;
let days: Day[];

beforeAll(async () => {
  fx = await makeDays({ days: 3, start: '2026-12-01', accounts: 1500, seed: 'cumulative' });
  days = DATES.map((d) => readDay(fx, d));
});
afterAll(() => fx.cleanup());

const keyOf = {
  accounts: (r: Account) => r.accountId,
  notes: (r: Note) => r.noteId,
  comments: (r: Comment) => r.commentId,
  follows: (r: Follow) => `${r.followerId}>${r.followeeId}@${r.createdAt}`,
  reports: (r: Report) => r.reportId,
} as const;

describe('generateDays: one full snapshot per day', () => {
  it('writes a contract manifest per day, taken at that day 00:00 UTC, with distinct snapshot ids, and days.json listing them', () => {
    const listed = JSON.parse(readFileSync(join(fx.dir, 'days.json'), 'utf8'));
    expect(listed).toEqual(JSON.parse(JSON.stringify(fx.summary)));
    expect(listed.days.map((d: { date: string }) => d.date)).toEqual(DATES);
    const ids = new Set<string>();
    DATES.forEach((date, i) => {
      const manifest = readManifest(join(fx.dir, date));
      expect(manifestSchema.parse(manifest)).toEqual(manifest);
      expect(manifest.takenAt).toBe(`${date}T00:00:00Z`);
      expect(manifest.snapshotId).toBe(listed.days[i].snapshotId);
      ids.add(manifest.snapshotId);
    });
    expect(ids.size).toBe(DATES.length);
  });

  it('validates every record of every day against the contract, and counts them as days.json says', () => {
    for (const [i, day] of days.entries()) {
      const invalid = day.lines.filter((l) => !isValidLine(l));
      expect(
        invalid.map((l) => l.text.slice(0, 80)),
        day.date,
      ).toEqual([]);
      const s = fx.summary.days[i];
      const counted = Object.fromEntries(RECORD_KINDS.map((k) => [k, day.lines.filter((l) => l.kind === k).length]));
      expect(counted, day.date).toEqual({ accounts: s.accounts, notes: s.notes, comments: s.comments, follows: s.follows, reports: s.reports });
      expect(day.labels.length).toBe(s.accounts);
      expect(day.labels.filter((l) => l.codes.length > 0).length).toBe(s.violators);
    }
  });

  it('dates nothing after the day’s takenAt and resolves every reference within the day', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && problems.length < 20) problems.push(what);
    };
    for (const day of days) {
      const takenAt = Date.parse(`${day.date}T00:00:00Z`);
      const by = (t: string | undefined) => t === undefined || Date.parse(t) <= takenAt;
      const accounts = day.of<Account>('accounts');
      const notes = day.of<Note>('notes');
      const comments = day.of<Comment>('comments');
      const accountIds = new Set(accounts.map((a) => a.accountId));
      const noteById = new Map(notes.map((n) => [n.noteId, n]));
      const commentById = new Map(comments.map((c) => [c.commentId, c]));
      const commentsPerNote = new Map<string, number>();
      for (const a of accounts) {
        check(by(a.createdAt) && by(a.qualification?.verifiedAt), `${day.date} account ${a.accountId}`);
        for (const h of a.followerHistory ?? []) check(by(h.at), `${day.date} followerHistory ${a.accountId}`);
        for (const h of a.nicknameHistory ?? []) check(by(h.changedAt), `${day.date} nicknameHistory ${a.accountId}`);
        if (a.followerHistory?.length) check(a.followerHistory[a.followerHistory.length - 1].count === a.followerCount, `${day.date} followerCount ${a.accountId}`);
      }
      for (const n of notes) {
        check(by(n.createdAt) && by(n.deletedAt) && by(n.hiddenAt), `${day.date} note ${n.noteId}`);
        check(accountIds.has(n.accountId), `${day.date} author ${n.noteId}`);
      }
      for (const c of comments) {
        check(by(c.createdAt), `${day.date} comment ${c.commentId}`);
        check(noteById.has(c.noteId) && accountIds.has(c.accountId), `${day.date} comment refs ${c.commentId}`);
        if (c.replyToCommentId) check(commentById.get(c.replyToCommentId)?.noteId === c.noteId, `${day.date} reply ${c.commentId}`);
        commentsPerNote.set(c.noteId, (commentsPerNote.get(c.noteId) ?? 0) + 1);
      }
      for (const n of notes) check(n.commentCount === (commentsPerNote.get(n.noteId) ?? 0), `${day.date} commentCount ${n.noteId}`);
      for (const f of day.of<Follow>('follows')) check(by(f.createdAt) && accountIds.has(f.followerId) && accountIds.has(f.followeeId), `${day.date} follow ${f.followerId}`);
      for (const r of day.of<Report>('reports')) {
        const target = r.targetType === 'account' ? accountIds.has(r.targetId) : r.targetType === 'note' ? noteById.has(r.targetId) : commentById.has(r.targetId);
        check(by(r.createdAt) && target && accountIds.has(r.reporterId), `${day.date} report ${r.reportId}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every day, the first included, a month of daily follower samples ending that day (as a daily export would)', () => {
    for (const day of days) {
      const first = Date.parse(`${day.date}T00:00:00Z`) - 29 * 86_400_000;
      const lengths = new Map<number, number>();
      const short: string[] = [];
      for (const a of day.of<Account>('accounts')) {
        const h = a.followerHistory;
        if (!h?.length) continue;
        lengths.set(h.length, (lengths.get(h.length) ?? 0) + 1);
        expect(h[h.length - 1].at, `${day.date} ${a.accountId}`).toBe(`${day.date}T00:00:00Z`);
        // a month, or since the account was created
        if (h.length < 30 && Date.parse(a.createdAt) < first) short.push(`${a.accountId}: ${h.length}`);
      }
      expect(short.slice(0, 5), day.date).toEqual([]);
      expect(Math.max(...lengths.keys()), day.date).toBe(30);
      expect(lengths.get(30), day.date).toBeGreaterThan(0);
    }
  });

  it('keeps every record of day d in day d+1, and adds that day’s activity', () => {
    for (let i = 1; i < days.length; i++) {
      const [before, after] = [days[i - 1], days[i]];
      for (const kind of RECORD_KINDS) {
        const key = keyOf[kind] as (r: unknown) => string;
        const later = new Set(after.of(kind).map(key));
        const lost = before
          .of(kind)
          .map(key)
          .filter((k) => !later.has(k));
        expect(lost.slice(0, 5), `${kind} lost between ${before.date} and ${after.date}`).toEqual([]);
      }
      const dayStart = Date.parse(`${before.date}T00:00:00Z`);
      const fresh = after.of<Note>('notes').filter((n) => Date.parse(n.createdAt) > dayStart);
      const freshComments = after.of<Comment>('comments').filter((c) => Date.parse(c.createdAt) > dayStart);
      expect(fresh.length).toBeGreaterThan(0);
      expect(freshComments.length).toBeGreaterThan(0);
      expect(after.of('accounts').length).toBeGreaterThanOrEqual(before.of('accounts').length);
    }
  });
});
