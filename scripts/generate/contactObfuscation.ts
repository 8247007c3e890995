/**
 * Off-platform contacts and the many ways diverters disguise them: full-width and look-alike characters,
 * zero-width and emoji separators, Chinese numerals (小写/大写), Traditional script, sound-alike names
 * for WeChat/QQ/phone (薇信, 威信, V信, vx, 卫星, 企鹅, 扣扣, 🐧…), links, shop passwords, "私我", "DM me".
 */
import { fill, pickIn, toTraditional, type Lang } from './localize.ts';
import type { Rng } from './random.ts';

export type ContactKind = 'wechat' | 'qq' | 'phone';
export interface Contact {
  kind: ContactKind;
  /** Canonical value: WeChat id, QQ number, or 11-digit mobile number. */
  value: string;
}

const WECHAT_NAMES = ['lily', 'coco', 'xiaoyu', 'mm', 'vip', 'zx', 'kefu', 'meimei', 'jiejie', 'tt', 'abc', 'xx', 'yan', 'shop', 'luna', 'an'];

export function makeContact(
  rng: Rng,
  kind: ContactKind = rng.choose<ContactKind>([
    ['wechat', 55],
    ['qq', 20],
    ['phone', 25],
  ]),
): Contact {
  if (kind === 'qq') return { kind, value: String(rng.int(1, 9)) + rng.chars('0123456789', rng.int(5, 9)) };
  if (kind === 'phone') return { kind, value: '1' + rng.pick(['3', '5', '7', '8', '9']) + rng.chars('0123456789', 9) };
  const style = rng.int(0, 3);
  const name = rng.pick(WECHAT_NAMES);
  const value =
    style === 0
      ? `${name}${rng.chars('0123456789', rng.int(3, 6))}`
      : style === 1
        ? `${name}_${rng.chars('abcdefghijkmnpqrstuvwxyz', rng.int(2, 4))}${rng.int(1, 99)}`
        : style === 2
          ? `${rng.chars('abcdefghijkmnpqrstuvwxyz', 1)}${rng.chars('0123456789', rng.int(6, 9))}`
          : `${name}-${rng.chars('0123456789', 4)}`;
  return { kind, value };
}

const FULLWIDTH_DIGITS = '０１２３４５６７８９';
const ZH_LOWER = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const ZH_UPPER = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const ZH_UPPER_HANT = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const CIRCLED = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];
const LOOKALIKE: Record<string, string[]> = { '0': ['O', 'o', 'Ο'], '1': ['l', 'I', '|'], '2': ['Z'], '5': ['S'], '6': ['b'], '8': ['B'], '9': ['g', 'q'] };
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const SEP_EMOJI = ['🌸', '✨', '⭐', '❤️', '🍓', '🌷', '💗', '🔸', '▪️', '🍀'];
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' };

export type DigitStyle = 'plain' | 'fullwidth' | 'zh' | 'zhUpper' | 'circled' | 'keycap' | 'zeroWidth' | 'emojiSep' | 'spaced' | 'lookalike' | 'mixed';
export const DIGIT_STYLES: DigitStyle[] = ['plain', 'fullwidth', 'zh', 'zhUpper', 'circled', 'keycap', 'zeroWidth', 'emojiSep', 'spaced', 'lookalike', 'mixed'];

function mapDigits(text: string, f: (d: number, ch: string) => string): string {
  let out = '';
  for (const ch of text) out += ch >= '0' && ch <= '9' ? f(ch.charCodeAt(0) - 48, ch) : ch;
  return out;
}

/** Insert a separator between characters at random gaps. */
function interleave(rng: Rng, text: string, sep: () => string, every: [number, number]): string {
  const chars = [...text];
  let out = '';
  let gap = rng.int(every[0], every[1]);
  for (let i = 0; i < chars.length; i++) {
    out += chars[i];
    if (i < chars.length - 1 && --gap === 0) {
      out += sep();
      gap = rng.int(every[0], every[1]);
    }
  }
  return out;
}

