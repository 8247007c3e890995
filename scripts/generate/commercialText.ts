/**
 * Commercial and brand text. The same selling language appears in legitimate partner-platform
 * cooperations and in undisclosed promotions: what makes the latter a violation is how it was placed
 * (sponsoredVia) and who posts it, not the words. Also brand accounts' non-commercial content.
 */
import type { BrandInfo } from './cohort.ts';
import { EMOJI } from './corpus.ts';
import { fill, inScript, pickIn, type Lang, type Slots } from './localize.ts';
import type { Rng } from './random.ts';
import { personalDetail, varySentence, type NoteText } from './organicText.ts';

const PROMO_TITLES = [
  '{b}{x}上新｜限时{m}折{e}',
  '挖到宝了！{b}的{x}真的好用',
  '{b}{x}实测，这个价格太香了',
  '年末囤货清单｜{b}{x}',
  '{x}回购第{n}次了{e}',
  '被问爆的{x}，是{b}家的',
  '{b}新品{x}抢先体验',
  '这个{x}我愿称之为年度爱用',
  '{b}双12活动来了{e}',
  '终于等到{b}{x}降价',
];
const PROMO_SENTENCES = [
  '最近入手了{b}的{x}，用了{n}周来交作业。',
  '下单时输入优惠码{code}立减{a}元。',
  '券后到手价只要{p}，比平时便宜不少。',
  '现在拍下还送小样，数量有限。',
  '直播间今晚8点开抢，满{a0}减{m0}。',
  '点击下方商品卡就能直接购买。',
  '官方旗舰店同款，正品有保障。',
  '活动截止到本月底，需要的抓紧。',
  '包邮到家，支持七天无理由。',
  '{x}的质地很舒服，味道也很好闻。',
  '用完感觉整个人状态都好了。',
  '专属福利：评论区晒单再抽{n}位送正装。',
  '新客首单再减{a}元，叠加优惠更划算。',
  '这次的联名款颜值太高了，一眼就心动。',
];
const PROMO_BUY_LINES = PROMO_SENTENCES.slice(1, 3);
const PROMO_TAGS = ['好物推荐', '种草', '好物分享', '年末囤货', '平价好物', '新品', '宝藏好物'];

/** How undisclosed fake-UGC frames itself as a personal share. */
const DISGUISE_LINES = [
  '纯分享，自用好几个月了。',
  '不是广子！自费买的。',
  '真心推荐，不吹不黑。',
  '姐妹们冲就完事了。',
  '本来没抱什么期待，结果真香。',
  '身边好几个朋友都被我安利了。',
  '素人分享，不喜勿喷。',
];

const BRAND_CONTENT_TITLES = ['{b}的品牌故事｜从一间小工作室开始', '关于{x}，我们想说清楚', '{b}冬季小课堂{e}', '幕后｜一件{x}是怎么做出来的', '{b}门店活动回顾', '感谢每一位用户的反馈'];
const BRAND_CONTENT_SENTENCES = [
  '{b}的团队最近去了原料产地走访。',
  '关于{x}的常见问题，这里统一回答一下。',
  '{x}建议放在阴凉干燥的地方保存。',
  '感谢大家对{b}这一年的陪伴。',
  '新的一年，{b}会继续认真做好每一件产品。',
  '有朋友问{x}适不适合敏感肌，建议先小范围试用。',
  '{c}的快闪店本周末开放，欢迎来玩。',
  '这次的包装设计来自一位年轻插画师。',
  '我们收到了很多关于{x}的建议，下一批会改进。',
  '后台留言太多了，回复不及时请见谅。',
  '很多朋友在后台留言问使用方法，统一整理一下。',
  '包装今年换成了可回收材料。',
  '每一批产品都会做留样检测。',
  '上周的线下活动来了很多老朋友，谢谢大家。',
  '使用前建议先看说明，不同肤质用量不同。',
  '欢迎大家继续提建议，我们都会认真看。',
  '{x}的配方调整了三次才定下来。',
];

const HONEST_MENTIONS = [
  '顺便说一下，我用的是{b}的{x}。',
  '{b}的{x}用完了，还没想好要不要回购。',
  '之前买的{b}{x}，用下来感觉一般般。',
  '朋友送的{b}{x}，还挺好用的。',
  '对比了一下，{b}的{x}更适合我。',
];

export function discountCode(rng: Rng): string {
  return rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', rng.int(2, 4)) + String(rng.int(10, 9999));
}

function promoSlots(rng: Rng, brand: BrandInfo): Slots {
  return (k) => {
    switch (k) {
      case 'b':
        return brand.name;
      case 'x':
        return rng.pick(brand.products);
      case 'm':
        return String(rng.int(5, 9));
      case 'n':
        return String(rng.int(2, 6));
      case 'e':
        return rng.chance(0.6) ? rng.pick(EMOJI) : '';
      case 'code':
        return discountCode(rng);
      case 'a':
        return String(rng.int(1, 10) * 10);
      case 'a0':
        return String(rng.int(2, 6) * 100);
      case 'm0':
        return String(rng.int(2, 8) * 10);
      case 'p':
        return `${rng.int(29, 499)}元`;
      case 'c':
        return rng.pick(['上海', '北京', '杭州', '成都', '深圳', '广州']);
    }
    return undefined;
  };
}

/** A commercial note for a brand: selling language, prices, codes, calls to buy. */
export function promotionNote(rng: Rng, brand: BrandInfo, lang: Lang, opts: { disguised?: boolean } = {}): NoteText {
  const slots = promoSlots(rng, brand);
  const title = fill(pickIn(rng, PROMO_TITLES, lang), slots).trim();
  const parts = rng.sample(inScript(PROMO_SENTENCES, lang), rng.int(3, 6)).map((s) => varySentence(rng, fill(s, slots), lang));
  if (rng.chance(0.5)) parts.splice(rng.int(0, parts.length), 0, personalDetail(rng, lang));
  if (opts.disguised) parts.splice(rng.int(0, 1), 0, pickIn(rng, DISGUISE_LINES, lang));
  if (!parts.some((p) => /优惠码|券后|立减|拍下|開搶|开抢|購買|购买|減|减/.test(p))) parts.push(fill(pickIn(rng, PROMO_BUY_LINES, lang), slots));
  const body = parts.join(rng.chance(0.5) ? '\n' : '') + (rng.chance(0.4) ? rng.pick(EMOJI) : '');
  const tags = [brand.name, ...rng.sample(inScript(PROMO_TAGS, lang), rng.int(1, 3))];
  return { title, body, tags };
}

/** A brand account's non-commercial content: stories, how-tos, event recaps. */
export function brandContentNote(rng: Rng, brand: BrandInfo, lang: Lang): NoteText {
  const slots = promoSlots(rng, brand);
  const title = fill(pickIn(rng, BRAND_CONTENT_TITLES, lang), slots).trim();
  const body = rng
    .sample(inScript(BRAND_CONTENT_SENTENCES, lang), rng.int(2, 5))
    .map((s) => varySentence(rng, fill(s, slots), lang))
    .join(rng.chance(0.5) ? '\n' : '');
  return { title, body, tags: [brand.name, brand.categoryName] };
}

/** A personal, non-commercial mention of a brand (no prices, codes or calls to buy). */
export function honestBrandMention(rng: Rng, brand: BrandInfo, lang: Lang): string {
  const x = rng.pick(brand.products);
  return fill(pickIn(rng, HONEST_MENTIONS, lang), { b: brand.name, x });
}
