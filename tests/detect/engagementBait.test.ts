import { describe, expect, it } from 'vitest';
import { account, comment, note, rulesOf, runDetection } from './harness.ts';

describe('engagement-bait', () => {
  it('fires mutual-follow for a profile declaration', () => {
    const r = runDetection({ accounts: [account('e1', { bio: '互关必回❤️ 有关必回' })] });
    expect(rulesOf(r, 'e1', 'engagement-bait')).toEqual(['engagement-bait/mutual-follow']);
  });

  it('fires mutual-follow for "互粉" comments spammed on several notes', () => {
    const r = runDetection({
      accounts: [account('e2')],
      notes: [note('x1', 'o1'), note('x2', 'o2')],
      comments: [comment('c1', 'x1', 'e2', '互粉吗姐妹'), comment('c2', 'x2', 'e2', '求互關～秒回關')],
    });
    expect(rulesOf(r, 'e2', 'engagement-bait')).toEqual(['engagement-bait/mutual-follow']);
  });

  it('fires bait-hook for "double-tap for a surprise" notes', () => {
    const r = runDetection({
      accounts: [account('e3')],
      notes: [
        note('n1', 'e3', { title: '双击有惊喜！！', body: '看到最后有惊喜' }),
        note('n2', 'e3', { title: '今日好运', body: '评论区扣1接好运，点赞暴富' }),
      ],
    });
    const f = r.byAccount.get('e3')!.find((x) => x.ruleId === 'engagement-bait/bait-hook')!;
    expect(f.evidence.noteIds).toEqual(['n1', 'n2']);
  });

  it('fires sensational-title when many titles are sensational', () => {
    const titles = ['震惊！原来这个东西这么危险', '99%的人都不知道的秘密', '千万不要这样洗脸', '今天的早餐'];
    const r = runDetection({ accounts: [account('e4')], notes: titles.map((t, i) => note(`s${i}`, 'e4', { title: t })) });
    expect(rulesOf(r, 'e4', 'engagement-bait')).toEqual(['engagement-bait/sensational-title']);
  });

  it('an ordinary user replying "1" or asking once to follow stays clean', () => {
    const r = runDetection({
      accounts: [account('e5', { bio: '记录生活 | 喜欢猫' })],
      notes: [note('m1', 'e5', { title: '我家猫好可爱', body: '震惊，它居然会开门' })],
      comments: [comment('c9', 'x1', 'e5', '1'), comment('c10', 'x2', 'e5', '关注你啦')],
    });
    expect(rulesOf(r, 'e5')).toEqual([]);
  });
});
