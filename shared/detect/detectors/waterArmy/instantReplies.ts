/** ai-hosted on the note-comments channel: replies posted seconds after the comment they answer. */
import type { Signal } from '../../finding.ts';
import { signal } from '../common.ts';
import type { Row } from './commentRow.ts';
import { CHANNEL_NOTE_COMMENTS, RULE_AI_INSTANT } from './rules.ts';

export function instantReplies(noteId: string, rows: Row[], author: string | undefined, th: Record<string, number>): Signal[] {
  const byId = new Map<string, Row>();
  for (const r of rows) byId.set(r.c, r);
  const out: Signal[] = [];
  for (const r of rows) {
    if (!r.p) continue;
    const parent = byId.get(r.p);
    if (!parent || parent.a === r.a) continue;
    const latency = r.t - parent.t;
    if (latency >= 0 && latency <= th.instantReplySeconds) {
      out.push(
        signal(r.a, CHANNEL_NOTE_COMMENTS, 'ai-hosted', RULE_AI_INSTANT, noteId, 0.3, {
          summary: `replied within ${latency}s`,
          noteIds: [noteId],
          commentIds: [r.c],
          relatedAccountIds: r.a === author ? undefined : [parent.a],
        }),
      );
    }
  }
  return out;
}
