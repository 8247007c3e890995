/**
 * The compact row the note-comments channel keeps per comment: who, when, a near-identical
 * fingerprint, and flags for "where to buy" questions, private-link answers and selling words.
 */
import type { Comment } from '../../detectorPorts.ts';
import { fnv1a32 } from '../../text/hash.ts';
import { compactText, normalizeText } from '../../text/normalizeText.ts';
import { epochSeconds } from '../common.ts';

const QUESTION =
  /怎么(?:没|搜不|找不)|搜不到|没搜到|找不到|在哪(?:里|儿)?(?:买|入|下单|搜)|哪里(?:买|有卖|入|可以买)|哪儿买|怎么买|求(?:个)?(?:链接|店名|牌子|分享|型号)|链接呢|有链接吗|蹲(?:个|一个)?链接|什么牌子|哪个牌子|啥牌子|什么型号|有同款吗|同款(?:在)?哪|同求|怎么入手|请问.{0,8}(?:哪(?:里|儿)?(?:买|有卖|入|搜)|买|链接|店)|(?:是|在)哪家|where\s*(?:to|can i)\s*buy|link\s*\?|link\s*pls|link\s*please/;
const ANSWER =
  /私你了|私信你了|私信发你|已私|发你了|我发你|(?:链接|连接)私你|看私信|私你|戳你了|dd我|滴滴我|戳我|看我?头像|置顶有|看我?主页|主页有|简介有|找我(?:拿|要)|你怎么不早(?:说|问)|我也是在.{0,8}买的|给你发了|某宝|淘宝搜|(?:搜|去).{0,10}旗舰店|旗舰店(?:就)?有|sent (?:you )?(?:the )?link|check (?:your )?dm|dm(?:'d|ed) you/;
/**
 * Comments that sell or amplify (the material of paid praise and forwarding rings), as opposed to
 * generic "好看": use/quality/effect testimonials, price praise, "私我优惠 / 有内部价" closers, forwarding.
 * "被种草" (I got tempted) and "绝了" are the audience's reactions, not selling.
 */
const PROMO =
  /好用|回购|质量|物流|效果|值得买|值得入|推荐|(?<!被)种草|安利|同款|yyds|入了|已入|下单|买了|用了.{0,4}(?:天|周|个?月)|(?:一直|都|也)在用|皮肤|肤质|真的有用|亲测|用就(?:爱上|喜欢)|现身说法|放心买|不踩雷|闭眼入|必入|性价比|良心|牌子|链接|私我|私信我|内部价|优惠|折扣|券|转发|分享到群|已分享|扩散|快来看|冲/;
const MENTION = /@\S/;

/** Characters that carry no template identity (particles, pronouns). */
const STOP = /[的了吗呢啊呀吧哦哈嘛我你他她它是在也都就和与啦喔噢嗯]/g;

/** Near-identical fingerprint: compact text without stop characters, as a sorted bag of characters. */
export function commentFingerprint(text: string): { h: number; len: number } {
  const compact = compactText(text).replace(STOP, '');
  return { h: sortedCharsHash(compact), len: compact.length };
}

let units = new Uint16Array(256);

/**
 * `fnv1a32([...new Set(s)].sort().join(''))`. Without a surrogate, each character is one code unit and string
 * order is code-unit order: the distinct units sorted as numbers and hashed as they come, with no set, array of
 * strings or joined string (the string way was 2 % of partition, issue 17). A text holding a surrogate goes the
 * string way.
 */
export function sortedCharsHash(s: string): number {
  const n = s.length;
  if (units.length < n) units = new Uint16Array(n * 2);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return fnv1a32([...new Set(s)].sort().join(''));
    units[i] = c;
  }
  const sorted = units.subarray(0, n).sort();
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    h ^= sorted[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A "where to buy / 求链接" question and nothing that answers one: what a ring's act is staged to draw from readers. */
export function isBuyQuestion(text: string): boolean {
  const t = normalizeText(text);
  return QUESTION.test(t) && !ANSWER.test(t);
}

export interface Row {
  a: string;
  c: string;
  t: number;
  h: number;
  l: number;
  q?: number;
  r?: number;
  /** 1: sells or amplifies (promo praise, forwarding, @mentions, Q&A). */
  k?: number;
  p?: string;
}

/** A comment as its channel row (keys kept short: a big sweep shuffles millions of them). */
export function commentRow(c: Comment): Record<string, unknown> {
  const { h, len } = commentFingerprint(c.text);
  const row: Record<string, unknown> = { a: c.accountId, c: c.commentId, t: epochSeconds(c.createdAt), h, l: len };
  const t = normalizeText(c.text);
  if (QUESTION.test(t)) row.q = 1;
  if (ANSWER.test(t)) row.r = 1;
  if (row.q || row.r || PROMO.test(t) || MENTION.test(t)) row.k = 1;
  if (c.replyToCommentId) row.p = c.replyToCommentId;
  return row;
}
