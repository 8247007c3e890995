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

/** Zero-width, bidi controls, fillers, variation selectors, tag characters, combining and enclosing marks. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\p{Mn}\p{Me}\u{e0000}-\u{e007f}]/gu;

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
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԛ: 'q',
  ԝ: 'w',
  ѵ: 'v',
  А: 'a',
  В: 'b',
  Е: 'e',
  К: 'k',
  М: 'm',
  Н: 'h',
  О: 'o',
  Р: 'p',
  С: 'c',
  Т: 't',
  У: 'y',
  Х: 'x',
  І: 'i',
  Ѕ: 's',
  Ѵ: 'v',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ι: 'i',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
  Ζ: 'z',
  // Latin look-alikes and symbols used as letters
  ɡ: 'g',
  ı: 'i',
  ȷ: 'j',
  ʋ: 'v',
  ⱱ: 'v',
  ᴠ: 'v',
  ᴡ: 'w',
  ｘ: 'x',
  '×': 'x',
  ⅹ: 'x',
  '∨': 'v',
  '√': 'v',
  'ⓥ': 'v',
  'ⓧ': 'x',
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

const NEEDS_NFKC = 1;
const NEEDS_STRIP = 2;
const NEEDS_ASTRAL = 4;
const NEEDS_LOWER = 8;
const NEEDS_T2S = 16;
const NEEDS_HOMOGLYPH = 32;
/** Not a step: an ideographic description character, across which opencc's conversion is not local (see normalizeJoined). */
const NEEDS_JOINED_WHOLE = 64;

/**
 * One pass over the code units deciding which (costly) steps a text needs. Ranges are
 * deliberately generous: a false "needs" only costs time, a missed one would leave an
 * obfuscation in place.
 */
function needs(s: string, flags: Uint8Array): number {
  let out = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) out |= NEEDS_LOWER;
      continue;
    }
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (flags[c] === 1) out |= NEEDS_T2S;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      out |= NEEDS_ASTRAL | NEEDS_NFKC | NEEDS_STRIP;
      continue;
    }
    if (c >= 0x3400 && c <= 0x4dbf) {
      if (flags[c] === 1) out |= NEEDS_T2S;
      continue;
    }
    if (
      (c >= 0x0300 && c <= 0x036f) ||
      c === 0x00ad ||
      c === 0x034f ||
      (c >= 0x0483 && c <= 0x0489) ||
      (c >= 0x0591 && c <= 0x061c) ||
      (c >= 0x064b && c <= 0x065f) ||
      (c >= 0x0e31 && c <= 0x0e4e) ||
      (c >= 0x115f && c <= 0x1160) ||
      (c >= 0x17b4 && c <= 0x17d3) ||
      (c >= 0x180b && c <= 0x180e) ||
      (c >= 0x1ab0 && c <= 0x1aff) ||
      (c >= 0x1dc0 && c <= 0x1dff) ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2060 && c <= 0x206f) ||
      (c >= 0x20d0 && c <= 0x20ff) ||
      (c >= 0x302a && c <= 0x302f) ||
      (c >= 0x3099 && c <= 0x309a) ||
      c === 0x3164 ||
      (c >= 0xfe00 && c <= 0xfe0f) ||
      (c >= 0xfe20 && c <= 0xfe2f) ||
      c === 0xfeff ||
      c === 0xffa0
    ) {
      out |= NEEDS_STRIP | NEEDS_NFKC;
      continue;
    }
    // Latin-1 / Latin extended / Greek / Cyrillic letters: case and look-alikes
    if (c <= 0x052f) {
      out |= NEEDS_LOWER | NEEDS_NFKC | NEEDS_HOMOGLYPH;
      continue;
    }
    // ideographic description characters (⿰…⿻): opencc skips one with its components as a unit, and the
    // components it takes may run past a separator; no step is needed for them
    if (c >= 0x2ff0 && c <= 0x2fff) {
      out |= NEEDS_JOINED_WHOLE;
      continue;
    }
    // compatibility characters: general punctuation and spaces, super/subscripts, letterlike,
    // number forms, enclosed alphanumerics, CJK radicals, ideographic space, enclosed CJK,
    // CJK compatibility, presentation forms, full-width forms
    if (
      (c >= 0x2000 && c <= 0x24ff) ||
      (c >= 0x2c60 && c <= 0x2c7f) ||
      (c >= 0x1d00 && c <= 0x1dbf) ||
      (c >= 0x2e80 && c <= 0x2fdf) ||
      c === 0x3000 ||
      (c >= 0x3131 && c <= 0x318e) ||
      (c >= 0x3200 && c <= 0x33ff) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfb00 && c <= 0xfb4f) ||
      (c >= 0xfe10 && c <= 0xfe6f) ||
      (c >= 0xff00 && c <= 0xffef)
    ) {
      out |= NEEDS_NFKC;
      if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0x2100 && c <= 0x24ff) || (c >= 0x3200 && c <= 0x33ff) || (c >= 0xfb00 && c <= 0xfb4f)) out |= NEEDS_LOWER;
      if ((c >= 0x1d00 && c <= 0x1dbf) || (c >= 0x2c60 && c <= 0x2c7f) || (c >= 0x2200 && c <= 0x22ff) || (c >= 0x24b6 && c <= 0x24e9) || c === 0xff58) out |= NEEDS_HOMOGLYPH | NEEDS_LOWER;
      // compatibility ideographs and radicals become unified ideographs that may be Traditional
      if ((c >= 0xf900 && c <= 0xfaff) || (c >= 0x2e80 && c <= 0x2fdf)) out |= NEEDS_T2S;
    }
  }
  return out;
}

