import { compactLetters } from './normalizeText.ts';

/**
 * Phrase patterns for the marketing-related codes (engagement-bait, undisclosed-promotion,
 * misleading-marketing, account-transformation). All run on `normalizeText` output
 * (simplified, lower case, full-width folded), so Traditional and full-width variants match.
 */

/** Mutual-follow / mutual-like schemes. */
export const MUTUAL_FOLLOW =
  /互关|互粉|互赞|互评|互fo|回关|有关必回|必回关|关注.{0,3}必回|关我必回|求互|来互|秒回关|互相关注|涨粉互助|一起涨粉|乎关|(?<![a-z0-9])(?:hgbh|f4f|l4l|fb必回)(?![a-z0-9])|follow\s*(?:4|for)\s*follow|follow\s*back/;

/**
 * Self-promotion under someone else's content: "check out my channel", "subscribe to me", "please subscribe",
 * "sub4sub", "if I get 100 subscribers…", "关注我", "来我主页". Chosen on the YouTube Spam Collection's Psy and
 * Katy Perry comments (precision 1.00, recall 0.43 alone) and checked on LMFAO's (precision 1.00, recall 0.70).
 */
export const SELF_PROMOTION = new RegExp(
  [
    String.raw`\b(?:check|come|go|take a look at|look at|visit|watch|see)\s+(?:out\s+)?(?:my|our|this)\s+(?:(?:new|newest|first|youtube|yt|own|acoustic|cover|gaming|music)\s+){0,2}(?:channel|chanel|chhanel|videos?|vids?|clip|page|music|songs?|sound|track|remix|covers?|parody|vlogs?|blog|website|site|stream|account|profile|playlist|rap|mixtape)`,
    String.raw`\bcheck\s+(?:me|us)\b`,
    String.raw`\b(?:sub|subscribe|suscribe|sucscribe|subcribe|subscibe)\s+(?:to\s+)?(?:me|my|us|our)\b`,
    String.raw`\b(?:please|plz|pls)\s+subscribe\b|\bsubscribe\s+(?:please|plz|pls|back|like\s+comment)\b|\bsubscribe\s+(?:and|&)\s+like\b|\blike\s+(?:and|&)\s+subscribe\b`,
    String.raw`\bsub\s*(?:4|for)\s*sub\b|\b(?:follow|like)\s*4\s*(?:follow|like)\b|\bfollow\s+me\b`,
    String.raw`\bmy\s+(?:new\s+|first\s+)?(?:youtube\s+|yt\s+)?channel\b|\bnew\s+youtuber\b|\bsmall\s+youtuber\b|\bnew\s+to\s+youtube\b`,
    String.raw`\bi\s+(?:just\s+)?(?:made|started|have|opened)\s+(?:a\s+|my\s+)?(?:new\s+|first\s+)?(?:youtube\s+|yt\s+|gaming\s+)?channel\b`,
    String.raw`\b(?:if\s+i\s+(?:get|reach|hit)|help\s+me\s+(?:get|reach|hit))\s+[\d,]+\s+subs(?:cribers)?\b|\b(?:have|with)\s+(?:over\s+)?[\d,]+\s+subscribers\b`,
    '关注我|求关注|求粉|来我主页|看看我的(?:主页|视频|笔记)|我主页(?:有|看)',
  ].join('|'),
  'i',
);

/** Manipulative hooks. */
export const BAIT_HOOK =
  /双击(?:有|送|领)?惊喜|双击.{0,4}(?:好运|暴富|惊喜|加倍)|双击(?:屏幕|一下|6{1,3}(?!\d))|连点两下|点赞(?:有|送|领)(?:惊喜|好运|福利)|点赞.{0,4}(?:暴富|好运|上岸|接好运|惊喜)|点赞过(?:百|千|万|\d+)|不点赞.{0,4}(?:错过|后悔)|扣\s*1\s*(?:接|领|送|抽)|评论区?扣\s*1|(?:评论|点赞|转发|收藏|扣1|留言).{0,3}接好[运孕]|转发.{0,4}(?:好运|锦鲤|暴富)|不转不是|看到最后(?:有惊喜|有彩蛋)|留下.{0,3}(?:好运|暴富)|关注.{0,3}(?:送|领|抽)|评论.{0,4}抽(?:奖|一个|三个)|like\s*(?:for|4)\s*(?:a\s*)?surprise|double[-\s]*tap\s*(?:for|to)/;

/**
 * The letters-only form the hooks are matched on as well: spacing, dashes, dots and emoji
 * wedged between characters ("点-赞-过-千", "双🖐击") are gone, and the pinyin spellings used
 * to dodge keyword filters ("shuang击", "互guan", "hu关") are folded back to characters.
 */
