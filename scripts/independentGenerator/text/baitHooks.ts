/**
 * Attention hooks: "double-tap for a surprise", like-thresholds, luck chains,
 * mutual-follow offers and sensational cliffhangers with nothing behind them.
 */
import type { Rng } from '../prng.ts';

const HOOK_TITLES = ['双击有惊喜‼️', '双击屏幕，好运连连', '点赞过百更新下一期', '看到这里的姐妹都会暴富', '扣1领取好运', '千万不要划走！！', '最后一张图吓到我了', '99%的人都不知道这个', '看完这篇我哭了三次', '不点赞的人会错过一个亿', '第三张有惊喜', '赞👍到一千我就公开', '谁懂啊家人们，太离谱了', '接好运｜今天刷到的人都会顺利', '震惊！原来一直做错了', '留言666抽一位送', '转给你在乎的人', '点个关注，下期揭晓答案', '我在出租屋地板下发现了…（结局离谱）', '隔壁每天凌晨三点敲门，真相是…', '男朋友手机里看到了这个…', '这张图里藏着一个人，你能找到吗', '别笑，下一个可能就是你'];
const HOOK_LINES = ['双击有惊喜', '点赞收藏，好运翻倍', '评论区扣“接”，接住这波好运', '不转不是真姐妹', '答案在下一期，先关注不迷路', '赞过一百立刻更新', '看到最后有福利', '留言必回', '互关互赞，必回！', '关注我，回关不取关', '评论区抽三个人送', '点赞的人下个月都会暴富', '你品，你细品', '下期更离谱，关注别走'];
const FILLER = ['今天就说这么多', '懂的都懂', '姐妹们冲', '信则有', '先别走', '真的很玄学', '不信你试试'];

export function baitNote(rng: Rng): { title: string; body: string } {
  const title = rng.pick(HOOK_TITLES);
  const n = rng.int(2, 4);
  const lines = rng.sample(HOOK_LINES, n);
  if (rng.chance(0.5)) lines.splice(1, 0, rng.pick(FILLER));
  return { title, body: lines.join(rng.pick(['\n', '！', '～', ' '])) + rng.pick(['', '🙏', '🍀🍀🍀', '👇👇', '‼️']) };
}

const FOLLOW_ASKS = ['互关吗', '已关，求回', '互粉互赞', '回关必回', '来互关呀宝', '关注了，回个关呗', '互助互赞，我先赞了', '新人求互关', '关注你了，回关一下', '互关互赞，秒回', '看到必回关', '宝子互关一下'];

export function followAsk(rng: Rng): string {
  let t = rng.pick(FOLLOW_ASKS);
  if (rng.chance(0.4)) t += rng.pick(['🙏', '💕', '～', '！', '🌹']);
  return t;
}
