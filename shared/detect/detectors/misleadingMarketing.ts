/**
 * misleading-marketing: absolute claims, cure claims, fabricated before/after experiences
 * and misleading titles — only in commercial notes (a brand or professional account, or a
 * note naming a brand or carrying sales cues). A personal note's "最好的一天" is not marketing;
 * personal accounts need the claim in more notes (personalMinNotes) before a finding.
 * Misleading titles: a title borrowing an authority (state media, regulators, doctors) over a
 * selling body is enough once on a business account (minAuthorityNotes); free, clearance or
 * manufactured-popularity bait ("免费送", "清仓", "全网都在抢") needs repetition (minNotes),
 * since shops run real sales and giveaways.
 */
import type { AccountDetector, Note } from '../detectorPorts.ts';
import type { Finding } from '../finding.ts';
import { assertedMatch, BEFORE_AFTER_EFFECT, BEFORE_AFTER_PICTURE, hardSellCues, PRICE, TITLE_AUTHORITY, TITLE_BAIT } from '../text/marketingPatterns.ts';
import { normalizeField } from '../text/normalizeText.ts';
import { capped, finding, lexiconOf, thresholdsOf } from './common.ts';

const CODE = 'misleading-marketing' as const;
export const RULE_ABSOLUTE = 'misleading-marketing/absolute-claim';
export const RULE_MEDICAL = 'misleading-marketing/medical-claim';
export const RULE_EXPERIENCE = 'misleading-marketing/fabricated-experience';
export const RULE_TITLE = 'misleading-marketing/misleading-title';

interface Hit {
  id: string;
  match: string;
  /** a title borrowing an authority (state media, regulators, doctors) rather than promising something free */
  authority?: boolean;
}

export const misleadingMarketingDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE) || bundle.notes.length === 0) return [];
    const type = bundle.account?.accountType ?? 'personal';
    const commercialAccount = type === 'brand' || type === 'professional';
    const hits: Record<string, Hit[]> = { [RULE_ABSOLUTE]: [], [RULE_MEDICAL]: [], [RULE_EXPERIENCE]: [], [RULE_TITLE]: [] };
    const notes = [...bundle.notes].sort((x: Note, y: Note) => (x.noteId < y.noteId ? -1 : 1));
    const [absolute, medical, experience] = [lexiconOf(ctx, 'absoluteClaims'), lexiconOf(ctx, 'medicalClaims'), lexiconOf(ctx, 'experienceClaims')];
    const [SALES, PAID_COOPERATION, OFFER] = [lexiconOf(ctx, 'salesCues'), lexiconOf(ctx, 'paidCooperation'), lexiconOf(ctx, 'purchaseOffers')];
    for (const n of notes) {
      const title = normalizeField(n.title);
      const body = normalizeField(n.body);
      const text = `${title}\n${body}`;
      const sales = SALES.test(text);
      const brand = (n.brandIds?.length ?? 0) > 0;
      // commercial: a brand or professional account, an explicit sales cue or offer to buy, or a brand with a price or a paid cooperation;
      // a personal note naming a brand or quoting a price is a review, not an ad
      const commercial = commercialAccount || sales || OFFER.test(text) || hardSellCues(text).length > 0 || (brand && (PRICE.test(text) || PAID_COOPERATION.test(text)));
      if (!commercial) continue;
      for (const [rule, re] of [
        [RULE_ABSOLUTE, absolute],
        [RULE_MEDICAL, medical],
        [RULE_EXPERIENCE, experience],
      ] as const) {
        const m = rule === RULE_EXPERIENCE ? re.exec(text) : assertedMatch(re, text);
        if (m) hits[rule].push({ id: n.noteId, match: m[0] });
      }
      // a before/after picture is an efficacy claim only about a body or a product's effect, not a room makeover
      const pic = BEFORE_AFTER_PICTURE.exec(text);
      if (pic && !hits[RULE_EXPERIENCE].some((h) => h.id === n.noteId) && BEFORE_AFTER_EFFECT.test(text)) hits[RULE_EXPERIENCE].push({ id: n.noteId, match: pic[0] });
      const am = TITLE_AUTHORITY.exec(title);
      const tm = am ?? TITLE_BAIT.exec(title);
      if (tm && (SALES.test(body) || PRICE.test(body))) hits[RULE_TITLE].push({ id: n.noteId, match: tm[0], authority: !!am });
    }
    const out: Finding[] = [];
    for (const rule of [RULE_ABSOLUTE, RULE_MEDICAL, RULE_EXPERIENCE, RULE_TITLE]) {
      const list = hits[rule];
      if (list.length === 0) continue;
      const th = thresholdsOf(ctx, rule);
      let need = commercialAccount ? th.minNotes : Math.max(th.minNotes, th.personalMinNotes ?? th.minNotes);
      // a business selling under a borrowed authority ("央视推荐", "药监局认可") needs no repetition
      if (rule === RULE_TITLE && commercialAccount && list.some((h) => h.authority)) need = Math.min(need, th.minAuthorityNotes ?? need);
      if (list.length < need) continue;
      const what = { [RULE_ABSOLUTE]: 'absolute claims', [RULE_MEDICAL]: 'cure/efficacy claims', [RULE_EXPERIENCE]: 'dramatic before/after experiences', [RULE_TITLE]: 'misleading titles' }[rule];
      out.push(
        finding(bundle.accountId, CODE, rule, Math.min(0.95, 0.55 + 0.08 * list.length), {
          summary: `${what} in ${list.length} commercial note(s)`,
          noteIds: capped(list.map((h) => h.id)),
          matched: capped(
            list.map((h) => h.match),
            8,
          ),
        }),
      );
    }
    return out;
  },
};
