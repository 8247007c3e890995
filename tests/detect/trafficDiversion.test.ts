import { describe, expect, it } from 'vitest';
import { ownDomainTest, scanContacts } from '#shared/detect/text/contactPatterns';
import { account, at, comment, makeCtx, note, rulesOf, runDetection } from './harness.ts';

const contacts = (s: string) => scanContacts(s).contacts.map((c) => `${c.kind}:${c.value}`);

describe('traffic-diversion: contacts however obfuscated', () => {
  it.each([
    ['加我薇信：ｍｅｉｍｅｉ＿８８８', 'wechat:meimei_888'],
    ['V❤️: lily_2024 有优惠', 'wechat:lily_2024'],
    ['威信 搜 tianmei_520', 'wechat:tianmei_520'],
    ['卫星号：sky_9981', 'wechat:sky_9981'],
    ['绿泡泡：ab_cd_123', 'wechat:ab_cd_123'],
    ['➕V: shop2025', 'wechat:shop2025'],
    ['ｖｘ：ａｂｃ１２３', 'wechat:abc123'],
    ['wxid_k2j4h5g6f7', 'wechat:wxid_k2j4h5g6f7'],
    ['vх: test_99', 'wechat:test_99'],
    ['🐧 一二三四五六七八', 'qq:12345678'],
    ['扣扣：5678 9012', 'qq:56789012'],
    ['企鹅号 98765432', 'qq:98765432'],
    ['電話 138-0013-8000', 'phone:13800138000'],
    ['打我 壹叁玖 贰贰贰贰 叁叁叁叁', 'phone:13922223333'],
    ['t.cn/A6xYzQ 点进去', 'link:t.cn/a6xyzq'],
    ['官网 https://shop.example.top/p/1', 'link:shop.example.top/p/1'],
    ['网址 meimei88 点 com', 'link:meimei88.com'],
    ['复制¥AbCd1234E¥打开淘宝', 'taobao-code:abcd1234e'],
    ['抖音号：meimei123', 'platform-id:抖音:meimei123'],
  ])('%s → %s', (text, expected) => {
    expect(contacts(text)).toContain(expected);
  });

  it.each([
    '支持微信支付和支付宝',
    'WeChat Pay accepted, Alipay too',
    '可以用微信支付吗？',
    '价格：¥199，满300减50',
    '订单号：13800138000 已发货',
    '订单号 202411200012345678',
    '2024-11-20 下单，11.11 到货',
    'iPhone 15 Pro 256G 深空黑',
    '型号 A2848，序列号 F2LXK1234',
    '2024年的夏天，我们去了青岛',
    '身高165 体重50 尺码38',
    '13:30-15:00 营业',
    '商务合作请私信',
    'v我50 疯狂星期四',
    '小紅書的頭髮護理心得',
    '小红书链接 xhslink.com/a1b2c3',
    // a courier's tracking number: letters, then "86" and eleven digits that happen to read as a mobile
    '快递单号SF8613106793573，顺丰还是快',
    '运单号：YT8617669651303',
    // the digits of a note id in a link to the platform's own content ("b" reads as a 6 only in a phone)
    '之前那篇在这里 https://www.xiaohongshu.com/explore/660e80c389db18b80745129a',
  ])('hard negative stays clean: %s', (text) => {
    expect(contacts(text)).toEqual([]);
  });
});

