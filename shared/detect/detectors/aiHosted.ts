/**
 * ai-hosted: notes, comments and interactions produced by AI hosting tools.
 *
 * AccountDetector over the account's notes and comments, plus instant-reply signals from the
 * `note-comments` channel (see waterArmy/noteCommentsChannel.ts):
 *  - automation clients: items posted through `open-api` or a tool instead of an official app;
 *  - machine cadence: inter-post gaps with a tiny coefficient of variation;
 *  - round-the-clock activity: even the quietest 5-hour block of the day holds a large share;
 *  - registration through an automation tool;
 *  - hosted commenting: most comments on other people's notes posted within seconds to a couple
 *    of minutes of the note appearing, under many authors' notes (freshComments, filed by the
 *    `note-comments` channel).
 * Graded: fully hosted (critical) when registered by a hosting tool, nearly everything is
 * automated, machine cadence meets round-the-clock activity, or the commenting is hosted; occasional (low) for some
 * automated items or repeated instant replies. A person who declares AI-assisted notes
 * (aigcDeclared) and posts from the app at human times is not flagged: declaration is not
 * evidence, only automation is.
 */
import type { AccountDetector } from '../detectorPorts.ts';
import type { Finding, Signal } from '../finding.ts';
import { capped, epochSeconds, finding, isFarmTool, isOfficialClient, namesAutomation, signal, thresholdsOf } from './common.ts';

const CODE = 'ai-hosted' as const;
export const RULE_FULL = 'ai-hosted/fully-hosted';
export const RULE_OCCASIONAL = 'ai-hosted/occasional';

/** Coefficient of variation of the gaps between sorted times. */
export function cadenceCv(times: number[]): number {
  if (times.length < 3) return Number.POSITIVE_INFINITY;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(times[i] - times[i - 1]);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  if (mean <= 0) return 0;
  const variance = gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length;
  return Math.sqrt(variance) / mean;
}

/**
 * Comments posted within `freshCommentSeconds` of someone else's note appearing. Hosting tools watch
 * the feed and comment on new notes seconds to a couple of minutes after they go up, note after note;
 * people come across notes later and at random. One Signal per such comment (key: the note), filed by
 * the `note-comments` channel, which holds the note's author and creation time next to its comments.
 */
export function freshComments(channel: string, noteId: string, noteAt: number, author: string | undefined, rows: readonly { a: string; c: string; t: number }[], th: Record<string, number>): Signal[] {
  if (!(noteAt > 0)) return [];
  const out: Signal[] = [];
  for (const r of rows) {
    const latency = r.t - noteAt;
    if (r.a === author || latency < 0 || latency > th.freshCommentSeconds) continue;
    out.push(
      signal(r.a, channel, CODE, RULE_FULL, noteId, 0.3, {
        summary: `commented ${latency}s after the note appeared`,
        noteIds: [noteId],
        commentIds: [r.c],
        relatedAccountIds: author ? [author] : undefined,
      }),
    );
  }
  return out;
}

/** Share of activity in the quietest 5-hour block of the day (UTC hours; the block is circular). */
export function quietBlockShare(times: number[]): number {
  if (times.length === 0) return 0;
  const hours = new Array<number>(24).fill(0);
  for (const t of times) hours[Math.floor((t % 86400) / 3600)] += 1;
  let min = Number.POSITIVE_INFINITY;
  for (let s = 0; s < 24; s++) {
    let sum = 0;
    for (let k = 0; k < 5; k++) sum += hours[(s + k) % 24];
    min = Math.min(min, sum);
  }
  return min / times.length;
}

/** Not an official app, not a multi-instance farm tool, and named for AI hosting or automation. */
function isHostingClient(client: string | undefined): boolean {
  return !isOfficialClient(client) && !isFarmTool(client) && namesAutomation(client);
}

