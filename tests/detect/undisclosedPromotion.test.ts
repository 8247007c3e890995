import { describe, expect, it } from 'vitest';
import type { Note } from '#shared/contract/snapshotRecords';
import { account, at, note, rulesOf, runDetection } from './harness.ts';

describe('undisclosed-promotion', () => {
  it('fires paid-off-platform once per note that declares a cooperation outside the partner platform', () => {
    const r = runDetection({
      accounts: [account('u1')],
      notes: [
        note('p1', 'u1', { title: '恰饭｜这款精华真的好用', body: '感谢品牌方寄来的新品', brandIds: ['glowx'] }),
        note('p2', 'u1', { title: '合作款口红试色', body: '#广告 品牌合作', brandIds: ['redlip'] }),
        note('p3', 'u1', { title: '蒲公英合作', body: '品牌合作', brandIds: ['redlip'], sponsoredVia: 'partner-platform' }),
      ],
    });
    const fs = r.byAccount.get('u1')!.filter((f) => f.ruleId === 'undisclosed-promotion/paid-off-platform');
    expect(fs.map((f) => f.evidence.noteIds)).toEqual([['p1'], ['p2']]);
  });

  it('a cooperation placed through the partner platform stays clean', () => {
    const r = runDetection({
      accounts: [account('u2')],
      notes: [note('q1', 'u2', { title: '品牌合作｜新品', body: '感谢品牌方邀请', brandIds: ['glowx'], sponsoredVia: 'partner-platform' })],
    });
    expect(rulesOf(r, 'u2')).toEqual([]);
  });

  it('an ordinary review that names a brand stays clean', () => {
    const r = runDetection({
      accounts: [account('u3')],
      notes: [note('q2', 'u3', { title: '用了半年的面霜', body: '冬天有点干，夏天刚好，回购第二瓶了', brandIds: ['glowx'] })],
    });
    expect(rulesOf(r, 'u3')).toEqual([]);
  });

  it('brand accounts: one brand-unauthorised finding per offending note (posing as a consumer, promoting another brand)', () => {
    const r = runDetection({
      accounts: [account('brandA', { accountType: 'brand', brandId: 'glowx' })],
      notes: [
        note('b1', 'brandA', { title: '素人分享 自费购买的精华', body: '不是广告！链接在下方，到手价99元', brandIds: ['glowx'] }),
        note('b2', 'brandA', { title: '联名推荐', body: '姐妹品牌的新品，下单立减', brandIds: ['glowx', 'partnerbrand'] }),
        note('b3', 'brandA', { title: '新品上市', body: '我们的新品精华上市啦', brandIds: ['glowx'] }),
      ],
    });
    const fs = r.byAccount.get('brandA')!.filter((f) => f.ruleId === 'undisclosed-promotion/brand-unauthorised');
    expect(fs.map((f) => f.evidence.noteIds![0]).sort()).toEqual(['b1', 'b2']);
  });

  it('fires coordinated-seeding for a burst of ordinary accounts selling one brand (the brand itself is not charged for others\' notes)', () => {
    const seeders = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const notes: Note[] = seeders.map((a, i) =>
      note(`seed${i}`, a, { title: `${['真实测评', '自用分享', '无广', '学生党必入', '回购', '种草'][i]}｜这款精华`, body: `到手价129，链接在评论区，优惠券还有`, brandIds: ['glowx'], createdAt: at(i * 90) }),
    );
    // organic background mentions over months
    for (let i = 0; i < 6; i++) notes.push(note(`bg${i}`, `fan${i}`, { title: '空瓶记', body: '用完了，还行', brandIds: ['glowx'], createdAt: at(-60 * 24 * 30 * (i + 1)) }));
    const r = runDetection({ accounts: [account('brandA', { accountType: 'brand', brandId: 'glowx' }), ...seeders.map((s) => account(s))], notes });
    for (const s of seeders) expect(rulesOf(r, s, 'undisclosed-promotion')).toContain('undisclosed-promotion/coordinated-seeding');
    expect(r.byAccount.get('s1')!.find((f) => f.code === 'undisclosed-promotion')!.evidence.clusterKey).toBe('glowx');
    expect(rulesOf(r, 'brandA')).toEqual([]);
    for (let i = 0; i < 6; i++) expect(rulesOf(r, `fan${i}`)).toEqual([]);
  });

  it('a popular brand mentioned steadily by many users is not a seeding burst', () => {
    const notes: Note[] = Array.from({ length: 120 }, (_, i) =>
      note(`m${i}`, `user${i}`, { title: '入手了', body: '专柜买的，价格399元', brandIds: ['bigbrand'], createdAt: at(i * 60 * 24) }),
    );
    const r = runDetection({ notes });
    expect(r.findings.filter((f) => f.code === 'undisclosed-promotion')).toEqual([]);
  });
});

describe('undisclosed-promotion: covert ads', () => {
  it('fires covert-ad once per hard-sell note by an ordinary account outside the partner platform', () => {
    const r = runDetection({
      accounts: [account('c1')],
      notes: [
        note('h1', 'c1', { title: '被问爆的开衫', body: '券后到手价只要419元，下单时输入优惠码ABC123立减30元，官方旗舰店同款', brandIds: ['knit'] }),
        note('h2', 'c1', { title: '周末散步', body: '天气很好' }),
      ],
    });
    const fs = r.byAccount.get('c1')!.filter((f) => f.ruleId === 'undisclosed-promotion/covert-ad');
    expect(fs.map((f) => f.evidence.noteIds)).toEqual([['h1']]);
    expect(fs[0].evidence.matched!.length).toBeGreaterThanOrEqual(2);
  });

  it('the same hard-sell note placed through the partner platform stays clean', () => {
    const r = runDetection({
      accounts: [account('c2')],
      notes: [note('h3', 'c2', { title: '被问爆的开衫', body: '券后到手价只要419元，下单时输入优惠码ABC123立减30元', brandIds: ['knit'], sponsoredVia: 'partner-platform' })],
    });
    expect(rulesOf(r, 'c2')).toEqual([]);
  });
});
