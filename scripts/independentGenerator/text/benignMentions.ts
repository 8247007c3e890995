/**
 * Innocent text that shares surface features with contact-sharing: paying with
 * WeChat Pay, official 400 hotlines, mini-program ordering, links to the platform's
 * own notes, order numbers, sizes and prices, QQ Music, WeChat Reading.
 */
import type { Rng } from '../prng.ts';

export function benignMention(rng: Rng, ownNoteIds: readonly string[]): string {
  const k = rng.int(0, 13);
  switch (k) {
    case 0:
      return rng.pick(['用微信支付还能立减五块', '门店支持微信支付和支付宝', '结账的时候微信支付有活动', '微信支付满减券记得领，官方的']);
    case 1:
      return `官方客服电话400-${rng.digits(3, true)}-${rng.digits(4)}，打过去态度挺好的，给换了新的`;
    case 2:
      return rng.pick(['在官方小程序下单的，第二天就到了', '微信小程序搜店名就能点单，不用排队', '用他们家小程序预约的，挺方便', '小程序里可以直接约时间']);
    case 3:
      return `之前那篇在这里 https://www.xiaohongshu.com/explore/${rng.pick(ownNoteIds.length ? ownNoteIds : [rng.hex(24)])}`;
    case 4:
      return `上一篇攻略 xhslink.com/${rng.pick(['a', 'm', 'b'])}/${rng.hex(rng.int(6, 9))}`;
    case 5:
      return rng.pick(['这本是在微信读书上看完的', '今天微信步数两万三', '家族群里我妈转发的', '朋友圈看到的店，来打卡了']);
    case 6:
      return `订单号${rng.digits(18, true)}，物流三天没动了，有人遇到过吗`;
    case 7:
      return `身高${rng.int(155, 178)}，体重${rng.int(45, 70)}kg，穿${rng.pick(['S', 'M', 'L'])}码刚好`;
    case 8:
      return `到手¥${rng.int(99, 2999)}，比去年便宜了一点`;
    case 9:
      return rng.pick(['QQ音乐里搜这首歌就有', '翻QQ空间看到十年前的照片，笑死', 'QQ邮箱收到了录取通知']);
    case 10:
      return `12306抢到了${rng.int(1, 28)}号的票，${rng.pick(['G', 'D'])}${rng.int(10, 2999)}次`;
    case 11:
      return rng.pick(['加油！冲冲冲', 'vlog剪了一整天', '周末去看了v家的演唱会', 'vivo拍的，没修']);
    case 12:
      return `快递单号SF${rng.digits(13, true)}，顺丰还是快`;
    default:
      return rng.pick(['群里的姐妹推荐的', '私信问我的太多了，统一回复在这篇', '评论区回复不过来，我下一篇集中讲', '有问题可以评论区留言']);
  }
}