export const aiHostedDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const th = thresholdsOf(ctx, RULE_FULL);
    const thO = thresholdsOf(ctx, RULE_OCCASIONAL);
    const items = [
      ...bundle.notes.map((n) => ({ id: n.noteId, kind: 'note' as const, t: epochSeconds(n.createdAt), client: n.client })),
      ...bundle.comments.map((c) => ({ id: c.commentId, kind: 'comment' as const, t: epochSeconds(c.createdAt), client: c.client })),
    ].sort((x, y) => x.t - y.t || (x.id < y.id ? -1 : 1));
    // posted by a tool that names AI hosting or automation: a third-party tool named for batches, many accounts or
    // many phones ("BatchPoster", "多号管家") runs a farm, which is fake-account and homogeneous-content evidence, not AI
    const automated = items.filter((i) => isHostingClient(i.client));
    const share = items.length ? automated.length / items.length : 0;
    const times = items.map((i) => i.t);
    // comments are interactions: a regular round-the-clock comment stream is a bot; a regular note stream alone
    // may be a creator's scheduler, so it needs automation clients as well
    const streamCv = (ts: number[]) => (ts.length >= th.minCadenceItems ? cadenceCv(ts) : Number.POSITIVE_INFINITY);
    const commentTimes = items.filter((i) => i.kind === 'comment').map((i) => i.t);
    const commentCv = streamCv(commentTimes);
    const cv = Math.min(streamCv(times), streamCv(items.filter((i) => i.kind === 'note').map((i) => i.t)), commentCv);
    const quiet = commentTimes.length >= Math.max(24, th.minCadenceItems) ? quietBlockShare(commentTimes) : 0;
    const roundTheClock = quiet >= th.minQuietShare;
    const botCadence = (commentCv <= th.maxCadenceCv && roundTheClock) || (cv <= th.maxCadenceCv && share >= 0.5);
    // hosted commenting: most comments on other people's notes land seconds after the note appeared
    const ownNotes = new Set(bundle.notes.map((n) => n.noteId));
    const onOthers = bundle.comments.filter((c) => !ownNotes.has(c.noteId)).length;
    const fresh = bundle.signals.filter((s) => s.code === CODE && s.ruleId === RULE_FULL);
    const freshNotes = new Set(fresh.map((s) => s.key)).size;
    // across many authors: a fan with notifications on is first under one creator's notes, a tool under anyone's
    const freshAuthors = new Set(fresh.flatMap((s) => s.detail.relatedAccountIds ?? [])).size;
    const hostedCommenting = freshNotes >= th.minFreshComments && freshAuthors >= th.minFreshAuthors && onOthers > 0 && fresh.length / onOthers >= th.minFreshShare;
    const regClient = bundle.account?.registration.client;
    const registeredByTool = isHostingClient(regClient);

    const reasons: string[] = [];
    if (registeredByTool) reasons.push(`registered through "${regClient}"`);
    if (items.length >= th.minItems && share >= th.minAutomatedShare) reasons.push(`${automated.length} of ${items.length} posts via automation clients`);
    if (hostedCommenting) reasons.push(`${fresh.length} of ${onOthers} comments posted within ${th.freshCommentSeconds}s of the note appearing, under ${freshAuthors} authors`);
    if (botCadence) reasons.push(`machine cadence (gap variation ${cv.toFixed(2)})${roundTheClock ? ', commenting round the clock' : ''}`);
    const clients = capped(
      automated.map((i) => i.client ?? ''),
      5,
    ).filter(Boolean);
    const evidenceIds = (kind: 'note' | 'comment') => {
      const ids = capped(
        automated.filter((i) => i.kind === kind).map((i) => i.id),
        20,
      );
      return ids.length ? ids : undefined;
    };
    const freshIds = capped(
      fresh.flatMap((s) => s.detail.commentIds ?? []),
      20,
    );
    if (reasons.length > 0) {
      return [
        finding(bundle.accountId, CODE, RULE_FULL, Math.min(0.98, 0.75 + 0.08 * reasons.length), {
          summary: reasons.join('; '),
          noteIds: evidenceIds('note'),
          commentIds: hostedCommenting ? capped([...(evidenceIds('comment') ?? []), ...freshIds], 20) : evidenceIds('comment'),
          matched: clients.length ? clients : undefined,
        }),
      ];
    }

    const out: Finding[] = [];
    const instant = bundle.signals.filter((s) => s.code === CODE && s.ruleId === RULE_OCCASIONAL);
    const occasional: string[] = [];
    if (automated.length >= thO.minItems) occasional.push(`${automated.length} of ${items.length} posts via automation clients`);
    if (instant.length >= thO.minInstantReplies) occasional.push(`${instant.length} replies within ${thO.instantReplySeconds}s`);
    if (occasional.length > 0) {
      out.push(
        finding(bundle.accountId, CODE, RULE_OCCASIONAL, Math.min(0.8, 0.4 + 0.05 * (automated.length + instant.length)), {
          summary: occasional.join('; '),
          noteIds: evidenceIds('note'),
          commentIds: capped([...(evidenceIds('comment') ?? []), ...instant.flatMap((s) => s.detail.commentIds ?? [])], 20),
          matched: clients.length ? clients : undefined,
        }),
      );
    }
    return out;
  },
};