/** Disguises the digits in a string (letters untouched). */
export function obfuscateDigits(rng: Rng, text: string, style: DigitStyle, lang: Lang = 'hans'): string {
  switch (style) {
    case 'plain':
      return text;
    case 'fullwidth':
      return mapDigits(text, (d) => FULLWIDTH_DIGITS[d]);
    case 'zh':
      return mapDigits(text, (d) => (d === 0 && rng.chance(0.5) ? '零' : ZH_LOWER[d]));
    case 'zhUpper':
      return mapDigits(text, (d) => (lang === 'hant' ? ZH_UPPER_HANT : ZH_UPPER)[d]);
    case 'circled':
      return mapDigits(text, (d) => CIRCLED[d]);
    case 'keycap':
      return mapDigits(text, (_d, ch) => `${ch}\ufe0f\u20e3`);
    case 'zeroWidth':
      return interleave(rng, text, () => rng.pick(ZERO_WIDTH), [1, 2]);
    case 'emojiSep': {
      const e = rng.pick(SEP_EMOJI);
      return interleave(rng, text, () => (rng.chance(0.8) ? e : rng.pick(SEP_EMOJI)), [1, 4]);
    }
    case 'spaced':
      return interleave(rng, text, () => rng.pick([' ', '-', '.', '·', ' ']), [rng.int(1, 4), 4]);
    case 'lookalike':
      return mapDigits(text, (d, ch) => (LOOKALIKE[String(d)] && rng.chance(0.7) ? rng.pick(LOOKALIKE[String(d)]) : ch));
    case 'mixed':
      return mapDigits(text, (d, ch) => rng.pick([ch, FULLWIDTH_DIGITS[d], ZH_LOWER[d], ZH_UPPER[d], CIRCLED[d]]));
  }
}

/** Disguises the letters of a WeChat id. */
export function obfuscateLetters(rng: Rng, text: string): string {
  const how = rng.int(0, 3);
  if (how === 0) return text;
  if (how === 1) return [...text].map((ch) => (ch >= 'a' && ch <= 'z' ? String.fromCharCode(ch.charCodeAt(0) - 97 + 0xff41) : ch)).join('');
  if (how === 2) return [...text].map((ch) => (CYRILLIC[ch] && rng.chance(0.6) ? CYRILLIC[ch] : ch)).join('');
  return [...text].map((ch) => (rng.chance(0.4) ? ch.toUpperCase() : ch)).join('');
}

const WECHAT_ALIASES = ['微信', '薇信', '威信', 'V信', 'v信', 'vx', 'VX', 'wx', 'WX', '卫星', '绿泡泡', '💚泡泡', '微❤', '徽信', '溦信', '➕V', '+v', '薇❤', '🛰️', 'weixin', 'V', 'vv', '魏信', '维❤'];
const QQ_ALIASES = ['QQ', 'qq', '企鹅', '扣扣', '🐧', 'Q', '抠抠', '球球', 'q q', '口口', 'ＱＱ', '🐧号'];
const PHONE_ALIASES = ['电话', '手机', '☎️', '📞', 'tel', '联系电话', '手机号', '号码'];
const EN_ALIASES: Record<ContactKind, string[]> = { wechat: ['WeChat', 'wechat', 'WX', 'V'], qq: ['QQ', 'qq'], phone: ['phone', 'tel', 'call/text'] };

export function platformAlias(rng: Rng, kind: ContactKind, lang: Lang): string {
  if (lang === 'en') return rng.pick(EN_ALIASES[kind]);
  const alias = rng.pick(kind === 'wechat' ? WECHAT_ALIASES : kind === 'qq' ? QQ_ALIASES : PHONE_ALIASES);
  return lang === 'hant' ? toTraditional(alias) : alias;
}

const ID_TEMPLATES = [
  '{pf}：{id}',
  '{pf}:{id}',
  '加{pf} {id}',
  '➕{pf}{id}',
  '{pf} {id} 备注小红书',
  '有需要的滴滴，{pf}{id}',
  '想要资料的{pf}找我～{id}',
  '{id}（{pf}）',
  '{pf}号{id}',
  '戳{pf}：{id}',
  '宝子们{pf}见 {id}',
  '{pf}↓\n{id}',
  '详情咨询{pf}{id}',
  '{pf}同名 {id}',
];
const PHONE_TEMPLATES = ['{id}', '{pf}{id}', '{id} {wx}同号', '预约{pf}：{id}', '有意向的打{id}', '{pf}/{wx}：{id}', '咨询{id}（{wx}同号）'];
const EN_TEMPLATES = ['add me on {pf}: {id}', '{pf} ▸ {id}', 'DM me or add {pf} {id}', 'contact: {id} ({pf})'];

