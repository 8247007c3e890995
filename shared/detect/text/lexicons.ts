/**
 * Lexicons as policy data: the phrase lists that rules match, named, versioned with the policy and extendable by an
 * operator without code (policy `lexicons.<name>.add`: plain phrases, matched literally; `pattern`: a regular
 * expression that replaces the default). The defaults come from domain sources, each named in `origin`.
 */
import { CONTACT_REDIRECTS, WECHAT_ALIASES } from './contactPatterns.ts';
import { GROUP_CONTROL_TOOL } from './clientPatterns.ts';
import {
  ABSOLUTE_CLAIM,
  BAIT_HOOK,
  COMMENT_REDIRECT,
  DISCLAIMER,
  EXPERIENCE_CLAIM,
  MEDICAL_CLAIM,
  MUTUAL_FOLLOW,
  PAID_COOPERATION,
  PURCHASE_OFFER,
  SALES,
  SELF_PROMOTION,
} from './marketingPatterns.ts';

export const LEXICON_NAMES = [
  'absoluteClaims',
  'medicalClaims',
  'experienceClaims',
  'mutualFollow',
  'baitHooks',
  'selfPromotion',
  'adDisclaimers',
  'paidCooperation',
  'salesCues',
  'purchaseOffers',
  'commentRedirects',
  'contactAppAliases',
  'contactRedirects',
  'groupControlTools',
] as const;
export type LexiconName = (typeof LEXICON_NAMES)[number];

export interface LexiconDefault {
  pattern: RegExp;
  usedBy: string;
  origin: string;
}

export const DEFAULT_LEXICONS: Readonly<Record<LexiconName, LexiconDefault>> = {
  absoluteClaims: { pattern: ABSOLUTE_CLAIM, usedBy: 'misleading-marketing/absolute-claim', origin: 'Advertising Law of the PRC art. 9(3): "national-level", "highest-grade", "best" and like terms' },
  medicalClaims: {
    pattern: MEDICAL_CLAIM,
    usedBy: 'misleading-marketing/medical-claim',
    origin: 'Advertising Law of the PRC arts. 16–17: cure rates, efficacy guarantees, "no side effects" outside medical advertising',
  },
  experienceClaims: {
    pattern: EXPERIENCE_CLAIM,
    usedBy: 'misleading-marketing/fabricated-experience',
    origin: 'Advertising Law art. 28 (false advertising: fabricated effects), the seeds\' "lost 15 jin in three days"',
  },
  mutualFollow: { pattern: MUTUAL_FOLLOW, usedBy: 'engagement-bait/mutual-follow', origin: 'the seeds: mutual-follow schemes ("互关", "有关必回", "follow for follow")' },
  baitHooks: { pattern: BAIT_HOOK, usedBy: 'engagement-bait/bait-hook', origin: 'the seeds: "double-tap for a surprise", "评论区扣1接好运"' },
  selfPromotion: { pattern: SELF_PROMOTION, usedBy: 'engagement-bait/self-promotion', origin: 'YouTube Spam Collection (CC BY 4.0): chosen on two videos, checked on a third' },
  adDisclaimers: {
    pattern: DISCLAIMER,
    usedBy: 'undisclosed-promotion (seeded briefs, covert ads; read at partition and resolve)',
    origin: 'the seeds: paid posts claiming to be a consumer\'s own ("无广", "自费", "纯路人"); Advertising Law art. 14 (an ad must be identifiable as one)',
  },
  paidCooperation: {
    pattern: PAID_COOPERATION,
    usedBy: 'undisclosed-promotion, misleading-marketing, account-transformation (a note declaring paid cooperation)',
    origin: 'Advertising Law art. 14 and the platform\'s disclosure rules: "恰饭", "商单", "品牌合作", "#ad", "gifted"',
  },
  salesCues: {
    pattern: SALES,
    usedBy: 'undisclosed-promotion, misleading-marketing, account-transformation (a note selling: links, coupons, shops)',
    origin: 'the seeds: marketing notes and "private-domain" selling (链接, 下单, 优惠券, 私我)',
  },
  purchaseOffers: {
    pattern: PURCHASE_OFFER,
    usedBy: 'misleading-marketing (an offer to buy makes a personal note carrying claims an advertisement)',
    origin:
      'Advertising Law arts. 16–17 (no efficacy guarantees in health and medical advertising: "无效退款") and art. 28 (false advertising); e-commerce pressure selling: scarcity ("手慢无", "库存不多"), was-now prices ("原价…现在只要")',
  },
  commentRedirects: {
    pattern: COMMENT_REDIRECT,
    usedBy: 'undisclosed-promotion/seeded-brief (read at partition)',
    origin: 'the seeds: briefs sending readers to the comments for the link ("评论区自取", "链接在评论区")',
  },
  contactAppAliases: {
    pattern: WECHAT_ALIASES,
    usedBy: 'traffic-diversion (contacts in text and profiles; read at partition and resolve)',
    origin: 'the seeds: WeChat written around the filter ("薇信", "V信", "绿泡泡", "vx")',
  },
  contactRedirects: {
    pattern: CONTACT_REDIRECTS,
    usedBy: 'traffic-diversion/solicitation, private-deal, private-answer',
    origin: 'the seeds\' double act ("链接私你了") and redirections ("私我", "看我主页", "DM me")',
  },
  groupControlTools: {
    pattern: GROUP_CONTROL_TOOL,
    usedBy: 'water-army/group-control (matched against the client recorded for each comment)',
    origin:
      "the trade's names for water-army tooling: group control (群控) and cloud control (云控, 中控) systems driving many phones or accounts at once; not registration tools (fake-account's) nor account-matrix tools (矩阵), which businesses also use to run their own accounts",
  },
};

export interface LexiconExtension {
  /** Phrases matched literally, besides the default. */
  add?: string[];
  /** A regular expression replacing the default pattern. */
  pattern?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern a rule matches: the default, or the policy's replacement, with the policy's phrases added. */
export function compileLexicon(name: LexiconName, ext?: LexiconExtension): RegExp {
  const base = DEFAULT_LEXICONS[name].pattern;
  if (!ext || (!ext.pattern && !ext.add?.length)) return base;
  const source = ext.pattern ?? base.source;
  const added = (ext.add ?? []).map((p) => escape(p.normalize('NFKC').toLowerCase()));
  return new RegExp(added.length ? `(?:${source})|${added.join('|')}` : source, base.flags.replace('g', ''));
}

/** The lexicons of one policy, compiled once. */
export function lexiconsFor(exts: Partial<Record<LexiconName, LexiconExtension>> | undefined): (name: LexiconName) => RegExp {
  const compiled = new Map<LexiconName, RegExp>();
  return (name) => {
    let re = compiled.get(name);
    if (!re) compiled.set(name, (re = compileLexicon(name, exts?.[name])));
    return re;
  };
}
