import { describe, expect, it } from 'vitest';
import type { Note } from '#shared/contract/snapshotRecords';
import { account, at, note, rulesOf, runDetection } from './harness.ts';

const DAY = 60 * 24;
const history = Array.from({ length: 60 }, (_, i) => ({ at: at(i * DAY), count: 100 + i * 80 }));

function farmedNotes(purgeDay: number | null, count = 12): Note[] {
  return Array.from({ length: count }, (_, i) =>
    note(`old${i}`, 't1', {
      title: `塔罗第${i}期`,
      body: '今日运势',
      createdAt: at(i * 3 * DAY),
      ...(purgeDay !== null && i < count - 1 ? { deletedAt: at(purgeDay * DAY + i * 60) } : {}),
    }),
  );
}

describe('account-transformation', () => {
  it('fires purge-and-pivot: grew, purged, renamed, then advertised', () => {
    const notes = [...farmedNotes(50), note('ad1', 't1', { title: '祛痘精华分享', body: '到手价89，链接在评论区', createdAt: at(52 * DAY), brandIds: ['acneaway'] })];
    const r = runDetection({
      accounts: [account('t1', { followerHistory: history, followerCount: 4800, nickname: '痘肌救星', nicknameHistory: [{ nickname: '每日塔罗运势', changedAt: at(51 * DAY) }] })],
      notes,
    });
    const f = r.byAccount.get('t1')!.find((x) => x.code === 'account-transformation')!;
    expect(f.ruleId).toBe('account-transformation/purge-and-pivot');
    expect(f.evidence.noteIds).toContain('ad1');
    expect(f.evidence.matched).toEqual(['每日塔罗运势']);
  });

  it('a grown account cleaning up its history, then a review mentioning that colleagues asked for the link, is not a turn to advertising', () => {
    const review = (body: string) => note('after', 't1', { title: '上班族的小白鞋选择', body, createdAt: at(52 * DAY) });
    const judge = (body: string) =>
      rulesOf(runDetection({ accounts: [account('t1', { followerHistory: history, followerCount: 4800 })], notes: [...farmedNotes(50), review(body)] }), 't1', 'account-transformation');
    expect(judge('碎碎念：同事问了好几次链接，面料有点扎，里面要穿打底，洗了一次有点起球。')).toEqual([]);
    expect(judge('碎碎念：链接放评论区了，面料有点扎，里面要穿打底，洗了一次有点起球。')).toEqual(['account-transformation/purge-and-pivot']);
  });

  it('a bare quoted price ("粉丝价515", "活动价515") after the purge and rename is the turn to advertising', () => {
    const judge = (body: string) =>
      runDetection({
        accounts: [account('t1', { followerHistory: history, followerCount: 4800, nicknameHistory: [{ nickname: '每日塔罗运势', changedAt: at(51 * DAY) }] })],
        notes: [...farmedNotes(50), note('ad1', 't1', { title: '秋冬面霜', body, createdAt: at(52 * DAY) })],
      }).byAccount.get('t1')!;
    for (const body of ['质地很舒服，粉丝价515', '质地很舒服，活动价515']) {
      const f = judge(body).find((x) => x.code === 'account-transformation')!;
      expect(f.ruleId).toBe('account-transformation/purge-and-pivot');
      expect(f.evidence.noteIds).toContain('ad1');
    }
  });

  it('lists the ads in its evidence first, however long the purged history', () => {
    const r = runDetection({
      accounts: [account('t1', { followerHistory: history, followerCount: 4800, nicknameHistory: [{ nickname: '每日塔罗运势', changedAt: at(101 * DAY) }] })],
      notes: [...farmedNotes(100, 30), note('zz-ad', 't1', { title: '秋冬面霜', body: '到手价89，链接在评论区', createdAt: at(102 * DAY) })],
    });
    const f = r.byAccount.get('t1')!.find((x) => x.code === 'account-transformation')!;
    expect(f.evidence.noteIds).toHaveLength(20);
    expect(f.evidence.noteIds![0]).toBe('zz-ad');
  });

  it('fires purge-and-rename when a grown account purges and renames (resale preparation)', () => {
    const r = runDetection({
      accounts: [account('t1', { followerHistory: history, followerCount: 4800, nicknameHistory: [{ nickname: '旧名字', changedAt: at(50 * DAY) }] })],
      notes: farmedNotes(49),
    });
    expect(rulesOf(r, 't1', 'account-transformation')).toEqual(['account-transformation/purge-and-rename']);
  });

  it('fires purge-and-pivot for a small sold account: history hidden in a day, renamed, then advertising', () => {
    const notes = [...farmedNotes(50, 5), note('ad2', 't1', { title: '秋冬护肤小记', body: '个人感觉保湿力中等。加VX vip-1862', createdAt: at(51 * DAY) })];
    const r = runDetection({
      accounts: [account('t1', { followerCount: 600, nickname: '腮红研究所', nicknameHistory: [{ nickname: '鱼呀', changedAt: at(50 * DAY + 30) }] })],
      notes,
    });
    expect(rulesOf(r, 't1', 'account-transformation')).toEqual(['account-transformation/purge-and-pivot']);
  });

  it('a small account that renames and clears its history, then posts about its life, stays clean', () => {
    const notes = [...farmedNotes(50, 8), note('life', 't1', { title: '周末去公园散步', body: '天气很好', createdAt: at(52 * DAY) })];
    const r = runDetection({ accounts: [account('t1', { followerCount: 600, nicknameHistory: [{ nickname: '旧名字', changedAt: at(50 * DAY) }] })], notes });
    expect(rulesOf(r, 't1', 'account-transformation')).toEqual([]);
  });

  it('a small account clearing its history without a rename, then reviewing a product, stays clean', () => {
    const notes = [...farmedNotes(50, 8), note('rev', 't1', { title: '用了半年的面霜', body: '299元，还会回购', createdAt: at(52 * DAY), brandIds: ['glowx'] })];
    const r = runDetection({ accounts: [account('t1', { followerCount: 600 })], notes });
    expect(rulesOf(r, 't1', 'account-transformation')).toEqual([]);
  });

  it('a small account tidying up old posts stays clean', () => {
    const r = runDetection({
      accounts: [account('t1', { followerCount: 150, nicknameHistory: [{ nickname: '旧名字', changedAt: at(50 * DAY) }] })],
      notes: farmedNotes(49),
    });
    expect(rulesOf(r, 't1')).toEqual([]);
  });

  it('a grown account deleting a few notes over years stays clean', () => {
    const notes = Array.from({ length: 20 }, (_, i) => note(`k${i}`, 't1', { createdAt: at(i * 10 * DAY), ...(i % 6 === 0 ? { deletedAt: at(i * 10 * DAY + 5 * DAY) } : {}) }));
    const r = runDetection({ accounts: [account('t1', { followerHistory: history, followerCount: 4800 })], notes });
    expect(rulesOf(r, 't1', 'account-transformation')).toEqual([]);
  });
});
