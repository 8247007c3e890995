import { describe, expect, it } from 'vitest';
import type { Note } from '#shared/contract/snapshotRecords';
import { noteSignature, similarity, textSubstance } from '#shared/detect/text/nearDuplicate';
import { account, at, makeCtx, note, rulesOf, runDetection } from './harness.ts';
import { UNRELATED_NOTES } from './unrelatedNotes.ts';

// accounts registered on one device: linked by something other than their words
const onFarmDevice = (id: string) => account(id, { registration: { ip: '10.77.0.1', deviceId: 'farm-device', client: 'app-android' } });
/** Each note posted three times by its account, a day apart: posting in bulk, which copying needs. */
const thrice = (notes: Note[]): Note[] =>
  notes.flatMap((n) => [0, 1, 2].map((k) => ({ ...n, noteId: k === 0 ? n.noteId : `${n.noteId}-${k}`, createdAt: new Date(Date.parse(n.createdAt) + k * 86_400_000).toISOString() })));

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

describe('substance: how much a text says, in CJK-character units', () => {
  it('counts a Han character as one and a Latin letter or digit as a third', () => {
    expect(textSubstance('今天去爬山')).toBe(5);
    expect(textSubstance('bookhaul')).toBeCloseTo(8 / 3);
    expect(textSubstance('买了iphone15')).toBeCloseTo(2 + 8 / 3);
  });
});

describe('English notes are shingled by about a word', () => {
  it('two unrelated English notes stay apart, while a light edit of one stays close', () => {
    const a = [
      'Weekend casual look',
      'Okay so. Paired my old blazer with straight-leg jeans and white sneakers. The colour is darker in person. Comfy enough for a full day of walking around the old town.',
    ];
    const b = [
      'Hidden hotpot spot',
      'A little update. About 270 per person, portions are generous. Came on a weekday and there was no queue at all. The broth was a little salty for me but the beef was great.',
    ];
    const sa = noteSignature(a[0], a[1])!;
    expect(similarity(sa, noteSignature(b[0], b[1])!)).toBeLessThan(0.1);
    expect(similarity(sa, noteSignature(a[0], a[1].replace('Okay so. ', '').replace(/\./g, '!') + ' cr: original author')!)).toBeGreaterThan(0.6);
  });
});

