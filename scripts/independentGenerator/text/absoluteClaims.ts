/**
 * Selling with claims the Advertising Law forbids: absolute terms (国家级, 最, 第一),
 * guaranteed cures and timed efficacy promises, fabricated testimonies and clickbait
 * titles, sometimes disguised with spaces, emoji or variant characters.
 */
import type { Rng } from '../prng.ts';
import { toTraditional } from './traditional.ts';

export interface Product {
  name: string;
  claims: readonly string[];
  testimony: readonly string[];
}

export const PRODUCTS: readonly Product[] = [
  { name: '纤体茶', claims: ['三天瘦十五斤不反弹', '3天瘦15斤不反弹', '一周掉秤八斤', '躺着也能瘦', '喝完小肚子平了'], testimony: ['我表姐喝了一个月瘦了二十斤', '产后三个月靠它回到了九十斤'] },
  { name: '祛痘膏', claims: ['七天祛痘不留印', '7天祛痘', '三天闭口全消', '痘痘再也不长', '一抹见效', '100%治愈痘痘肌'], testimony: ['满脸痘的我用了一周皮肤变光滑了', '我弟弟青春期的痘全好了'] },
  { name: '生发精华', claims: ['二十八天长出新发', '一瓶告别脱发', '白发变黑发', '秃顶也能长'], testimony: ['我老公发际线三个月回来了', '用完梳头不掉头发了'] },
  { name: '降糖茶', claims: ['喝一个月血糖恢复正常', '比药还管用', '糖尿病人的福音', '不用再打胰岛素'], testimony: ['我爸喝了两个月停药了', '邻居阿姨血糖稳稳的'] },
  { name: '美白精华', claims: ['一周白两个度', '二十一天换肤', '斑点全部淡化', '黑黄皮秒变冷白皮'], testimony: ['黄黑皮的我现在被问是不是打了针', '斑淡到几乎看不见了'] },
  { name: '增高片', claims: ['二十八天长高五厘米', '过了发育期也能长', '孩子个子蹭蹭涨'], testimony: ['我家孩子吃了一个暑假长了八厘米'] },
  { name: '鼻炎喷雾', claims: ['三个疗程根治鼻炎', '一喷就通永不复发', '十年老鼻炎断根'], testimony: ['折磨我十年的鼻炎好了'] },
  { name: '益生菌', claims: ['孩子吃了不生病', '调理所有肠胃问题', '吃了再也不便秘'], testimony: ['全家都在吃，一年没去过医院'] },
  { name: '护肝片', claims: ['熬夜党必备彻底修复肝脏', '喝酒不伤肝', '脂肪肝一个月消失'], testimony: ['体检报告脂肪肝没了'] },
  { name: '副业课', claims: ['零基础月入三万', '每天一小时躺赚', '保证回本'], testimony: ['学员宝妈第一个月就赚了两万'] },
  { name: '考研网课', claims: ['百分百上岸', '不过全额退款', '押题命中率第一'], testimony: ['去年跟我学的全部上岸'] },
  { name: '祛斑霜', claims: ['十天淡斑', '老年斑也能去', '一次见效'], testimony: ['我妈脸上的斑一盒就没了'] },
];

const ABSOLUTES = ['国家级', '全网最好', '行业第一', '顶级', '最佳', '史上最强', '万能', '百分百有效', '全网最低价', '唯一', '永久', '根治', '特效', '祖传秘方', '无任何副作用', '药到病除', '立竿见影', '零风险', '医院都在用', '专家认证', '销量第一', '最正宗', '100%治愈', '第一品牌'];

const ABSOLUTE_DISGUISES: Record<string, string[]> = {
  国家级: ['国家级', '囯家级', '国 家 级', 'national级'],
  全网最好: ['全网最好', '全网zui好', '全网最🉑', '全网最好用'],
  行业第一: ['行业第一', '行业No.1', '行业TOP1', '行业第①', '行业NO.1'],
  百分百有效: ['100%有效', '1 0 0 %有效', '💯有效', '百分之百有效', '100％有效'],
  根治: ['根治', 'gen治', '根 治', '断根'],
};

