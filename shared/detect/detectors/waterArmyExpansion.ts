/**
 * water-army ring expansion, the map side of the ExpandRings stage (shared/pipeline/expandRingsBucket.ts).
 *
 * A ring works each note with a random part of its members, and an asker may ask only once, so
 * many members act in just one detectable burst and the repetition check (ringVerdicts) cannot
 * confirm them alone. Once a member IS confirmed, everyone who burst or acted with it is told so:
 * one `ring-confirmed` signal per (co-member, note), naming the confirmed members of this account
 * bucket that acted with it there. The account detector then weighs them (rule ring-associate).
 *
 * Crews are told the same way, separately (rule crew-associate): a member confirmed by repetition
 * or by the crew's return (recurring-crew) tells the others of each of its lockstep crew runs. A
 * hired crew works each note with a random part of its members too, so a member who met fewer
 * than minPartners of them on three notes is not a crew by itself; the confirmed crew around it is.
 */
import type { DetectContext } from '../detectorPorts.ts';
import type { Signal } from '../finding.ts';
import { CHANNEL_NOTE_COMMENTS, CHANNEL_RING_CONFIRMED, RULE_ASSOCIATE, RULE_CREW, RULE_CREW_ASSOCIATE, RULE_PRAISE, RULE_QA, recurringCrewFinding, ringVerdicts } from './waterArmy/index.ts';
import { signal } from './common.ts';

const CODE = 'water-army' as const;

type Told = Map<string, Map<string, Set<string>>>; // co-member → note → confirmed members of this bucket

function tell(told: Told, member: string, s: Signal): void {
  for (const other of s.detail.relatedAccountIds ?? []) {
    if (other === member) continue;
    let notes = told.get(other);
    if (!notes) told.set(other, (notes = new Map()));
    let set = notes.get(s.key);
    if (!set) notes.set(s.key, (set = new Set()));
    set.add(member);
  }
}

/**
 * `signals`: the `note-comments` signals of one account bucket (any accounts, any order).
 * Returns the `ring-confirmed` signals for the co-members of its confirmed ring and crew members,
 * sorted by (account, rule, note) so the files written from them are byte-identical on every run.
 */
export function ringConfirmations(signals: Signal[], ctx: DetectContext): Signal[] {
  if (!ctx.enabled(CODE)) return [];
  const byAccount = new Map<string, Signal[]>();
  for (const s of signals) {
    if (s.code !== CODE || s.channel !== CHANNEL_NOTE_COMMENTS || (s.ruleId !== RULE_PRAISE && s.ruleId !== RULE_QA && s.ruleId !== RULE_CREW)) continue;
    let list = byAccount.get(s.accountId);
    if (!list) byAccount.set(s.accountId, (list = []));
    list.push(s);
  }
  const ringTold: Told = new Map();
  const crewTold: Told = new Map();
  for (const [member, own] of byAccount) {
    const ring = ringVerdicts(own, ctx).length > 0;
    if (ring) for (const s of own) if (s.ruleId !== RULE_CREW) tell(ringTold, member, s);
    if (ring || recurringCrewFinding(member, own, ctx)) for (const s of own) if (s.ruleId === RULE_CREW) tell(crewTold, member, s);
  }
  const out: Signal[] = [];
  const accounts = [...new Set([...ringTold.keys(), ...crewTold.keys()])].sort();
  for (const other of accounts) {
    for (const [rule, told] of [
      [RULE_ASSOCIATE, ringTold],
      [RULE_CREW_ASSOCIATE, crewTold],
    ] as const) {
      const notes = told.get(other);
      if (!notes) continue;
      for (const noteId of [...notes.keys()].sort()) {
        const members = [...notes.get(noteId)!].sort();
        out.push(
          signal(other, CHANNEL_RING_CONFIRMED, CODE, rule, noteId, 0.5, {
            summary: rule === RULE_ASSOCIATE ? `acted with ${members.length} confirmed ring member(s) on this note` : `ran in lockstep with ${members.length} confirmed crew member(s) on this note`,
            noteIds: [noteId],
            relatedAccountIds: members,
          }),
        );
      }
    }
  }
  return out;
}