describe('traffic-diversion detector', () => {
  it('fires contact-in-text with the matched contact and the note id', () => {
    const r = runDetection({
      accounts: [account('a1')],
      notes: [note('n1', 'a1', { title: '祛痘好物', body: '需要的姐妹加 薇❤信 ：mei_mei_77 备注小红书' })],
    });
    const f = r.byAccount.get('a1')!.find((x) => x.ruleId === 'traffic-diversion/contact-in-text')!;
    expect(f.code).toBe('traffic-diversion');
    expect(f.severity).toBe('high');
    expect(f.evidence.noteIds).toEqual(['n1']);
    expect(f.evidence.matched).toContain('wechat:mei_mei_77');
  });

  it('fires contact-in-text for a phone in a comment', () => {
    const r = runDetection({
      accounts: [account('a1'), account('a2')],
      notes: [note('n1', 'a2')],
      comments: [comment('c1', 'n1', 'a1', '需要的滴滴 1 3 9 - 1 2 3 4 - 5 6 7 8')],
    });
    const f = r.byAccount.get('a1')!.find((x) => x.ruleId === 'traffic-diversion/contact-in-text')!;
    expect(f.evidence.commentIds).toEqual(['c1']);
    expect(f.evidence.matched).toContain('phone:13912345678');
  });

  it('fires contact-in-profile for a contact in the bio or nickname', () => {
    const r = runDetection({ accounts: [account('a1', { nickname: '美妆小铺 V:beauty_shop1', bio: '好物分享' })] });
    expect(rulesOf(r, 'a1')).toContain('traffic-diversion/contact-in-profile');
    const r2 = runDetection({ accounts: [account('a2', { bio: '📞 壹叁捌 零零壹叁 捌零零零' })] });
    expect(rulesOf(r2, 'a2')).toContain('traffic-diversion/contact-in-profile');
  });

  it('fires shared-contact when several accounts publish the same contact', () => {
    const accounts = ['m1', 'm2', 'm3', 'm4'].map((id) => account(id));
    const notes = accounts.map((a, i) => note(`n${i}`, a.accountId, { body: `第${i}款 好物，wx：same_shop_8` }));
    const r = runDetection({ accounts, notes });
    for (const a of accounts) expect(rulesOf(r, a.accountId)).toContain('traffic-diversion/shared-contact');
    const f = r.byAccount.get('m1')!.find((x) => x.ruleId === 'traffic-diversion/shared-contact')!;
    expect(f.severity).toBe('critical');
    expect(f.evidence.relatedAccountIds).toEqual(['m2', 'm3', 'm4']);
  });

  it('fires solicitation for repeated vague redirections', () => {
    const r = runDetection({
      accounts: [account('a1', { bio: '加我vx 领资料' })],
      notes: [note('n1', 'a2')],
      comments: [comment('c1', 'n1', 'a1', '想要的私我'), comment('c2', 'n1', 'a1', '看我主页置顶哦')],
    });
    const f = r.byAccount.get('a1')!.find((x) => x.ruleId === 'traffic-diversion/solicitation')!;
    expect(f.severity).toBe('medium');
    expect(f.evidence.commentIds).toEqual(['c1', 'c2']);
  });

  it('a single vague "私我" by an ordinary user stays clean', () => {
    const r = runDetection({
      accounts: [account('a1')],
      notes: [note('n1', 'a2')],
      comments: [comment('c1', 'n1', 'a1', '这个发型好好看！想要教程的私我')],
    });
    expect(rulesOf(r, 'a1', 'traffic-diversion')).toEqual([]);
  });

  it('payment mentions, prices, dates, order and model numbers stay clean', () => {
    const r = runDetection({
      accounts: [account('a1', { bio: '95后 | 上海 | 商务合作请私信' })],
      notes: [
        note('n1', 'a1', { title: 'iPhone 15 Pro 开箱', body: '京东下单 ¥7999，支持微信支付和支付宝，订单号 20241120001234567，11月20日到货。型号 A2848。' }),
        note('n2', 'a1', { title: '2024年的夏天', body: 'WeChat Pay 和 Alipay 都能用，价格 199 元，3 件 8 折。' }),
      ],
    });
    expect(rulesOf(r, 'a1', 'traffic-diversion')).toEqual([]);
  });

  it('does nothing when the code is switched off', () => {
    const r = runDetection({ accounts: [account('a1', { bio: 'vx: abc_123' })] }, makeCtx({ codes: ['water-army'] }));
    expect(rulesOf(r, 'a1')).toEqual([]);
  });
});

