/**
 * Scripted Q&A: a "can't find it / where to buy" question answered by a "sent you the link
 * privately" reply, linked by replyToCommentId or by time adjacency; and the staged act around it.
 */
import type { Signal } from '../../finding.ts';
import { capped, signal } from '../common.ts';
import type { Row } from './commentRow.ts';
import { QA_SITTING } from './crewActNotes.ts';
import { CHANNEL_NOTE_COMMENTS, CODE, RULE_QA } from './rules.ts';

export function scriptedQa(noteId: string, rows: Row[], author: string | undefined, th: Record<string, number>): Signal[] {
  const byId = new Map<string, Row>();
  for (const r of rows) byId.set(r.c, r);
  const out: Signal[] = [];
  const seen = new Set<string>();
  const pairs: [Row, Row][] = [];
  const pair = (q: Row, ans: Row) => {
    if (q.a === ans.a || ans.a === author || q.a === author) return;
    const id = `${q.c}|${ans.c}`;
    if (seen.has(id)) return;
    seen.add(id);
    pairs.push([q, ans]);
    for (const [self, other] of [
      [q, ans],
      [ans, q],
    ] as const) {
      out.push(
        signal(self.a, CHANNEL_NOTE_COMMENTS, CODE, RULE_QA, noteId, 0.6, {
          summary: self === q ? 'asked a scripted "where to buy" question answered off-platform' : 'answered a "where to buy" question with a private link',
          noteIds: [noteId],
          commentIds: [self.c],
          relatedAccountIds: [other.a],
          clusterKey: self === q ? 'qa:ask' : 'qa:answer',
        }),
      );
    }
  };
  const questions = rows.filter((r) => r.q === 1);
  if (questions.length === 0) return out;
  for (const ans of rows) {
    if (ans.r !== 1) continue;
    if (ans.p) {
      const q = byId.get(ans.p);
      if (q && q.q === 1) pair(q, ans);
      continue;
    }
    // adjacency: the nearest earlier question by another account within the gap
    let best: Row | undefined;
    for (const q of questions) {
      if (q.t > ans.t) break;
      if (q.a !== ans.a && ans.t - q.t <= th.maxGapSeconds) best = q;
    }
    if (best) pair(best, ans);
  }
  out.push(...qaSittings(noteId, rows, author, pairs, th));
  return out;
}

/**
 * The sitting around a scripted exchange: a ring stages its act in one go (some cheering, then the
 * question and the private-link answer), so the selling comments chained to the pair at most
 * sittingGapSeconds apart are one cast. On a quiet note (≤ maxSittingBystanders other comments in
 * the span) every member of the cast is tied to every other: a ring whose askers and cheerers
 * rotate from note to note still meets the same partners on several notes, and a one-time cast
 * member sits beside confirmed ones (ring-associate). On a busy note only the pair is tied.
 */
function qaSittings(noteId: string, rows: Row[], author: string | undefined, pairs: [Row, Row][], th: Record<string, number>): Signal[] {
  const casts = new Map<string, Set<string>>(); // account → cast partners on this note
  const idsOf = new Map<string, Set<string>>();
  const index = new Map(rows.map((r, i) => [r, i]));
  const selling = (r: Row) => r.k === 1 && r.a !== author;
  for (const [q, ans] of pairs) {
    let lo = index.get(q)!;
    let hi = index.get(ans)!;
    // chain outwards over selling comments; ordinary comments neither extend nor break the chain
    for (let i = lo - 1, edge = rows[lo].t; i >= 0 && edge - rows[i].t <= th.sittingGapSeconds; i--) if (selling(rows[i])) ((lo = i), (edge = rows[i].t));
    for (let i = hi + 1, edge = rows[hi].t; i < rows.length && rows[i].t - edge <= th.sittingGapSeconds; i++) if (selling(rows[i])) ((hi = i), (edge = rows[i].t));
    const cast = new Set<string>();
    for (let i = lo; i <= hi; i++) if (selling(rows[i])) cast.add(rows[i].a);
    let bystanders = 0;
    for (let i = lo; i <= hi; i++) if (!cast.has(rows[i].a)) bystanders += 1;
    if (cast.size < 3 || bystanders > th.maxSittingBystanders) continue;
    for (let i = lo; i <= hi; i++) {
      const r = rows[i];
      if (!cast.has(r.a)) continue;
      let ids = idsOf.get(r.a);
      if (!ids) idsOf.set(r.a, (ids = new Set()));
      ids.add(r.c);
    }
    for (const a of cast) {
      let set = casts.get(a);
      if (!set) casts.set(a, (set = new Set()));
      for (const b of cast) if (b !== a) set.add(b);
    }
  }
  return [...casts.keys()].sort().map((a) =>
    signal(a, CHANNEL_NOTE_COMMENTS, CODE, RULE_QA, noteId, 0.5, {
      summary: `one of ${casts.get(a)!.size + 1} accounts staging a "where to buy" act together`,
      noteIds: [noteId],
      commentIds: capped(idsOf.get(a)!, 10),
      relatedAccountIds: capped([...casts.get(a)!].sort(), 50),
      clusterKey: QA_SITTING,
    }),
  );
}
