/**
 * water-army/group-control: comments posted through a group-control tool. The platform records the client behind
 * every comment; 群控 and 云控 systems drive many phones or accounts at once to comment on cue, which is what a
 * hired comment crew runs on, and an ordinary reader comments from the app. An account with ≥ minComments such
 * comments under others' notes is part of a water army whatever its words and whoever it commented with (the
 * crews that comment once per note, or on notes no ring shares, leave the lockstep rules nothing to compare).
 * The tool names are the `groupControlTools` lexicon, extendable per policy.
 */
import type { AccountBundle, DetectContext } from '../../detectorPorts.ts';
import type { Finding } from '../../finding.ts';
import { DEFAULT_LEXICONS } from '../../text/lexicons.ts';
import { capped, excerpt, finding, thresholdsOf } from '../common.ts';
import { CODE, RULE_GROUP_CONTROL } from './rules.ts';

export function groupControlFinding(bundle: AccountBundle, ctx: DetectContext): Finding | undefined {
  const tool = ctx.lexicon?.('groupControlTools') ?? DEFAULT_LEXICONS.groupControlTools.pattern;
  const own = new Set(bundle.notes.map((n) => n.noteId));
  const driven = bundle.comments.filter((c) => c.client && !own.has(c.noteId) && tool.test(c.client.normalize('NFKC').toLowerCase()));
  const th = thresholdsOf(ctx, RULE_GROUP_CONTROL);
  if (driven.length < th.minComments) return undefined;
  driven.sort((x, y) => (x.commentId < y.commentId ? -1 : 1));
  const clients = [...new Set(driven.map((c) => c.client!))].sort();
  return finding(bundle.accountId, CODE, RULE_GROUP_CONTROL, Math.min(0.9, 0.6 + 0.05 * driven.length), {
    summary: `${driven.length} comment(s) under others' notes posted through a group-control tool (${clients.slice(0, 3).join(', ')})`,
    noteIds: capped(new Set(driven.map((c) => c.noteId)), 20),
    commentIds: capped(
      driven.map((c) => c.commentId),
      20,
    ),
    matched: capped(
      driven.map((c) => excerpt(c.text, 30)),
      5,
    ),
  });
}
