/**
 * water-army ring expansion, the map side of the ExpandRings stage (shared/pipeline/expandRingsBucket.ts).
 *
 * A ring works each note with a random part of its members, and an asker may ask only once, so
 * many members act in just one detectable burst and the repetition check (ringVerdicts) cannot
 * confirm them alone. Once a member IS confirmed, everyone who burst or acted with it is told so:
 * one `ring-confirmed` signal per (co-member, note), naming the confirmed members of this account
 * bucket that acted with it there. The account detector then weighs them (rule ring-associate).
 */
import type { DetectContext } from '../detectorPorts.ts';
import type { Signal } from '../finding.ts';
import { CHANNEL_NOTE_COMMENTS, CHANNEL_RING_CONFIRMED, RULE_ASSOCIATE, RULE_PRAISE, RULE_QA, ringVerdicts } from './waterArmy/index.ts';
import { signal } from './common.ts';

const CODE = 'water-army' as const;

/**
 * `signals`: the `note-comments` signals of one account bucket (any accounts, any order).
 * Returns the `ring-confirmed` signals for the co-members of its confirmed ring members,
 * sorted by (account, note) so the files written from them are byte-identical on every run.
 */
export function ringConfirmations(signals: Signal[], ctx: DetectContext): Signal[] {
  if (!ctx.enabled(CODE)) return [];
  const byAccount = new Map<string, Signal[]>();
  for (const s of signals) {
    if (s.code !== CODE || s.channel !== CHANNEL_NOTE_COMMENTS || (s.ruleId !== RULE_PRAISE && s.ruleId !== RULE_QA)) continue;
    let list = byAccount.get(s.accountId);
    if (!list) byAccount.set(s.accountId, (list = []));
    list.push(s);
  }
  // co-member → note → confirmed members of this bucket that acted with it there
  const told = new Map<string, Map<string, Set<string>>>();
  for (const [member, own] of byAccount) {
    if (ringVerdicts(own, ctx).length === 0) continue;
    for (const s of own) {
      for (const other of s.detail.relatedAccountIds ?? []) {
        if (other === member) continue;
        let notes = told.get(other);
        if (!notes) told.set(other, (notes = new Map()));
        let set = notes.get(s.key);
        if (!set) notes.set(s.key, (set = new Set()));
        set.add(member);
      }
    }
  }
  const out: Signal[] = [];
  for (const other of [...told.keys()].sort()) {
    const notes = told.get(other)!;
    for (const noteId of [...notes.keys()].sort()) {
      const members = [...notes.get(noteId)!].sort();
      out.push(
        signal(other, CHANNEL_RING_CONFIRMED, CODE, RULE_ASSOCIATE, noteId, 0.5, {
          summary: `acted with ${members.length} confirmed ring member(s) on this note`,
          noteIds: [noteId],
          relatedAccountIds: members,
        }),
      );
    }
  }
  return out;
}
