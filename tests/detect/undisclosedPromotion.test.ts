import { describe, expect, it } from 'vitest';
import type { Comment, Note } from '#shared/contract/snapshotRecords';
import { account, at, atSeconds, codesOf, comment, note, rulesOf, runDetection } from './harness.ts';

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

  it('brand accounts: an own-product note pointing readers to its shop outside the partner platform is one unauthorised promotion; the same through the partner platform, or a brand story, is not', () => {
    const body = '新品来啦\n不酸\n上班续命\n官方店铺可以领券';
    const r = runDetection({
      accounts: [account('brandB', { accountType: 'brand', brandId: 'brewco' })],
      notes: [
        note('d1', 'brandB', { title: '咖啡液上新', body, brandIds: ['brewco'] }),
        note('d2', 'brandB', { title: '咖啡液上新', body, brandIds: ['brewco'], sponsoredVia: 'partner-platform' }),
        note('d3', 'brandB', { title: '我们的品牌故事', body: '团队最近去了原料产地走访，包装今年换成了可回收材料', brandIds: ['brewco'] }),
      ],
    });
    const fs = r.byAccount.get('brandB')!.filter((f) => f.ruleId === 'undisclosed-promotion/brand-unauthorised');
    expect(fs.map((f) => f.evidence.noteIds)).toEqual([['d1']]);
  });

  it('fires coordinated-seeding for a burst of ordinary accounts selling one brand, and one brand-campaign finding on the brand account', () => {
    const seeders = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const notes: Note[] = seeders.map((a, i) =>
      note(`seed${i}`, a, {
        title: `${['真实测评', '自用分享', '无广', '学生党必入', '回购', '种草'][i]}｜这款精华`,
        body: `到手价129，链接在评论区，优惠券还有`,
        brandIds: ['glowx'],
        createdAt: at(i * 90),
      }),
    );
    // organic background mentions over months
    for (let i = 0; i < 6; i++) notes.push(note(`bg${i}`, `fan${i}`, { title: '空瓶记', body: '用完了，还行', brandIds: ['glowx'], createdAt: at(-60 * 24 * 30 * (i + 1)) }));
    const r = runDetection({ accounts: [account('brandA', { accountType: 'brand', brandId: 'glowx' }), ...seeders.map((s) => account(s))], notes });
    for (const s of seeders) expect(rulesOf(r, s, 'undisclosed-promotion')).toContain('undisclosed-promotion/coordinated-seeding');
    expect(r.byAccount.get('s1')!.find((f) => f.ruleId === 'undisclosed-promotion/coordinated-seeding')!.evidence.clusterKey).toBe('glowx');
    // the campaign is the brand's: one finding for the whole campaign, keyed by its first note
    const campaign = r.byAccount.get('brandA')!.filter((f) => f.ruleId === 'undisclosed-promotion/brand-campaign');
    expect(campaign).toHaveLength(1);
    expect(campaign[0].evidence.clusterKey).toBe('campaign:glowx:seed0');
    expect(campaign[0].evidence.noteIds![0]).toBe('seed0');
    expect([...campaign[0].evidence.noteIds!].sort()).toEqual(seeders.map((_, i) => `seed${i}`));
    expect(campaign[0].evidence.relatedAccountIds).toEqual(seeders);
    expect(rulesOf(r, 'brandA')).toEqual(['undisclosed-promotion/brand-campaign']);
    for (let i = 0; i < 6; i++) expect(rulesOf(r, `fan${i}`)).toEqual([]);
  });

  it('fires seeded-brief for ordinary accounts posting one brief over two weeks: one final price, the link in the comments, each claiming to have paid', () => {
    const bodies = [
      '刷到好多人推荐就买了。不酸，上班续命，一杯才几块钱。活动价203元。真实分享。想要的评论区见',
      '先说结论：值得买，上班续命，一杯才几块钱，真的不酸，券后203块，自己花钱买的，评论区自取',
      '用了两周来交作业，一杯才几块钱，真的上班续命，不酸，到手价203块，不是广告！看评论区',
      '被朋友安利的。上班续命。一杯才几块钱。不酸。到手价203，很划算。纯路人。',
      '刷到好多人推荐就买了 上班续命 不酸 算下来203元 再说一遍自己花钱买的 链接在评论区',
    ];
    const kocs = bodies.map((_, i) => `k${i}`);
    const notes = bodies.map((body, i) => note(`b${i}`, kocs[i], { title: '咖啡液找到本命了', body, brandIds: ['brewco'], createdAt: at(i * 60 * 24 * 2.7) }));
    const r = runDetection({ accounts: kocs.map((k) => account(k)), notes });
    for (const k of kocs) expect(rulesOf(r, k, 'undisclosed-promotion')).toEqual(['undisclosed-promotion/seeded-brief']);
    expect(r.byAccount.get('k0')![0].evidence.clusterKey).toBe('brewco@203');
    // a brief is often handed to only a few accounts: three are enough, two are not
    const few = (n: number) => runDetection({ accounts: kocs.slice(0, n).map((k) => account(k)), notes: notes.slice(0, n) });
    expect(rulesOf(few(3), 'k0', 'undisclosed-promotion')).toEqual(['undisclosed-promotion/seeded-brief']);
    expect(rulesOf(few(2), 'k0', 'undisclosed-promotion')).toEqual([]);
  });

  it('the same brief with the brand left untagged is still a brief: one final price, the link in the comments, each claiming to have paid', () => {
    const bodies = [
      '朋友推荐入的这款洗面奶，洗完不紧绷。到手价129。纯自费，放心。链接在评论区',
      '用了三周，泡沫很细，敏感肌也没泛红，券后129元，不是广告，评论区自取',
      '洗得干净又不干，早晚都在用，活动价129，无广，想要的看评论区',
      '回购第二瓶了，味道很淡，到手价129块，自费买的，蹲链接的扣1',
    ];
    const kocs = bodies.map((_, i) => `u${i}`);
    const notes = bodies.map((body, i) => note(`ub${i}`, kocs[i], { title: '洗面奶分享', body, createdAt: at(i * 60 * 24 * 3) }));
    const r = runDetection({ accounts: kocs.map((k) => account(k)), notes });
    for (const k of kocs) expect(rulesOf(r, k, 'undisclosed-promotion')).toEqual(['undisclosed-promotion/seeded-brief']);
    expect(r.byAccount.get('u0')![0].evidence.clusterKey).toBe('untagged@129');
    // three are enough, two are not; spread over more than the window, they are not one brief
    const few = (n: number) => runDetection({ accounts: kocs.slice(0, n).map((k) => account(k)), notes: notes.slice(0, n) });
    expect(rulesOf(few(3), 'u0', 'undisclosed-promotion')).toEqual(['undisclosed-promotion/seeded-brief']);
    expect(rulesOf(few(2), 'u0', 'undisclosed-promotion')).toEqual([]);
    const spread = notes.map((n, i) => ({ ...n, createdAt: at(i * 60 * 24 * 20) }));
    expect(runDetection({ accounts: kocs.map((k) => account(k)), notes: spread }).findings.filter((f) => f.ruleId === 'undisclosed-promotion/seeded-brief')).toEqual([]);
    // a link in the comments without the claim of paying, or the claim without a link, is not keyed as a brief
    const partial = [bodies[0].replace('纯自费，放心。', ''), bodies[1].replace('评论区自取', ''), bodies[2].replace('无广，', ''), bodies[3].replace('蹲链接的扣1', '')];
    const p = runDetection({ accounts: kocs.map((k) => account(k)), notes: partial.map((body, i) => note(`up${i}`, kocs[i], { title: '洗面奶分享', body, createdAt: at(i * 60 * 24 * 3) })) });
    expect(p.findings.filter((f) => f.ruleId === 'undisclosed-promotion/seeded-brief')).toEqual([]);
    // a brand's own account quoting its price is judged by the brand rules, not as a poster of someone's brief
    const withBrand = runDetection({
      accounts: [...kocs.slice(0, 3).map((k) => account(k)), account('shop', { accountType: 'brand', brandId: 'cleanco' })],
      notes: [...notes.slice(0, 3), note('ub-shop', 'shop', { title: '洗面奶', body: bodies[3], createdAt: at(60) })],
    });
    expect(rulesOf(withBrand, 'shop', 'undisclosed-promotion')).not.toContain('undisclosed-promotion/seeded-brief');
  });

  it('one brief whose posters split between tagging the brand and not is still one brief, keyed by its price', () => {
    const bodies = [
      '先说结论：值得买，孩子也爱喝，很浓稠。算下来441块。纯路人，放心。链接放评论区了',
      '被朋友安利的，早餐搭配很方便。活动价441。纯自费。想要的评论区见',
      '用了两周，很浓稠，孩子也爱喝。到手价441。不是广告！看评论区',
      '回购第二次了，早餐搭配很方便。券后441元。自己花钱买的。链接在评论区',
    ];
    const kocs = bodies.map((_, i) => `m${i}`);
    // two tag the brand, two leave it untagged: neither half reaches three posters on its own
    const notes = bodies.map((body, i) => note(`mb${i}`, kocs[i], { title: '酸奶分享', body, ...(i % 2 === 0 ? { brandIds: ['yogco'] } : {}), createdAt: at(i * 60 * 24 * 2) }));
    const r = runDetection({ accounts: kocs.map((k) => account(k)), notes });
    for (const k of kocs) expect(rulesOf(r, k, 'undisclosed-promotion')).toEqual(['undisclosed-promotion/seeded-brief']);
    expect(r.byAccount.get('m0')![0].evidence.clusterKey).toBe('untagged@441');
  });

  it("accounts copying a brief poster's note word for word are not posters of the brief, and do not make up its numbers", () => {
    const bodies = [
      '刷到好多人推荐就买了。零蔗糖。孩子也爱喝。真的早餐搭配很方便。到手价36。无广。怎么买看置顶评论',
      '先说结论：值得买，很浓稠，口感顺滑，冷藏后更好喝。券后36元。纯自费。链接放评论区了',
      '用了两周来交作业，每天早上一杯，配燕麦刚好。活动价36。不是广告！想要的评论区见',
    ];
    const posters = bodies.map((_, i) => `g${i}`);
    const notes = bodies.map((body, i) => note(`g${i}`, posters[i], { title: '酸奶找到本命了', body, createdAt: at(i * 60 * 24 * 3) }));
    // accounts farming content to look alive repost the first poster's note with a line of their own
    const copies = ['☀️喜欢就关注', '🔥转自网络'].map((tail, i) => note(`c${i}`, `copier${i}`, { title: '酸奶找到本命了', body: `${bodies[0]} ${tail}`, createdAt: at(60 * 24 * (4 + i)) }));
    const accounts = [...posters, 'copier0', 'copier1'].map((a) => account(a));
    const r = runDetection({ accounts, notes: [...notes, ...copies] });
    for (const g of posters) expect(rulesOf(r, g, 'undisclosed-promotion')).toEqual(['undisclosed-promotion/seeded-brief']);
    for (const c of ['copier0', 'copier1']) expect(rulesOf(r, c, 'undisclosed-promotion')).toEqual([]);
    // two posters and two copies are not three posters
    const two = runDetection({ accounts, notes: [...notes.slice(0, 2), ...copies] });
    expect(two.findings.filter((f) => f.ruleId === 'undisclosed-promotion/seeded-brief')).toEqual([]);
  });

  it('honest reviewers who paid the same list price and hand out no link are not a brief; nor are posters quoting their own prices', () => {
    const honest = [
      '纯自费，清洁力可以，缺点是有点贵。到手203',
      '自己花钱买的，用了一个月，但不会无脑推。到手203',
      '自费买的，味道淡，客服态度一般。到手价203',
      '不是广告哈，吸收挺快，不过包装很容易漏。203块',
      '自费买的，做工扎实，不过包装很容易漏。到手203',
    ];
    const notes = honest.map((body, i) => note(`h${i}`, `h${i}`, { title: '用了一个月', body, brandIds: ['brewco'], createdAt: at(i * 60 * 24) }));
    const r = runDetection({ accounts: honest.map((_, i) => account(`h${i}`)), notes });
    expect(r.findings.filter((f) => f.ruleId === 'undisclosed-promotion/seeded-brief')).toEqual([]);
    const own = ['到手价189，链接在评论区', '券后203，评论区自取', '活动价176元，看评论区', '到手价211，评论区见', '算下来199元，链接在评论区'];
    const q = runDetection({
      accounts: own.map((_, i) => account(`o${i}`)),
      notes: own.map((body, i) => note(`o${i}`, `o${i}`, { title: '咖啡液', body, brandIds: ['brewco'], createdAt: at(i * 60 * 24) })),
    });
    expect(q.findings.filter((f) => f.ruleId === 'undisclosed-promotion/seeded-brief')).toEqual([]);
  });

  it("a popular brand's organic surge of self-paid reviews is not a seeding burst; a burst that is a real share of everyone who ever mentioned the brand is", () => {
    // 120 honest reviewers over four years, then a launch: n reviewers within two days, each saying they paid (自费: a commercial cue)
    const notesWith = (surge: number): Note[] => [
      ...Array.from({ length: 120 }, (_, i) => note(`m${i}`, `user${i}`, { title: '自费入手', body: '专柜买的，不是广告，价格399元', brandIds: ['bigbrand'], createdAt: at(-60 * 24 * 12 * (i + 5)) })),
      ...Array.from({ length: surge }, (_, i) => note(`s${i}`, `new${i}`, { title: '新品自费测评', body: '自费买的，不是广告，价格399元', brandIds: ['bigbrand'], createdAt: at(i * 60 * 2) })),
    ];
    const seeding = (surge: number) => runDetection({ notes: notesWith(surge) }).findings.filter((f) => f.ruleId === 'undisclosed-promotion/coordinated-seeding');
    // 8 of 128 accounts (6 %): the surge passes every other test (5 accounts, commercial, far above the four-year baseline)
    expect(seeding(8)).toEqual([]);
    // 20 of 140 (14 %, over minBurstShare 0.12): a burst
    expect(
      seeding(20)
        .map((f) => f.accountId)
        .sort(),
    ).toEqual(Array.from({ length: 20 }, (_, i) => `new${i}`).sort());
  });

  it('a popular brand mentioned steadily by many users is not a seeding burst', () => {
    const notes: Note[] = Array.from({ length: 120 }, (_, i) => note(`m${i}`, `user${i}`, { title: '入手了', body: '专柜买的，价格399元', brandIds: ['bigbrand'], createdAt: at(i * 60 * 24) }));
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

describe('undisclosed-promotion: untagged ads and brand accounts selling off-platform', () => {
  it('an ordinary account hard-selling without tagging the brand is still a covert ad', () => {
    const r = runDetection({
      accounts: [account('c3')],
      notes: [note('u1', 'c3', { title: '被问爆的九色眼影盘', body: '素人分享。券后到手价只要377元，直播间今晚8点开抢，满500减20' })],
    });
    const fs = r.byAccount.get('c3')!.filter((f) => f.ruleId === 'undisclosed-promotion/covert-ad');
    expect(fs.map((f) => f.evidence.noteIds)).toEqual([['u1']]);
  });

  it('an untagged personal note quoting one price or one deal stays clean', () => {
    const r = runDetection({
      accounts: [account('c4')],
      notes: [note('u2', 'c4', { title: '双十一战绩', body: '这件大衣到手价399元，比去年便宜' }), note('u3', 'c4', { title: '周末逛街', body: '商场在搞活动，满300减30，买了双鞋' })],
    });
    expect(rulesOf(r, 'c4')).toEqual([]);
  });

  it('a brand account selling its own products outside the partner platform (tagged or not) is brand-unauthorised', () => {
    const r = runDetection({
      accounts: [account('brandB', { accountType: 'brand', brandId: 'suyang' })],
      notes: [
        note('s1', 'brandB', { title: '被问爆的充电器，是素氧家的', body: '官方旗舰店同款。点击下方商品卡就能直接购买，下单时输入优惠码WR7227立减30元', brandIds: ['suyang'] }),
        note('s2', 'brandB', { title: '素氧双12活动来了', body: '现在拍下还送小样，数量有限。直播间今晚8点开抢，满500减70' }),
        note('s3', 'brandB', { title: '素氧双12活动来了', body: '现在拍下还送小样，数量有限。直播间今晚8点开抢', brandIds: ['suyang'], sponsoredVia: 'partner-platform' }),
        note('s4', 'brandB', { title: '素氧门店活动回顾', body: '上海的快闪店本周末开放，欢迎来玩。感谢大家这一年的陪伴', brandIds: ['suyang'] }),
      ],
    });
    const fs = r.byAccount.get('brandB')!.filter((f) => f.ruleId === 'undisclosed-promotion/brand-unauthorised');
    expect(fs.map((f) => f.evidence.noteIds![0]).sort()).toEqual(['s1', 's2']);
    expect(fs[0].evidence.summary).toContain('sells its own products');
  });
});

describe('undisclosed-promotion: seeding bursts and reviews that quote a price', () => {
  it('an ordinary review quoting a price and naming the brand in passing, posted during a seeding burst, stays clean', () => {
    const seeders = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const notes: Note[] = seeders.map((a, i) => note(`seed${i}`, a, { title: '被问爆的香薰蜡烛', body: '券后到手价只要99元，点击下方商品卡就能直接购买', brandIds: ['limi'], createdAt: at(i * 90) }));
    notes.push(note('rev1', 'diner', { title: '人均¥560的咖啡店，值不值得去？', body: '人均¥420左右，分量挺足的。对比了一下，栗米Lab的四件套更适合我。', brandIds: ['limi'], createdAt: at(200) }));
    const r = runDetection({ accounts: [account('diner'), ...seeders.map((s) => account(s))], notes });
    for (const s of seeders) expect(rulesOf(r, s, 'undisclosed-promotion')).toContain('undisclosed-promotion/coordinated-seeding');
    expect(rulesOf(r, 'diner')).toEqual([]);
  });
});

describe('undisclosed-promotion: buyer giveaways are a selling cue', () => {
  it('"晒单再抽…送正装" with a product card is a hard sell; a consumer\'s own 晒单 post is not', () => {
    const r = runDetection({
      accounts: [account('g1'), account('g2')],
      notes: [
        note('w1', 'g1', { title: '朴森收纳盒实测', body: '专属福利：评论区晒单再抽4位送正装。点击下方商品卡就能直接购买', brandIds: ['pusen'] }),
        note('w2', 'g2', { title: '晒单｜双十一战利品', body: '买了收纳盒和落地灯，晒单一下，都挺满意', brandIds: ['pusen'] }),
      ],
    });
    expect(rulesOf(r, 'g1')).toEqual(['undisclosed-promotion/covert-ad']);
    expect(rulesOf(r, 'g2')).toEqual([]);
  });
});

describe('undisclosed-promotion: seeding campaigns charged to the brand account', () => {
  const burst = (prefix: string, n: number, startMin: number, extra: Partial<Note> = {}): Note[] =>
    Array.from({ length: n }, (_, i) =>
      note(`${prefix}${i}`, `${prefix}-acc${i}`, { title: `自用分享${i}｜这款精华`, body: '到手价129，链接在评论区，优惠券还有', brandIds: ['glowx'], createdAt: at(startMin + i * 60), ...extra }),
    );
  const brand = account('brandA', { accountType: 'brand', brandId: 'glowx' });
  const accountsOf = (notes: Note[]) => [brand, ...[...new Set(notes.map((n) => n.accountId))].map((a) => account(a))];

  it('two bursts more than a window apart are two campaigns, each named by its first note', () => {
    const notes = [...burst('x', 6, 0), ...burst('y', 7, 60 * 24 * 20)];
    const r = runDetection({ accounts: accountsOf(notes), notes });
    const keys = r.byAccount
      .get('brandA')!
      .filter((f) => f.ruleId === 'undisclosed-promotion/brand-campaign')
      .map((f) => f.evidence.clusterKey);
    expect(keys).toEqual(['campaign:glowx:x0', 'campaign:glowx:y0']);
  });

  it('a partner-sponsored campaign (hard negative partner-sponsored-creator/-brand) costs the brand nothing', () => {
    const notes = burst('p', 8, 0, { sponsoredVia: 'partner-platform', title: '品牌合作｜这款精华', body: '感谢品牌方邀请，到手价129，链接在评论区' });
    const r = runDetection({ accounts: accountsOf(notes), notes });
    expect(rulesOf(r, 'brandA')).toEqual([]);
    for (const n of notes) expect(rulesOf(r, n.accountId, 'undisclosed-promotion')).toEqual([]);
  });

  it('fewer than minAccounts posters is no campaign for the brand', () => {
    const notes = burst('z', 4, 0);
    const r = runDetection({ accounts: accountsOf(notes), notes });
    expect(rulesOf(r, 'brandA', 'undisclosed-promotion')).not.toContain('undisclosed-promotion/brand-campaign');
  });

  describe('crew-seeded: an ordinary account whose brand notes a hired crew works', () => {
    const crew = ['w1', 'w2', 'w3', 'w4'];
    const praises = ['我用过这个牌子，太好用了！！', '用过这个牌子 真的超级好用😍', '我也用过这个牌子～太好用啦', '这个牌子我用过，超好用！'];
    // the crew bursts near-identical praise on each note (a praise ring); the author may answer inside the act
    const worked = (noteIds: string[], answers: string[] = []): Comment[] =>
      noteIds.flatMap((n, i) => [
        ...crew.map((m, j) => comment(`${n}-${m}`, n, m, praises[j], { createdAt: atSeconds(i * 86400 * 5 + j * 240) })),
        ...(answers.includes(n) ? [comment(`${n}-ans`, n, 'host', '你怎么不早说，链接私你了', { createdAt: atSeconds(i * 86400 * 5 + 1000) })] : []),
      ]);
    const notes = (brandIds?: string[]) =>
      ['h1', 'h2', 'h3'].map((id, i) => note(id, 'host', { title: '被问爆的精华', body: '朋友送的，完全超出预期，姐妹们冲', ...(brandIds ? { brandIds } : {}), createdAt: at(i * 60 * 24 * 5 - 60) }));
    const run = (ns: Note[], comments: Comment[]) => runDetection({ accounts: [account('host'), ...crew.map((m) => account(m))], notes: ns, comments });

    it("fires when the crew comes back to the account's notes for one brand", () => {
      const r = run(notes(['glowx']), worked(['h1', 'h2']));
      expect(rulesOf(r, 'host', 'undisclosed-promotion')).toEqual(['undisclosed-promotion/crew-seeded']);
      const f = r.byAccount.get('host')!.find((x) => x.ruleId === 'undisclosed-promotion/crew-seeded')!;
      expect(f.evidence.noteIds).toEqual(['h1', 'h2']);
      expect(f.evidence.clusterKey).toBe('glowx');
      expect(f.evidence.relatedAccountIds).toEqual(crew);
    });

    it('fires on one worked brand note when the author answers the crew inside the act, and the answers are not a second (traffic-diversion) code', () => {
      const r = run(notes(['glowx']), worked(['h1'], ['h1']));
      expect(rulesOf(r, 'host', 'undisclosed-promotion')).toEqual(['undisclosed-promotion/crew-seeded']);
      expect(r.byAccount.get('host')!.find((x) => x.ruleId === 'undisclosed-promotion/crew-seeded')!.evidence.commentIds).toEqual(['h1-ans']);
      expect(codesOf(r, 'host')).toEqual(['undisclosed-promotion']);
    });

    it("the author's other lines in the threads the crew works (vague redirects that answer no question) are the promotion's too, not traffic-diversion", () => {
      const lines = ['想要的私我哦，加我私聊', '私我拿优惠，私聊发你'];
      const extra = ['h1', 'h2'].map((n, i) => comment(`${n}-line`, n, 'host', lines[i], { createdAt: atSeconds(i * 86400 * 5 + 3000) }));
      const r = run(notes(['glowx']), [...worked(['h1', 'h2']), ...extra]);
      expect(rulesOf(r, 'host', 'undisclosed-promotion')).toEqual(['undisclosed-promotion/crew-seeded']);
      expect(codesOf(r, 'host')).toEqual(['undisclosed-promotion']);
    });

    it('stays clean on notes that tag no brand (a crew working a popular creator for cover), on one worked brand note the author does not answer, and through the partner platform', () => {
      expect(rulesOf(run(notes(), worked(['h1', 'h2', 'h3'], ['h1'])), 'host', 'undisclosed-promotion')).toEqual([]);
      expect(rulesOf(run(notes(['glowx']), worked(['h1'])), 'host', 'undisclosed-promotion')).toEqual([]);
      const partner = notes(['glowx']).map((n) => ({ ...n, sponsoredVia: 'partner-platform' }));
      expect(rulesOf(run(partner, worked(['h1', 'h2'], ['h1'])), 'host', 'undisclosed-promotion')).toEqual([]);
    });
  });
});
