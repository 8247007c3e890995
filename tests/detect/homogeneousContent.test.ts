import { describe, expect, it } from 'vitest';
import type { Note } from '#shared/contract/snapshotRecords';
import { noteSignature, similarity } from '#shared/detect/text/nearDuplicate';
import { account, at, note, rulesOf, runDetection } from './harness.ts';

// one template, rotated through synonyms, emoji, punctuation and sentence order
const variants = [
  ['塔罗占卜｜本周运势', '宝子们！这周你的感情运势超级好✨ 会遇到对的人。事业上要注意小人，财运稳中有升。评论区留下你的星座，抽三位免费占卜🔮'],
  ['塔罗占卜 本周运势🔮', '姐妹们，这周你的感情运势非常好，会遇到对的人！！事业上要注意小人；财运稳中有升～ 评论区留下你的星座 抽三位免费占卜'],
  ['【塔罗占卜】本周运势', '事业上要注意小人，财运稳中有升。家人们这周你的感情运势特别好💕会遇到对的人。评论区留下你的星座，抽三位免费占卜'],
  ['塔罗占卜|本周运势!!', '集美们 这周你的感情运势真的好 会遇到对的人 事业上要注意小人 财运稳中有升 评论区留下你的星座 抽三位免费占卜✨✨'],
  ['塔罗占卜・本周运势', '宝宝们～这周你的感情运势巨好，会遇到对的人💗 事业上要注意小人，财运稳中有升💰 评论区留下你的星座，抽三位免费占卜'],
  ['本周运势 塔罗占卜', '这周你的感情运势超好，会遇到对的人。财运稳中有升，事业上要注意小人。评论区留下你的星座，抽三位免费占卜哦'],
];

describe('near-duplicate signatures', () => {
  it('templates rotated through synonyms, emoji and punctuation stay similar; unrelated notes do not', () => {
    const a = noteSignature(variants[0][0], variants[0][1])!;
    const b = noteSignature(variants[3][0], variants[3][1])!;
    const c = noteSignature('周末去爬山', '早上六点出发，山顶的日出特别美，带了三明治和热咖啡，下山的时候腿都软了，下次还要再来。')!;
    expect(similarity(a, b)).toBeGreaterThan(0.5);
    expect(similarity(a, c)).toBeLessThan(0.2);
  });
});

