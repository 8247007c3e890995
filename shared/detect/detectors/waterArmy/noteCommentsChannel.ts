/**
 * Channel `note-comments` (key: the note): one compact row per comment and one per note (its
 * author). Per note it runs the mechanisms that need all of a note's comments together: praise
 * bursts, scripted Q&A and crew runs for water-army, instant replies and fresh-note comments for ai-hosted.
 */
import type { Channel, Comment, Note } from '../../detectorPorts.ts';
import type { Signal } from '../../finding.ts';
import { freshComments, RULE_FULL as RULE_AI_FULL } from '../aiHosted.ts';
import { epochSeconds, thresholdsOf } from '../common.ts';
import { commentRow, type Row } from './commentRow.ts';
import { crewHostSignals } from './crewHost.ts';
import { instantReplies } from './instantReplies.ts';
import { praiseBursts } from './praiseBursts.ts';
import { crewRuns } from './crewRuns.ts';
import { CHANNEL_NOTE_COMMENTS, CODE, RULE_AI_INSTANT, RULE_CREW, RULE_PRAISE, RULE_QA } from './rules.ts';
import { scriptedQa } from './scriptedQa.ts';

/** The codes that read a crew's acts on a note: water-army itself, and those whose lines inside an act are the act's. */
const ACT_READERS = [CODE, 'traffic-diversion', 'engagement-bait', 'undisclosed-promotion'] as const;

export const noteCommentsChannel: Channel = {
  name: CHANNEL_NOTE_COMMENTS,
  codes: [...ACT_READERS, 'ai-hosted'],
  keys(kind, record) {
    if (kind === 'notes') {
      const n = record as Note;
      return [{ key: n.noteId, row: { o: n.accountId, nt: epochSeconds(n.createdAt) } }];
    }
    if (kind !== 'comments') return [];
    const c = record as Comment;
    return [{ key: c.noteId, row: commentRow(c) }];
  },
  group(noteId, raw, ctx) {
    // a crew's acts are read by the codes that must not count the act's lines twice: a sweep of one of them alone
    // (an on-demand campaign) judges those lines as a full sweep does
    const wa = ACT_READERS.some((c) => ctx.enabled(c));
    const ai = ctx.enabled('ai-hosted');
    if (!wa && !ai) return [];
    let author: string | undefined;
    let noteAt = 0;
    const rows: Row[] = [];
    for (const r of raw) {
      if (r.o === undefined) rows.push(r as unknown as Row);
      else {
        author = String(r.o);
        noteAt = Number(r.nt ?? 0);
      }
    }
    // ai-hosted commenting: one comment seconds after the note appeared, so it needs no second comment
    const out: Signal[] = ai ? freshComments(CHANNEL_NOTE_COMMENTS, noteId, noteAt, author, rows, thresholdsOf(ctx, RULE_AI_FULL)) : [];
    if (rows.length < 2) return out;
    rows.sort((x, y) => x.t - y.t || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
    if (wa) {
      const acts = [
        ...praiseBursts(noteId, rows, author, thresholdsOf(ctx, RULE_PRAISE)),
        ...scriptedQa(noteId, rows, author, thresholdsOf(ctx, RULE_QA)),
        ...crewRuns(noteId, rows, author, thresholdsOf(ctx, RULE_CREW)),
      ];
      out.push(...acts);
      // the act's host; whether the crew was hired for the author's promotion is undisclosed-promotion's call
      out.push(...crewHostSignals(noteId, author, acts, rows, ctx.enabled('undisclosed-promotion')));
    }
    if (ai) out.push(...instantReplies(noteId, rows, author, thresholdsOf(ctx, RULE_AI_INSTANT)));
    return out;
  },
};
