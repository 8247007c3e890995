import { describe, expect, it } from 'vitest';
import { account, note, rulesOf, runDetection } from './harness.ts';

describe('misleading-marketing', () => {
  it('fires absolute-claim for a brand note with forbidden superlatives', () => {
    const r = runDetection({
      accounts: [account('m1', { accountType: 'brand', brandId: 'x' })],
      notes: [note('n1', 'm1', { title: '全网第一的面膜', body: '国家级配方，效果最好，100%有效', brandIds: ['x'] })],
    });
    const f = r.byAccount.get('m1')!.find((x) => x.ruleId === 'misleading-marketing/absolute-claim')!;
    expect(f.evidence.noteIds).toEqual(['n1']);
    expect(f.evidence.matched!.length).toBeGreaterThan(0);
  });

  it('fires medical-claim for cure claims with sales cues', () => {
    const r = runDetection({
      accounts: [account('m2')],
      notes: [note('n2', 'm2', { title: '湿疹克星', body: '祖传秘方，三天根治湿疹，永不复发，私我下单' })],
    });
    expect(rulesOf(r, 'm2', 'misleading-marketing')).toContain('misleading-marketing/medical-claim');
  });

  it('fires fabricated-experience for repeated dramatic before/after claims', () => {
    const r = runDetection({
      accounts: [account('m3', { accountType: 'professional' })],
      notes: [
        note('e1', 'm3', { title: '7天瘦了10斤', body: '喝了这款代餐，前后对比太明显，链接在主页', brandIds: ['slim'] }),
        note('e2', 'm3', { title: '一个月瘦了二十斤', body: '真的不节食，下单立减' }),
      ],
    });
    expect(rulesOf(r, 'm3', 'misleading-marketing')).toContain('misleading-marketing/fabricated-experience');
  });

  it('innocent superlatives in personal notes stay clean', () => {
    const r = runDetection({
      accounts: [account('m4')],
      notes: [
        note('k1', 'm4', { title: '今天是最好的一天', body: '和最好的朋友去了海边，100%开心' }),
        note('k2', 'm4', { title: '我心中第一的火锅', body: '这家店是我吃过最好吃的，下次还来' }),
        note('k3', 'm4', { title: '用了半年的面霜', body: '是我用过最好用的一款', brandIds: ['glowx'] }),
      ],
    });
    expect(rulesOf(r, 'm4')).toEqual([]);
  });

  it('fires misleading-title for titles borrowing an authority over a selling body', () => {
    const r = runDetection({
      accounts: [account('m5')],
      notes: [
        note('a1', 'm5', { title: '央视推荐的辅食机', body: '券后到手价只要296元，点击下方商品卡购买', brandIds: ['b1'], sponsoredVia: 'partner-platform' }),
        note('a2', 'm5', { title: '國家隊同款紙尿褲', body: '下單時輸入優惠碼LUS8932立減30元', brandIds: ['b1'], sponsoredVia: 'partner-platform' }),
      ],
    });
    expect(rulesOf(r, 'm5', 'misleading-marketing')).toContain('misleading-marketing/misleading-title');
  });

  it('fires fabricated-experience for "used it N days and it was gone" stories in brand notes', () => {
    const r = runDetection({
      accounts: [account('m6')],
      notes: [
        note('b1', 'm6', { title: '真实反馈：面霜用了7天', body: '痘痘困扰我十年，用了面霜第22天就彻底好了。点击下方商品卡就能直接购买。', brandIds: ['b2'] }),
        note('b2', 'm6', { title: '逆袭！色斑终于没了', body: '之前试了几十种方法都没用，这个精华用了15天就好了。下单时输入优惠码QH1722立减30元', brandIds: ['b2'] }),
      ],
    });
    expect(rulesOf(r, 'm6', 'misleading-marketing')).toContain('misleading-marketing/fabricated-experience');
  });

  it('"亲测有效" on a money-saving tip is not a fabricated experience', () => {
    const r = runDetection({
      accounts: [account('m7')],
      notes: [
        note('c1', 'm7', { title: '外卖平台隐藏优惠券领取方法，亲测有效', body: '每天10点更新，手慢无。领券入口很多人不知道。' }),
        note('c2', 'm7', { title: '打车软件20元无门槛券怎么领', body: '亲测有效，已经省了5百块。领券步骤很简单。' }),
      ],
    });
    expect(rulesOf(r, 'm7', 'misleading-marketing')).toEqual([]);
  });
});