describe('traffic-diversion: more obfuscations and private deals', () => {
  it.each([
    ['薇信ｙａｎ _ｐ·ｍｚ.ｇ69', 'wechat:yan_pmzg69'],
    ['一个喜欢分享的普通人 加Q ３５３６０１９８８', 'qq:353601988'],
    ['大南风吖·Q1\ufeff3\ufeff43\u200b02\u200c3\ufeff4\u200d7\u200b2', 'qq:1343023472'],
  ])('%s → %s', (text, expected) => {
    expect(contacts(text)).toContain(expected);
  });

  it('"Q3 2024" is a quarter, not a QQ number', () => {
    expect(contacts('Q3 2024 财报解读')).toEqual([]);
  });

  it('fires private-deal (low) for a single "私我优惠" comment', () => {
    const r = runDetection({ accounts: [account('d1')], notes: [note('n1', 'x')], comments: [comment('c1', 'n1', 'd1', '有内部价，私我')] });
    const f = r.byAccount.get('d1')!.find((x) => x.code === 'traffic-diversion')!;
    expect(f.ruleId).toBe('traffic-diversion/private-deal');
    expect(f.severity).toBe('low');
  });

  it('reads pinyin "sī我" as a redirect', () => {
    expect(scanContacts('评论区回复太慢了，sī我').solicitations.map((s) => s.kind)).toEqual(['redirect']);
  });
});

describe('traffic-diversion: how diverters really write contacts', () => {
  it.each([
    // arrows and pointing emoji between the app name and the id
    ['微信▶mm_1031', 'wechat:mm_1031'],
    ['vx👉zx_fhb57', 'wechat:zx_fhb57'],
    // a heart standing in for 信 ("微❤", "维❤", "薇❤"), 💚泡泡, 溦信
    ['找我微❤ｋｅｆｕ６２０，主页不常看', 'wechat:kefu620'],
    ['专注优质内容分享 维❤ luna_usi50 备注小红书', 'wechat:luna_usi50'],
    ['💚泡泡▶ｋｅｆｕ_ａｗｅ6', 'wechat:kefu_awe6'],
    ['小红薯4950F🥰溦信:сосo-9961', 'wechat:coco-9961'],
    // connecting words: 见, 同名, 找我～
    ['宝子们薇信见 b8️⃣7️⃣3️⃣3️⃣4️⃣6️⃣6️⃣6️⃣', 'wechat:b87334666'],
    ['详细的想要资料的溦信找我～lunа_іqr94', 'wechat:luna_iqr94'],
    // emoji wedged inside the id
    ['评论区回复太慢了，V信号ｘ⭐ｉａ⭐ｏ⭐ｙｕ5❤️2⭐6', 'wechat:xiaoyu526'],
    ['加v信 t🌷t-40🌷2🌷9', 'wechat:tt-4029'],
    // Chinese numerals continuing an id
    ['💚泡泡同名 ｙａｎ叁肆柒，名额有限', 'wechat:yan347'],
    ['找我➕Vxiaoyu-五六七三', 'wechat:xiaoyu-5673'],
    // the id first, the app in brackets
    ['ｙａ\u200dｎ3\u200b4\u200b7（薇信），名额有限', 'wechat:yan347'],
    ['ｃｏｃｏ④①⑤⑦①（vx）', 'wechat:coco41571'],
    ['6\u200c4\u200c4\u20600\u206032（q q）', 'qq:644032'],
    ['｜qq同号 45517788', 'qq:45517788'],
    // an id broken by separators keeps all its parts
    ['溦信↓\nxIA-oYu_.dNn5 4', 'wechat:xia-oyu_dnn54'],
    // look-alike letters for digits (O l I | Z S b g), a number glued to a nickname in Chinese numerals
    ['v信:19|Z7b38047(备注来意)', 'phone:19127638047'],
    ['l50OZ7S44b3 薇信同号', 'phone:15002754463'],
    ['v信19|6b445534七七不吃香菜', 'phone:19166445534'],
    // arrows after a QQ word; the satellite emoji for 卫星 (WeChat); a heart before a connecting word
    ['qq▶二七零七五三二七六', 'qq:270753276'],
    ['抠抠▶6146620980', 'qq:6146620980'],
    ['分享生活中的美好瞬间 🛰️:vip33284', 'wechat:vip33284'],
    ['热爱生活，记录日常 微❤同名 n94012552', 'wechat:n94012552'],
  ])('%s → %s', (text, expected) => {
    expect(contacts(text)).toContain(expected);
  });

  it.each([
    // coupon codes that begin with "wx"/"vv" are not WeChat ids
    '下单时输入优惠码wxyk3401立减30元',
    '下单时输入优惠码vvgu9556立减20元。',
    // a card number after a phone word further back
    '今日份手机摄影\n会员卡号13492578524，积分可以换咖啡',
    // numerals in ordinary words stay words
    '微信一起拼单三天后发货',
    // units and model names next to numbers are not look-alike digits
    'iPhone 15 Pro 256G 1TB 深空黑',
    '身高165cm 体重50kg 穿S码',
    '价格199|包邮 3件8折',
  ])('stays clean: %s', (text) => {
    expect(contacts(text)).toEqual([]);
  });

  it('fires private-answer for a "where to buy" question answered with a private link, and not for the asker', () => {
    const r = runDetection({
      accounts: [account('qa1'), account('qa2'), account('own')],
      notes: [note('n1', 'own')],
      comments: [comment('q1', 'n1', 'qa1', '姐妹求个链接🙏', { createdAt: at(10) }), comment('a1', 'n1', 'qa2', '你怎么不早问，私信发你了', { createdAt: at(12), replyToCommentId: 'q1' })],
    });
    const f = r.byAccount.get('qa2')!.find((x) => x.ruleId === 'traffic-diversion/private-answer')!;
    expect(f.severity).toBe('medium');
    expect(f.evidence.commentIds).toEqual(['a1']);
    expect(f.evidence.relatedAccountIds).toEqual(['qa1']);
    expect(rulesOf(r, 'qa1', 'traffic-diversion')).toEqual([]);
  });

  it('an answer that names the shop on the platform, not a redirect, is not a private answer', () => {
    const r = runDetection({
      accounts: [account('qa1'), account('qa3'), account('own')],
      notes: [note('n1', 'own')],
      comments: [comment('q1', 'n1', 'qa1', '请问在哪里买呀', { createdAt: at(10) }), comment('a1', 'n1', 'qa3', '你怎么不早说，就是博主主页那家', { createdAt: at(12), replyToCommentId: 'q1' })],
    });
    expect(rulesOf(r, 'qa3', 'traffic-diversion')).not.toContain('traffic-diversion/private-answer');
  });
});