describe('homogeneous-content', () => {
  it('fires cross-account-duplicates for a template posted within days by accounts linked by a device', () => {
    const ids = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
    const mild = [variants[0], variants[1], variants[3], variants[4], [variants[0][0] + '🔥', variants[0][1].replace('✨', '🌟')], [variants[1][0], variants[1][1] + '！！']];
    const once = ids.map((a, i) => note(`n-${a}`, a, { title: mild[i][0], body: mild[i][1], createdAt: at(i * 600) }));
    const notes = thrice(once);
    const r = runDetection({ accounts: ids.map(onFarmDevice), notes });
    const hits = ids.filter((id) => rulesOf(r, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'));
    expect(hits.length).toBeGreaterThanOrEqual(5);
    const f = r.byAccount.get(hits[0])!.find((x) => x.ruleId === 'homogeneous-content/cross-account-duplicates')!;
    expect(f.evidence.noteIds).toContain(`n-${hits[0]}`);
    expect(f.evidence.relatedAccountIds!.length).toBeGreaterThanOrEqual(4);
    // one note each is not bulk: a farm's accounts sharing one warm-up note are fake-account's evidence, however linked
    const one = runDetection({ accounts: ids.map(onFarmDevice), notes: once });
    expect(one.findings.filter((x) => x.ruleId === 'homogeneous-content/cross-account-duplicates')).toEqual([]);
    expect(rulesOf(one, 'h1', 'fake-account')).toContain('fake-account/device-farm');
    // and unlinked people posting them once each are people writing alike
    const u = runDetection({ accounts: ids.map((id) => account(id)), notes: once });
    expect(u.findings.filter((x) => x.ruleId === 'homogeneous-content/cross-account-duplicates')).toEqual([]);
  });

  it('unlinked accounts each posting the template in bulk are a matrix', () => {
    const ids = ['h1', 'h2', 'h3', 'h4', 'h5'];
    const mild = [variants[0], variants[1], variants[3], variants[4]];
    const notes = ids.flatMap((a, i) => [0, 1, 2].map((k) => note(`n-${a}-${k}`, a, { title: mild[(i + k) % 4][0], body: mild[(i + k) % 4][1], createdAt: at(i * 600 + k * 60 * 24) })));
    const r = runDetection({ accounts: ids.map((id) => account(id)), notes });
    expect(ids.filter((id) => rulesOf(r, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'))).toEqual(ids);
  });

  it('a daily poster whose few notes among months of their own match others’ is not a matrix; the same matches as a real share of what they post are', () => {
    const ids = ['d1', 'd2', 'd3', 'd4', 'd5'];
    const mild = [variants[0], variants[1], variants[3], variants[4]];
    const copies = ids.flatMap((a, i) => [0, 1, 2].map((k) => note(`n-${a}-${k}`, a, { title: mild[(i + k) % 4][0], body: mild[(i + k) % 4][1], createdAt: at(i * 600 + k * 60 * 24) })));
    // each account's own diary: one note a day, in words of its own (characters from a seeded generator: nothing shared)
    const diary = (a: string, days: number) =>
      Array.from({ length: days }, (_, d) => {
        let x = (a.charCodeAt(1) * 7919 + d * 104729) >>> 0;
        const body = Array.from({ length: 36 }, () => String.fromCharCode(0x4e00 + ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 3000))).join('');
        return note(`diary-${a}-${d}`, a, { title: `日记${d}`, body, createdAt: at(-(d + 1) * 60 * 24) });
      });
    const accounts = ids.map((id) => account(id));
    const cross = (r: ReturnType<typeof runDetection>) => ids.filter((id) => rulesOf(r, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'));
    const daily = [...copies, ...ids.flatMap((a) => diary(a, 40))];
    expect(cross(runDetection({ accounts, notes: daily }))).toEqual([]);
    // the share is what spares them: without it the same accounts are a matrix
    expect(cross(runDetection({ accounts, notes: daily }, makeCtx({ overrides: { 'homogeneous-content/cross-account-duplicates': { minShare: 0 } } })))).toEqual(ids);
    // three copies among ten notes of their own are bulk
    expect(cross(runDetection({ accounts, notes: [...copies, ...ids.flatMap((a) => diary(a, 10))] }))).toEqual(ids);
  });

  it('a one-line English note that unrelated people each post in bulk is too little text to call copying; a whole note is not', () => {
    const ids = ['e1', 'e2', 'e3', 'e4', 'e5'];
    const lines = [
      'Sunset by the lake | Sunset by the lake. Would do it again.',
      'Dog walk in the rain | Dog walk in the rain. Not sponsored, just sharing.',
      'My cat owns this apartment | My cat owns this apartment. Would do it again.',
    ];
    const short = ids.flatMap((a, i) => lines.map((l, k) => note(`s-${a}-${k}`, a, { title: l.split(' | ')[0], body: l.split(' | ')[1], createdAt: at(i * 600 + k * 60 * 24) })));
    const r = runDetection({ accounts: ids.map((id) => account(id)), notes: short });
    expect(r.findings.filter((f) => f.ruleId === 'homogeneous-content/cross-account-duplicates')).toEqual([]);
    const noFloor = runDetection(
      { accounts: ids.map((id) => account(id)), notes: short },
      makeCtx({ overrides: { 'homogeneous-content/cross-account-duplicates': { minChars: 0, minDistinctChars: 0 } } }),
    );
    expect(ids.filter((id) => rulesOf(noFloor, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'))).toEqual(ids);
    const body =
      'Paired my old blazer with straight-leg jeans and white sneakers. The colour is darker in person. Comfy enough for a full day of walking around the old town, and the pockets are deep enough for a phone.';
    const whole = ids.flatMap((a, i) => [0, 1, 2].map((k) => note(`w-${a}-${k}`, a, { title: 'Weekend casual look', body: k ? `${body} Day ${k}.` : body, createdAt: at(i * 600 + k * 60 * 24) })));
    const w = runDetection({ accounts: ids.map((id) => account(id)), notes: whole });
    expect(ids.filter((id) => rulesOf(w, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'))).toEqual(ids);
  });

  it('the same template spread over months by different accounts is not a matrix', () => {
    const ids = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
    const notes = ids.map((a, i) => note(`n-${a}`, a, { title: variants[0][0], body: variants[0][1], createdAt: at(i * 60 * 24 * 30) }));
    const r = runDetection({ accounts: ids.map((id) => account(id)), notes });
    expect(r.findings.filter((f) => f.ruleId === 'homogeneous-content/cross-account-duplicates')).toEqual([]);
  });

  it('a text forty unrelated people each post a few times over a year is common phrasing, not a matrix; the same forty within a week is', () => {
    const mild = [variants[0], variants[1], variants[3], variants[4]];
    const ids = Array.from({ length: 40 }, (_, i) => `g${i}`);
    const spread = ids.flatMap((a, i) =>
      [0, 1, 2].map((k) => note(`n-${a}-${k}`, a, { title: mild[(i + k) % 4][0], body: mild[(i + k) % 4][1], createdAt: at((((i * 37 + k * 113) % 360) * 24 + (i % 24)) * 60) })),
    );
    const accounts = ids.map((id) => account(id));
    const cross = (r: ReturnType<typeof runDetection>) => ids.filter((id) => rulesOf(r, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'));
    expect(cross(runDetection({ accounts, notes: spread }))).toEqual([]);
    // the common-band discount alone keeps them apart (at platform scale the scan of later rows ends inside the
    // window, so the outside-the-window count cannot); with neither, a year of chance neighbours makes each a matrix account
    const bandOnly = makeCtx({ overrides: { 'homogeneous-content/cross-account-duplicates': { maxOutsideRatio: 1e9 } } });
    expect(cross(runDetection({ accounts, notes: spread }, bandOnly))).toEqual([]);
    // the clause tally alone keeps them apart too: what each note says beyond clauses forty people write is nothing
    const phraseOnly = makeCtx({ overrides: { 'homogeneous-content/cross-account-duplicates': { maxOutsideRatio: 1e9, commonGroupAccounts: 1e9 } } });
    expect(cross(runDetection({ accounts, notes: spread }, phraseOnly))).toEqual([]);
    const neither = makeCtx({ overrides: { 'homogeneous-content/cross-account-duplicates': { maxOutsideRatio: 1e9, commonGroupAccounts: 1e9, commonPhraseAccounts: 1e9 } } });
    expect(cross(runDetection({ accounts, notes: spread }, neither)).length).toBeGreaterThan(30);
    const burst = ids.flatMap((a, i) => [0, 1, 2].map((k) => note(`n-${a}-${k}`, a, { title: mild[(i + k) % 4][0], body: mild[(i + k) % 4][1], createdAt: at(i * 60 + k * 24 * 60) })));
    expect(cross(runDetection({ accounts, notes: burst })).length).toBeGreaterThan(30);
  });

  it('reordered copies carrying a copied-material disclaimer are verified more loosely', () => {
    const ids = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const notes = thrice(ids.map((a, i) => note(`n-${a}`, a, { title: variants[i][0], body: `${variants[i][1]} 素材来自网络，如有侵权请联系删除`, createdAt: at(i * 600) })));
    const r = runDetection({ accounts: ids.map(onFarmDevice), notes });
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
    // three templates; m1 posts all; each is shared with three different accounts (10 accounts in all)
    const a = [variants[0], variants[1], variants[3], variants[4]];
    const notes = [
      ...['m1', 'x1', 'x2', 'x3'].map((id, i) => note(`a-${id}`, id, { title: a[i][0], body: a[i][1], createdAt: at(i * 600) })),
      ...['m1', 'y1', 'y2', 'y3'].map((id, i) =>
        note(`b-${id}`, id, {
          title: '在家也能做的副业｜零成本',
          body: [
            '不需要任何经验，手机就能做。适合学生党和宝妈。每天花一两个小时就够了。我已经做了三个月了，坚持下来真的有收获。',
            '不需要任何经验,手机就能做。适合学生党和宝妈!每天花一两个小时就够了。我已经做了三个月了，坚持下来真的有收获~',
            '不需要任何经验，手机就能做🌟适合学生党和宝妈。每天花一两个小时就够了，我已经做了三个月了，坚持下来真的有收获。',
            '不需要任何经验，手机就能做！适合学生党和宝妈。每天花一两个小时就够了。我已经做了三个月了，坚持下来真的有收获！！',
          ][i],
          createdAt: at(5000 + i * 600),
        }),
      ),
      ...['m1', 'z1', 'z2', 'z3'].map((id, i) =>
        note(`c-${id}`, id, {
          title: '早起打卡第一百天',
          body: [
            '每天五点半起床，先喝一杯温水，再读二十页书。坚持一百天以后，整个人的精神状态都不一样了。想一起打卡的姐妹评论区见。',
            '每天五点半起床,先喝一杯温水,再读二十页书。坚持一百天以后,整个人的精神状态都不一样了!想一起打卡的姐妹评论区见~',
            '每天五点半起床，先喝一杯温水，再读二十页书🌟坚持一百天以后，整个人的精神状态都不一样了。想一起打卡的姐妹评论区见！',
            '每天五点半起床！先喝一杯温水，再读二十页书。坚持一百天以后，整个人的精神状态都不一样了。想一起打卡的姐妹评论区见！！',
          ][i],
          createdAt: at(9000 + i * 600),
        }),
      ),
    ];
    const r = runDetection({ accounts: ['m1', 'x1', 'x2', 'x3', 'y1', 'y2', 'y3', 'z1', 'z2', 'z3'].map((id) => account(id)), notes });
    expect(rulesOf(r, 'm1', 'homogeneous-content')).toContain('homogeneous-content/cross-account-duplicates');
  });

  // four people's own notes, and a 搬运 account reposting them with light edits days later
  const originals = [
    ['周末去了趟杭州', '早上八点到西湖边，断桥上已经很多人了。中午在河坊街吃了片儿川，汤头很鲜，一碗二十八元。下午坐船去三潭印月，风很大，帽子差点吹走。'],
    ['租房小改造记录', '把房东留下的旧窗帘换成了亚麻的，房间一下子亮了。床头装了一盏小夜灯，晚上看书很舒服。洞洞板挂在书桌上方，耳机和钥匙终于有地方放了。'],
    ['第一次做可乐鸡翅', '鸡翅先划两刀，冷水下锅焯一下。煎到两面金黄再倒可乐，小火收汁二十分钟。盐放多了一点，下次少放。家里人说比外卖好吃，一盘很快就吃完了。'],
    ['备考雅思的第三个月', '每天早上背四十个单词，下午做一套听力。阅读的正确率慢慢上来了，写作还是卡在六分。周末和室友去图书馆，互相监督效率高了不少。'],
  ];
  const copyOf = (t: string) => t.replace(/。/g, '！').replace('很', '超') + ' 侵删';

  it('fires repeated-reposts for an account reposting earlier notes of several other accounts', () => {
    const notes = [
      ...originals.map(([title, body], i) => note(`o${i}`, `author${i}`, { title, body, createdAt: at(i * 60 * 24 * 5) })),
      ...originals.map(([title, body], i) => note(`c${i}`, 'copier', { title, body: copyOf(body), createdAt: at(i * 60 * 24 * 5 + 60 * 30) })),
    ];
    const r = runDetection({ accounts: ['copier', 'author0', 'author1', 'author2', 'author3'].map((id) => account(id)), notes });
    expect(rulesOf(r, 'copier', 'homogeneous-content')).toEqual(['homogeneous-content/repeated-reposts']);
    const f = r.byAccount.get('copier')!.find((x) => x.ruleId === 'homogeneous-content/repeated-reposts')!;
    expect(f.evidence.noteIds).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(f.evidence.relatedAccountIds).toEqual(['author0', 'author1', 'author2', 'author3']);
    // the people who wrote the notes first are not copiers
    for (let i = 0; i < 4; i++) expect(rulesOf(r, `author${i}`, 'homogeneous-content')).toEqual([]);
  });

  it('repeated-reposts needs more than one copied note, taken from more than one account', () => {
    const once = [
      ...originals.map(([title, body], i) => note(`o${i}`, `author${i}`, { title, body, createdAt: at(i * 60 * 24) })),
      note('c0', 'copier', { title: originals[0][0], body: copyOf(originals[0][1]), createdAt: at(600) }),
    ];
    expect(rulesOf(runDetection({ accounts: [account('copier')], notes: once }), 'copier', 'homogeneous-content')).toEqual([]);
    const oneSource = [
      ...originals.map(([title, body], i) => note(`o${i}`, 'author0', { title, body, createdAt: at(i * 60 * 24) })),
      ...originals.map(([title, body], i) => note(`c${i}`, 'copier', { title, body: copyOf(body), createdAt: at(i * 60 * 24 + 600) })),
    ];
    expect(rulesOf(runDetection({ accounts: [account('copier')], notes: oneSource }), 'copier', 'homogeneous-content')).toEqual([]);
  });

  it("notes that only share stock phrases with earlier notes of others are not reposts, though their SimHash is as close as a copy's", () => {
    // from a 200k-account bench run: an ordinary beauty poster whose two notes each came within SimHash 12 of
    // another person's note, sharing stock sentences ("上妆之前一定要做好保湿…", "大家有什么想看的…") and little else
    const notes = [
      note('o1', 'u955', {
        createdAt: '2026-09-02T12:44:54Z',
        title: '关于哑光粉底液',
        body: '最近好多人问，统一回复一下。上个月和老公一起去的。上妆之前一定要做好保湿，不然容易卡粉。老实说身体磨砂膏开盖之后要尽快用完，不过一整天都没怎么脱妆。好久没这么放松了。在地铁站旁边入了散粉，颜色很显气色。希望对大家有帮助～\n#油皮 #美妆 #护肤心得',
      }),
      note('o2', 'u23c', {
        createdAt: '2026-08-06T14:20:47Z',
        title: '昨天的散粉',
        body: '质地比较清爽，上脸很快就吸收了！\n记一下清透款防晒，晚上用完第二天脸不干，下午会有点暗沉。\n怎么说呢，之前一直用修护面霜，这次换成散粉，一整天都没怎么脱妆。\n2.22回购了小棕瓶，下午会有点暗沉。\n前前后后花了大概20分钟。\n这次是自己买的，回购不回购还在犹豫。\n之前一直用眉笔，这次换成清透款防晒，上脸挺服帖的。\n修护面霜算是意外之喜，擦完皮肤软软的，大家自行判断\n大家有什么想看的可以评论区告诉我。😋',
      }),
      note('o3', 'u8b5', {
        createdAt: '2026-08-24T11:21:07Z',
        title: '7款卸妝油橫向對比，按需選擇',
        body: '這次是自己買的，回購不回購還在猶豫（個人感受）8月初那天空瓶了那支豆沙色口紅，需要疊加才有效果，一整天都沒怎麼脫妝。講真，和閨蜜一起回購了奶油腮紅，用量很省。四色眼影擦完皮膚軟軟的，不過鼻翼那裡有點卡粉。真心覺得上次櫃檯小姐姐推薦的，試了試還挺喜歡。大家有什麼想看的可以評論區告訴我。☕️',
      }),
      note('p1', 'poster', {
        createdAt: '2026-10-13T01:37:42Z',
        title: '哑光粉底液小记',
        body: '碎碎念一下。遮瑕盘对我来说稍微油了点，下次可能换哑光粉底液试试。而且大半天下来，玫瑰精油用量很省。卸妆膏算是意外之喜，颜色很显气色。讲真，小棕瓶：用量很省；护手霜：开盖之后要尽快用完。说到护手霜，开盖之后要尽快用完，但整体一整天都没怎么脱妆。顺便说一下，上妆之前一定要做好保湿，不然容易卡粉。拍照的时候表妹一直在催我哈哈。老实说玫瑰精油开盖之后要尽快用完，不过吸收得挺快。希望对大家有帮助～',
      }),
      note('p2', 'poster', {
        createdAt: '2026-09-30T06:32:22Z',
        title: '上个月的补水面膜',
        body: '每个人肤质不一样，大家理性参考哈。\n4月5日那天试了奶油腮红，对我来说稍微油了点，擦完皮肤软软的。\n这次是自己买的，回购不回购还在犹豫。\n一个多月下来，清透款防晒上脸挺服帖的。\n而且昨天换成了玫瑰精油，一整天都没怎么脱妆啦\n氨基酸洗面奶擦完皮肤软软的，不过鼻翼那里有点卡粉。\n大家有什么想看的可以评论区告诉我。\n#空瓶记录 #护肤心得',
      }),
    ];
    const accounts = ['poster', 'u955', 'u23c', 'u8b5'].map((id) => account(id));
    expect(rulesOf(runDetection({ accounts, notes }), 'poster', 'homogeneous-content')).toEqual([]);
    // the MinHash sketch and the length check are what keep it apart: without them, SimHash alone calls the poster a copier
    const loose = runDetection({ accounts, notes }, makeCtx({ overrides: { 'homogeneous-content/repeated-reposts': { minSimilarity: 0, minLengthRatio: 0, minCopies: 2 } } }));
    expect(rulesOf(loose, 'poster', 'homogeneous-content')).toEqual(['homogeneous-content/repeated-reposts']);
  });

  describe('the clauses a population writes are discounted (note-phrases tally)', () => {
    // a topic's stock sentences: every one of them written by dozens of unrelated people over a year
    const stock = [
      '晚上醒了三次累到怀疑人生',
      '练完吃了一顿火锅哈哈',
      '今天的配速比上周快了一点',
      '跑完步拉伸了二十分钟',
      '早上起来腿还是有点酸',
      '最近换了一双新的跑鞋',
      '周末和朋友去江边跑了十公里',
      '心率一直控制在一百五以内',
      '下雨天只能在家练核心',
      '坚持打卡第三个月了',
      '这个月体重掉了两斤',
      '明天继续早起去公园跑',
    ];
    const compose = (pick: number[]) => pick.map((i) => stock[i % stock.length]).join('，') + '。';
    const day = 60 * 24;
    // 60 people, two notes each, five of the twelve sentences in a different choice and order
    const crowd = Array.from({ length: 60 }, (_, i) => `crowd${i}`);
    const crowdNotes = crowd.flatMap((a, i) =>
      [0, 1].map((k) => {
        const step = [1, 5, 7, 11][(i + k) % 4];
        const pick = [0, 1, 2, 3, 4].map((j) => i * 3 + k * 7 + j * step);
        return note(`n-${a}-${k}`, a, { title: '跑步日记', body: compose(pick), createdAt: at((((i * 37 + k * 181) % 360) + 1) * day + i) });
      }),
    );
    // three longer notes of ten stock sentences each
    const longNotes = [0, 1, 2].map((i) => note(`long-${i}`, `long${i}`, { title: '跑步日记', body: compose(Array.from({ length: 10 }, (_, j) => i * 4 + j)), createdAt: at((400 + i * 10) * day) }));
    const accounts = [...crowd, 'long0', 'long1', 'long2', 'chance', 'reposter'].map((id) => account(id));
    const repostOf = (n: Note, id: string, by: string): Note => note(id, by, { title: n.title, body: n.body, createdAt: new Date(Date.parse(n.createdAt!) + 2 * day * 60000).toISOString() });

    it("a person whose short notes each come out the same as someone else's earlier one is not a reposter", () => {
      const mine = [crowdNotes[2], crowdNotes[41], crowdNotes[82]].map((n, i) => repostOf(n, `chance-${i}`, 'chance'));
      const notes = [...crowdNotes, ...longNotes, ...mine];
      expect(rulesOf(runDetection({ accounts, notes }), 'chance', 'homogeneous-content')).toEqual([]);
      // here the band and alike-notes discounts see it too; at scale they do not (a 200k bench run: 39 ordinary
      // accounts limited as reposters). The tally alone keeps the person apart, and without it they are a copier
      const tallyOnly = { 'homogeneous-content/cross-account-duplicates': { commonGroupAccounts: 1e9 }, 'homogeneous-content/repeated-reposts': { maxAlikeAccounts: 1e9 } };
      expect(rulesOf(runDetection({ accounts, notes }, makeCtx({ overrides: tallyOnly })), 'chance', 'homogeneous-content')).toEqual([]);
      const noTally = makeCtx({ overrides: { ...tallyOnly, 'homogeneous-content/cross-account-duplicates': { commonGroupAccounts: 1e9, commonPhraseAccounts: 1e9 } } });
      expect(rulesOf(runDetection({ accounts, notes }, noTally), 'chance', 'homogeneous-content')).toEqual(['homogeneous-content/repeated-reposts']);
    });

    it('reproducing long notes is copying even when every sentence in them is common', () => {
      const mine = longNotes.map((n, i) => repostOf(n, `repost-${i}`, 'reposter'));
      const r = runDetection({ accounts, notes: [...crowdNotes, ...longNotes, ...mine] });
      expect(rulesOf(r, 'reposter', 'homogeneous-content')).toEqual(['homogeneous-content/repeated-reposts']);
      // a run of common sentences counts only from minCommonClauses on
      const shorter = makeCtx({ overrides: { 'homogeneous-content/repeated-reposts': { minCommonClauses: 12 } } });
      expect(rulesOf(runDetection({ accounts, notes: [...crowdNotes, ...longNotes, ...mine] }, shorter), 'reposter', 'homogeneous-content')).toEqual([]);
    });
  });

  it('notes that each reuse the opening sentences of a longer note by someone else are not reposts of it', () => {
    // the same words, but half the note: a person telling part of what others tell, not reproducing their notes
    const longer = originals.map(([title, body], i) => note(`o${i}`, `author${i}`, { title, body: `${body}${body.replace(/。/g, '，')}`, createdAt: at(i * 60 * 24 * 5) }));
    const partial = originals.map(([title, body], i) => note(`c${i}`, 'teller', { title, body: copyOf(body), createdAt: at(i * 60 * 24 * 5 + 60 * 30) }));
    const accounts = ['teller', 'author0', 'author1', 'author2', 'author3'].map((id) => account(id));
    expect(rulesOf(runDetection({ accounts, notes: [...longer, ...partial] }), 'teller', 'homogeneous-content')).toEqual([]);
    const noLength = makeCtx({ overrides: { 'homogeneous-content/repeated-reposts': { minLengthRatio: 0, minSimilarity: 0, maxHammingReposts: 64, maxHamming: 64 } } });
    expect(rulesOf(runDetection({ accounts, notes: [...longer, ...partial] }, noLength), 'teller', 'homogeneous-content')).toContain('homogeneous-content/repeated-reposts');
  });

  it('a brand republishing copy its partners posted first is not a copier', () => {
    const notes = [
      ...originals.map(([title, body], i) => note(`o${i}`, `author${i}`, { title, body, createdAt: at(i * 60 * 24) })),
      ...originals.map(([title, body], i) => note(`c${i}`, 'brand', { title, body: copyOf(body), createdAt: at(i * 60 * 24 + 600) })),
    ];
    const r = runDetection({ accounts: [account('brand', { accountType: 'brand' })], notes });
    expect(rulesOf(r, 'brand', 'homogeneous-content')).toEqual([]);
  });

  it('short boilerplate repeated after other accounts is not reposting', () => {
    const notes = [0, 1, 2, 3].flatMap((i) => [
      note(`o${i}`, `shop${i}`, { title: '店休通知', body: '周一闭店调整。欢迎到店。', createdAt: at(i * 600) }),
      note(`c${i}`, 'shop9', { title: '店休通知', body: '周一闭店调整。欢迎到店！', createdAt: at(i * 600 + 300) }),
    ]);
    expect(rulesOf(runDetection({ accounts: [account('shop9')], notes }), 'shop9', 'homogeneous-content')).toEqual([]);
  });

  it('fires template-posting for a short template whose titles rotate and sentences are shuffled', () => {
    const core = ['我已经做了{n}个月了。', '不需要任何经验，手机就能做。', '想了解的可以先收藏。', '坚持下来真的有收获。'];
    const titles = ['在家也能做的副业｜第{n}个最简单', '下班后的副业，每天多赚{n}百', '适合宝妈的副业', '零成本副业分享'];
    const notes = Array.from({ length: 14 }, (_, i) => {
      const order = [0, 1, 2, 3].sort((a, b) => ((a * 7 + i * 3) % 5) - ((b * 7 + i * 3) % 5));
      const body = order.map((k) => core[k].replace('{n}', String(i + 2))).join(i % 2 ? '' : '\n') + (i % 3 ? '✨' : '');
      return note(`m${i}`, 'mass', { title: titles[i % 4].replace('{n}', String(i + 3)), body, createdAt: at(i * 60 * 24) });
    });
    expect(rulesOf(runDetection({ accounts: [account('mass')], notes }), 'mass', 'homogeneous-content')).toEqual(['homogeneous-content/template-posting']);
  });

  it('a diarist whose each note picks up the thread of the one before is a chain, not a template', () => {
    // note i tells sentences i to i+3 of a running story: neighbours are alike, so single linkage joins all
    // fourteen into one family, but most pairs share nothing; a template's copies are alike pair by pair
    const story = [
      '周一早上去菜市场买了两斤排骨',
      '回家路上遇到楼下的阿姨在遛狗',
      '阿姨说小区门口新开了一家面包店',
      '下午就去面包店买了一个可颂',
      '可颂外皮很酥但是有点太甜了',
      '晚上用排骨炖了一锅玉米汤',
      '汤里放了两根胡萝卜颜色很好看',
      '第二天中午把剩下的汤热了一下',
      '同事闻到味道说想要菜谱',
      '于是把做法写在便利贴上给她',
      '她周末照着做了还拍了照片',
      '照片里的汤比我的还清亮',
      '下次想试试加一点山药',
      '山药要选铁棍的口感才面',
      '菜市场最里面那家的山药最好',
      '老板说每天早上七点到货',
      '七点半以后就只剩细的了',
    ];
    const notes = Array.from({ length: 14 }, (_, i) => note(`d${i}`, 'diarist', { title: `日常记录 ${i + 1}`, body: `${story.slice(i, i + 4).join('，')}。`, createdAt: at(i * 60 * 24) }));
    expect(rulesOf(runDetection({ accounts: [account('diarist')], notes }), 'diarist', 'homogeneous-content')).toEqual([]);
    const chained = runDetection({ accounts: [account('diarist')], notes }, makeCtx({ overrides: { 'homogeneous-content/template-posting': { minCohesion: 0 } } }));
    expect(rulesOf(chained, 'diarist', 'homogeneous-content')).toEqual(['homogeneous-content/template-posting']);
  });

  it("a brand's product notes posted through the partner platform are disclosed commercial content, not template-posting", () => {
    const notes = Array.from({ length: 12 }, (_, i) =>
      note(`b${i}`, 'brand1', {
        title: ['悦物蓝牙耳机，降噪够用', '关于蓝牙耳机你想知道的'][i % 2],
        body: `${['很多小伙伴问的来了', '这次升级了配方'][i % 2]} 音质超出价位 降噪够用 续航很久 官方店铺${['可以领券', '已上架', '有首发活动'][i % 3]}`,
        createdAt: at(i * 60 * 24 * 2),
        sponsoredVia: 'partner-platform',
      }),
    );
    expect(rulesOf(runDetection({ accounts: [account('brand1', { accountType: 'brand' })], notes }), 'brand1', 'homogeneous-content')).toEqual([]);
    const undisclosed = notes.map((n) => ({ ...n, sponsoredVia: undefined }));
    expect(rulesOf(runDetection({ accounts: [account('brand1', { accountType: 'brand' })], notes: undisclosed }), 'brand1', 'homogeneous-content')).toEqual(['homogeneous-content/template-posting']);
  });

  it('the same few phrases returned to over years are not mass-posting: template-posting needs the copies close in time', () => {
    const template = (i: number) =>
      note(`p${i}`, 'pro', { title: '家庭药箱清单', body: `退烧药、创可贴、碘伏、体温计，记得看有效期。${['仅供参考', '欢迎留言提问', '有疑问评论区见'][i % 3]}`, createdAt: at(i * 60 * 24 * 70) });
    const spread = Array.from({ length: 12 }, (_, i) => template(i));
    expect(rulesOf(runDetection({ accounts: [account('pro')], notes: spread }), 'pro', 'homogeneous-content')).toEqual([]);
    const burst = spread.map((n, i) => ({ ...n, createdAt: at(i * 60 * 24 * 2) }));
    expect(rulesOf(runDetection({ accounts: [account('pro')], notes: burst }), 'pro', 'homogeneous-content')).toEqual(['homogeneous-content/template-posting']);
  });

  it('one person writing many notes on one topic in their own words is not template-posting', () => {
    const bodies = [
      '巷子里的小面馆，牛肉面二十二元，汤很清，面是现拉的，老板说开了十几年。',
      '公司楼下新开的咖啡店，燕麦拿铁不错，就是座位少，中午没地方坐。',
      '周五晚上和同事去吃烤肉，五花肉烤得焦一点最好吃，结账四个人三百出头。',
      '早上在菜市场门口买了两个烧饼，芝麻很香，三块钱一个，边走边吃。',
      '朋友生日订了一家粤菜，烧鹅皮脆，虾饺一笼四个，甜品是双皮奶。',
      '下雨天不想出门，点了酸菜鱼外卖，鱼片很嫩，酸菜有点咸，米饭不够。',
      '老家的米线店还在，十年了价格只涨了两块，加了一份豆芽和卤蛋。',
      '试了网上很火的芋泥麻薯，甜得有点腻，配黑咖啡刚好，下次不排那么久了。',
      '去面包店抢到了最后一个可颂，外皮酥，黄油味足，第二天烤一下也好吃。',
      '中午食堂的番茄炒蛋今天放了好多糖，同桌说像甜品，我倒是挺喜欢。',
      '夜市的烤冷面八块钱，加蛋加肠，酱刷了两遍，辣椒面撒得有点多。',
      '带爸妈去吃了本帮菜，红烧肉浓油赤酱，腌笃鲜要等四十分钟。',
    ];
    const notes = bodies.map((body, i) => note(`f${i}`, 'foodie', { title: `吃了什么 ${i + 1}`, body, createdAt: at(i * 60 * 24 * 3) }));
    expect(rulesOf(runDetection({ accounts: [account('foodie')], notes }), 'foodie', 'homogeneous-content')).toEqual([]);
  });
});

describe('homogeneous-content at scale', () => {
  it('a matrix posting a popular template late is still found when the band group holds over 3,000 earlier notes', () => {
    // a mass poster put the template out 3,100 times over the months before; then a matrix of six posts it within an hour
    const matrix = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
    const notes = [
      ...Array.from({ length: 3100 }, (_, i) => note(`n-e${i}`, 'mass', { title: variants[0][0], body: variants[0][1], createdAt: at(i * 30) })),
      ...thrice(matrix.map((a, i) => note(`n-${a}`, a, { title: variants[0][0], body: `${variants[0][1]}${['🔥', '🌟', '💯', '👍', '✅', '🎉'][i]}`, createdAt: at(60 * 24 * 70 + i * 600) }))),
    ];
    const r = runDetection({ accounts: [account('mass'), ...matrix.map(onFarmDevice)], notes });
    const hits = matrix.filter((id) => rulesOf(r, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates'));
    expect(hits.length).toBeGreaterThanOrEqual(5);
  });
});

describe('homogeneous-content leaves disclosed brand copy to the commercial rules', () => {
  const timed = (i: number) => at(i * 600);
  it('creators posting a brand brief through the partner platform are not a matrix; the same copy without it is', () => {
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const sponsored = ids.map((a, i) => note(`n-${a}`, a, { title: variants[i][0], body: variants[i][1], createdAt: timed(i), sponsoredVia: 'partner-platform' }));
    const r = runDetection({ accounts: ids.map(onFarmDevice), notes: sponsored });
    expect(r.findings.filter((f) => f.code === 'homogeneous-content')).toEqual([]);
    const plain = thrice(ids.map((a, i) => note(`n-${a}`, a, { title: variants[i][0], body: variants[i][1], createdAt: timed(i) })));
    const q = runDetection({ accounts: ids.map(onFarmDevice), notes: plain });
    expect(ids.filter((id) => rulesOf(q, id, 'homogeneous-content').includes('homogeneous-content/cross-account-duplicates')).length).toBeGreaterThanOrEqual(5);
  });

  it('brand accounts sharing stock marketing copy are not flagged as a matrix', () => {
    const ids = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
    const notes = ids.map((a, i) => note(`n-${a}`, a, { title: variants[i][0], body: variants[i][1], createdAt: timed(i) }));
    const r = runDetection({ accounts: ids.map((id) => account(id, { accountType: 'brand' })), notes });
    expect(r.findings.filter((f) => f.ruleId === 'homogeneous-content/cross-account-duplicates')).toEqual([]);
  });
});

describe('homogeneous-content/republished-notes: the same notes put up again and again', () => {
  const stock = UNRELATED_NOTES;
  const DAY = 24 * 60;
  /** `copies` of each of the first `n` stock notes, `gapMinutes` apart, decorated a little each time. */
  const republish = (accountId: string, n: number, copies: number, gapMinutes: number): Note[] =>
    stock
      .slice(0, n)
      .flatMap(([title, body], i) =>
        Array.from({ length: copies }, (_, k) =>
          note(`${accountId}-${i}-${k}`, accountId, { title: k ? `${title}${'✨'.repeat(k)}` : title, body: k % 2 ? `${body} 侵删` : body, createdAt: at(i * 7 + k * gapMinutes) }),
        ),
      );

  it('finds an account publishing several unrelated notes again on later days, whatever they say', () => {
    const r = runDetection({
      accounts: [account('mover')],
      notes: [...republish('mover', 4, 3, 20 * DAY), note('mover-own', 'mover', { title: '今天的晚饭', body: '做了番茄炒蛋和紫菜汤，味道还不错，明天试试红烧肉，顺便学一下怎么炖得软烂入味。' })],
    });
    expect(rulesOf(r, 'mover', 'homogeneous-content')).toEqual(['homogeneous-content/republished-notes']);
    const f = r.findings.find((x) => x.ruleId === 'homogeneous-content/republished-notes')!;
    expect(f.evidence.noteIds).toHaveLength(12);
  });

  it('leaves alone a note posted twice within the hour (a failed upload), two notes re-posted, and short check-ins', () => {
    const quick = republish('retry', 4, 2, 40);
    const two = [...republish('two', 2, 3, 30 * DAY), ...stock.slice(2).map(([title, body], i) => note(`two-x${i}`, 'two', { title, body: `${body}（第${i}篇）`, createdAt: at(i * DAY) }))];
    const checkIns = Array.from({ length: 12 }, (_, i) => note(`c${i}`, 'checkin', { title: '打卡', body: '今日份打卡，早睡早起 #日常', createdAt: at(i * DAY) }));
    const r = runDetection({ accounts: [account('retry'), account('two'), account('checkin')], notes: [...quick, ...two, ...checkIns] });
    for (const id of ['retry', 'two', 'checkin']) expect(rulesOf(r, id, 'homogeneous-content')).toEqual([]);
  });

  it('is a personal account’s behaviour: a brand re-running its own ads is the commercial rules’ business', () => {
    const r = runDetection({ accounts: [account('shop', { accountType: 'brand' })], notes: republish('shop', 4, 3, 20 * DAY) });
    expect(rulesOf(r, 'shop', 'homogeneous-content')).toEqual([]);
  });
});
