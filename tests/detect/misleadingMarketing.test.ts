import { describe, expect, it } from 'vitest';
import { account, makeCtx, note, rulesOf, runDetection } from './harness.ts';

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

  it('a personal account selling with cure claims and a money-back guarantee or scarcity is advertising; the same story told without an offer is not', () => {
    const selling = runDetection({
      accounts: [account('m5')],
      notes: [
        note('g1', 'm5', { title: '降糖茶分享', body: '我爸喝了两个月停药了，比药还管用，一次见效。无效全额退款，放心买' }),
        note('g2', 'm5', { title: '降糖茶回购', body: '立竿见影，邻居阿姨也在喝。原价589现在只要66，手慢无' }),
      ],
    });
    expect(rulesOf(selling, 'm5', 'misleading-marketing')).toContain('misleading-marketing/medical-claim');
    const story = runDetection({
      accounts: [account('m6')],
      notes: [note('g1', 'm6', { title: '降糖茶分享', body: '我爸喝了两个月停药了，比药还管用，一次见效。' }), note('g2', 'm6', { title: '降糖茶回购', body: '立竿见影，邻居阿姨也在喝。' })],
    });
    expect(rulesOf(story, 'm6', 'misleading-marketing')).toEqual([]);
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

  it('fires misleading-title for one state-media/regulator title on a business account selling its service', () => {
    const r = runDetection({
      accounts: [account('m8', { accountType: 'professional', nickname: '杭州清禾植发' })],
      notes: [
        note('t1', 'm8', { title: '药监局认可｜植发新技术', body: '植发项目本月活动，欢迎到店咨询。名额有限，预约从速。' }),
        note('t2', 'm8', { title: '新客植发体验名额开放', body: '新客植发体验名额开放。欢迎到店。' }),
      ],
    });
    const f = r.byAccount.get('m8')!.find((x) => x.ruleId === 'misleading-marketing/misleading-title')!;
    expect(f.evidence.noteIds).toEqual(['t1']);
  });

  it('fires misleading-title for repeated free and manufactured-popularity bait over a selling body', () => {
    const r = runDetection({
      accounts: [account('m9', { accountType: 'professional' })],
      notes: [
        note('f1', 'm9', { title: '免费送！皮肤管理体验名额', body: '祛痘项目本月活动，欢迎到店咨询。' }),
        note('f2', 'm9', { title: '上海人都在做的祛痘', body: '预约祛痘请提前一天。名额有限，预约从速。' }),
      ],
    });
    expect(rulesOf(r, 'm9', 'misleading-marketing')).toEqual(['misleading-marketing/misleading-title']);
  });

  it('a shop announcing one real clearance sale is not a misleading title', () => {
    const r = runDetection({
      accounts: [account('m10', { accountType: 'professional', nickname: '拾物小馆' })],
      notes: [note('s1', 'm10', { title: '换季清仓，全场五折', body: '店铺换季清仓，到店咨询。' }), note('s2', 'm10', { title: '本周新品', body: '新到的杯子，欢迎到店看看。' })],
    });
    expect(rulesOf(r, 'm10', 'misleading-marketing')).toEqual([]);
  });

  it('prices ending in 0元 ("人均160元") are not a "0元" freebie title', () => {
    const r = runDetection({
      accounts: [account('m11', { accountType: 'professional' })],
      notes: [
        note('p1', 'm11', { title: '人均160元的烧烤，值不值得去？', body: '人均160元，欢迎预约。' }),
        note('p2', 'm11', { title: '人均220元的日料，值不值得去？', body: '套餐220元，可以预约。' }),
      ],
    });
    expect(rulesOf(r, 'm11', 'misleading-marketing')).toEqual([]);
  });

  it('a room makeover\'s "改造前后对比" in selling notes is not a fabricated experience', () => {
    const r = runDetection({
      accounts: [account('m12', { accountType: 'professional', nickname: '木作软装工作室' })],
      notes: [
        note('r1', 'm12', { title: '玄关改造前后对比', body: '摆上了绿萝，看着清爽多了。软装方案详情咨询。' }),
        note('r2', 'm12', { title: '小客厅改造前后对比', body: '换了窗帘和地毯，房间一下子亮堂了。欢迎预约上门。' }),
      ],
    });
    expect(rulesOf(r, 'm12', 'misleading-marketing')).toEqual([]);
  });

  it("fires fabricated-experience for before/after pictures of a product's effect", () => {
    const r = runDetection({
      accounts: [account('m13', { accountType: 'professional' })],
      notes: [
        note('q1', 'm13', { title: '前后对比太震撼了', body: '对比图在P2！用了14天，痘印淡了好多。到店咨询。' }),
        note('q2', 'm13', { title: '顾客反馈', body: '坚持28天前后差别太大了，体重掉得明显。欢迎预约。' }),
      ],
    });
    expect(rulesOf(r, 'm13', 'misleading-marketing')).toContain('misleading-marketing/fabricated-experience');
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

describe('misleading-marketing: a denied claim is not a claim', () => {
  it('a professional writing "probiotics are not a cure-all" or "cannot cure it for good" is warning readers, not advertising', () => {
    const pro = account('doc', { accountType: 'professional' });
    const honest = [
      note('h1', 'doc', { title: '益生菌不是万能的', body: '有症状还是要就医。欢迎留言提问' }),
      note('h2', 'doc', { title: '湿疹能根治吗', body: '湿疹目前不能根治，只能控制。门诊咨询请预约' }),
    ];
    expect(rulesOf(runDetection({ accounts: [pro], notes: honest }), 'doc', 'misleading-marketing')).toEqual([]);
    const claims = [
      note('c1', 'doc', { title: '益生菌是万能的', body: '什么问题都能调理。门诊咨询请预约' }),
      note('c2', 'doc', { title: '湿疹能根治', body: '我们的方子可以根治湿疹。门诊咨询请预约' }),
    ];
    expect(rulesOf(runDetection({ accounts: [pro], notes: claims }), 'doc', 'misleading-marketing')).toEqual(['misleading-marketing/absolute-claim', 'misleading-marketing/medical-claim']);
  });
});

describe('lexicons as policy data', () => {
  it("an operator's added phrase makes the rule match it (literally, in any case), without code; the default still applies", () => {
    const shop = account('shop', { accountType: 'brand' });
    const notes = [note('n1', 'shop', { title: '新品上市', body: '宇宙第一好用的面霜，Best Ever! 店铺下单' })];
    expect(rulesOf(runDetection({ accounts: [shop], notes }), 'shop', 'misleading-marketing')).toEqual([]);
    const ctx = makeCtx({ lexicons: { absoluteClaims: { add: ['宇宙第一', 'Best Ever'] } } });
    const r = runDetection({ accounts: [shop], notes }, ctx);
    expect(rulesOf(r, 'shop', 'misleading-marketing')).toEqual(['misleading-marketing/absolute-claim']);
    // (the shop's note, selling outside the partner platform, is also the brand's unauthorised promotion: another rule's finding)
    expect(r.byAccount.get('shop')!.find((f) => f.code === 'misleading-marketing')!.evidence.matched).toEqual(['宇宙第一']);
    const dflt = [note('n2', 'shop', { title: '新品上市', body: '全网最低价，店铺下单' })];
    expect(rulesOf(runDetection({ accounts: [shop], notes: dflt }, ctx), 'shop', 'misleading-marketing')).toEqual(['misleading-marketing/absolute-claim']);
    // a replacing pattern drops the default
    const only = makeCtx({ lexicons: { absoluteClaims: { pattern: '宇宙第一' } } });
    expect(rulesOf(runDetection({ accounts: [shop], notes: dflt }, only), 'shop', 'misleading-marketing')).toEqual([]);
  });
});