export function hookForm(normalized: string): string {
  return compactLetters(normalized).replace(PINYIN_DODGE, (w) => PINYIN_TO[w] ?? w);
}
const PINYIN_TO: Record<string, string> = { shuang: '双', ji: '击', guan: '关', hu: '互', zan: '赞', dian: '点' };
const PINYIN_DODGE = /shuang|guan|(?<=双)ji|hu(?=关|guan)|(?<=点)zan|dian(?=赞|zan)/g;

/** Sensational or bizarre title hooks. */
export const SENSATIONAL =
  /震惊|惊呆|吓死|细思极恐|99%的人|90%的人|千万不要|千万别|看完(?:我)?沉默|太可怕|后悔没早|竟然是|居然是|真相(?:竟|曝光|来了)|内幕|速看|赶紧看|马上删|不敢相信|疯传|炸裂|太离谱|出大事|突发|太诡异|我哭死|不看后悔|!!!|\?\?\?|you won't believe|shocking/;

/** Declared paid or gifted cooperation. */
export const PAID_COOPERATION =
  /恰饭|商单|广告|推广|合作款|品牌方|品牌合作|金主|甲方|感谢.{0,8}(?:寄|送|赞助|邀请)|(?:寄|送)来的(?:新品|试用)|赞助|置换|试用装由|#ad\b|(?:^|\s)ad(?:\s|$)|sponsored|gifted|paid partnership|(?:^|\s)pr(?:\s|$)/;

/**
 * Disclaimers that pose a promotion as a consumer's own experience: not an ad (非广, 无任何广告), paid myself (自费,
 * 自己花钱买), no affiliation (纯路人, 素人), just sharing.
 */
export const DISCLAIMER =
  /不是广告|并非广告|非广告|非广|无广|无任何广告|没有广告|没收钱|自费|自己花钱|纯路人|纯分享|自用分享|素人分享|真实分享|真实测评|not an ad|not sponsored|no ads?(?:\s|$)|paid for it myself|bought it myself/;

/** Sales cues: links, coupons, shops, purchase instructions (a price alone is not one: reviews quote prices). */
export const SALES =
  /链接|下单|购买(?:链接|渠道|方式)|立即购买|优惠码|优惠券|领券|折扣码|到手价|包邮|团购|拼单|店铺|旗舰店|限时|秒杀|福利价|代购|私我|咨询|预约|报名|加盟|招商|现货|橱窗|商品卡|点击购买|拍下|库存有限/;

/** Sending readers to the comment section for the purchase link: an ordinary reviewer has no link to hand out. */
export const COMMENT_REDIRECT = /评论区(?:自取|见|有|拿|领|置顶|放了|戳|告诉你)|(?:看|去|翻)评论区|(?:链接|链)(?:在|放|见|已放)?评论区?|评论区(?:的)?链接|置顶评论|蹲链接|要链接的?(?:扣|评论)/;

/** The price a note quotes ("到手价203", "券后 203 块", "粉丝价203", "¥203"): the number, as written, or undefined. */
export function quotedPrice(t: string): string | undefined {
  const m = /(?:到手价?|券后|活动价|粉丝价|福利价|秒杀价|团购价|特价|现价|售价|算下来|入手价?)\s*[:：]?\s*[¥￥$]?\s*(\d+(?:\.\d+)?)|[¥￥$]\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:元|块)(?![a-z])/.exec(
    t,
  );
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Prices. */
export const PRICE = /[¥$]\s*\d|\d+\s*(?:元|块)(?![a-z])|原价|现价/;

/** Absolute claims forbidden in advertising (广告法 §9). */
export const ABSOLUTE_CLAIM =
  /最好的|最好用|效果最好|最好吃|最佳|最强|最低价|最便宜|最优|最高级|最先进|第一品牌|全网第一|销量第一|排名第一|行业第一|全国第一|世界第一|no\.?\s*1(?![0-9])|top\s*1(?![0-9])|国家级|世界级|顶级|极品|独一无二|绝无仅有|史上最|万能|100%|百分百|百分之百|绝对(?:有效|安全|正品)|唯一|首选|零风险|全网最低|永久有效/;

const QUESTION_AFTER = /^\s*(?:吗|么|嘛|\?|？)/;
const NEGATION_BEFORE = /(?:不是|并不|并非|不能|不会|不可能|没有|没那么|不|非|别信|谁说|哪有)\s*$/;

/**
 * The first match of `re` that the text asserts: "益生菌不是万能的" or "不能根治" deny the claim (a professional
 * warning readers) and "湿疹能根治吗" asks it, so a match right after a negation or right before a question mark is skipped. `re` must not be global.
 */
export function assertedMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (!NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index)) && !QUESTION_AFTER.test(after)) return m;
    if (m[0].length === 0) g.lastIndex += 1;
  }
  return undefined;
}

