/**
 * Off-platform contacts and the many ways operators disguise them to slip past
 * keyword filters: homophones for 微信/QQ, spaced, full-width, Chinese-numeral,
 * circled or emoji digits, emoji separators, pinyin, Traditional characters, and
 * the two-hop "see my profile" where the contact sits in the bio.
 */
import type { Rng } from '../prng.ts';
import { toTraditional } from './traditional.ts';

export type ContactKind = 'wechat' | 'qq' | 'phone' | 'link';

export interface Contact {
  kind: ContactKind;
  value: string;
}

const WX_STEMS = ['lily', 'xiaomei', 'tina', 'yoyo', 'meimei', 'anna', 'kk', 'jiejie', 'mm', 'xx', 'beauty', 'shop', 'hh', 'vip', 'lucky'];

export function makeContact(rng: Rng, kind?: ContactKind): Contact {
  const k = kind ?? rng.pickWeighted<ContactKind>(['wechat', 'qq', 'phone', 'link'], [55, 18, 17, 10]);
  switch (k) {
    case 'wechat': {
      const stem = rng.pick(WX_STEMS);
      const sep = rng.pick(['', '_', '-', '']);
      return { kind: k, value: `${stem}${sep}${rng.digits(rng.int(3, 6), true)}` };
    }
    case 'qq':
      return { kind: k, value: rng.digits(rng.int(9, 10), true) };
    case 'phone':
      return { kind: k, value: `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(9)}` };
    case 'link':
      return { kind: k, value: rng.pick([`t.cn/A6${rng.hex(5)}`, `dwz.cn/${rng.hex(6)}`, `m.tb.cn/h.${rng.hex(7)}`, `url.cn/${rng.hex(6)}`, `${rng.hex(5)}.xyz/${rng.hex(4)}`]) };
  }
}

const WX_WORDS = ['微信', '薇信', '威信', '徽信', 'V信', 'v信', 'vx', 'VX', 'wx', 'WX', 'v', 'V', '绿泡泡', '🟢泡泡', '卫星', '🛰️', '维信', '薇', '威', '微❤', '薇❤', 'wei xin', 'weixin', 'ⓥ', '𝕍', '胃信', '魏'];
const QQ_WORDS = ['QQ', 'qq', '扣扣', '抠抠', '企鹅', '🐧', 'Q', '球球', '扣', 'q号', 'kou kou', 'ＱＱ'];
const PHONE_WORDS = ['电话', '手机', '☎️', '📞', '联系方式', 'tel', 'dian hua', '号码', '电'];
const VERBS = ['加', '➕', '+', '滴滴', '戳', '找', '联系', 'jia', '嘉', '家'];

const FULL = '０１２３４５６７８９';
const CN_LOWER = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_ALT = ['〇', '幺', '两', '三', '四', '五', '六', '拐', '八', '勾'];
const CN_UPPER = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CIRCLED = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];
const KEYCAP = ['0️⃣', '1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣', '6️⃣', '7️⃣', '8️⃣', '9️⃣'];
const SEP_EMOJI = ['🌸', '💗', '⭐', '🍓', '·', '✨', '🔸', '❤', '～', '_'];

type CharStyle = 'plain' | 'spaced' | 'full' | 'cnLower' | 'cnAlt' | 'cnUpper' | 'circled' | 'keycap' | 'emojiSep' | 'mixed' | 'dashed';

function renderDigit(rng: Rng, d: number, style: CharStyle): string {
  switch (style) {
    case 'full':
      return FULL[d];
    case 'cnLower':
      return CN_LOWER[d];
    case 'cnAlt':
      return CN_ALT[d];
    case 'cnUpper':
      return CN_UPPER[d];
    case 'circled':
      return CIRCLED[d];
    case 'keycap':
      return KEYCAP[d];
    case 'mixed': {
      const pool = [String(d), FULL[d], CN_LOWER[d], CIRCLED[d]];
      return rng.pick(pool);
    }
    default:
      return String(d);
  }
}

