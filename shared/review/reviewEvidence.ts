/**
 * The evidence a reviewer sees for one account, gathered once when the sample is drawn, bucket by
 * bucket (gatherEvidence.ts), beside the sweep (`sweeps/<id>/review/evidence/<accountId>.json`): the decision and its
 * findings, registration facts (IPs, device and licence ids only as salted hashes), the offending
 * notes and comments with their normalised text, and the other members of its cluster or ring.
 */
import type { Account, Comment, Note } from '#shared/contract/snapshotRecords';
import type { AccountBundle } from '#shared/detect/detectorPorts';
import { sensitiveHash } from '#shared/detect/text/hash';
import { normalizeText } from '#shared/detect/text/normalizeText';
import type { Decision } from '#shared/policy/decideAction';

const MAX_NOTES = 8;
const MAX_COMMENTS = 12;
const MAX_RELATED = 6;

export interface AccountFacts {
  accountId: string;
  nickname?: string;
  nicknameHistory?: Array<{ nickname: string; changedAt: string }>;
  bio?: string;
  accountType?: string;
  brandId?: string;
  createdAt?: string;
  followerCount?: number;
  followingCount?: number;
  registration?: { client?: string; ipHash?: string; deviceHash?: string };
  deviceHashes?: string[];
  qualification?: { licenseHash: string; verifiedAt?: string };
}

export interface NoteView {
  noteId: string;
  createdAt: string;
  title: string;
  body: string;
  normalized: string;
  tags?: string[];
  client?: string;
  deletedAt?: string;
  hiddenAt?: string;
  sponsoredVia?: string | null;
}

export interface CommentView {
  commentId: string;
  noteId: string;
  createdAt: string;
  text: string;
  normalized: string;
  client?: string;
}

export interface RelatedView {
  facts: AccountFacts;
  notes: NoteView[];
  comments: CommentView[];
}

export interface CaseEvidence {
  accountId: string;
  decision: Pick<Decision, 'codes' | 'action' | 'durationDays' | 'ruleIds' | 'severity' | 'score' | 'followerCount' | 'accountType' | 'priorOffenses'>;
  findings: Decision['findings'];
  account: AccountFacts;
  notes: NoteView[];
  comments: CommentView[];
  related: RelatedView[];
}

export function accountFacts(accountId: string, a: Account | undefined): AccountFacts {
  if (!a) return { accountId };
  return {
    accountId,
    nickname: a.nickname,
    nicknameHistory: a.nicknameHistory,
    bio: a.bio,
    accountType: a.accountType,
    brandId: a.brandId,
    createdAt: a.createdAt,
    followerCount: a.followerCount,
    followingCount: a.followingCount,
    registration: a.registration
      ? {
          client: a.registration.client,
          ipHash: a.registration.ip ? sensitiveHash('ip', a.registration.ip) : undefined,
          deviceHash: a.registration.deviceId ? sensitiveHash('device', a.registration.deviceId) : undefined,
        }
      : undefined,
    deviceHashes: a.devices?.map((d) => sensitiveHash('device', d)),
    qualification: a.qualification ? { licenseHash: sensitiveHash('license', a.qualification.licenseId), verifiedAt: a.qualification.verifiedAt } : undefined,
  };
}

const noteView = (n: Note): NoteView => ({
  noteId: n.noteId,
  createdAt: n.createdAt,
  title: n.title,
  body: n.body,
  normalized: normalizeText(`${n.title}\n${n.body}`),
  tags: n.tags,
  client: n.client,
  deletedAt: n.deletedAt,
  hiddenAt: n.hiddenAt,
  sponsoredVia: n.sponsoredVia,
});

const commentView = (c: Comment): CommentView => ({
  commentId: c.commentId,
  noteId: c.noteId,
  createdAt: c.createdAt,
  text: c.text,
  normalized: normalizeText(c.text),
  client: c.client,
});

