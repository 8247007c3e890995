/**
 * Finds contacts and redirections in a text, however obfuscated.
 *
 * Concrete contacts (strong evidence): mainland mobile numbers, QQ numbers next to a QQ
 * word, WeChat ids next to a WeChat word (and its sound-alikes: 薇信, 威信, 溦信, V信, 微❤, vx,
 * wx, 卫星号, 绿泡泡/💚泡泡, +V …) — after it, across arrows and connecting words ("薇信见",
 * "💚泡泡同名", "微信▶"), or before it in brackets ("yan347（薇信）") — links and short links (also "点com"), e-mail addresses, Taobao
 * pass-phrases (¥AbC123xyZ¥), ids on other platforms ("抖音号: …", "tg: …").
 * Digits are read through separators (spaces, dashes, dots, emoji, up to 4 code units),
 * Chinese numerals (一二三, 壹贰叁, 幺/洞/拐/勾) and look-alike letters (o→0, l→1).
 *
 * Solicitations (weak evidence, weighted): a contact app named with an intent but no id
 * ("加我vx", "企鹅同名"), and redirect phrases ("私我", "看我主页", "DM me", "主页有联系方式").
 *
 * Input must be `normalizeText` output (NFKC, invisible characters removed, simplified, lower case).
 */
import { normalizeText } from './normalizeText.ts';

export type ContactKind = 'phone' | 'landline' | 'wechat' | 'qq' | 'link' | 'email' | 'taobao-code' | 'platform-id';

export interface ContactHit {
  kind: ContactKind;
  /** The de-obfuscated contact, e.g. `13800138000`, `abc_123`, `t.cn/abc`. */
  value: string;
}

export interface SolicitHit {
  /** private-deal: a redirect in a selling context ("私我优惠"). */
  kind: 'app-mention' | 'redirect' | 'private-deal';
  fragment: string;
  /** app-mention 1, redirect 0.5: a lone "私我" never reaches a threshold on its own. */
  weight: number;
}

export interface ContactScan {
  contacts: ContactHit[];
  solicitations: SolicitHit[];
}

const EMPTY: ContactScan = Object.freeze({ contacts: [], solicitations: [] }) as ContactScan;

// ---------------------------------------------------------------- digit runs

const NUMERALS: Record<string, string> = {
  零: '0',
  〇: '0',
  '○': '0',
  '◯': '0',
  洞: '0',
  一: '1',
  壹: '1',
  幺: '1',
  么: '1',
  二: '2',
  贰: '2',
  两: '2',
  三: '3',
  叁: '3',
  叄: '3',
  参: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  拐: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
  勾: '9',
};
const NUMERAL_CODES = new Map<number, string>(Object.entries(NUMERALS).map(([k, v]) => [k.charCodeAt(0), v]));
/** NUMERALS by code unit as digit + 1 (0: not a numeral): digitRuns looks up every Han character, a table beats a Map. */
const NUMERAL_TABLE = new Uint8Array(0x10000);
for (const [c, d] of NUMERAL_CODES) NUMERAL_TABLE[c] = Number(d) + 1;
const DIGIT_CHARS = '0123456789';
/** Letters (after lower-casing) and a bar standing in for digits: O→0, l/I/|→1, Z→2, S→5, b→6, g→9 ("l50oz7s44b3"). */
const LOOKALIKE_DIGIT: Record<string, string> = { o: '0', l: '1', i: '1', z: '2', s: '5', b: '6', g: '9', '|': '1' };
const isLookalikeLetter = (c: number) => c === 111 || c === 108 || c === 105 || c === 122 || c === 115 || c === 98 || c === 103;
const isOtherLetter = (c: number) => c >= 97 && c <= 122 && !isLookalikeLetter(c);
const MAX_SEPARATOR_UNITS = 4;
const NON_ASCII_LETTER = /\p{L}/u;

interface DigitRun {
  digits: string;
  /** Digit-string offsets where a separator sat (or the script changed): candidate boundaries. */
  cuts: number[];
  start: number;
  end: number;
}

/**
 * Runs of digits (Arabic, Chinese, look-alike) that tolerate short separators. Only runs with ≥5
 * real digits are returned. Look-alikes count inside a run (or opening one right before a digit),
 * never inside a latin word; where trailing ones start is a candidate boundary ("13800138000s").
 */
