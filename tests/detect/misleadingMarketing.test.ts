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
});
