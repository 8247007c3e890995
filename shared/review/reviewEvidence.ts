/**
 * The evidence a reviewer sees for one account, gathered once when the sample is drawn and
 * written beside the sweep (`sweeps/<id>/review/evidence/<accountId>.json`): the decision and its
 * findings, registration facts (IPs, device and licence ids only as salted hashes), the offending
 * notes and comments with their normalised text, and the other members of its cluster or ring.
 */
import type { Account, Comment, Note } from '#shared/contract/snapshotRecords';
import type { AccountBundle } from '#shared/detect/detectorPorts';
import { sensitiveHash } from '#shared/detect/text/hash';
import { normalizeText } from '#shared/detect/text/normalizeText';
import type { BlobStore } from '#shared/ports/blobStore';
import type { Decision } from '#shared/policy/decideAction';
import { bucketsOf } from '#shared/pipeline/hashBucket';
import { loadAccountBundles } from '#shared/pipeline/resolveBucket';
import { runLimited } from '#shared/pipeline/runLimited';
import { writeCaseEvidenceFile } from '#shared/pipeline/sweepArtifacts';

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
function pick<T>(items: T[], id: (t: T) => string, at: (t: T) => string, wanted: Set<string>, max: number): T[] {
  const referenced = items.filter((t) => wanted.has(id(t)));
  const rest = items.filter((t) => !wanted.has(id(t))).sort((a, b) => at(b).localeCompare(at(a)));
  return [...referenced, ...rest].slice(0, Math.max(max, referenced.length));
}

/** Builds and writes the evidence of every sampled account, reading only the account buckets that hold them or their related accounts. */
export async function writeCaseEvidence(work: BlobStore, sweepId: string, bucketCount: number, decisions: Decision[]): Promise<number> {
  const related = new Map<string, string[]>();
  const needed = new Set<string>();
  for (const d of decisions) {
    needed.add(d.accountId);
    const members = [...new Set(d.findings.flatMap((f) => f.evidence.relatedAccountIds ?? []))]
      .filter((m) => m !== d.accountId)
      .sort()
      .slice(0, MAX_RELATED);
    related.set(d.accountId, members);
    for (const m of members) needed.add(m);
  }
  const bundles = new Map<string, AccountBundle>();
  for (const bucket of bucketsOf(needed, bucketCount)) {
    for (const [id, b] of await loadAccountBundles(work, sweepId, bucket)) if (needed.has(id)) bundles.set(id, { ...b, signals: [] });
  }
  await runLimited(decisions, 16, async (d) => {
    const bundle = bundles.get(d.accountId);
    const noteIds = new Set(d.findings.flatMap((f) => f.evidence.noteIds ?? []));
    const commentIds = new Set(d.findings.flatMap((f) => f.evidence.commentIds ?? []));
    const evidence: CaseEvidence = {
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
        noteIds,
        MAX_NOTES,
      ).map(noteView),
      comments: pick(
        bundle?.comments ?? [],
        (c) => c.commentId,
        (c) => c.createdAt,
        commentIds,
        MAX_COMMENTS,
      ).map(commentView),
      related: (related.get(d.accountId) ?? []).map((m) => {
        const b = bundles.get(m);
        return {
          facts: accountFacts(m, b?.account),
          notes: pick(
            b?.notes ?? [],
            (n) => n.noteId,
            (n) => n.createdAt,
            noteIds,
            2,
          )
            .slice(0, 3)
            .map(noteView),
          comments: pick(
            b?.comments ?? [],
            (c) => c.commentId,
            (c) => c.createdAt,
            commentIds,
            2,
          )
            .slice(0, 3)
            .map(commentView),
        };
      }),
    };
    await writeCaseEvidenceFile(work, sweepId, evidence);
  });
  return decisions.length;
}