export function digitRuns(t: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let digits = '';
  let cuts: number[] = [];
  let start = -1;
  let lastDigitEnd = -1;
  let sepUnits = 0;
  let lookalikes = 0;
  let trailing = 0;
  let lastHan = false;
  const flush = () => {
    if (start >= 0) {
      const d = digits;
      // trailing look-alikes may be a word glued on ("13800138000s"): where they start is a candidate boundary
      if (trailing) cuts.push(d.length - trailing);
      if (d.length >= 5 && d.length - lookalikes >= 5) {
        runs.push({ digits: d, cuts: cuts.filter((c) => c > 0 && c < d.length), start, end: lastDigitEnd });
      }
    }
    digits = '';
    cuts = [];
    start = -1;
    sepUnits = 0;
    lookalikes = 0;
    trailing = 0;
  };
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    let d: string | undefined;
    let lookalike = false;
    let han = false;
    if (c >= 48 && c <= 57) d = t[i];
    else if (c >= 0x4e00) {
      const v = NUMERAL_TABLE[c];
      if (v !== 0) d = DIGIT_CHARS[v - 1];
      han = true;
    } else if (c === 0x25cb || c === 0x25ef || c === 0x3007) d = '0';
    if (d === undefined && isLookalikeLetter(c)) {
      const next = t.charCodeAt(i + 1);
      const prev = i > 0 ? t.charCodeAt(i - 1) : 32;
      const opens = start < 0 && next >= 48 && next <= 57 && !isOtherLetter(prev) && !isLookalikeLetter(prev);
      if ((start >= 0 || opens) && !isOtherLetter(next)) {
        d = LOOKALIKE_DIGIT[t[i]];
        lookalike = true;
      }
    } else if (c === 124 && start >= 0) {
      // a bar is a "1" only between digits ("19|z7b…"); elsewhere it separates ("138…000|小店")
      const next = t.charCodeAt(i + 1);
      if ((next >= 48 && next <= 57) || isLookalikeLetter(next)) {
        d = '1';
        lookalike = true;
      }
    }
    if (d !== undefined) {
      if (start < 0) start = i;
      // a separator, or a switch between Arabic and Chinese numerals ("19166445534七七不吃香菜"), is a candidate boundary
      else if (sepUnits > 0 || han !== lastHan) cuts.push(digits.length);
      digits += d;
      sepUnits = 0;
      lastHan = han;
      lastDigitEnd = i + 1;
      if (lookalike) {
        lookalikes += 1;
        trailing += 1;
      } else trailing = 0;
      continue;
    }
    if (start < 0) continue;
    // separator or breaker?
    let isBreaker: boolean;
    if (c < 128) isBreaker = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    else if (c >= 0x3400 && c <= 0x9fff) isBreaker = true;
    else if (c >= 0xd800 && c <= 0xdbff)
      isBreaker = false; // astral: emoji and symbols
    else isBreaker = NON_ASCII_LETTER.test(t[i]);
    if (isBreaker || ++sepUnits > MAX_SEPARATOR_UNITS) flush();
  }
  flush();
  return runs;
}

