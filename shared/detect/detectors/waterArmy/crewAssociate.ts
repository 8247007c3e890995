/**
 * Crew expansion (resolve): an account that is not a crew by itself (recurring-crew) but ran, on
 * ≥ minNotes notes, in a lockstep crew run where ≥ minConfirmedPartners of its run partners, and
 * ≥ minConfirmedShare of them, are confirmed members (a ring member or a recurring crew, told by
 * ExpandRings). A hired crew works each note with a random part of its members, so some meet too
 * few of the others on three notes to be a crew alone; beside the confirmed crew, run after run,
 * they are its members. A reader who happens to comment inside one crew run is there once, and
 * among a busy note's early crowd the confirmed are a minority: neither is taken.
 * Supporting evidence only (severity low): alone it warns.
 */
import type { DetectContext } from '../../detectorPorts.ts';
import type { Finding, Signal } from '../../finding.ts';
import { capped, finding, thresholdsOf } from '../common.ts';
import { CHANNEL_NOTE_COMMENTS, CHANNEL_RING_CONFIRMED, CODE, RULE_CREW, RULE_CREW_ASSOCIATE } from './rules.ts';

export function crewAssociateFinding(accountId: string, signals: Signal[], ctx: DetectContext): Finding | undefined {
  const th = thresholdsOf(ctx, RULE_CREW_ASSOCIATE);
  const runPartners = new Map<string, Set<string>>(); // note → its crew-run partners there
  const commentsOn = new Map<string, string[]>();
  const confirmedOn = new Map<string, Set<string>>(); // note → confirmed members in its runs there
  for (const s of signals) {
    if (s.code !== CODE) continue;
    const onNote = s.channel === CHANNEL_NOTE_COMMENTS && s.ruleId === RULE_CREW ? runPartners : s.channel === CHANNEL_RING_CONFIRMED && s.ruleId === RULE_CREW_ASSOCIATE ? confirmedOn : undefined;
    if (!onNote) continue;
    let set = onNote.get(s.key);
    if (!set) onNote.set(s.key, (set = new Set()));
    for (const a of s.detail.relatedAccountIds ?? []) if (a !== accountId) set.add(a);
    if (onNote === runPartners) commentsOn.set(s.key, [...(commentsOn.get(s.key) ?? []), ...(s.detail.commentIds ?? [])]);
  }
  const notes: string[] = [];
  const partners = new Set<string>();
  for (const [n, run] of [...runPartners].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const confirmed = [...(confirmedOn.get(n) ?? [])].filter((a) => run.has(a));
    if (confirmed.length < th.minConfirmedPartners || confirmed.length < th.minConfirmedShare * run.size) continue;
    notes.push(n);
    for (const a of confirmed) partners.add(a);
  }
  if (notes.length < th.minNotes) return undefined;
  return finding(accountId, CODE, RULE_CREW_ASSOCIATE, Math.min(0.8, 0.5 + 0.02 * partners.size + 0.03 * notes.length), {
    summary: `commented in lockstep crew runs on ${notes.length} notes, most of each run confirmed members (${partners.size} in all)`,
    noteIds: capped(notes, 20),
    commentIds: capped(
      notes.flatMap((n) => commentsOn.get(n) ?? []),
      20,
    ),
    relatedAccountIds: capped([...partners].sort(), 20),
  });
}