function renderChar(rng: Rng, ch: string, style: CharStyle): string {
  if (ch >= '0' && ch <= '9') return renderDigit(rng, ch.charCodeAt(0) - 48, style);
  if (style === 'full' && /[a-zA-Z]/.test(ch)) return String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
  if (style === 'mixed' && /[a-z]/.test(ch) && rng.chance(0.4)) return ch.toUpperCase();
  return ch;
}

export function disguiseValue(rng: Rng, value: string, style?: CharStyle): string {
  const s = style ?? rng.pickWeighted<CharStyle>(['plain', 'spaced', 'full', 'cnLower', 'cnAlt', 'cnUpper', 'circled', 'keycap', 'emojiSep', 'mixed', 'dashed'], [10, 14, 10, 8, 6, 4, 6, 4, 12, 14, 8]);
  const chars = [...value].map((c) => renderChar(rng, c, s));
  switch (s) {
    case 'spaced':
      return chars.join(' ');
    case 'emojiSep': {
      const sep = rng.pick(SEP_EMOJI);
      const size = rng.int(2, 4);
      const groups: string[] = [];
      for (let i = 0; i < chars.length; i += size) groups.push(chars.slice(i, i + size).join(''));
      return groups.join(sep);
    }
    case 'dashed': {
      const groups: string[] = [];
      for (let i = 0; i < chars.length; i += 3) groups.push(chars.slice(i, i + 3).join(''));
      return groups.join(rng.pick(['-', '.', ' - ', '/']));
    }
    default:
      return chars.join('');
  }
}

function keyword(rng: Rng, kind: ContactKind): string {
  if (kind === 'wechat') return rng.pick(WX_WORDS);
  if (kind === 'qq') return rng.pick(QQ_WORDS);
  if (kind === 'phone') return rng.pick(PHONE_WORDS);
  return rng.pick(['链接', '🔗', '网址', '戳这里', '👉', '入口']);
}

const FRAMES = [
  '{verb}{kw}：{v}',
  '有需要的{verb}{kw} {v}',
  '{kw} {v} 备注小红书',
  '详情{verb}{kw}{v}',
  '{v}（{kw}）',
  '感兴趣可以{verb}我{kw}，{v}',
  '资料我放{kw}了：{v}',
  '这里不方便说，{kw}{v}聊',
  '💬{kw}：{v}',
  '{kw}➡️{v}',
  '{verb}{kw}{v}，秒回',
  '想了解的宝子{verb}{kw}: {v}',
  '{v} 这个是{kw}哈',
  'v我 {v}',
  '➕薇 {v}',
  '私我或者{verb}{kw} {v}',
];

export interface RenderOptions {
  traditional?: boolean;
}

/** A sentence that hands out the contact in disguise. */
export function contactLine(rng: Rng, contact: Contact, opts: RenderOptions = {}): string {
  const v = disguiseValue(rng, contact.value);
  let line = FRAMES[rng.int(0, FRAMES.length - 1)]
    .replace('{verb}', rng.pick(VERBS))
    .replace('{kw}', keyword(rng, contact.kind))
    .replace('{v}', v);
  if (contact.kind === 'link' && rng.chance(0.5)) line = `${rng.pick(['戳', '点', '复制'])}${v}${rng.pick(['领取', '了解', '进群', ''])}`;
  return opts.traditional ? toTraditional(line) : line;
}

/** A bio that carries the contact, possibly with business blurb around it. */
export function contactBio(rng: Rng, contact: Contact, blurb: string, opts: RenderOptions = {}): string {
  const parts = [blurb, contactLine(rng, contact, opts)];
  if (rng.chance(0.3)) parts.push(rng.pick(['不回私信', '看到必回', '24h在线', '非诚勿扰', '当天发货']));
  return parts.join(rng.pick(['\n', ' | ', ' ', '｜']));
}

/** "The contact is elsewhere": points readers at the bio, avatar or a private message. */
export function pointerLine(rng: Rng, traditional = false): string {
  const line = rng.pick([
    '看主页',
    '主页有联系方式',
    '看我简介',
    '头像有',
    '私你了',
    '已私',
    '戳我头像',
    '滴滴我',
    '私信我发你',
    '主页置顶有',
    'dd我',
    '评论太多回不过来，看首页',
    '找我拿资料',
    '扣1我私你',
  ]);
  return traditional ? toTraditional(line) : line;
}