/**
 * The canonical form used for matching: NFKC, invisible characters removed, look-alikes
 * folded to latin, Traditional → Simplified, lower case. Emoji and punctuation stay
 * (they may be separators the contact scanner needs to see). Each step runs only when
 * the one-pass `needs` scan says the text can be changed by it.
 */
let lastIn = '';
let lastOut = '';
export function normalizeText(s: string | undefined | null): string {
  if (!s) return '';
  if (s === lastIn) return lastOut;
  const flags = traditionalTable();
  const n = needs(s, flags);
  let t = s;
  if (n & NEEDS_NFKC) {
    t = beforeSimplified(t, n);
    if (n & (NEEDS_T2S | NEEDS_ASTRAL)) t = toSimplified(t);
  } else if (n & NEEDS_T2S) t = t2s!(t);
  if (n & (NEEDS_LOWER | NEEDS_ASTRAL)) t = t.toLowerCase();
  lastIn = s;
  lastOut = t;
  return t;
}

/** normalizeText's steps before Traditional → Simplified, for a text whose steps `n` include NFKC. */
function beforeSimplified(s: string, n: number): string {
  let t = s.normalize('NFKC');
  if (n & NEEDS_STRIP) t = t.replace(INVISIBLE, '');
  if (n & NEEDS_ASTRAL) t = t.replace(ENCLOSED_LETTER, enclosedToLatin);
  if (n & (NEEDS_HOMOGLYPH | NEEDS_ASTRAL)) t = t.replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c]);
  return t;
}

/** A field's forms under one set of steps (the steps of the whole composition it is part of). */
interface FieldForm {
  steps: number;
  /** After the steps before Traditional → Simplified (NFKC compositions only). */
  before: string;
  beforeHasTraditional: boolean;
  /** Final forms: Traditional → Simplified not applied, and applied. */
  plain?: string;
  simplified?: string;
}
interface FieldEntry {
  needs: number;
  forms: FieldForm[];
}

/**
 * Fields seen lately (a note's title and body), keyed by the field's own string: the record's strings are the
 * same objects for every channel and detector that reads them, so V8 hashes each once (the hash stays in the
 * string), unlike a memo keyed by composed texts, which hashed a new long string on every call (docs/scale.md).
 * Two generations of FIELD_GENERATION entries bound it.
 */
