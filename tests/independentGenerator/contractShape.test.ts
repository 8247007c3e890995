/**
 * Every record the independent generator writes must match CONTRACT §1 field types.
 * The schemas here are written from CONTRACT.md directly (not imported from the project).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../scripts/independentGenerator/generate.ts';
import { readSnapshot, type Snapshot } from './readSnapshot.ts';

const CODES = [
  'fake-account',
  'homogeneous-content',
  'engagement-bait',
  'traffic-diversion',
  'water-army',
  'undisclosed-promotion',
  'misleading-marketing',
  'account-transformation',
  'ai-hosted',
  'false-qualification',
] as const;

const ts = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const count = z.number().int().min(0);

const account = z.object({
  accountId: z.string().min(1),
  createdAt: ts,
  nickname: z.string(),
  nicknameHistory: z.array(z.object({ nickname: z.string(), changedAt: ts })).optional(),
  bio: z.string().optional(),
  accountType: z.enum(['personal', 'brand', 'professional']),
  brandId: z.string().optional(),
  followerCount: count,
  followingCount: count,
  followerHistory: z.array(z.object({ at: ts, count })).optional(),
  registration: z.object({ ip: z.string().min(1), deviceId: z.string().min(1), client: z.string().min(1) }),
  devices: z.array(z.string()).optional(),
  qualification: z.object({ licenseId: z.string(), verifiedAt: ts }).optional(),
});
const note = z.object({
  noteId: z.string().min(1),
  accountId: z.string().min(1),
  createdAt: ts,
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()).optional(),
  client: z.string().min(1),
  aigcDeclared: z.boolean().optional(),
  brandIds: z.array(z.string()).optional(),
  sponsoredVia: z.string().nullable().optional(),
  deletedAt: ts.optional(),
  hiddenAt: ts.optional(),
  likeCount: count,
  collectCount: count,
  commentCount: count,
});
const comment = z.object({
  commentId: z.string().min(1),
  noteId: z.string().min(1),
  accountId: z.string().min(1),
  createdAt: ts,
  text: z.string(),
  replyToCommentId: z.string().optional(),
  client: z.string().optional(),
});
const follow = z.object({ followerId: z.string().min(1), followeeId: z.string().min(1), createdAt: ts });
const report = z.object({
  reportId: z.string().min(1),
  reporterId: z.string().min(1),
  targetType: z.enum(['account', 'note', 'comment']),
  targetId: z.string().min(1),
  reason: z.string(),
  createdAt: ts,
});
const label = z.object({
  accountId: z.string().min(1),
  codes: z.array(z.enum(CODES)),
  variants: z.array(z.string()).optional(),
  hardNegative: z.string().optional(),
});
const manifest = z.object({
  format: z.literal('crackdown-snapshot/1'),
  snapshotId: z.string().min(1),
  takenAt: ts,
  parts: z.object({
    accounts: z.array(z.string()).min(1),
    notes: z.array(z.string()).min(1),
    comments: z.array(z.string()).min(1),
    follows: z.array(z.string()).optional(),
    reports: z.array(z.string()).optional(),
  }),
});

const SCHEMAS: Record<string, z.ZodType> = { accounts: account, notes: note, comments: comment, follows: follow, reports: report };

let dir: string;
let snap: Snapshot;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'indep-shape-'));
  await generateSnapshot({ accounts: 3000, seed: 7, out: dir, parts: 4 });
  snap = readSnapshot(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function firstFailure(kind: string): string | undefined {
  const schema = SCHEMAS[kind];
  for (const r of snap.records[kind]) {
    const res = schema.safeParse(r);
    if (!res.success) return `${JSON.stringify(r).slice(0, 300)} → ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  }
  return undefined;
}

describe('independent generator output matches CONTRACT §1', () => {
  it('has a valid manifest whose parts exist and which does not list the labels', () => {
    const m = manifest.parse(snap.manifest);
    expect(m.takenAt).toBe('2026-11-20T00:00:00Z');
    expect(JSON.stringify(m)).not.toContain('labels');
    for (const parts of Object.values(m.parts)) for (const p of parts ?? []) expect(p).toMatch(/^(accounts|notes|comments|follows|reports)\/part-\d{5}\.jsonl\.gz$/);
  });

  it.each(['accounts', 'notes', 'comments', 'follows', 'reports'])('every %s record has the CONTRACT field types', (kind) => {
    expect(snap.records[kind].length).toBeGreaterThan(0);
    expect(firstFailure(kind)).toBeUndefined();
  });

  it('keeps ids unique and references resolvable', () => {
    const accounts = snap.records.accounts as Array<z.infer<typeof account>>;
    const notes = snap.records.notes as Array<z.infer<typeof note>>;
    const comments = snap.records.comments as Array<z.infer<typeof comment>>;
    const follows = snap.records.follows as Array<z.infer<typeof follow>>;
    const reports = snap.records.reports as Array<z.infer<typeof report>>;
    const accountIds = new Set(accounts.map((a) => a.accountId));
    const noteIds = new Set(notes.map((n) => n.noteId));
    const commentIds = new Set(comments.map((c) => c.commentId));
    expect(accountIds.size).toBe(3000);
    expect(noteIds.size).toBe(notes.length);
    expect(commentIds.size).toBe(comments.length);
    for (const n of notes) expect(accountIds.has(n.accountId)).toBe(true);
    for (const c of comments) {
      expect(noteIds.has(c.noteId)).toBe(true);
      expect(accountIds.has(c.accountId)).toBe(true);
      if (c.replyToCommentId) expect(commentIds.has(c.replyToCommentId)).toBe(true);
    }
    for (const f of follows) expect(accountIds.has(f.followerId) && accountIds.has(f.followeeId)).toBe(true);
    for (const r of reports) {
      const pool = r.targetType === 'account' ? accountIds : r.targetType === 'note' ? noteIds : commentIds;
      expect(pool.has(r.targetId)).toBe(true);
    }
  });

  it('keeps times consistent with the snapshot moment and with each other', () => {
    const taken = '2026-11-20T00:00:00Z';
    const created = new Map((snap.records.accounts as Array<z.infer<typeof account>>).map((a) => [a.accountId, a.createdAt]));
    const notes = new Map((snap.records.notes as Array<z.infer<typeof note>>).map((n) => [n.noteId, n]));
    for (const n of notes.values()) {
      expect(n.createdAt >= created.get(n.accountId)!).toBe(true);
      expect(n.createdAt < taken).toBe(true);
    }
    for (const c of snap.records.comments as Array<z.infer<typeof comment>>) {
      const n = notes.get(c.noteId)!;
      expect(c.createdAt >= n.createdAt && c.createdAt < taken).toBe(true);
      expect(c.createdAt >= created.get(c.accountId)!).toBe(true);
    }
  });

  it('writes one label per account, codes only from CONTRACT §2, hard negatives only on clean accounts', () => {
    const ids = new Set((snap.records.accounts as Array<{ accountId: string }>).map((a) => a.accountId));
    expect(snap.labels.length).toBe(ids.size);
    const seen = new Set<string>();
    for (const l of snap.labels) {
      const parsed = label.parse(l);
      expect(ids.has(parsed.accountId)).toBe(true);
      expect(seen.has(parsed.accountId)).toBe(false);
      seen.add(parsed.accountId);
      if (parsed.hardNegative) expect(parsed.codes).toEqual([]);
    }
    expect(readFileSync(join(dir, 'labels.jsonl'), 'utf8').endsWith('\n')).toBe(true);
  });

  it("spreads one account's records across parts", () => {
    const partsByAuthor = new Map<string, Set<string>>();
    const notes = snap.records.notes as Array<{ accountId: string }>;
    notes.forEach((n, i) => {
      const set = partsByAuthor.get(n.accountId) ?? new Set<string>();
      set.add(snap.partOf.notes[i]);
      partsByAuthor.set(n.accountId, set);
    });
    const spread = [...partsByAuthor.values()].filter((s) => s.size > 1).length;
    expect(spread).toBeGreaterThan(partsByAuthor.size / 3);
  });

  it('keeps ids opaque (no label words in ids, nicknames or clients)', () => {
    const words = [...CODES, 'farm', 'fake', 'water', 'hired', 'bait', 'violat', 'negative'];
    for (const a of snap.records.accounts as Array<z.infer<typeof account>>) {
      const surface = `${a.accountId} ${a.nickname} ${a.registration.client} ${a.registration.deviceId}`.toLowerCase();
      for (const w of words) expect(surface.includes(w), `${w} in ${surface}`).toBe(false);
    }
  });
});
