/**
 * Low-cost bulk content: tarot readings, game highlight clips, variety-show edits,
 * coupon tips, wallpapers and copywriting packs, posted as near-copies of one base
 * text with small edits (numbers, emoji, synonyms, dropped or reordered lines).
 */
import type { Rng } from '../prng.ts';

const SIGNS = ['白羊', '金牛', '双子', '巨蟹', '狮子', '处女', '天秤', '天蝎', '射手', '摩羯', '水瓶', '双鱼'];
const GAMES = ['王者荣耀', '原神', '和平精英', '金铲铲', '蛋仔派对', '第五人格', '英雄联盟'];
const SHOWS = ['乘风破浪', '向往的生活', '奔跑吧', '脱口秀大会', '歌手', '极限挑战', '中餐厅'];
const APPS = ['外卖', '打车', '超市', '奶茶', '电影票', '话费'];
const STYLES = ['ins风', '治愈系', '简约', '动漫', '风景', '莫兰迪', '文字'];
const MOODS = ['温柔', '治愈', 'emo', '励志', '高级感', '短句'];

export interface BulkBase {
  genre: string;
  titleTpl: string;
  lines: string[];
  tags: string[];
}

export function bulkBase(rng: Rng): BulkBase {
  const g = rng.int(0, 5);
  switch (g) {
    case 0: {
      const card = rng.pick(['星星', '太阳', '月亮', '恋人', '力量', '命运之轮', '节制']);
      return { genre: 'tarot', titleTpl: '{sign}座本周运势｜塔罗指引{n}', lines: [`今日抽到${card}牌正位`, '感情上会有新的转机', '工作中遇到的阻碍很快消失', '财运方面注意冲动消费', '幸运色：{color}', '评论区留下你的星座，下期帮你看'], tags: ['塔罗', '星座运势', '每日运势'] };
    }
    case 1: {
      const game = rng.pick(GAMES);
      return { genre: 'game-clip', titleTpl: `${game}高光时刻第{n}期`, lines: ['今天这波操作怎么样', '手速拉满', '队友都看呆了', '一打五名场面', '喜欢的点个关注，每天更新'], tags: [game, '游戏', '高光时刻'] };
    }
    case 2: {
      const show = rng.pick(SHOWS);
      return { genre: 'variety-edit', titleTpl: `${show}名场面合集（{n}）`, lines: ['笑到停不下来', '这段真的看多少遍都不腻', '嘉宾反应太真实了', '关注我看更多名场面', '剪辑不易求个赞'], tags: [show, '综艺', '名场面'] };
    }
    case 3: {
      const app = rng.pick(APPS);
      return { genre: 'coupon', titleTpl: `${app}红包今天还能领！亲测第{n}天有效`, lines: [`${app}隐藏优惠券入口`, '满30减15，叠加会员更便宜', '每天10点准时刷新', '亲测有效，手慢无', '收藏起来每天领'], tags: [app, '省钱攻略', '优惠券'] };
    }
    case 4: {
      const style = rng.pick(STYLES);
      return { genre: 'wallpaper', titleTpl: `高清壁纸｜${style}系列第{n}弹`, lines: ['原图无水印', '喜欢的自取', '换上心情都变好了', '关注我每天更新壁纸', '点赞收藏不迷路'], tags: ['壁纸', `${style}壁纸`, '手机壁纸'] };
    }
    default: {
      const mood = rng.pick(MOODS);
      return { genre: 'copywriting', titleTpl: `朋友圈文案｜${mood}文案第{n}辑`, lines: ['愿你被这个世界温柔以待', '慢慢来，一切都来得及', '今天也是元气满满的一天', '生活明朗，万物可爱', '复制即用，不谢'], tags: ['文案', `${mood}文案`, '朋友圈文案'] };
    }
  }
}

const SYNONYMS: Array<[string, string]> = [['很快', '马上'], ['喜欢', '爱'], ['每天', '天天'], ['真的', '确实'], ['有效', '好用'], ['更新', '上新'], ['关注', '关注一下'], ['看', '瞧']];
const EMO = ['✨', '🔥', '💕', '🌟', '👇', '📌', '🎁', ''];

/** One near-copy of the base: same skeleton, small edits. */
export function nearCopy(rng: Rng, base: BulkBase, n: number): { title: string; body: string; tags: string[] } {
  const title = base.titleTpl.replace('{sign}', rng.pick(SIGNS)).replace('{n}', String(n)) + rng.pick(EMO);
  let lines = base.lines.map((l) => l.replace('{color}', rng.pick(['红色', '蓝色', '白色', '金色', '绿色'])));
  if (rng.chance(0.4)) lines.splice(rng.int(0, lines.length - 1), 1);
  if (rng.chance(0.3)) {
    const i = rng.int(0, lines.length - 2);
    [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
  }
  lines = lines.map((l) => {
    if (!rng.chance(0.25)) return l;
    const [a, b] = rng.pick(SYNONYMS);
    return l.replace(a, b);
  });
  const body = lines.map((l) => l + (rng.chance(0.3) ? rng.pick(EMO) : '')).join(rng.chance(0.8) ? '\n' : '，') + `\n#${base.tags.join(' #')}`;
  return { title, body, tags: base.tags.slice() };
}
