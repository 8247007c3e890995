/**
 * Nicknames and bios. People pick names freely (or never change the default one);
 * operators stamp out names from a template chosen per batch.
 */
import type { Rng } from '../prng.ts';
import { CITIES } from './everydayLife.ts';

const GIVEN = ['小满', '阿青', '橙子', '西西', '木木', '豆豆', '七七', '一一', '鱼鱼', '桃桃', '糖糖', '阿澈', '小雨', '晚晚', '栗子', '团子', '米粒', '小鹿', '阿远', '十一', '柚子', '苏苏', '念念', '安安', '小北', '阿杰', '大橘', '皮皮', '阿紫', '朵朵'];
const SURNAMES = ['林', '陈', '王', '李', '张', '刘', '周', '吴', '赵', '孙', '许', '何', '沈', '叶', '宋', '唐', '程', '顾'];
const LATIN = ['Lily', 'Momo', 'Coco', 'Yuki', 'Ariel', 'Vivian', 'Kiki', 'Nana', 'Echo', 'Leo', 'Sunny', 'Jojo', 'Mia', 'Ivy', 'Kevin', 'Zoe', 'Tina', 'Ray', 'Ella', 'Max'];
const THINGS = ['橘子', '香菜', '奶茶', '火锅', '猫', '月亮', '海盐', '芋泥', '西瓜', '咖啡', '星星', '雪糕', '柠檬', '薄荷', '番茄'];
const ANIMALS = ['猫', '狗子', '兔子', '熊', '鲸鱼', '企鹅', '刺猬', '考拉', '海獭', '小羊'];
const HUMAN_PATTERNS = [
  (r: Rng) => `爱吃${r.pick(THINGS)}的${r.pick(GIVEN)}`,
  (r: Rng) => `${r.pick(GIVEN)}今天也要开心`,
  (r: Rng) => `一只${r.pick(['快乐的', '困困的', '努力的', '不想上班的', ''])}${r.pick(ANIMALS)}`,
  (r: Rng) => `${r.pick(CITIES)}的${r.pick(GIVEN)}`,
  (r: Rng) => `${r.pick(GIVEN)}不吃${r.pick(THINGS)}`,
  (r: Rng) => `是${r.pick(GIVEN)}呀`,
  (r: Rng) => `${r.pick(GIVEN)}的日常`,
  (r: Rng) => `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
  (r: Rng) => `${r.pick(LATIN)}${r.pick(['', '_', '.', 'ovo', '在' + r.pick(CITIES), '🍊', '🌙', 'zz', '酱'])}`,
  (r: Rng) => `${r.pick(LATIN).toLowerCase()}${r.pick(['', '', '_'])}${r.chance(0.5) ? r.int(1, 2026) : ''}`,
  (r: Rng) => `${r.pick(THINGS)}${r.pick(['味的', '星人', '控', '不加冰', '少糖'])}${r.chance(0.3) ? r.pick(GIVEN) : ''}`,
  (r: Rng) => r.pick(['今天不加班', '周末去哪儿', '早睡早起', '努力搞钱中', '慢慢来', '人间清醒', '好好吃饭', '晒太阳的人', '明天再说', '追光的人']) + (r.chance(0.4) ? r.pick(GIVEN) : ''),
  (r: Rng) => `${r.pick(GIVEN)}${r.pick(['mama', '爸爸', '妈妈', '和猫'])}`,
];

/** A person's own nickname, or the never-changed default. */
export function humanNickname(rng: Rng): string {
  if (rng.chance(0.1)) return defaultNickname(rng);
  return rng.pick(HUMAN_PATTERNS)(rng);
}

export function defaultNickname(rng: Rng): string {
  return `小红薯${rng.hex(rng.pick([6, 7, 8]), true)}`;
}

export type NameTemplate = (rng: Rng, i: number) => string;

/** A batch template: one operator's naming habit, reused across all its accounts. */
export function batchNameTemplate(rng: Rng): { template: NameTemplate; kind: string } {
  const kind = rng.int(0, 5);
  switch (kind) {
    case 0: {
      const stem = rng.pick([...GIVEN, ...THINGS]) + rng.pick(['', '酱', '呀', '子']);
      return { kind: 'stem-digits', template: (r) => `${stem}${r.digits(r.pick([3, 4]), true)}` };
    }
    case 1:
      return { kind: 'default-name', template: (r) => defaultNickname(r) };
    case 2: {
      const adjs = rng.sample(['甜甜的', '温柔的', '快乐的', '安静的', '可爱的', '努力的', '元气', '软萌', '清新的'], 3);
      const nouns = rng.sample([...THINGS, ...ANIMALS], 4);
      return { kind: 'combinatorial', template: (r, i) => `${adjs[i % adjs.length]}${nouns[Math.floor(i / adjs.length) % nouns.length]}${r.int(1, 99)}` };
    }
    case 3: {
      const latin = rng.pick(LATIN).toLowerCase();
      return { kind: 'latin-digits', template: (r) => `${latin}${r.digits(3, true)}` };
    }
    case 4: {
      const emoji = rng.pick(['🌸', '🍓', '✨', '🌙', '🍑', '💫']);
      const stem = rng.pick(GIVEN);
      return { kind: 'emoji-stem', template: (r) => `${emoji}${stem}${r.pick(['', '', '丶', '_'])}${r.digits(2, true)}` };
    }
    default: {
      const prefix = rng.pick(['用户', 'user', '薯条', '小仙女', '宝藏女孩']);
      return { kind: 'prefix-serial', template: (r) => `${prefix}${r.digits(r.int(5, 8), true)}` };
    }
  }
}

const BIO_PIECES = ['记录生活', '分享日常', '喜欢拍照和吃', 'INFJ', 'ENFP', '96年', '00后', '打工人', '研究生在读', '一个普通上班族', '二胎妈妈', '猫奴', '健身新手', '爱旅行', '慢慢变好', '不定期更新', '吃喝玩乐', '热爱生活', '摄影爱好者', '读书笔记', '坐标'];

export function humanBio(rng: Rng, city: string): string | undefined {
  if (rng.chance(0.42)) return undefined;
  const k = rng.int(1, 3);
  const parts = rng.sample(BIO_PIECES, k).map((p) => (p === '坐标' ? `坐标${city}` : p));
  return parts.join(rng.pick([' | ', '｜', ' ', '\n', '·', ' / ']));
}

const BATCH_BIOS = ['分享美好生活~', '每天都要开心呀', '热爱生活，热爱分享', '喜欢我就关注我吧', '日常分享，欢迎关注', '一个爱分享的小可爱', '记录美好瞬间'];

export function batchBio(rng: Rng): string {
  return rng.pick(BATCH_BIOS);
}
