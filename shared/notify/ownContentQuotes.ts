/**
 * Quotes for an account's notice: short excerpts of its OWN notes and comments that the findings
 * name, so the owner can find what broke the rule. A finding may name other users' notes (the note
 * a ring member commented under) or other accounts: only content this account authored, found in
 * its own records, is ever quoted. Deterministic: findings in order, ids in order, at most
 * MAX_QUOTES of QUOTE_CHARS characters each.
 */
import type { Comment, Note } from '#shared/contract/snapshotRecords';
import type { Finding } from '#shared/detect/finding';
import type { OwnQuote } from '#shared/policy/decideAction';

export const MAX_QUOTES = 3;
export const QUOTE_CHARS = 40;

/** The first `max` characters (code points) on one line, with an ellipsis when cut. */
export function shortExcerpt(text: string, max = QUOTE_CHARS): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()];
  return flat.length > max ? `${flat.slice(0, max).join('')}…` : flat.join('');
}

export function ownContentQuotes(accountId: string, findings: readonly Finding[], own: { notes: readonly Note[]; comments: readonly Comment[] }): OwnQuote[] {
  const notes = new Map(own.notes.filter((n) => n.accountId === accountId).map((n) => [n.noteId, n]));
  const comments = new Map(own.comments.filter((c) => c.accountId === accountId).map((c) => [c.commentId, c]));
  const quotes: OwnQuote[] = [];
  const seen = new Set<string>();
  const add = (q: OwnQuote) => {
    if (quotes.length >= MAX_QUOTES || !q.text || seen.has(`${q.kind}:${q.id}`)) return;
    seen.add(`${q.kind}:${q.id}`);
    quotes.push(q);
  };
  for (const f of findings) {
    for (const id of f.evidence.commentIds ?? []) {
      const c = comments.get(id);
      if (c) add({ kind: 'comment', id, text: shortExcerpt(c.text) });
    }
    for (const id of f.evidence.noteIds ?? []) {
      const n = notes.get(id);
      if (n) add({ kind: 'note', id, text: shortExcerpt(n.title.trim() ? `${n.title} ${n.body}` : n.body) });
    }
  }
  return quotes;
}
