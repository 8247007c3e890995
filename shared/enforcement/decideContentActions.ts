/**
 * Content actions: which of the account's own notes and comments are removed or limited, decided
 * with the account's decision from the findings it acted on, per the policy's `contentActions`
 * table. Only the account's own items are acted on (a ring finding also names the notes the ring
 * commented under, which belong to others), and only items the author has not deleted. Pure and
 * deterministic: sorted by kind and id, capped per account, so replay decides the same.
 */
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { ContentAction, Decision } from '#shared/policy/decideAction';
import type { ContentActionKind, Policy } from '#shared/policy/policySchema';

export interface OwnItems {
  /** The account's notes still up (not deleted by their author). */
  noteIds: ReadonlySet<string>;
  commentIds: ReadonlySet<string>;
}

const RANK: Record<ContentActionKind, number> = { limit: 1, remove: 2 };
const stronger = (a: ContentActionKind | undefined, b: ContentActionKind | undefined) => (a === undefined ? b : b === undefined ? a : RANK[b] > RANK[a] ? b : a);

export function decideContentActions(decision: Pick<Decision, 'action' | 'findings'>, own: OwnItems, policy: Pick<Policy, 'contentActions'>): ContentAction[] {
  const table = policy.contentActions;
  if (!table || decision.action === 'none') return [];
  const banned = decision.action === 'ban' ? table.banned : undefined;
  const items = new Map<string, { kind: ContentAction['kind']; itemId: string; action: ContentActionKind; codes: Set<ViolationCode>; ruleIds: Set<string> }>();
  const add = (kind: ContentAction['kind'], itemId: string, action: ContentActionKind | undefined, code: ViolationCode, ruleId: string) => {
    if (!action) return;
    const key = `${kind}:${itemId}`;
    const item = items.get(key);
    if (!item) items.set(key, { kind, itemId, action, codes: new Set([code]), ruleIds: new Set([ruleId]) });
    else {
      item.action = stronger(item.action, action)!;
      item.codes.add(code);
      item.ruleIds.add(ruleId);
    }
  };
  for (const f of decision.findings) {
    const rule = table.codes[f.code];
    const notes = stronger(rule?.notes, banned?.notes);
    const comments = stronger(rule?.comments, banned?.comments);
    for (const id of f.evidence.noteIds ?? []) if (own.noteIds.has(id)) add('note', id, notes, f.code, f.ruleId);
    for (const id of f.evidence.commentIds ?? []) if (own.commentIds.has(id)) add('comment', id, comments, f.code, f.ruleId);
  }
  return [...items.values()]
    .sort((a, b) => (a.kind === b.kind ? (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0) : a.kind === 'note' ? -1 : 1))
    .slice(0, table.maxItemsPerAccount)
    .map((i) => ({ kind: i.kind, itemId: i.itemId, action: i.action, codes: [...i.codes].sort(), ruleIds: [...i.ruleIds].sort() }));
}

export interface ContentCounts {
  notesRemoved: number;
  notesLimited: number;
  commentsRemoved: number;
  commentsLimited: number;
}
/** Content actions counted once each in `total`, and under each code that named the item in `byCode`. */
export interface ContentTally {
  total: ContentCounts;
  byCode: Record<string, ContentCounts>;
}

export const emptyContentCounts = (): ContentCounts => ({ notesRemoved: 0, notesLimited: 0, commentsRemoved: 0, commentsLimited: 0 });
export const emptyContentTally = (): ContentTally => ({ total: emptyContentCounts(), byCode: {} });

const countKey = (kind: ContentAction['kind'], action: ContentActionKind): keyof ContentCounts => `${kind}s${action === 'remove' ? 'Removed' : 'Limited'}` as keyof ContentCounts;

export function tallyContent(tally: ContentTally, a: Pick<ContentAction, 'kind' | 'action' | 'codes'>, by = 1): ContentTally {
  const k = countKey(a.kind, a.action);
  tally.total[k] += by;
  for (const code of a.codes) (tally.byCode[code] ??= emptyContentCounts())[k] += by;
  return tally;
}

export function addTallies(into: ContentTally, from: ContentTally): ContentTally {
  for (const k of Object.keys(into.total) as Array<keyof ContentCounts>) into.total[k] += from.total[k];
  for (const [code, c] of Object.entries(from.byCode)) {
    const t = (into.byCode[code] ??= emptyContentCounts());
    for (const k of Object.keys(t) as Array<keyof ContentCounts>) t[k] += c[k];
  }
  return into;
}

export const contentItemCount = (c: ContentCounts) => c.notesRemoved + c.notesLimited + c.commentsRemoved + c.commentsLimited;
