/**
 * Paid briefs: an agency hands a brand's selling points to hired ordinary accounts,
 * who rewrite them in their own voice, swear it is self-paid, quote the final price
 * and point to the comments for the link. Also the properly placed partner notes.
 */
import type { Rng } from '../prng.ts';
import { toTraditional } from './traditional.ts';

export interface Brief {
  brand: string;
  product: string;
  points: string[];
  price: number;
}

const CATEGORIES: Array<{ product: string; points: string[] }> = [
  { product: '洗面奶', points: ['氨基酸配方很温和', '洗完不紧绷', '泡沫绵密', '敏感肌也能用', '清洁力够'] },
  { product: '防晒霜', points: ['不假白', '成膜很快', '不搓泥', '户外一天不晒黑', '清爽不油'] },
  { product: '空气炸锅', points: ['不用预热', '清洗方便', '容量大', '噪音小', '做鸡翅很香'] },
  { product: '洗发水', points: ['控油能撑两天', '头皮不痒了', '香味很高级', '洗完很蓬松'] },
  { product: '咖啡液', points: ['冷水秒溶', '不酸', '一杯才几块钱', '上班续命'] },
  { product: '猫粮', points: ['猫咪爱吃', '便便不臭', '毛色变亮', '配料表干净'] },
  { product: '蓝牙耳机', points: ['音质超出价位', '续航很久', '佩戴不疼', '降噪够用'] },
  { product: '面霜', points: ['保湿一整天', '上妆不卡粉', '修护屏障', '味道很淡'] },
  { product: '酸奶', points: ['零蔗糖', '很浓稠', '早餐搭配很方便', '孩子也爱喝'] },
  { product: '床垫', points: ['软硬适中', '腰不酸了', '没有异味', '回弹很好'] },
];

export function makeBrief(rng: Rng, brand: string): Brief {
  const c = rng.pick(CATEGORIES);
  return { brand, product: c.product, points: rng.sample(c.points, 3), price: rng.int(29, 699) };
}

const DISCLAIMERS = ['无广', '自费', '纯自费', '真实分享', '非广', '无任何广告', '自用分享', '不是广告！', '自己花钱买的', '良心推荐无广', '没收钱', '纯路人'];
const CTAS = ['链接放评论区了', '评论区自取', '想要的评论区见', '看评论区', '蹲链接的扣1', '评论区告诉你在哪买', '怎么买看置顶评论'];

export function undisclosedPromoNote(rng: Rng, brief: Brief, traditional: boolean): { title: string; body: string; tags: string[] } {
  const disc = rng.pick(DISCLAIMERS);
  const title = rng.pick([
    `${disc}｜${brief.brand}${brief.product}用后感`,
    `${brief.product}找到本命了（${disc}）`,
    `最近爱用的${brief.product}，${disc}`,
    `${brief.brand}这个${brief.product}我吹爆`,
    `回购无数次的${brief.product}`,
  ]);
  const pts = rng.shuffle(brief.points.slice()).map((p) => rng.pick(['', '真的', '最喜欢的是', '还有就是']) + p);
  const lines = [
    rng.pick(['先说结论：值得买', '用了两周来交作业', '被朋友安利的', '刷到好多人推荐就买了', '之前一直在找合适的']),
    ...pts,
    `${rng.pick(['到手价', '活动价', '券后', '算下来'])}${brief.price}${rng.pick(['', '元', '块', '，很划算'])}`,
    rng.pick([disc, `再说一遍${disc}`, `${disc}，放心`]),
    rng.pick(CTAS),
  ];
  let body = lines.join(rng.pick(['\n', '，', '。']));
  const tags = [brief.product, rng.pick(['好物分享', '真实测评', '平价好物', '回购清单'])];
  body += `\n#${tags.join(' #')}`;
  return traditional ? { title: toTraditional(title), body: toTraditional(body), tags } : { title, body, tags };
}

export function promoAuthorComment(rng: Rng, brief: Brief): string {
  return rng.pick([`评论区不让发链接，搜${brief.brand}${brief.product}就行`, `宝子们搜“${brief.brand}”就能找到`, '问的人太多了，统一回复：搜品牌名', `${brief.brand}官方店有活动`, '同款在这，自己搜一下']);
}

/** A note placed through the partner platform: properly marked cooperation. */
export function partnerNote(rng: Rng, brief: Brief, asBrand: boolean): { title: string; body: string; tags: string[] } {
  const title = asBrand
    ? rng.pick([`${brief.product}上新｜${brief.points[0]}`, `${brief.brand}${brief.product}，${brief.points[1]}`, `关于${brief.product}你想知道的`])
    : rng.pick([`${brief.brand}${brief.product}体验`, `和${brief.brand}合作的${brief.product}试用`, `${brief.product}真实体验（品牌合作）`]);
  const body = [
    asBrand ? rng.pick(['新品来啦', '这次升级了配方', '很多小伙伴问的来了']) : rng.pick(['感谢品牌方邀请体验', '这次是品牌合作', '收到了品牌寄来的']),
    ...brief.points,
    asBrand ? `官方店铺${rng.pick(['有首发活动', '可以领券', '已上架'])}` : rng.pick(['优缺点都说了，大家理性看', '个人体验仅供参考', '有一点不足是价格偏高']),
  ].join('\n');
  return { title, body, tags: [brief.product, asBrand ? '新品' : '品牌合作'] };
}