/** The referenced items first, then the most recent others, up to `max`. */
function pick<T>(items: T[], id: (t: T) => string, at: (t: T) => string, wanted: ReadonlySet<string>, max: number): T[] {
  const referenced = items.filter((t) => wanted.has(id(t)));
  const rest = items.filter((t) => !wanted.has(id(t))).sort((a, b) => at(b).localeCompare(at(a)));
  return [...referenced, ...rest].slice(0, Math.max(max, referenced.length));
}

/** The related accounts an evidence shows: the other members of the decision's clusters and rings, at most MAX_RELATED, in id order. */
export function relatedMembers(d: Decision): string[] {
  return [...new Set(d.findings.flatMap((f) => f.evidence.relatedAccountIds ?? []))]
    .filter((m) => m !== d.accountId)
    .sort()
    .slice(0, MAX_RELATED);
}

/** The notes and comments a decision's findings name: shown first, for the account and for its related accounts. */
export function referencedItems(d: Decision): { noteIds: string[]; commentIds: string[] } {
  return {
    noteIds: [...new Set(d.findings.flatMap((f) => f.evidence.noteIds ?? []))],
    commentIds: [...new Set(d.findings.flatMap((f) => f.evidence.commentIds ?? []))],
  };
}

/** A sampled account's evidence without its related accounts' views (they live in other buckets: relatedView). */
export function ownEvidence(d: Decision, bundle: Pick<AccountBundle, 'account' | 'notes' | 'comments'> | undefined): CaseEvidence {
  const { noteIds, commentIds } = referencedItems(d);
  return {
    accountId: d.accountId,
    decision: {
      codes: d.codes,
      action: d.action,
      durationDays: d.durationDays,
      ruleIds: d.ruleIds,
      severity: d.severity,
      score: d.score,
      followerCount: d.followerCount,
      accountType: d.accountType,
      priorOffenses: d.priorOffenses,
    },
    findings: d.findings,
    account: accountFacts(d.accountId, bundle?.account),
    notes: pick(
      bundle?.notes ?? [],
      (n) => n.noteId,
      (n) => n.createdAt,
      new Set(noteIds),
      MAX_NOTES,
    ).map(noteView),
    comments: pick(
      bundle?.comments ?? [],
      (c) => c.commentId,
      (c) => c.createdAt,
      new Set(commentIds),
      MAX_COMMENTS,
    ).map(commentView),
    related: [],
  };
}

/** One related account as a sampled account's evidence shows it: its facts, and a few of its notes and comments (those the sampled decision names first). */
export function relatedView(
  accountId: string,
  bundle: Pick<AccountBundle, 'account' | 'notes' | 'comments'> | undefined,
  referenced: { noteIds: ReadonlySet<string>; commentIds: ReadonlySet<string> },
): RelatedView {
  return {
    facts: accountFacts(accountId, bundle?.account),
    notes: pick(
      bundle?.notes ?? [],
      (n) => n.noteId,
      (n) => n.createdAt,
      referenced.noteIds,
      2,
    )
      .slice(0, 3)
      .map(noteView),
    comments: pick(
      bundle?.comments ?? [],
      (c) => c.commentId,
      (c) => c.createdAt,
      referenced.commentIds,
      2,
    )
      .slice(0, 3)
      .map(commentView),
  };
}

/**
 * The whole evidence of one sampled account, from bundles already in memory: the definition the sharded gathering
 * (gatherEvidence.ts: each bucket's part where its records are) is checked against.
 */
export function caseEvidenceOf(d: Decision, bundles: ReadonlyMap<string, Pick<AccountBundle, 'account' | 'notes' | 'comments'>>): CaseEvidence {
  const { noteIds, commentIds } = referencedItems(d);
  const referenced = { noteIds: new Set(noteIds), commentIds: new Set(commentIds) };
  return { ...ownEvidence(d, bundles.get(d.accountId)), related: relatedMembers(d).map((m) => relatedView(m, bundles.get(m), referenced)) };
}
