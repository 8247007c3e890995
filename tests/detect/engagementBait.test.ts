import { describe, expect, it } from 'vitest';
import { account, atSeconds, comment, note, rulesOf, runDetection } from './harness.ts';
import { SELF_PROMOTION } from '#shared/detect/text/marketingPatterns';
import { normalizeText } from '#shared/detect/text/normalizeText';

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

  it('fires mutual-follow for one note whose title is the appeal (a declaration, like a bio)', () => {
    const r = runDetection({
      accounts: [account('e8')],
      notes: [note('t1', 'e8', { title: '新 人 求 關 注 ， 必 回😋', body: '有关必回\n用的是很多年前的老相机。' }), note('t2', 'e8')],
    });
    expect(rulesOf(r, 'e8', 'engagement-bait')).toEqual(['engagement-bait/mutual-follow']);
  });

  it('reads 🔁 as 互 and the Japanese 関 as 关 in mutual-follow titles ("🔁关注💛", "秒回関")', () => {
    const r = runDetection({
      accounts: [account('e11'), account('e12')],
      notes: [note('r1', 'e11', { title: '🔁 关 注💛', body: '家里人说下次还想再来。' }), note('r2', 'e12', { title: '秒回関🌙', body: '来交作业啦～' })],
    });
    expect(rulesOf(r, 'e11', 'engagement-bait')).toEqual(['engagement-bait/mutual-follow']);
    expect(rulesOf(r, 'e12', 'engagement-bait')).toEqual(['engagement-bait/mutual-follow']);
  });

  it('one appeal in a note body only, or one giveaway title, stays below the threshold', () => {
    const r = runDetection({
      accounts: [account('e9'), account('e10', { accountType: 'brand' })],
      notes: [note('b1', 'e9', { title: '周末去爬山', body: '风景很好。有喜欢爬山的可以互关～' }), note('g1', 'e10', { title: '关注抽3位送新品', body: '新品上市，欢迎体验。' })],
    });
    expect(rulesOf(r, 'e9', 'engagement-bait')).toEqual([]);
    expect(rulesOf(r, 'e10', 'engagement-bait')).toEqual([]);
  });

  it('fires bait-hook for "double-tap for a surprise" notes', () => {
    const r = runDetection({
      accounts: [account('e3')],
      notes: [note('n1', 'e3', { title: '双击有惊喜！！', body: '看到最后有惊喜' }), note('n2', 'e3', { title: '今日好运', body: '评论区扣1接好运，点赞暴富' })],
    });
    const f = r.byAccount.get('e3')!.find((x) => x.ruleId === 'engagement-bait/bait-hook')!;
    expect(f.evidence.noteIds).toEqual(['n1', 'n2']);
  });

  it('fires sensational-title when many titles are sensational', () => {
    const titles = ['震惊！原来这个东西这么危险', '99%的人都不知道的秘密', '千万不要这样洗脸', '今天的早餐'];
    const r = runDetection({ accounts: [account('e4')], notes: titles.map((t, i) => note(`s${i}`, 'e4', { title: t })) });
    expect(rulesOf(r, 'e4', 'engagement-bait')).toEqual(['engagement-bait/sensational-title']);
  });

  it('sensational titles over bodies that sell are misleading titles, not engagement-bait', () => {
    const titles = ['后悔没早点知道的祛斑霜', '99%的人都不知道的祛斑方法', '震惊！原来这个东西这么好用', '今天的早餐'];
    const bodies = ['原价1019现在只要45', '点主页店铺直接拍', '到手价305，今天最后一天', '吃了个包子'];
    const selling = runDetection({ accounts: [account('e6')], notes: titles.map((t, i) => note(`s${i}`, 'e6', { title: t, body: bodies[i] })) });
    expect(rulesOf(selling, 'e6', 'engagement-bait')).toEqual([]);
    // the same titles over bodies that sell nothing are hooks
    const hooks = runDetection({ accounts: [account('e7')], notes: titles.map((t, i) => note(`s${i}`, 'e7', { title: t, body: '今天分享一下我的日常' })) });
    expect(rulesOf(hooks, 'e7', 'engagement-bait')).toEqual(['engagement-bait/sensational-title']);
  });

  it('an ordinary user replying "1" or asking once to follow stays clean', () => {
    const r = runDetection({
      accounts: [account('e5', { bio: '记录生活 | 喜欢猫' })],
      notes: [note('m1', 'e5', { title: '我家猫好可爱', body: '震惊，它居然会开门' })],
      comments: [comment('c9', 'x1', 'e5', '1'), comment('c10', 'x2', 'e5', '关注你啦')],
    });
    expect(rulesOf(r, 'e5')).toEqual([]);
  });

  it('sees through separators, emoji and pinyin dodges in hooks and mutual-follow appeals', () => {
    const r = runDetection({
      accounts: [account('e6'), account('e7')],
      notes: [
        note('d1', 'e6', { title: '露营装备清单', body: 'SHUANG击666，下期更精彩\n营地在山脚下' }),
        note('d2', 'e6', { title: '小客厅布置｜点-赞-过-千-更-新-下-集', body: '窗帘换成了浅色的' }),
        note('d3', 'e6', { title: '卧室改造', body: '👆-双-击-👆-有-惊-喜' }),
        note('f1', 'e7', { title: '互❤关🤣', body: 'hgbh 来交作业啦' }),
        note('f2', 'e7', { title: '今日穿搭', body: '互guan互赞不取关' }),
      ],
    });
    expect(rulesOf(r, 'e6', 'engagement-bait')).toEqual(['engagement-bait/bait-hook']);
    expect(rulesOf(r, 'e7', 'engagement-bait')).toEqual(['engagement-bait/mutual-follow']);
  });

  it('a blessing or "watch to the end" without a request for interaction is not a hook; "f4f" inside a default nickname is not an appeal', () => {
    const r = runDetection({
      accounts: [account('e8', { nickname: '小红薯6F4F86B5' })],
      notes: [note('t1', 'e8', { title: '塔罗｜一定看到最后', body: '接好运！好运会一直陪着你' }), note('t2', 'e8', { title: '名场面合集｜一定看到最后', body: '接好运' })],
    });
    expect(rulesOf(r, 'e8', 'engagement-bait')).toEqual([]);
  });
});

