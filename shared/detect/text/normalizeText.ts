/**
 * Text normalisation shared by every text detector.
 *
 * `normalizeText` undoes the cheap obfuscations the grey market uses to slip contacts and
 * templates past keyword filters: full-width and "fancy" letters (NFKC), zero-width and
 * other invisible characters, variation selectors and keycap marks, look-alike Cyrillic
 * and Greek letters, regional-indicator / enclosed letters, Traditional characters
 * (opencc-js, only when the text holds a character that converts), and case.
 *
 * Cost: pure-ASCII text takes a fast path (one regex test + toLowerCase). Other text pays
 * one NFKC, two or three regex passes, and the opencc converter only when a Traditional
 * character is present (a 64 KiB flag table, built once, decides that).
 */
import * as OpenCC from 'opencc-js';

const PRINTABLE_ASCII = /^[\x20-\x7e\t\r\n]*$/;

/** Zero-width, bidi controls, fillers, variation selectors, tag characters, combining and enclosing marks. */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\p{Mn}\p{Me}\u{e0000}-\u{e007f}]/gu;

/** Regional indicators (🇻🇽), negative circled (🅥) and negative squared (🆅) letters → latin letters. */
const ENCLOSED_LETTER = /[\u{1f1e6}-\u{1f1ff}\u{1f150}-\u{1f169}\u{1f170}-\u{1f189}]/gu;

function enclosedToLatin(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(0x61 + cp - 0x1f1e6);
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(0x61 + cp - 0x1f150);
  return String.fromCharCode(0x61 + cp - 0x1f170);
}

/** Look-alike letters from other scripts that NFKC leaves alone. */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԛ: 'q', ԝ: 'w', ѵ: 'v',
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', І: 'i', Ѕ: 's', Ѵ: 'v',
  // Greek
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  Α: 'a', Β: 'b', Ε: 'e', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x', Ζ: 'z',
  // Latin look-alikes and symbols used as letters
  ɡ: 'g', ı: 'i', ȷ: 'j', ʋ: 'v', ⱱ: 'v', ᴠ: 'v', ᴡ: 'w', ｘ: 'x', '×': 'x', ⅹ: 'x', '∨': 'v', '√': 'v', 'ⓥ': 'v', 'ⓧ': 'x',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

let t2s: ((s: string) => string) | undefined;
let traditionalFlags: Uint8Array | undefined;

/** Builds (once) the converter and a flag per BMP code point that opencc would change. */
function traditionalTable(): Uint8Array {
  if (traditionalFlags) return traditionalFlags;
  t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  const flags = new Uint8Array(0x10000);
  const chars: string[] = [];
  const cps: number[] = [];
  for (const [a, b] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ]) {
    for (let cp = a; cp <= b; cp++) {
      chars.push(String.fromCharCode(cp));
      cps.push(cp);
    }
  }
  const out = t2s(chars.join('\n')).split('\n');
  if (out.length === chars.length) {
    for (let i = 0; i < chars.length; i++) if (out[i] !== chars[i]) flags[cps[i]] = 1;
  } else {
    for (let i = 0; i < chars.length; i++) if (t2s(chars[i]) !== chars[i]) flags[cps[i]] = 1;
  }
  traditionalFlags = flags;
  return flags;
}

/** True when the text holds at least one character opencc converts from Traditional. */
export function hasTraditional(s: string): boolean {
  const flags = traditionalTable();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && flags[c] === 1) return true;
  }
  return false;
}

/** Traditional → Simplified, skipped when nothing would change. */
export function toSimplified(s: string): string {
  return hasTraditional(s) ? t2s!(s) : s;
}

/**
 * The canonical form used for matching: NFKC, invisible characters removed, look-alikes
 * folded to latin, Traditional → Simplified, lower case. Emoji and punctuation stay
 * (they may be separators the contact scanner needs to see).
 */
export function normalizeText(s: string | undefined | null): string {
  if (!s) return '';
  if (PRINTABLE_ASCII.test(s)) return s.toLowerCase();
  let t = s.normalize('NFKC');
  t = t.replace(INVISIBLE, '');
  t = t.replace(ENCLOSED_LETTER, enclosedToLatin);
  t = t.replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c]);
  t = toSimplified(t);
  return t.toLowerCase();
}

/** Synonyms the copy-paste templates rotate through, folded to one word before comparing texts. */
const SYNONYMS: [RegExp, string][] = [
  [/宝子们|宝宝们|家人们|集美们|姐妹们|姐妹|宝子|家人|集美|铁子们|铁子|朋友们|小伙伴们|uu们|大家/g, '姐妹'],
  [/好用|好使|管用|有用|有效|实用/g, '好用'],
  [/漂亮|好看|绝美|颜值高|美/g, '好看'],
  [/推荐|安利|种草|强推|必入|必买/g, '推荐'],
  [/入手|下单|买了|购入|剁手|拔草/g, '买'],
  [/便宜|划算|实惠|性价比高|白菜价/g, '划算'],
  [/链接|连接|lian接/g, '链接'],
  [/绝绝子|yyds|绝了|无敌|爱了/g, '绝'],
  [/超级|非常|特别|真的|巨|贼|超|很|太/g, '超'],
];

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const REPEATS = /(.)\1+/gu;

/**
 * A compact form for near-duplicate comparison: normalised, synonyms folded, everything
 * that is not a letter or digit removed (emoji, punctuation, spaces), and runs of one
 * character squeezed ("太太太好用了！！！" and "太好用了" become the same).
 */
export function compactText(s: string | undefined | null): string {
  let t = normalizeText(s);
  if (!t) return '';
  t = t.replace(NON_WORD, '');
  t = t.replace(REPEATS, '$1');
  for (const [re, to] of SYNONYMS) t = t.replace(re, to);
  return t.replace(REPEATS, '$1');
}

/** Hashtags (`#穿搭#`, `#ootd`) and @mentions removed: boilerplate that inflates similarity. */
const TAGS = /#[^#\s]{1,30}#?|@\S{1,30}/g;
export function stripTags(s: string): string {
  return s.replace(TAGS, ' ');
}
