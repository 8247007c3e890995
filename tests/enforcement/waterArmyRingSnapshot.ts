/**
 * A small snapshot with one water-army ring, written from code so every account says what it is:
 * CORE members praise a brand's notes together on every note (a ring confirmed by repetition), and
 * on each note two HIRED ordinary accounts join the burst once (ring associates: too little for
 * more than a warning). Every account also has organic content, which no content action may touch.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TAKEN_AT = '2026-11-20T00:00:00Z';
export const BRAND = 'brand-acct';
export const CORE = ['core-1', 'core-2', 'core-3', 'core-4', 'core-5'];
export const RING_NOTES = ['ring-note-1', 'ring-note-2', 'ring-note-3', 'ring-note-4'];
/** Two hired accounts per ring note, each hired once. */
export const HIRED = RING_NOTES.flatMap((_, i) => [`hired-${i + 1}a`, `hired-${i + 1}b`]);
export const ORGANIC = Array.from({ length: 40 }, (_, i) => `organic-${String(i + 1).padStart(2, '0')}`);

const PRAISE = '我用过这个牌子太好用了，真心推荐给大家';
const at = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString().replace('.000Z', 'Z');

/** The ring comment id of an account on a ring note (what a content action must remove). */
export const ringCommentId = (accountId: string, noteIndex: number) => `rc-${accountId}-${noteIndex + 1}`;
/** An organic comment of an account (what no content action may touch). */
export const organicCommentId = (accountId: string) => `oc-${accountId}`;

export async function writeRingSnapshot(dir: string): Promise<void> {
  const accounts: object[] = [];
  const notes: object[] = [];
  const comments: object[] = [];
  const account = (accountId: string, i: number, type: 'personal' | 'brand' = 'personal') =>
    accounts.push({
      accountId,
      createdAt: at('2024-03-01T08:00:00Z', i * 86_400 * 3 + i * 617),
      nickname: ['小鹿', '阿青', '晴天', 'Momo', '栗子', '南风', '柚子', '木木'][i % 8] + (i * 37 + 11),
      bio: '生活记录',
      accountType: type,
      ...(type === 'brand' ? { brandId: 'brand-x' } : {}),
      followerCount: 50 + ((i * 97) % 900),
      followingCount: 40 + ((i * 53) % 300),
      registration: { ip: `10.${i % 250}.${(i * 7) % 250}.${(i * 13) % 250}`, deviceId: `dev-${accountId}`, client: i % 2 ? 'app-ios' : 'app-android' },
    });
  const everyone = [BRAND, ...CORE, ...HIRED, ...ORGANIC];
  everyone.forEach((id, i) => account(id, i, id === BRAND ? 'brand' : 'personal'));
  const topics = ['今天做了番茄炒蛋，味道还不错', '周末去公园散步，银杏叶黄了', '读完了一本小说，结尾很意外', '新学了一首吉他曲子', '记录一下今天的早餐'];
  // Everyone's own organic notes, commented on by one other organic account each.
  everyone.forEach((id, i) => {
    const noteId = `on-${id}`;
    notes.push({
      noteId,
      accountId: id,
      createdAt: at('2026-10-01T09:00:00Z', i * 5_000),
      title: `日常${i}`,
      body: `${topics[i % topics.length]}（第${i}篇）`,
      client: 'app-ios',
      likeCount: 3,
      collectCount: 1,
      commentCount: 1,
    });
  });
  everyone.forEach((id, i) => {
    const on = everyone[(i + 7) % everyone.length];
    comments.push({
      commentId: organicCommentId(id),
      noteId: `on-${on}`,
      accountId: id,
      createdAt: at('2026-10-20T12:00:00Z', i * 7_200),
      text: `${['哈哈好可爱', '学到了', '看起来好好吃', '拍得真好看'][i % 4]}${i}`,
      client: 'app-android',
    });
  });
  // The brand's notes, and on each the ring's burst: core members and two hired accounts, a minute apart.
  RING_NOTES.forEach((noteId, n) => {
    const start = at('2026-11-01T20:00:00Z', n * 86_400 * 2);
    notes.push({
      noteId,
      accountId: BRAND,
      createdAt: at(start, -1800),
      title: `新品${n + 1}`,
      body: '我们的新品上市啦',
      client: 'web',
      brandIds: ['brand-x'],
      likeCount: 20,
      collectCount: 5,
      commentCount: 7,
    });
    const cast = [...CORE, HIRED[2 * n], HIRED[2 * n + 1]];
    cast.forEach((id, k) => comments.push({ commentId: ringCommentId(id, n), noteId, accountId: id, createdAt: at(start, 60 * k), text: PRAISE, client: 'app-ios' }));
  });
  const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  for (const kind of ['accounts', 'notes', 'comments']) await mkdir(join(dir, kind), { recursive: true });
  await writeFile(join(dir, 'accounts/part-00000.jsonl'), lines(accounts));
  await writeFile(join(dir, 'notes/part-00000.jsonl'), lines(notes));
  await writeFile(join(dir, 'comments/part-00000.jsonl'), lines(comments));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      format: 'crackdown-snapshot/1',
      snapshotId: 'water-army-ring',
      takenAt: TAKEN_AT,
      parts: { accounts: ['accounts/part-00000.jsonl'], notes: ['notes/part-00000.jsonl'], comments: ['comments/part-00000.jsonl'] },
    }),
  );
}
