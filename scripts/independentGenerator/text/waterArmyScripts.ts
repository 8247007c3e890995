/**
 * What a paid comment crew types: praise for one brand, testimonies, and the
 * two-person act where one asks where to buy and another answers "sent you the link".
 * A crew works from one script but each member varies the wording a little.
 */
import type { Rng } from '../prng.ts';
import { toTraditional } from './traditional.ts';

const PRAISE = ['我用过{brand}，真的太好用了', '现身说法，{brand}特别值得买', '回购第三次了，{brand}yyds', '姐妹说的没错，我也在用{brand}', '用了一个月真的有变化', '闭眼入，不踩雷', '{brand}性价比绝了', '效果真的绝，已经推荐给闺蜜了', '真心推荐，不是托', '我妈都说好用', '之前用别的都不行，换了{brand}就好了', '{brand}真的是宝藏', '用完再也回不去了', '终于有人说了，{brand}是真的好'];
const ASK = ['姐妹，我搜{brand}怎么没搜到啊', '这个在哪买呀求告诉', '多少钱呀', '有链接吗', '怎么买啊姐妹', '这家店叫什么名字', '求同款', '蹲一个购买方式', '能不能私我一下'];
const ANSWER = ['你怎么不早说，链接私你了', '私你了宝', '看我主页', '我也是在{brand}官方买的', '已私', '去她主页看看', '搜{brand}就有，认准官方', '私信你了，查收一下', '我发你了'];
const CLINIC_ASK = ['在哪家做的呀', '多少钱做的', '疼吗，恢复期多久', '求医院名字', '想知道是哪个医生', '我也想做，怎么联系'];
const CLINIC_ANSWER = ['私你了', '看我主页有', '去我首页看一下', '我也是那家做的，效果很好', '私信发你了', '我朋友也在那做的'];
const HIJACK = ['楼主这个不如{brand}，我用过对比很明显', '推荐试试{brand}，我用了之后再也不换了', '别买这个了，{brand}才是yyds', '有人用过{brand}吗，我觉得比这个好'];

const SUFFIX = ['', '', '！', '！！', '～', '啊', '哈哈', '👍', '❤️', '💯', '🔥', '✨'];
const PREFIX = ['', '', '', '真的', '啊啊啊', '救命', '姐妹们', '说真的', '哇', '+1 '];

function vary(rng: Rng, base: string, brand: string, traditional: boolean): string {
  let t = base.replace(/\{brand\}/g, brand);
  t = rng.pick(PREFIX) + t + rng.pick(SUFFIX);
  if (rng.chance(0.15)) t = t.replace('真的', '真滴').replace('太', '超');
  return traditional ? toTraditional(t) : t;
}

export const crewPraise = (rng: Rng, brand: string, trad = false) => vary(rng, rng.pick(PRAISE), brand, trad);
export const crewAsk = (rng: Rng, brand: string, trad = false) => vary(rng, rng.pick(ASK), brand, trad);
export const crewAnswer = (rng: Rng, brand: string, trad = false) => vary(rng, rng.pick(ANSWER), brand, trad);
export const clinicAsk = (rng: Rng, trad = false) => vary(rng, rng.pick(CLINIC_ASK), '', trad);
export const clinicAnswer = (rng: Rng, trad = false) => vary(rng, rng.pick(CLINIC_ANSWER), '', trad);
export const crewHijack = (rng: Rng, brand: string, trad = false) => vary(rng, rng.pick(HIJACK), brand, trad);

/** A "seed" note the crew then praises: posed as an ordinary user's discovery. */
export function seededDiscovery(rng: Rng, brand: string, product: string): { title: string; body: string } {
  return {
    title: rng.pick([`挖到宝了！${brand}的${product}`, `${product}终于找到本命了`, `被问爆的${product}`, `${brand}${product}真实测评`]),
    body: `${rng.pick(['用了快一个月', '朋友送的', '偶然刷到的'])}，${rng.pick(['真的惊艳', '比想象中好太多', '完全超出预期'])}。${rng.pick(['质地', '味道', '效果', '包装'])}${rng.pick(['都很在线', '很加分', '没得挑'])}，${rng.pick(['姐妹们冲', '强烈推荐', '已经囤了三瓶'])}`,
  };
}