function absolute(rng: Rng): string {
  const a = rng.pick(ABSOLUTES);
  const d = ABSOLUTE_DISGUISES[a];
  return d && rng.chance(0.5) ? rng.pick(d) : a;
}

const TITLES = ['{abs}{product}，{claim}', '{claim}！{abs}配方', '后悔没早点知道的{product}', '{claim}，我是真的没想到', '医生不会告诉你的{product}秘密', '月薪三千也要买的{product}', '{product}｜{abs}，{claim}', '求求你们别再乱买了，{product}认准这个', '{claim}的秘密终于找到了'];
const SELL = ['到手价{price}，今天最后一天', '拍一发三，前{n}名送同款小样', '现在下单立减{cut}', '库存不多了，手慢无', '点主页店铺直接拍', '左下角同款直接下单', '原价{orig}现在只要{price}', '无效全额退款，放心买'];

export interface MisleadingNote {
  title: string;
  body: string;
  productName: string;
}

export function misleadingNote(rng: Rng, product: Product, opts: { traditional?: boolean; fabricated?: boolean } = {}): MisleadingNote {
  const claim = rng.pick(product.claims);
  const slots = (s: string) =>
    s
      .replace('{abs}', absolute(rng))
      .replace('{product}', product.name)
      .replace('{claim}', claim)
      .replace('{price}', String(rng.int(39, 399)))
      .replace('{orig}', String(rng.int(400, 1299)))
      .replace('{cut}', String(rng.int(20, 200)))
      .replace('{n}', String(rng.int(20, 200)));
  const title = slots(rng.pick(TITLES));
  const lines = [
    slots(rng.pick(['这款{product}是{abs}，{claim}', '{abs}的{product}，{claim}', '真的{claim}，{abs}', '{claim}，不是夸张'])),
    rng.chance(0.7) || opts.fabricated ? rng.pick(product.testimony) : slots('用过的都说{abs}'),
    slots(rng.pick(['{abs}，不用担心效果', '纯天然无添加，孕妇小孩都能用', '比医院的药还好用', '连专家都推荐'])),
    slots(rng.pick(SELL)),
  ];
  let body = rng.shuffle(lines.slice(0, 3)).concat(lines[3]).join(rng.pick(['\n', '！', '。', ' ']));
  if (rng.chance(0.3)) body = body.replace(/(\d)/g, (d) => (rng.chance(0.3) ? `${d} ` : d));
  let t = title;
  if (opts.traditional) {
    t = toTraditional(t);
    body = toTraditional(body);
  }
  return { title: t, body, productName: product.name };
}

/** Personal enthusiasm that uses the same words without selling anything. */
export function personalSuperlative(rng: Rng): { title: string; body: string } {
  const k = rng.int(0, 5);
  const place = rng.pick(['楼下那家', '学校后门的', '公司附近的', '外婆家门口的']);
  switch (k) {
    case 0:
      return { title: `我吃过最好吃的${rng.pick(['馄饨', '煎饼', '牛肉粉', '蛋糕'])}`, body: `${place}小店，真的是我心里的第一名，可惜老板说明年要搬走了` };
    case 1:
      return { title: `减脂第${rng.int(20, 200)}天，瘦了${rng.int(3, 16)}斤`, body: '没吃任何东西，就是少吃多动，每天走一万步，慢慢来，体重有反弹也正常，别着急' };
    case 2:
      return { title: '第一次跑完半马！', body: `最后三公里差点放弃，成绩${rng.int(1, 2)}小时${rng.int(5, 59)}分，对我来说是最好的成绩了` };
    case 3:
      return { title: '今年最好看的一场日落', body: '下班路上抬头看到的，站在天桥上看了十分钟，手机拍不出万分之一' };
    case 4:
      return { title: '痘痘终于好了（去了医院）', body: `皮肤科挂号看的，医生开了药，用了${rng.int(2, 4)}个月才慢慢好，不要信什么几天见效，有问题还是去医院` };
    default:
      return { title: '全宇宙最可爱的猫', body: '每天回家第一件事就是吸猫，这是我的第一只猫，也是最后一只（因为就养它一个）' };
  }
}