const MOBILE = /^(?:0086|86)?(1[3-9]\d{9})$/;
const LANDLINE = /^(0\d{2,3}\d{7,8})$/;
const QQ_NUMBER = /^[1-9]\d{4,10}$/;
const QQ_CONTEXT = /(?:qq|扣扣|企鹅|🐧|口口|抠抠|q号|q群|群号|qun|球球)\s*(?:号码?|群|同号|同名)?(?:[\s:：是=▶▸►→➡⇒↓⬇>~～]|👉|👇){0,4}$/;
/** A bare "q" right before a number ("加Q 35360198", "Q1343023472"): only for 6+ digits ("Q3 2024" is a quarter). */
const BARE_Q_CONTEXT = /(?<![a-z])q\s*[:：]?\s*$/;
const QQ_AFTER = /^\s*[(（]?\s*(?:q\s?q|扣扣|企鹅|🐧)/;
const PHONE_CONTEXT = /(?:电话|手机|手机号|号码|tel|call|致电|热线|☎|📞|📱|联系)/;
// a courier's letters may sit between the word and the number ("快递单号SF86…", "运单号：YT86…")
const NOT_A_PHONE_CONTEXT = /(?:订单|单号|运单|快递|物流|编号|型号|序列|sn|尾号|货号|批号|工号|学号|卡号|账号|id|价格|券码|口令|验证码)\s*[:：]?\s*(?:[a-z]{1,4}\s*)?$/;

function phoneIn(run: DigitRun): string | undefined {
  const m = MOBILE.exec(run.digits);
  if (m) return m[1];
  // a phone glued to neighbouring digits by separators: try every separator-bounded slice
  const bounds = [0, ...run.cuts, run.digits.length];
  for (let a = 0; a < bounds.length; a++) {
    for (let b = a + 1; b < bounds.length; b++) {
      const len = bounds[b] - bounds[a];
      if (len > 13) break;
      if (len < 11) continue;
      const mm = MOBILE.exec(run.digits.slice(bounds[a], bounds[b]));
      if (mm) return mm[1];
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- keyword patterns

/** WeChat and its sound-alike / look-alike names (on normalised text): the default of lexicon `contactAppAliases`. */
const WX_KEY =
  '(?:微信号?|薇信|威信|徽信|维信|溦信|微芯|卫星号?|喂信|危信|胃信|唯信|魏信|威心|微心|v信|w信|微x|薇x|[v微薇威维徽溦魏]\\s?(?:[❤♥]|💚)信?|🛰|vx号?|wx号?|weixin|wei\\s?xin|wechat(?:\\s*id)?|绿泡泡|绿色泡泡|(?:🟢|💚)泡泡|\\+\\s?v|➕\\s?v|加v|v号|薇号|微号|vv号?)';
/** The WeChat names as a lexicon default (no flags: the scanner compiles its own). */
export const WECHAT_ALIASES = new RegExp(WX_KEY);
/** Not a contact: coupon and invite codes that happen to start with "wx"/"vv" ("优惠码wxyk3401"); checked on matches only. */
const AFTER_CODE_WORD = /(?:码|口令|code)\s*[:：]?\s*$/;
const afterCodeWord = (k: string, at: number) => AFTER_CODE_WORD.test(k.slice(Math.max(0, at - 8), at));
/**
 * What sits between the app name and the id: spaces, colons, arrows, pointing emoji and the
 * connecting words diverters use ("薇信见 …", "💚泡泡同名 …", "v信找我～ …", "微信▶ …").
 */
const CONNECTOR = '((?:[\\s:：=▶▸►→➡⇒👉👇↓⬇>》~～—|｜/]|见|找我|同名|同号|是|搜|加|号|id){0,6})';
/** A connector that announces an id, after which an id made of letters only is accepted too. */
const STRONG_CONNECTOR = /[:：=是搜加▶▸►→➡⇒👉👇↓⬇]/;
const WX_ID = new RegExp(`${CONNECTOR}([a-z][a-z0-9_-]{5,19})(?![a-z0-9_-])`, 'yu');
/** Ids broken up by spaces, dots, middle dots or emoji ("薇信 yan _p·mz.g69", "v信 t🌷t-40🌷2🌷9"). */
const WX_ID_SPACED = new RegExp(`${CONNECTOR}([a-z](?:[a-z0-9_\\-·.•\\t ]|\\p{Extended_Pictographic}){5,40})`, 'yu');
const ID_SEPARATORS = /[·.•\t ]|\p{Extended_Pictographic}/gu;
/** The id first, the app in brackets after it ("yan347（薇信）", "coco41571 (vx)"). */
const BARE_V_ID = /(?<![a-z0-9])v\s*[:：]\s*([a-z][a-z0-9_-]{5,19})(?![a-z0-9_-])/g;
const WXID = /(?<![a-z0-9])wxid_[a-z0-9]{6,20}/g;

const URL_RE = /https?:\/\/[^\s，。、）)】」"'<>]+/g;
const TLDS = 'com|cn|net|org|top|xyz|vip|cc|me|io|ly|co|shop|site|club|link|app|info|biz|tv|fun|ink|ltd|work|live|store|online|tk|gl|gd|im|to|so|la|one|pro|icu|cyou|buzz|asia|hk|tw';
const DOMAIN_RE = new RegExp(`(?<![a-z0-9@._/-])(?:[a-z0-9][a-z0-9-]{0,30}\\.)+(?:${TLDS})(?![a-z0-9])(?:/[^\\s，。、）)】」"'<>]*)?`, 'g');
const OBFUSCATED_DOT = new RegExp(`\\s*(?:点|點|dot|\\(\\.\\)|\\[\\.\\]|。|·|•|_\\._)\\s*(?=(?:${TLDS})(?![a-z0-9]))`, 'g');
/** The platform's own domains when the policy names none: a link to the platform's own content is not diversion. */
export const DEFAULT_OWN_DOMAINS: readonly string[] = ['xiaohongshu.com', 'xhslink.com', 'xhs.cn', 'xhscdn.com'];
export type OwnDomainTest = (host: string) => boolean;
const ownDomainTests = new Map<string, OwnDomainTest>();
/** A test for a host (with or without a path) being one of `domains` or a subdomain of one; built once per list. */
export function ownDomainTest(domains: readonly string[] = DEFAULT_OWN_DOMAINS): OwnDomainTest {
  const id = domains.join(',');
  let test = ownDomainTests.get(id);
  if (!test) {
    const set = new Set(domains.map((d) => d.toLowerCase()));
    test = (host) => {
      let h = host.split('/')[0];
      for (;;) {
        if (set.has(h)) return true;
        const dot = h.indexOf('.');
        if (dot < 0) return false;
        h = h.slice(dot + 1);
      }
    };
    ownDomainTests.set(id, test);
  }
  return test;
}
const EMAIL_RE = /[a-z0-9._%+-]{2,40}@[a-z0-9-]{1,30}(?:\.[a-z0-9-]{1,30})*\.[a-z]{2,8}/g;
const TAOBAO_CODE = /[¥$€£₤₳](?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)([a-z0-9]{8,14})[¥$€£₤₳]/g;
const TAOBAO_PHRASE = /复制(?:这段|整段|此条)?(?:内容|口令|信息)?[^。]{0,6}打开(?:淘宝|手淘|tb|某宝|🍑宝|闲鱼|拼多多)/g;
const PLATFORM_ID = /(?<![a-z])(抖音|抖y|dy|快手|微博|闲鱼|tg|telegram|whatsapp|line|ins|instagram|公众号|视频号|b站)\s*(?:号|id)?\s*[:：]\s*([a-z0-9_.-]{4,30}|[\p{Script=Han}a-z0-9]{2,12})/gu;

const APP_MENTIONS: RegExp[] = [
  /(?<![a-z])(?:v|vx|wx)\s*我(?!\s*\d)/g,
  /(?:加|➕|\+|找|联系)\s*(?:我|本人)?\s*(?:的)?\s*(?:qq|扣扣|企鹅|🐧)/g,
  /(?:qq|扣扣|企鹅|🐧)\s*(?:同名|群|联系|找我|见主页|在主页)/g,
  /(?:tb|淘宝|某宝|🍑宝|桃宝|闲鱼|某鱼|pdd|拼夕夕|某音|dy|抖音)\s*(?:搜|search|同名|店铺同名)/g,
  /(?:whatsapp|telegram|tg|line)\s*(?:me|我|联系)/g,
];
/** Redirect phrases ("私我", "看我主页", "DM me"): the default of lexicon `contactRedirects`. */
export const CONTACT_REDIRECTS =
  /(?<![a-z])s[iī]\s*我|私我|私信我|私聊我?|私戳|戳我|滴滴我|dd我|找我(?:拿|领|买|要)|来撩|dm\s*me|dm\s*for|pm\s*me|message\s*me|看我?主页|主页(?:有|看|见|置顶)|简介(?:有|看|见)|看简介|看置顶|置顶(?:有|见)|联系方式(?:在|见|看)|有联系方式|已私|私你了|私你链接|私信(?:发)?你了?|(?:链接|连接)私你|发你私信|进群|加群|拉你进群|留下?联系方式/g;
/** Words that turn "私我" from a vague invitation into a private sale. */
const SELLING_CONTEXT = /优惠|券|内部价|价格|价钱|多少钱|便宜|折扣|打折|[领优]券|链接|代购|购买|需要的|要的姐妹|想要的(?:姐妹|宝)|资料|领取|福利|拿货|货源|下单|同款|团购|批发|渠道/;
const BUSINESS_PREFIX = /(?:合作|商务|商业|品牌|工作|约稿|投稿)[^，。,.!！]{0,3}$/;

/** Symbols wedged between a letter and a Han character (or between two latin letters of a keyword). */
const WEDGED_SYMBOLS = /(?<=[\p{Script=Han}a-z])(?:[^\p{L}\p{N}\s🐧💚🟢❤♥])(?=[\p{Script=Han}])|(?<=(?:^|[^a-z])[vwq])[·•.*_~-](?=[xq](?:[^a-z]|$))/gu;

/** A cheap gate: texts with none of these characters or keywords cannot hold a contact or solicitation. */
const GATE =
  /[0-9零〇○◯洞一壹幺么二贰两三叁叄参四肆五伍六陆七柒拐八捌九玖勾¥$€£@]|微|薇|威|徽|维|溦|卫|喂|危|胃|唯|魏|信|泡泡|v|w|qq|扣|企鹅|🐧|http|www|\.|点|dot|私|主页|简介|置顶|联系|群|dm|pm|message|淘|闲鱼|抖|快手|tg|telegram|whatsapp|line|ins|公众号|视频号|b站|某|dd|滴|撩|s[iī]/;

/**
 * Chinese numerals that continue an id ("xiaoyu-五六七三", "yan叁肆柒") read as digits; numerals
 * elsewhere (words like 一起, 三天) are left alone.
 */
const NUMERAL_AFTER_ID = /[a-z0-9_-][零〇○◯洞一壹幺么二贰两三叁叄参四肆五伍六陆七柒拐八捌九玖勾]/;
export function foldIdNumerals(t: string): string {
  let out: string[] | undefined;
  for (let i = 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x3007) continue;
    const d = NUMERAL_CODES.get(c) ?? (c === 0x3007 ? '0' : undefined);
    if (d === undefined) continue;
    const p = out ? out[i - 1].charCodeAt(0) : t.charCodeAt(i - 1);
    // previous char (already folded) is a latin letter, a digit, "_" or "-"
    if ((p >= 97 && p <= 122) || (p >= 48 && p <= 57) || p === 95 || p === 45) {
      if (!out) out = t.split('');
      out[i] = d;
    }
  }
  return out ? out.join('') : t;
}

function pushUnique(list: ContactHit[], kind: ContactKind, value: string): void {
  for (const c of list) if (c.kind === kind && c.value === value) return;
  list.push({ kind, value });
}

/**
 * The words a scan looks for that the policy may extend (lexicons `contactAppAliases` and `contactRedirects`): the
 * WeChat names and the redirect phrases, with every pattern built from them. Built once per pair of lexicons.
 */
export interface ContactVocabulary {
  keys: RegExp;
  idBefore: RegExp;
  mentions: RegExp[];
  redirects: RegExp;
  /** Extra gate for words the default gate does not know; absent for the defaults. */
  gate?: RegExp;
}

function buildVocabulary(aliases: string, redirects: RegExp, gate?: RegExp): ContactVocabulary {
  return {
    keys: new RegExp(aliases, 'g'),
    idBefore: new RegExp(`(?<![a-z0-9_-])([a-z][a-z0-9_-]{5,19})\\s*[(（]\\s*${aliases}\\s*[)）]`, 'gu'),
    // WeChat named with an intent: only tried when a WeChat key is in the text
    mentions: [
      new RegExp(`(?:加|➕|\\+|找|联系|滴滴?|私|戳|扫)\\s*(?:我|本人|一下)?\\s*(?:的)?\\s*${aliases}(?!\\s*(?:支付|pay|转账|收款|付款|红包))`, 'gu'),
      new RegExp(`${aliases}\\s*(?:同名|同号|见主页|在主页|看主页|在简介|看简介|私我|联系|找我|滴我|dd)`, 'gu'),
    ],
    redirects: new RegExp(redirects.source, 'g'),
    ...(gate ? { gate } : {}),
  };
}

export const DEFAULT_CONTACT_VOCABULARY: ContactVocabulary = buildVocabulary(WX_KEY, CONTACT_REDIRECTS);
// keyed by the compiled lexicons themselves (a policy's are compiled once per sweep): no string work per record
const vocabularies = new WeakMap<RegExp, WeakMap<RegExp, ContactVocabulary>>();

/** The vocabulary for a policy's lexicons (the default object when they are the defaults). */
export function contactVocabulary(aliases: RegExp, redirects: RegExp): ContactVocabulary {
  if (aliases === WECHAT_ALIASES && redirects === CONTACT_REDIRECTS) return DEFAULT_CONTACT_VOCABULARY;
  let byRedirects = vocabularies.get(aliases);
  if (!byRedirects) vocabularies.set(aliases, (byRedirects = new WeakMap()));
  let v = byRedirects.get(redirects);
  if (!v) byRedirects.set(redirects, (v = buildVocabulary(`(?:${aliases.source})`, redirects, new RegExp(`(?:${aliases.source})|(?:${redirects.source})`))));
  return v;
}

/** Scans a raw text (normalises it first). */
export function scanContacts(raw: string | undefined | null, isOwn: OwnDomainTest = ownDomainTest(), vocab: ContactVocabulary = DEFAULT_CONTACT_VOCABULARY): ContactScan {
  if (!raw) return EMPTY;
  return scanNormalized(normalizeText(raw), isOwn, vocab);
}

/** Where the text links to the platform's own content: [start, end) of each such URL. */
function ownLinkSpans(t: string, isOwn: OwnDomainTest): [number, number][] {
  if (!t.includes('http')) return [];
  const spans: [number, number][] = [];
  for (const m of t.matchAll(URL_RE)) if (isOwn(m[0].replace(/^https?:\/\//, ''))) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Scans a text already passed through `normalizeText`. */
export function scanNormalized(t: string, isOwn: OwnDomainTest = ownDomainTest(), vocab: ContactVocabulary = DEFAULT_CONTACT_VOCABULARY): ContactScan {
  if (!t || !(GATE.test(t) || vocab.gate?.test(t))) return EMPTY;
  const contacts: ContactHit[] = [];
  const solicitations: SolicitHit[] = [];

  // digits: phones and QQ numbers; not the ids in a link to the platform's own content
  const own = ownLinkSpans(t, isOwn);
  for (const run of digitRuns(t)) {
    if (own.some(([a, b]) => run.start >= a && run.start < b)) continue;
    const before = t.slice(Math.max(0, run.start - 10), run.start);
    const after = t.slice(run.end, run.end + 6);
    const phoneWord = PHONE_CONTEXT.test(t.slice(Math.max(0, run.start - 12), run.start));
    // an order, card or model number right before wins over a phone word further back ("今日份手机摄影 / 会员卡号1349…")
    if (NOT_A_PHONE_CONTEXT.test(before)) continue;
    const qqWord = QQ_CONTEXT.test(before) || QQ_AFTER.test(after) || (run.digits.length >= 6 && BARE_Q_CONTEXT.test(before));
    if (qqWord && QQ_NUMBER.test(run.digits)) {
      pushUnique(contacts, 'qq', run.digits);
      continue;
    }
    const phone = phoneIn(run);
    if (phone) {
      pushUnique(contacts, 'phone', phone);
      continue;
    }
    if (phoneWord) {
      const land = LANDLINE.exec(run.digits);
      if (land) pushUnique(contacts, 'landline', land[1]);
    }
  }

  // keywords with symbols wedged inside them ("薇❤信", "微.信", "v·x") are read without the symbols
  const k = (NUMERAL_AFTER_ID.test(t) ? foldIdNumerals(t) : t).replace(WEDGED_SYMBOLS, '');

  // WeChat ids: where a key sits, an id after it (plain, or broken up by separators)
  const keyEnds: number[] = [];
  let anyKey = false;
  const keys = vocab.keys;
  keys.lastIndex = 0;
  for (let m = keys.exec(k); m; m = keys.exec(k)) {
    anyKey = true;
    const at = m.index;
    keys.lastIndex = at + 1; // keys may overlap: "加v信" holds "加v" and "v信"
    // a latin key ("vx", "wx") must not sit inside a latin word; a Han key may follow anything ("…f溦信:")
    const c0 = k.charCodeAt(at);
    const prev = at > 0 ? k.charCodeAt(at - 1) : 32;
    if (c0 >= 97 && c0 <= 122 && prev >= 97 && prev <= 122) continue;
    if (k.startsWith('wxid_', at) || afterCodeWord(k, at)) continue;
    keyEnds.push(at + m[0].length);
  }
  for (const end of keyEnds) {
    WX_ID.lastIndex = end;
    const m = WX_ID.exec(k);
    if (!m) continue;
    const id = m[2];
    const strongSep = STRONG_CONNECTOR.test(m[1] ?? '');
    if (strongSep || /[0-9_-]/.test(id)) pushUnique(contacts, MOBILE.test(id) ? 'phone' : 'wechat', id);
  }
  for (const end of keyEnds) {
    WX_ID_SPACED.lastIndex = end;
    const m = WX_ID_SPACED.exec(k);
    if (!m) continue;
    const raw = m[2].trim();
    ID_SEPARATORS.lastIndex = 0;
    if (!ID_SEPARATORS.test(raw)) continue;
    const id = raw.replace(ID_SEPARATORS, '');
    const mm = /^[a-z][a-z0-9_-]{5,19}/.exec(id);
    if (!mm || !/[0-9_]/.test(mm[0])) continue;
    // the unbroken match may have stopped at the first separator ("xia-oyu_" of "xia-oyu_.dnn5 4"): keep the whole id
    const prefix = contacts.find((c) => c.kind === 'wechat' && mm[0].startsWith(c.value));
    if (prefix) prefix.value = mm[0];
    else pushUnique(contacts, 'wechat', mm[0]);
  }
  if (keyEnds.length > 0) {
    const before = vocab.idBefore;
    before.lastIndex = 0;
    for (let m = before.exec(k); m; m = before.exec(k)) if (/[0-9_-]/.test(m[1])) pushUnique(contacts, 'wechat', m[1]);
  }
  BARE_V_ID.lastIndex = 0;
  for (let m = BARE_V_ID.exec(k); m; m = BARE_V_ID.exec(k)) pushUnique(contacts, 'wechat', m[1]);
  WXID.lastIndex = 0;
  for (let m = WXID.exec(t); m; m = WXID.exec(t)) pushUnique(contacts, 'wechat', m[0]);

  // links, e-mail, pass-phrases, other platforms
  if (t.includes('.') || t.includes('点') || t.includes('dot') || t.includes('。') || t.includes('·')) {
    const linkView = t.replace(OBFUSCATED_DOT, '.');
    const emails = new Set<string>();
    EMAIL_RE.lastIndex = 0;
    for (let m = EMAIL_RE.exec(linkView); m; m = EMAIL_RE.exec(linkView)) {
      emails.add(m[0]);
      pushUnique(contacts, 'email', m[0]);
    }
    URL_RE.lastIndex = 0;
    for (let m = URL_RE.exec(linkView); m; m = URL_RE.exec(linkView)) {
      const host = m[0].replace(/^https?:\/\//, '');
      if (!isOwn(host)) pushUnique(contacts, 'link', host.slice(0, 60));
    }
    const withoutUrls = linkView.replace(URL_RE, ' ');
    DOMAIN_RE.lastIndex = 0;
    for (let m = DOMAIN_RE.exec(withoutUrls); m; m = DOMAIN_RE.exec(withoutUrls)) {
      const v = m[0];
      if (isOwn(v)) continue;
      if ([...emails].some((e) => e.endsWith(v))) continue;
      pushUnique(contacts, 'link', v.slice(0, 60));
    }
  }
  TAOBAO_CODE.lastIndex = 0;
  for (let m = TAOBAO_CODE.exec(t); m; m = TAOBAO_CODE.exec(t)) pushUnique(contacts, 'taobao-code', m[1]);
  TAOBAO_PHRASE.lastIndex = 0;
  for (let m = TAOBAO_PHRASE.exec(t); m; m = TAOBAO_PHRASE.exec(t)) pushUnique(contacts, 'taobao-code', m[0].slice(0, 20));
  PLATFORM_ID.lastIndex = 0;
  for (let m = PLATFORM_ID.exec(t); m; m = PLATFORM_ID.exec(t)) pushUnique(contacts, 'platform-id', `${m[1]}:${m[2]}`);

  // solicitations
  for (const re of anyKey ? [...vocab.mentions, ...APP_MENTIONS] : APP_MENTIONS) {
    re.lastIndex = 0;
    for (let m = re.exec(k); m; m = re.exec(k)) solicitations.push({ kind: 'app-mention', fragment: m[0].trim().slice(0, 24), weight: 1 });
  }
  const redirects = vocab.redirects;
  redirects.lastIndex = 0;
  for (let m = redirects.exec(k); m; m = redirects.exec(k)) {
    if (BUSINESS_PREFIX.test(k.slice(Math.max(0, m.index - 8), m.index))) continue;
    const around = k.slice(Math.max(0, m.index - 12), m.index + m[0].length + 8);
    if (SELLING_CONTEXT.test(around)) solicitations.push({ kind: 'private-deal', fragment: m[0], weight: 1 });
    else solicitations.push({ kind: 'redirect', fragment: m[0], weight: 0.5 });
  }
  if (contacts.length === 0 && solicitations.length === 0) return EMPTY;
  return { contacts, solicitations };
}

/** `kind:value`, the form contacts take in evidence and channel keys. */
export function contactLabel(c: ContactHit): string {
  return `${c.kind}:${c.value}`;
}
