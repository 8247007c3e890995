/**
 * Crew runs: on one note, a lockstep run of several distinct accounts (consecutive comments at most
 * `lockstepGapSeconds` apart), whatever they wrote. One run proves nothing (an early crowd on any
 * note looks the same); the same crew returning together to note after note does, which the account
 * detector checks (recurringCrew.ts). So every member gets one small signal per run: who else was in
 * it, and how many of its own comments there sold, amplified or asked where to buy. A run larger
 * than `maxRunAccounts` is a crowd, not a crew, and gives nothing (it also bounds the signal volume).
 * A crew working a note is most of who comments on it; on a creator's busy note the early run is a
 * small part of its audience, and its fans, who grow in number with the platform, are in it by
 * chance: a run of fewer than `minRunShare` of the note's commenters gives nothing either.
 */
import type { Signal } from '../../finding.ts';
import { capped, signal } from '../common.ts';
import type { Row } from './commentRow.ts';
import { CHANNEL_NOTE_COMMENTS, CODE, RULE_CREW } from './rules.ts';

/** `rows` sorted by time; the note's author is not part of a crew on its own note. */
export function crewRuns(noteId: string, rows: Row[], author: string | undefined, th: Record<string, number>): Signal[] {
  const out: Signal[] = [];
  const commenters = new Set<string>();
  for (const r of rows) if (r.a !== author) commenters.add(r.a);
  if (commenters.size < th.minRunAccounts) return out;
  let run: Row[] = [];
  const flush = () => {
    const members = new Map<string, Row[]>();
    for (const r of run) {
      let mine = members.get(r.a);
      if (!mine) members.set(r.a, (mine = []));
      mine.push(r);
    }
    run = [];
    if (members.size < th.minRunAccounts || members.size > th.maxRunAccounts || members.size < th.minRunShare * commenters.size) return;
    const everyone = [...members.keys()].sort();
    for (const a of everyone) {
      const mine = members.get(a)!;
      const selling = mine.filter((r) => r.k === 1).length;
      out.push(
        signal(a, CHANNEL_NOTE_COMMENTS, CODE, RULE_CREW, noteId, 0.2, {
          summary: `one of ${members.size} accounts commenting one after another`,
          noteIds: [noteId],
          commentIds: capped(
            mine.map((r) => r.c),
            10,
          ),
          relatedAccountIds: everyone.filter((b) => b !== a),
          clusterKey: `selling:${selling}`,
        }),
      );
    }
  };
  for (const r of rows) {
    if (r.a === author) continue;
    if (run.length > 0 && r.t - run[run.length - 1].t > th.lockstepGapSeconds) flush();
    run.push(r);
  }
  flush();
  return out;
}