/** Renders the contact's value with digit and letter disguises. */
export function disguiseValue(rng: Rng, contact: Contact, lang: Lang, style: DigitStyle = rng.pick(DIGIT_STYLES)): string {
  if (contact.kind === 'wechat') return obfuscateDigits(rng, obfuscateLetters(rng, contact.value), rng.chance(0.5) ? style : 'plain', lang);
  if (contact.kind === 'phone' && style === 'plain' && rng.chance(0.4)) return `${contact.value.slice(0, 3)} ${contact.value.slice(3, 7)} ${contact.value.slice(7)}`;
  return obfuscateDigits(rng, contact.value, style, lang);
}

/**
 * Diverters want to be found: a bare one-letter alias glued to a letter id ("Vmm-1031", "➕Vxiaoyu-…")
 * cannot be read back even by the intended customer (V + mm-1031? vm + m-1031?), so they put a
 * space or colon there. Keeps the generated text readable the way real posts are.
 */
export function readableJoin(text: string, pf: string, id: string): string {
  if (!/^[a-z]{1,2}$/i.test(pf) || !/^[a-z]/i.test(id)) return text;
  const at = text.indexOf(pf + id);
  return at < 0 ? text : `${text.slice(0, at + pf.length)}：${text.slice(at + pf.length)}`;
}

/** A sentence fragment that hands out the contact. */
export function contactMention(rng: Rng, contact: Contact, lang: Lang): string {
  const id = disguiseValue(rng, contact, lang);
  const pf = platformAlias(rng, contact.kind, lang);
  if (lang === 'en') return fill(rng.pick(EN_TEMPLATES), { pf, id });
  const templates = contact.kind === 'phone' ? PHONE_TEMPLATES : ID_TEMPLATES;
  const text = readableJoin(fill(rng.pick(templates), { pf, id, wx: platformAlias(rng, 'wechat', lang) }), pf, id);
  return lang === 'hant' ? toTraditionalKeepingId(text, id) : text;
}

/** Converts the words around an id to Traditional without touching the id itself. */
function toTraditionalKeepingId(text: string, id: string): string {
  const at = text.indexOf(id);
  if (at < 0) return toTraditional(text);
  return toTraditional(text.slice(0, at)) + id + toTraditional(text.slice(at + id.length));
}

const DM_HINTS = [
  '私我',
  '私信我',
  '滴滴我',
  '私我拿资料',
  '看我主页',
  '主页有联系方式',
  '戳头像看简介',
  '👉主页',
  '想要的私',
  'sī我',
  's我',
  '丝我',
  '私💌',
  '评论区扣1我私你',
  '进群的私我',
  '主页简介自取',
];
const EN_DM_HINTS = ['DM me', 'dm for details', 'link in bio', 'DM for price', 'message me 💌'];

export function dmHint(rng: Rng, lang: Lang): string {
  if (lang === 'en') return rng.pick(EN_DM_HINTS);
  return pickIn(rng, DM_HINTS, lang);
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function disguiseDots(rng: Rng, url: string): string {
  const how = rng.int(0, 4);
  if (how === 0) return url.replace(/\./g, '点');
  if (how === 1) return url.replace(/\./g, '。');
  if (how === 2) return url.replace(/\./g, '[.]');
  return url;
}

/** A link, a shop password or a group number pointing off the platform. */
export function offPlatformLink(rng: Rng, lang: Lang): string {
  const kind = rng.int(0, 5);
  let text: string;
  if (kind === 0) text = `${disguiseDots(rng, `t.cn/A6${rng.chars(BASE62, 5)}`)}`;
  else if (kind === 1) text = `复制这段描述￥${rng.chars(BASE62, 11)}￥打开手机淘宝`;
  else if (kind === 2) text = `${disguiseDots(rng, `pan.baidu.com/s/1${rng.chars(BASE62, 18)}`)} 提取码 ${rng.chars('abcdefghjkmnpqrstuvwxyz23456789', 4)}`;
  else if (kind === 3) text = `${disguiseDots(rng, `https://m.tb.cn/h.${rng.chars(BASE62, 7)}`)}`;
  else if (kind === 4) text = `加群👉${platformAlias(rng, 'qq', lang)}群 ${obfuscateDigits(rng, String(rng.int(100000000, 999999999)), rng.pick(DIGIT_STYLES), lang)}`;
  else text = `${disguiseDots(rng, `dwz.cn/${rng.chars(BASE62, 8)}`)}`;
  return lang === 'hant' && kind === 1 ? toTraditional(text) : text;
}