describe('homogeneous-content', () => {
  it('fires cross-account-duplicates for a template posted by many accounts within days', () => {
    const ids = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
    const mild = [variants[0], variants[1], variants[3], variants[4], [variants[0][0] + '🔥', variants[0][1].replace('✨', '🌟')], [variants[1][0], variants[1][1] + '！！']];
    const notes = ids.map((a, i) => note(`n-${a}`, a, { title: mild[i][0], body: mild[i][1], createdAt: at(i * 600) }));
    const r = runDetection({ accounts: ids.map((id) => account(id)), notes });
    const hits = ids.filter((id) => rulesOf(r, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'));
    expect(hits.length).toBeGreaterThanOrEqual(5);
    const f = r.byAccount.get(hits[0])!.find((x) => x.code === 'homogeneous-content')!;
    expect(f.evidence.noteIds).toEqual([`n-${hits[0]}`]);
    expect(f.evidence.relatedAccountIds!.length).toBeGreaterThanOrEqual(4);
  });

  it('the same template spread over months by different accounts is not a matrix', () => {
    const ids = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
    const notes = ids.map((a, i) => note(`n-${a}`, a, { title: variants[0][0], body: variants[0][1], createdAt: at(i * 60 * 24 * 30) }));
    const r = runDetection({ accounts: ids.map((id) => account(id)), notes });
    expect(r.findings.filter((f) => f.ruleId === 'homogeneous-content/cross-account-duplicates')).toEqual([]);
  });

  it('reordered copies carrying a copied-material disclaimer are verified more loosely', () => {
    const ids = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const notes = ids.map((a, i) => note(`n-${a}`, a, { title: variants[i][0], body: `${variants[i][1]} 素材来自网络，如有侵权请联系删除`, createdAt: at(i * 600) }));
    const r = runDetection({ accounts: ids.map((id) => account(id)), notes });
    const hits = ids.filter((id) => rulesOf(r, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'));
    expect(hits.length).toBeGreaterThanOrEqual(4);
  });

  it('fires template-posting for one account mass-posting a template', () => {
    const notes: Note[] = [...variants, ...variants].map(([title, body], i) => note(`t${i}`, 'solo', { title: `${title} 第${i + 1}期`, body, createdAt: at(i * 30) }));
    notes.push(note('own1', 'solo', { title: '今天的晚饭', body: '做了番茄炒蛋和紫菜汤，味道还不错，明天试试红烧肉，顺便学一下怎么炖得软烂入味。' }));
    const r = runDetection({ accounts: [account('solo')], notes });
    expect(rulesOf(r, 'solo', 'homogeneous-content')).toEqual(['homogeneous-content/template-posting']);
  });

  it('different people writing about the same topic in their own words stay clean', () => {
    const texts = [
      ['上海三天两晚攻略', '第一天外滩看夜景，第二天迪士尼玩了一整天，排队太久了，第三天去了武康路拍照，人超多。'],
      ['上海旅行记录', '这次住在静安寺附近，交通方便。吃了生煎和小笼包，南京路逛街，晚上去了陆家嘴看灯光。'],
      ['周末上海citywalk', '从安福路走到武康大楼，咖啡店很多，拍照很出片，推荐傍晚去，光线好。'],
      ['上海迪士尼避坑', '早上八点到门口已经很多人，创极速光轮排了两小时，建议买尊享卡，烟花一定要看。'],
      ['上海美食合集', '老字号的蟹粉面有点贵但好吃，弄堂里的葱油饼五块钱一个，排队的人很多。'],
      ['在上海的一天', '早起去复兴公园看老人跳舞，中午在淮海路吃本帮菜，下午在书店坐了一下午。'],
    ];
    const notes = texts.map(([title, body], i) => note(`s${i}`, `p${i}`, { title, body }));
    const r = runDetection({ notes });
    expect(r.findings.filter((f) => f.code === 'homogeneous-content')).toEqual([]);
  });

  it('short boilerplate notes are too short to compare', () => {
    const notes = Array.from({ length: 8 }, (_, i) => note(`b${i}`, `q${i}`, { title: '打卡', body: '今日份打卡 #日常' }));
    const r = runDetection({ notes });
    expect(r.findings.filter((f) => f.code === 'homogeneous-content')).toEqual([]);
  });

  it('machine-generated notes (declared AIGC or posted by an AI hosting tool) are not copy-farming, however alike', () => {
    const ids = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];
    const mild = [variants[0], variants[1], variants[3], variants[4], variants[0], variants[1]];
    const notes = ids.map((a, i) => note(`n-${a}`, a, { title: mild[i][0], body: mild[i][1], createdAt: at(i * 600), ...(i % 2 ? { aigcDeclared: true } : { client: 'AutoPost-GPT' }) }));
    const r = runDetection({ accounts: ids.map((id) => account(id)), notes });
    for (const id of ids) expect(rulesOf(r, id, 'homogeneous-content')).toEqual([]);
  });

  it('a matrix account whose notes are each copied by a few accounts, and by many in all, is found', () => {
    // two templates; m1 posts both; each is shared with three different accounts (7 accounts in all)
    const a = [variants[0], variants[1], variants[3], variants[4]];
    const notes = [
      ...['m1', 'x1', 'x2', 'x3'].map((id, i) => note(`a-${id}`, id, { title: a[i][0], body: a[i][1], createdAt: at(i * 600) })),
      ...['m1', 'y1', 'y2', 'y3'].map((id, i) =>
        note(`b-${id}`, id, { title: '在家也能做的副业｜零成本', body: ['不需要任何经验，手机就能做。适合学生党和宝妈。每天花一两个小时就够了。我已经做了三个月了，坚持下来真的有收获。', '不需要任何经验,手机就能做。适合学生党和宝妈!每天花一两个小时就够了。我已经做了三个月了，坚持下来真的有收获~', '不需要任何经验，手机就能做🌟适合学生党和宝妈。每天花一两个小时就够了，我已经做了三个月了，坚持下来真的有收获。', '不需要任何经验，手机就能做！适合学生党和宝妈。每天花一两个小时就够了。我已经做了三个月了，坚持下来真的有收获！！'][i], createdAt: at(5000 + i * 600) }),
      ),
    ];
    const r = runDetection({ accounts: ['m1', 'x1', 'x2', 'x3', 'y1', 'y2', 'y3'].map((id) => account(id)), notes });
    expect(rulesOf(r, 'm1', 'homogeneous-content')).toContain('homogeneous-content/cross-account-duplicates');
  });
});
