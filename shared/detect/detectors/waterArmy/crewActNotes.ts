/**
 * An account's partners in a crew's act, per note: its cast in a staged "where to buy" sitting (three
 * or more on a quiet note), a praise burst or its lockstep crew run; for a note's author, the crew acting on it
 * (its crew-host signal, crewHost.ts). Other codes read it to tell the act's own lines (said to a partner) from
 * the same words said to a real reader.
 */
import type { Signal } from '../../finding.ts';
import { CHANNEL_NOTE_COMMENTS, CODE, RULE_CREW, RULE_CREW_HOST, RULE_PRAISE, RULE_QA } from './rules.ts';

export const QA_SITTING = 'qa:sitting';

/** A member's signal from a crew's act on a note (key: the note): a crew run, a praise ring or a staged sitting. */
export function isCrewAct(s: Signal): boolean {
  if (s.code !== CODE || s.channel !== CHANNEL_NOTE_COMMENTS) return false;
  return s.ruleId === RULE_CREW || s.ruleId === RULE_PRAISE || (s.ruleId === RULE_QA && s.detail.clusterKey === QA_SITTING);
}

export function crewPartnersByNote(signals: readonly Signal[]): Map<string, Set<string>> {
  const byNote = new Map<string, Set<string>>();
  for (const s of signals) {
    if (!isCrewAct(s) && !(s.code === CODE && s.ruleId === RULE_CREW_HOST)) continue;
    let partners = byNote.get(s.key);
    if (!partners) byNote.set(s.key, (partners = new Set()));
    for (const a of s.detail.relatedAccountIds ?? []) partners.add(a);
  }
  return byNote;
}
