/**
 * engagement-bait: mutual-follow schemes, "double-tap for a surprise" hooks, sensational titles.
 * AccountDetector only: patterns over the account's notes, comments, nickname and bio;
 * each rule needs repetition (a declaration counts twice: in the profile, or as the title of a note,
 * where the appeal is what the note is about, e.g. a note titled "互关🔁"; mutual-follow only).
 */
import type { AccountDetector } from '../detectorPorts.ts';
import type { Finding } from '../finding.ts';
import { PRICE, SENSATIONAL, hookForm } from '../text/marketingPatterns.ts';
import { normalizeField, normalizeText } from '../text/normalizeText.ts';
import { capped, excerpt, finding, lexiconOf, thresholdsOf } from './common.ts';
import { crewPartnersByNote } from './waterArmy/crewActNotes.ts';

const CODE = 'engagement-bait' as const;
export const RULE_MUTUAL = 'engagement-bait/mutual-follow';
export const RULE_HOOK = 'engagement-bait/bait-hook';
export const RULE_SENSATIONAL = 'engagement-bait/sensational-title';
export const RULE_SELF_PROMOTION = 'engagement-bait/self-promotion';
/** Stand-ins for 互/关 that normalisation keeps: 🔁/🔄 ("🔁关注" = 互关注) and the Japanese 関 ("求関注", "秒回関"). */
const STAND_INS = /\u{1f501}|\u{1f504}|関/gu;
const STAND_IN_TO: Record<string, string> = { '\u{1f501}': '互', '\u{1f504}': '互', 関: '关' };
const unStandIn = (t: string) => (t.includes('\u{1f501}') || t.includes('\u{1f504}') || t.includes('関') ? t.replace(STAND_INS, (c) => STAND_IN_TO[c]) : t);

export const engagementBaitDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const out: Finding[] = [];
    // every text is matched as written (normalised) and in its letters-only form (separators, emoji and pinyin dodges undone)
    // stand-ins for 互/关 are read as such in the letters-only form (which would otherwise drop 🔁)
    const both = (t: string) => `${t}\n${hookForm(unStandIn(t))}`;
    const profile = bundle.account ? both(normalizeText(`${bundle.account.nickname}\n${bundle.account.bio ?? ''}`)) : '';
    const notes = bundle.notes.map((n) => {
      const title = normalizeField(n.title);
      const body = normalizeField(n.body);
      return { id: n.noteId, shown: title, title: both(title), text: both(`${title}\n${body}`), body };
    });
    const comments = bundle.comments.map((c) => {
      const plain = normalizeText(c.text);
      return { id: c.commentId, noteId: c.noteId, plain, text: both(plain) };
    });

    for (const [rule, re, inComments] of [
      [RULE_MUTUAL, lexiconOf(ctx, 'mutualFollow'), true],
      [RULE_HOOK, lexiconOf(ctx, 'baitHooks'), false],
    ] as const) {
      const th = thresholdsOf(ctx, rule);
      const noteHits = notes.filter((n) => re.test(n.text));
      const commentHits = inComments ? comments.filter((c) => re.test(c.text)) : [];
      const profileHit = re.test(profile);
      // only for mutual-follow: a giveaway title ("关注抽奖") by a brand is not a scheme
      const titled = rule === RULE_MUTUAL ? noteHits.filter((n) => re.test(n.title)).length : 0;
      const weight = noteHits.length + titled + commentHits.length + (profileHit ? 2 : 0);
      if (weight < th.minItems) continue;
      const matched = capped(
        [...noteHits.map((n) => n.text), ...commentHits.map((c) => c.text), ...(profileHit ? [profile] : [])].map((t) => excerpt(re.exec(t)?.[0] ?? t, 20)),
        5,
      );
      out.push(
        finding(bundle.accountId, CODE, rule, Math.min(0.95, 0.5 + 0.08 * weight), {
          summary: `${rule === RULE_MUTUAL ? 'mutual-follow scheme' : 'engagement hook'} in ${noteHits.length} note(s), ${commentHits.length} comment(s)${profileHit ? ' and the profile' : ''}`,
          noteIds: noteHits.length ? capped(noteHits.map((n) => n.id)) : undefined,
          commentIds: commentHits.length ? capped(commentHits.map((c) => c.id)) : undefined,
          matched,
        }),
      );
    }

    // asking for follows under other people's notes: most real spammers post once, so one comment is enough to warn
    const own = new Set(bundle.notes.map((n) => n.noteId));
    const selfPromotion = lexiconOf(ctx, 'selfPromotion');
    // not inside a crew's act on a note (its "看我主页" there is the act's line, water-army's evidence: one act, one code)
    const acts = crewPartnersByNote(bundle.signals);
    const promoting = comments.filter((c) => !own.has(c.noteId) && !acts.has(c.noteId) && selfPromotion.test(c.plain));
    if (promoting.length >= thresholdsOf(ctx, RULE_SELF_PROMOTION).minComments) {
      out.push(
        finding(bundle.accountId, CODE, RULE_SELF_PROMOTION, Math.min(0.8, 0.45 + 0.05 * promoting.length), {
          summary: `asks readers to follow or visit the account in ${promoting.length} comment(s) under others' notes`,
          commentIds: capped(promoting.map((c) => c.id)),
          matched: capped(
            promoting.map((c) => excerpt(selfPromotion.exec(c.plain)?.[0] ?? c.plain, 20)),
            5,
          ),
        }),
      );
    }

    // a sensational title over a body that sells (a sales cue, a price) is a misleading title used to
    // sell: misleading-marketing's (CONTRACT), not a hook for attention
    const th = thresholdsOf(ctx, RULE_SENSATIONAL);
    const sales = lexiconOf(ctx, 'salesCues');
    const sensational = notes.filter((n) => SENSATIONAL.test(n.title) && !sales.test(n.body) && !PRICE.test(n.body));
    if (sensational.length >= th.minNotes && sensational.length >= th.minShare * notes.length) {
      out.push(
        finding(bundle.accountId, CODE, RULE_SENSATIONAL, Math.min(0.85, 0.4 + 0.05 * sensational.length), {
          summary: `${sensational.length} of ${notes.length} notes use sensational titles`,
          noteIds: capped(sensational.map((n) => n.id)),
          matched: capped(
            sensational.map((n) => excerpt(n.shown, 30)),
            5,
          ),
        }),
      );
    }
    return out;
  },
};
