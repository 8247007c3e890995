/**
 * An account's partners in a crew's act, per note: its cast in a staged "where to buy" sitting (three
 * or more on a quiet note), a praise burst or its lockstep crew run; for a note's author, the crew acting on it. Other codes read it to tell the act's own lines
 * (said to a partner) from the same words said to a real reader.
 */
import type { Signal } from '../../finding.ts';
import { capped, signal } from '../common.ts';
import { CHANNEL_NOTE_COMMENTS, CODE, RULE_CREW, RULE_PRAISE, RULE_QA } from './rules.ts';

export const QA_SITTING = 'qa:sitting';
/** The note author's side of a crew's act on its note: no finding of its own, only whom the author's replies there answer. */
export const CREW_HOST = 'water-army/crew-host';

/**
 * The author of a note a crew acted on hosts the act: its replies there ("私你了", "看我主页") answer the crew's staged
 * questions (the seeds' 双簧 with the seller), so they are the act's lines too. Not evidence against the author by itself.
 */
export function crewHostSignal(noteId: string, author: string, acts: readonly Signal[]): Signal | undefined {
  const cast = [...new Set(acts.filter(isCrewAct).map((s) => s.accountId))].filter((a) => a !== author).sort();
  if (cast.length === 0) return undefined;
  return signal(author, CHANNEL_NOTE_COMMENTS, CODE, CREW_HOST, noteId, 0, {
    summary: `${cast.length} accounts acted as a crew on this account's note`,
    noteIds: [noteId],
    relatedAccountIds: capped(cast, 50),
  });
}

/** A member's signal from a crew's act on a note (key: the note): a crew run, a praise ring or a staged sitting. */
export function isCrewAct(s: Signal): boolean {
  if (s.code !== CODE || s.channel !== CHANNEL_NOTE_COMMENTS) return false;
  return s.ruleId === RULE_CREW || s.ruleId === RULE_PRAISE || (s.ruleId === RULE_QA && s.detail.clusterKey === QA_SITTING);
}

export function crewPartnersByNote(signals: readonly Signal[]): Map<string, Set<string>> {
  const byNote = new Map<string, Set<string>>();
  for (const s of signals) {
    if (!isCrewAct(s) && !(s.code === CODE && s.ruleId === CREW_HOST)) continue;
    let partners = byNote.get(s.key);
    if (!partners) byNote.set(s.key, (partners = new Set()));
    for (const a of s.detail.relatedAccountIds ?? []) partners.add(a);
  }
  return byNote;
}