describe("engagement-bait: self-promotion under others' notes", () => {
  it('one "check out my channel" comment under someone else\'s note warns; praise of the video, or a creator asking on their own note, does not', () => {
    const notes = [note('v1', 'creator'), note('own', 'promoter')];
    const comments = [
      comment('c1', 'v1', 'promoter', 'Hey guys check out my new channel and our first vid, please subscribe!!!'),
      comment('c2', 'v1', 'fan', 'this song never gets old, who is still watching in 2015?'),
      comment('c3', 'v1', 'fan2', 'I subscribed to her channel years ago, her best video'),
      comment('c4', 'own', 'promoter', 'thanks for watching, follow me for part 2'),
      comment('c5', 'v1', 'zh', '来我主页看看，关注我不迷路'),
    ];
    const r = runDetection({ accounts: ['creator', 'promoter', 'fan', 'fan2', 'zh'].map((id) => account(id)), notes, comments });
    expect(rulesOf(r, 'promoter', 'engagement-bait')).toEqual(['engagement-bait/self-promotion']);
    expect(r.byAccount.get('promoter')![0].evidence.commentIds).toEqual(['c1']);
    expect(rulesOf(r, 'zh', 'engagement-bait')).toEqual(['engagement-bait/self-promotion']);
    for (const id of ['creator', 'fan', 'fan2']) expect(rulesOf(r, id)).toEqual([]);
  });

  it("\"看我主页\" said inside a crew's lockstep run is the act's line (water-army's), not self-promotion; said alone elsewhere it is", () => {
    const crew = ['k1', 'k2', 'k3', 'k4', 'k5'];
    const lines = ['医生很专业', '环境很干净', '姐妹们看我主页有', '价格透明', '求医院名字'];
    const run = crew.map((a, i) => comment(`r-${a}`, 'clinic', a, lines[i], { createdAt: atSeconds(i * 60) }));
    const r = runDetection({ accounts: [...crew, 'clinicOwner'].map((id) => account(id)), notes: [note('clinic', 'clinicOwner')], comments: run });
    expect(rulesOf(r, 'k3', 'engagement-bait')).toEqual([]);
    const alone = runDetection({
      accounts: [...crew, 'clinicOwner', 'other'].map((id) => account(id)),
      notes: [note('clinic', 'clinicOwner'), note('elsewhere', 'other')],
      comments: [...run, comment('e1', 'elsewhere', 'k3', '姐妹们看我主页有', { createdAt: atSeconds(86400) })],
    });
    expect(rulesOf(alone, 'k3', 'engagement-bait')).toEqual(['engagement-bait/self-promotion']);
    expect(alone.byAccount.get('k3')!.find((f) => f.code === 'engagement-bait')!.evidence.commentIds).toEqual(['e1']);
  });
});

describe('self-promotion phrases (chosen on two YouTube videos, checked on a third)', () => {
  it('reads the ways people ask for subscribers, not people talking about subscribing', () => {
    const asks = [
      'COME AND CHECK OUT MY NEW YOUTUBE CHHANEL, GOING TO BE POSTING DAILY!',
      "katy is beautiful. I'm a rapper with 25000 subscribers",
      'Suscribe My Channel Please XD lol',
      'Take a break and help me reach 100 subscribers this month!',
      'sub4sub anyone?',
    ];
    const talk = ['I subscribed to her channel years ago', 'her channel is the best on youtube', 'who else is watching this in 2015?', 'this video has 2 billion views'];
    for (const t of asks) expect([t, SELF_PROMOTION.test(normalizeText(t))]).toEqual([t, true]);
    for (const t of talk) expect([t, SELF_PROMOTION.test(normalizeText(t))]).toEqual([t, false]);
  });
});
