/** The water-army account detector: confirmed ring members (repetition), the ring core, associates, and comments driven by a group-control tool. */
import type { AccountBundle, AccountDetector, DetectContext } from '../../detectorPorts.ts';
import { groupControlFinding } from './groupControl.ts';
import type { Finding } from '../../finding.ts';
import { capped, excerpt, finding, thresholdsOf } from '../common.ts';
import { crewAssociateFinding } from './crewAssociate.ts';
import { recurringCrewFinding } from './recurringCrew.ts';
import { ringAssociateFinding } from './ringAssociate.ts';
import { ringVerdicts } from './ringVerdicts.ts';
import { CHANNEL_NOTE_COMMENTS, CODE, RULE_CORE, RULE_PRAISE } from './rules.ts';

export const waterArmyDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const tool = groupControlFinding(bundle, ctx);
    return tool ? [...ringFindings(bundle, ctx), tool] : ringFindings(bundle, ctx);
  },
};

/** Lockstep rings and crews, from the note-comments channel's signals and the ExpandRings stage's. */
function ringFindings(bundle: AccountBundle, ctx: DetectContext): Finding[] {
  const mine = bundle.signals.filter((s) => s.code === CODE && s.channel === CHANNEL_NOTE_COMMENTS);
  if (mine.length === 0) return [];
  const textOf = new Map(bundle.comments.map((c) => [c.commentId, c.text]));
  const out: Finding[] = [];
  const ringNotes = new Set<string>();
  const ringPartners = new Set<string>();
  const verdicts = ringVerdicts(mine, ctx);
  for (const { rule, stats: st, partners, answered, serialAnswerer, castNotes } of verdicts) {
    const th = thresholdsOf(ctx, rule);
    for (const n of st.notes) ringNotes.add(n);
    for (const p of partners) ringPartners.add(p);
    const commentIds = capped(st.commentIds, 20);
    const matched = capped(
      commentIds
        .map((c) => textOf.get(c))
        .filter((t): t is string => !!t)
        .map((t) => excerpt(t, 30)),
      5,
    );
    out.push(
      finding(bundle.accountId, CODE, rule, Math.min(0.98, 0.55 + 0.08 * st.notes.size + 0.04 * partners.length), {
        summary:
          rule === RULE_PRAISE
            ? `near-identical burst comments on ${st.notes.size} notes with the same ${partners.length} account(s)`
            : serialAnswerer && partners.length < th.minPartners
              ? `answered "where to buy" questions with private links on ${answered} notes`
              : partners.length < th.minPartners
                ? `in staged "where to buy" acts of ≥${th.minCastAccounts} accounts on ${castNotes} notes`
                : `scripted question/answer acts on ${st.notes.size} notes with the same ${partners.length} account(s)`,
        noteIds: capped(st.notes, 20),
        commentIds,
        relatedAccountIds: capped(partners.length ? partners : [...st.partnerNotes.keys()], 20),
        matched: matched.length ? matched : undefined,
      }),
    );
  }
  // a crew returning together to note after note, whatever it wrote (the bursts above need matching words)
  const crew = recurringCrewFinding(bundle.accountId, mine, ctx);
  if (out.length === 0) {
    // not a repeat member itself: is it a one-time participant in a confirmed ring's bursts?
    const associate = ringAssociateFinding(bundle.accountId, bundle.signals, textOf, ctx);
    // or, not a crew by itself, a member of a confirmed crew's runs on several notes
    const crewMember = crew || associate ? undefined : crewAssociateFinding(bundle.accountId, bundle.signals, ctx);
    return [...(crew ? [crew] : []), ...(associate ? [associate] : []), ...(crewMember ? [crewMember] : [])];
  }
  if (crew) out.push(crew);
  const core = thresholdsOf(ctx, RULE_CORE);
  if (ringNotes.size >= core.minNotes && ringPartners.size >= core.minPartners) {
    out.push(
      finding(bundle.accountId, CODE, RULE_CORE, 0.97, {
        summary: `core member of a comment ring: ${ringNotes.size} notes, ${ringPartners.size} repeat partners`,
        noteIds: capped(ringNotes, 20),
        relatedAccountIds: capped(ringPartners, 20),
      }),
    );
  }
  return out;
}