const FIELD_GENERATION = 2048;
let fieldsNew = new Map<string, FieldEntry>();
let fieldsOld = new Map<string, FieldEntry>();

function fieldEntry(s: string, flags: Uint8Array): FieldEntry {
  let e = fieldsNew.get(s);
  if (e) return e;
  e = fieldsOld.get(s) ?? { needs: needs(s, flags), forms: [] };
  if (fieldsNew.size >= FIELD_GENERATION) {
    fieldsOld = fieldsNew;
    fieldsNew = new Map();
  }
  fieldsNew.set(s, e);
  return e;
}

function fieldForm(s: string, e: FieldEntry, steps: number): FieldForm {
  for (const f of e.forms) if (f.steps === steps) return f;
  const before = steps & NEEDS_NFKC ? beforeSimplified(s, steps) : s;
  const f: FieldForm = { steps, before, beforeHasTraditional: steps & NEEDS_NFKC && steps & (NEEDS_T2S | NEEDS_ASTRAL) ? hasTraditional(before) : false };
  e.forms.push(f);
  return f;
}

function finalForm(f: FieldForm, simplify: boolean): string {
  const lower = (f.steps & (NEEDS_LOWER | NEEDS_ASTRAL)) !== 0;
  if (simplify) return (f.simplified ??= lower ? t2s!(f.before).toLowerCase() : t2s!(f.before));
  return (f.plain ??= lower ? f.before.toLowerCase() : f.before);
}

/**
 * Exactly `normalizeText(parts.join(separator))` for a separator of '\n' or ' ', with each part normalised once
 * per set of steps and reused by every composition of the same fields (`title\nbody`, `title body`,
 * `title\nbody\ntags`: resolve's detectors and partition's channels each compose a note their way, issue 17).
 *
 * Why it is the same text: `needs` reads one code unit at a time, so the whole text's steps are the union of its
 * parts' (the separator needs none), and each part is given those steps, not its own. Every step is then local
 * to the separator: NFKC (a newline or space is a starter that composes with nothing), the removals and
 * foldings (one character at a time), lower case (the separator is neither cased nor case-ignorable, so a final
 * sigma is final before it as at the end of a text), and opencc's longest-match conversion (no dictionary entry
 * holds a newline or space, so no match spans one), whose "has a Traditional character" gate is the union of
 * the parts'. The one exception: opencc skips an ideographic description character (⿰…⿻) with its
 * components, which may run past the separator; a composition holding one is normalised whole, as before.
 * tests/detect/normalizeJoined.test.ts checks the identity on adversarial texts.
 */
/** normalizeText of one field, through the field cache (a note's title or body read by several detectors). */
export function normalizeField(s: string): string {
  return normalizeJoined([s], '\n');
}

export function normalizeJoined(parts: readonly string[], separator: '\n' | ' '): string {
  const flags = traditionalTable();
  const entries: FieldEntry[] = [];
  let steps = 0;
  for (const p of parts) {
    const e = fieldEntry(p, flags);
    entries.push(e);
    steps |= e.needs;
  }
  if (steps & NEEDS_JOINED_WHOLE) return normalizeText(parts.join(separator));
  const forms = entries.map((e, i) => fieldForm(parts[i], e, steps));
  // normalizeText: after NFKC, Traditional → Simplified only when the text then holds a Traditional character;
  // without NFKC, whenever the scan saw one
  const simplify = steps & NEEDS_NFKC ? (steps & (NEEDS_T2S | NEEDS_ASTRAL)) !== 0 && forms.some((f) => f.beforeHasTraditional) : (steps & NEEDS_T2S) !== 0;
  let out = finalForm(forms[0], simplify);
  for (let i = 1; i < forms.length; i++) out += separator + finalForm(forms[i], simplify);
  return out;
}