describe("traffic-diversion: the platform's own links are not diversion", () => {
  const link = 'https://www.youtube.com/watch?v=abc123xyz';
  it("a link counts as a contact unless its host is one of the platform's own domains or a subdomain of one", () => {
    expect(scanContacts(`great song ${link}`).contacts.map((c) => c.kind)).toEqual(['link']);
    const own = ownDomainTest(['youtube.com', 'youtu.be']);
    expect(scanContacts(`great song ${link}`, own).contacts).toEqual([]);
    expect(scanContacts('see youtu.be/abc123xyz', own).contacts).toEqual([]);
    // a look-alike domain is not the platform's
    expect(scanContacts('see https://notyoutube.com/abc123xyz', own).contacts.map((c) => c.kind)).toEqual(['link']);
    expect(scanContacts('小红书链接 xhslink.com/a1b2c3').contacts).toEqual([]);
  });

  it("viewers quoting the video's own link are not a shared-contact ring when the policy names the platform's domains", () => {
    const ids = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'];
    const comments = ids.map((a, i) => comment(`c-${a}`, 'n1', a, `this part at 2:13 ${link} is the best`, { createdAt: at(i * 90) }));
    const fx = { accounts: ids.map((id) => account(id)), notes: [note('n1', 'creator')], comments };
    const xhs = runDetection(fx);
    expect(ids.some((id) => rulesOf(xhs, id, 'traffic-diversion').length > 0)).toBe(true);
    const yt = runDetection(fx, makeCtx({ ownDomains: ['youtube.com', 'youtu.be'] }));
    for (const id of ids) expect(rulesOf(yt, id, 'traffic-diversion')).toEqual([]);
  });
});