/** Cure and efficacy claims. */
export const MEDICAL_CLAIM =
  /根治|(?:彻底|完全|可以|能|保证|包)治愈|治愈率|治愈了?.{0,4}(?:病|痘|斑|炎|疹|癌|脱发)|药到病除|永不(?:反弹|复发)|无副作用|一次见效|立竿见影|包治|祖传秘方|特效药|彻底(?:根除|告别|治好)|(?:三|3|七|7)天(?:见效|治好)/;

/** Dramatic before/after experiences (fabricated in bulk by seeding operations). */
export const EXPERIENCE_CLAIM =
  /(?:\d+|[一二三四五六七八九十两]+)\s*(?:天|周|个月|星期)\s*(?:就|竟然|居然)?\s*(?:瘦了?|掉了?|白了|长高了?|减了?|涨了?)\s*(?:\d+|[一二三四五六七八九十两]+)\s*(?:斤|kg|公斤|cm|个?度|个色号)|(?:用|喝|吃|涂|敷|坚持)(?:了|完).{0,12}(?:全没了|消失了|不见了|就好了|彻底好了|完全好了)|完全消失|彻底(?:好了|消失)|终于没了|月入\s*\d+|躺赚|日赚\s*\d+|轻松赚/;

/**
 * Before/after pictures: a fabricated-experience cue only about a body or a product's effect
 * (BEFORE_AFTER_EFFECT in the same note). A room makeover's "改造前后对比" is honest home content.
 */
export const BEFORE_AFTER_PICTURE = /前后对比|对比图|前后差别|前后差距/;
export const BEFORE_AFTER_EFFECT =
  /(?:用|喝|吃|涂|敷|坚持|打卡)了?\s*(?:\d+|[一二三四五六七八九十两]+)\s*(?:天|周|个月|星期)|(?:\d+|[一二三四五六七八九十两]+)\s*(?:天|周|个月|星期)\s*前后|痘|斑|皱纹|毛孔|肤色|肤质|脱发|发量|体重|瘦|斤|腰围|黑眼圈|湿疹|鼻炎|失眠|颈椎/;

/**
 * Titles that borrow an authority to sell: state media, regulators, "official" notices, doctors, the national
 * team. Advertising may not use state organs' or professionals' names as endorsement (广告法 §9, §16), so one
 * such title over a selling body is already misleading.
 */
export const TITLE_AUTHORITY = /官方(?:通知|认证|发布|推荐)|官方[:：]|紧急通知|央视|cctv|新闻联播|药监局|卫健委|国家队同款|国家(?:认证|推荐)|(?:医生|专家|院士|学霸|明星)(?:都在用|私藏|推荐的|力荐)/;

/**
 * Bait titles: something free, a collapse-sale, or manufactured popularity ("全网都在抢", "上海人都在做的").
 * Misleading over a paid body, but shops do run real sales and giveaways, so they count only in repetition.
 */
export const TITLE_BAIT = /免费送|免费领|(?<![\d.])0元|零元|白送|白嫖|不要钱|最后一天|清仓|亏本|倒闭|跳楼价|(?:全网|全城|全国|[\p{Script=Han}]{2,3}人|女生|姐妹们?)都在(?:做|用|抢|买|囤|喝|吃|打卡)/u;

/** Hard-sell cues (coupon codes, final prices, flash sales, product cards): the language of an ad, not of a review. */
export const HARD_SELL =
  /优惠码|折扣码|券后|到手价|立减|满\d+减\d+|直播间.{0,6}开抢|限时\d*折|商品卡|点击.{0,4}购买|拍下|数量有限|库存有限|首单.{0,3}减|晒单(?:返现|有礼|.{0,4}抽)|旗舰店同款|包邮到家|七天无理由|活动截止|抓紧|秒杀|link in bio|use code/g;

/** Distinct hard-sell cues in a normalised text (numbers ignored, so "满300减30" and "满500减50" are one cue). */
export function hardSellCues(t: string): string[] {
  return [...new Set((t.match(HARD_SELL) ?? []).map((x) => x.replace(/\d+/g, '')))];
}

/**
 * An offer to buy: a money-back guarantee of efficacy ("无效全额退款", which the Advertising Law forbids in health
 * and medical advertising), scarcity pressure ("手慢无", "库存不多") or a was-now price ("原价589现在只要66"). Any
 * of them makes a note that carries claims an advertisement, whoever posts it: a review does not sell.
 */
export const PURCHASE_OFFER = /无效(?:全额)?退款|无效包退|不满意(?:全额)?退款|手慢无|库存不多|仅剩\d+(?:件|份|盒|瓶)|原价.{0,8}(?:现在|现价|今天)(?:只要|仅需?|只需)/;