/** Synonyms the copy-paste templates rotate through, folded to one word before comparing texts. */
const SYNONYM_GROUPS: [string[], string][] = [
  [['宝子们', '宝宝们', '家人们', '集美们', '姐妹们', '铁子们', '朋友们', '小伙伴们', 'uu们', '姐妹', '宝子', '家人', '集美', '铁子', '大家'], '姐妹'],
  [['好用', '好使', '管用', '有用', '有效', '实用'], '好用'],
  [['漂亮', '好看', '绝美', '颜值高', '美'], '好看'],
  [['推荐', '安利', '种草', '强推', '必入', '必买'], '推荐'],
  [['入手', '下单', '买了', '购入', '剁手', '拔草'], '买'],
  [['便宜', '划算', '实惠', '性价比高', '白菜价'], '划算'],
  [['链接', '连接', 'lian接'], '链接'],
  [['绝绝子', 'yyds', '绝了', '无敌', '爱了'], '绝'],
  [['超级', '非常', '特别', '真的', '巨', '贼', '超', '很', '太'], '超'],
];
const SYNONYM_TO = new Map<string, string>();
for (const [words, to] of SYNONYM_GROUPS) for (const w of words) if (!SYNONYM_TO.has(w)) SYNONYM_TO.set(w, to);
// longest alternatives first so "姐妹们" wins over "姐妹"
const SYNONYM_RE = new RegExp([...SYNONYM_TO.keys()].sort((x, y) => y.length - x.length).join('|'), 'g');

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/**
 * LETTER_OR_DIGIT's answer for a BMP code unit outside the ranges tested inline, asked once per unit and kept:
 * 0 not asked yet, 1 a letter or digit, 2 not. CJK punctuation, emoji halves and full-width forms no longer run
 * the regex on every occurrence (issue 17).
 */
const BMP_LETTER_OR_DIGIT = new Uint8Array(0x10000);

/** Keeps letters and digits only and squeezes runs of one character (one pass, no regex for CJK/ASCII). */
function lettersSqueezed(t: string, squeeze = true): string {
  let out = '';
  let prev = -1;
  for (let i = 0; i < t.length; i++) {
    let c = t.charCodeAt(i);
    let ch: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      ch = t.slice(i, i + 2);
      c = ch.codePointAt(0)!;
      i += 1;
      if (!LETTER_OR_DIGIT.test(ch)) continue;
    } else {
      const keep = (c >= 0x4e00 && c <= 0x9fff) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 65 && c <= 90);
      ch = t[i];
      if (!keep) {
        if (c < 0x80) continue;
        let known = BMP_LETTER_OR_DIGIT[c];
        if (known === 0) BMP_LETTER_OR_DIGIT[c] = known = LETTER_OR_DIGIT.test(ch) ? 1 : 2;
        if (known === 2) continue;
      }
    }
    if (squeeze && c === prev) continue;
    prev = c;
    out += ch;
  }
  return out;
}

/**
 * A compact form for near-duplicate comparison: normalised, synonyms folded, everything
 * that is not a letter or digit removed (emoji, punctuation, spaces), and runs of one
 * character squeezed ("太太太好用了！！！" and "太好用了" become the same).
 */
export function compactText(s: string | undefined | null): string {
  return compactOfNormalized(normalizeText(s));
}

/** compactText of a text already passed through normalizeText (or normalizeJoined). */
export function compactOfNormalized(t: string): string {
  if (!t) return '';
  return lettersSqueezed(lettersSqueezed(t, false).replace(SYNONYM_RE, (w) => SYNONYM_TO.get(w)!));
}

/** Letters and digits of an already normalised text, nothing folded or squeezed (emoji, punctuation, spaces gone). */
export function compactLetters(normalized: string): string {
  return lettersSqueezed(normalized, false);
}

/** Hashtags (`#穿搭#`, `#ootd`) and @mentions removed: boilerplate that inflates similarity. */
const TAGS = /#[^#\s]{1,30}#?|@\S{1,30}/g;
export function stripTags(s: string): string {
  return s.replace(TAGS, ' ');
}
