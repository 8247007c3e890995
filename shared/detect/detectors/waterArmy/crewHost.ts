/**
 * The host of a crew's act: the author of a note a crew acted on (isCrewAct: a crew run, praise ring or staged sitting).
 * Its replies there ("私你了", "看我主页") answer the crew's staged questions (the seeds' 双簧 with the seller), so they are
 * the act's lines too. Not evidence against the author by itself: crews also work popular creators' notes for cover.
 *
 * One crew, computed once, gives the author two signal records, read by different codes:
 *  - `water-army/crew-host` (score 0, no finding of its own): the crew, for the codes that keep an act's lines out
 *    (crewPartnersByNote: traffic-diversion, engagement-bait); filed whenever the note-comments channel reads acts;
 *  - `undisclosed-promotion/crew-seeded` (score 0.5): the crew and the author's own lines in the thread, flagged when one
 *    answers a "where to buy" with a private link (HOST_ANSWERED); whether the crew was hired for the author's promotion
 *    is undisclosed-promotion's call at resolve (crewSeeded). Filed only when that code is on.
 * The records stay two, each as it was: the group stage's signal files are part of the decision digests
 * (tests/pipeline/decisionsUnchanged.test.ts), so folding them into one is a digest change of its own.
 */
import type { Signal } from '../../finding.ts';
import { RULE_CREW_SEEDED } from '../../ruleCatalog.ts';
import { capped, signal } from '../common.ts';
import { isCrewAct } from './crewActNotes.ts';
import { CHANNEL_NOTE_COMMENTS, CODE, RULE_CREW_HOST } from './rules.ts';

/** clusterKey of a crew-seeded host signal whose author answered a "where to buy" inside the act. */
export const HOST_ANSWERED = 'hosted:answered';

/** The note-comments row fields a host signal reads: who wrote the comment, its id, and whether it answers with a private link. */
export interface HostRow {
  a: string;
  c: string;
  r?: number;
}

/** The author's host signals for one note's acts (`acts`: the note's own; none when no one but the author acted). */
export function crewHostSignals(noteId: string, author: string | undefined, acts: readonly Signal[], rows: readonly HostRow[], promotion: boolean): Signal[] {
  if (author === undefined) return [];
  const crew = [...new Set(acts.filter(isCrewAct).map((s) => s.accountId))].filter((a) => a !== author).sort();
  if (crew.length === 0) return [];
  const out = [
    signal(author, CHANNEL_NOTE_COMMENTS, CODE, RULE_CREW_HOST, noteId, 0, {
      summary: `${crew.length} accounts acted as a crew on this account's note`,
      noteIds: [noteId],
      relatedAccountIds: capped(crew, 50),
    }),
  ];
  if (!promotion) return out;
  const own = rows.filter((r) => r.a === author);
  const answered = own.some((r) => r.r === 1);
  out.push(
    signal(author, CHANNEL_NOTE_COMMENTS, 'undisclosed-promotion', RULE_CREW_SEEDED, noteId, 0.5, {
      summary: `a crew of ${crew.length} worked this account's note${answered ? ', and the account answered inside the act' : ''}`,
      noteIds: [noteId],
      // the author's lines in the thread, and whether one answers a "where to buy" with a private link
      ...(own.length ? { commentIds: capped(own.map((r) => r.c).sort(), 10) } : {}),
      relatedAccountIds: capped(crew, 20),
      clusterKey: answered ? HOST_ANSWERED : 'hosted',
    }),
  );
  return out;
}
