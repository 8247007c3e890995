/**
 * Drafts → contract records (CONTRACT §1), one JSON line each, with only contract fields in a fixed key order;
 * and the ground-truth label line for an account.
 */
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import type { AccountDraft, Cohort, CommentDraft, FollowDraft, NoteDraft, ReportDraft } from './cohort.ts';
import { followerHistory } from './organicAccounts.ts';
import type { Rng } from './random.ts';
import { iso } from './time.ts';

export function accountRecord(cohort: Cohort, rng: Rng, a: AccountDraft): Record<string, unknown> {
  const r: Record<string, unknown> = { accountId: a.id, createdAt: iso(a.createdAt), nickname: a.nickname };
  if (a.nicknameHistory?.length) r.nicknameHistory = a.nicknameHistory.map((h) => ({ nickname: h.nickname, changedAt: iso(h.changedAt) }));
  if (a.bio !== undefined) r.bio = a.bio;
  r.accountType = a.accountType;
  if (a.brandId) r.brandId = a.brandId;
  r.followerCount = a.followerCount;
  r.followingCount = a.followingCount;
  const history = followerHistory(cohort, rng, a);
  if (history) r.followerHistory = history;
  r.registration = { ip: a.registration.ip, deviceId: a.registration.deviceId, client: a.registration.client };
  if (a.devices?.length) r.devices = a.devices;
  if (a.qualification) r.qualification = { licenseId: a.qualification.licenseId, verifiedAt: iso(a.qualification.verifiedAt) };
  return r;
}

export function noteRecord(n: NoteDraft): Record<string, unknown> {
  const r: Record<string, unknown> = { noteId: n.id, accountId: n.author.id, createdAt: iso(n.createdAt), title: n.title, body: n.body };
  if (n.tags?.length) r.tags = n.tags;
  r.client = n.client;
  if (n.aigcDeclared !== undefined) r.aigcDeclared = n.aigcDeclared;
  if (n.brandIds?.length) r.brandIds = n.brandIds;
  if (n.sponsoredVia !== undefined) r.sponsoredVia = n.sponsoredVia;
  if (n.deletedAt !== undefined) r.deletedAt = iso(n.deletedAt);
  if (n.hiddenAt !== undefined) r.hiddenAt = iso(n.hiddenAt);
  r.likeCount = n.likeCount;
  r.collectCount = n.collectCount;
  r.commentCount = n.commentCount;
  return r;
}

export function commentRecord(c: CommentDraft): Record<string, unknown> {
  const r: Record<string, unknown> = { commentId: c.id, noteId: c.note.id, accountId: c.author.id, createdAt: iso(c.createdAt), text: c.text };
  if (c.replyTo) r.replyToCommentId = c.replyTo;
  if (c.client) r.client = c.client;
  return r;
}

export function followRecord(f: FollowDraft): Record<string, unknown> {
  return { followerId: f.follower.id, followeeId: f.followee.id, createdAt: iso(f.createdAt) };
}

export function reportRecord(r: ReportDraft): Record<string, unknown> {
  return { reportId: r.id, reporterId: r.reporter.id, targetType: r.targetType, targetId: r.targetId, reason: r.reason, createdAt: iso(r.createdAt) };
}

/** The ground-truth line: codes in contract order, variants sorted, the hard-negative tag for clean accounts. */
export function labelRecord(a: AccountDraft): Record<string, unknown> {
  const r: Record<string, unknown> = { accountId: a.id, codes: VIOLATION_CODES.filter((c) => a.codes.has(c)), variants: [...a.variants].sort() };
  if (a.codes.size === 0 && a.hardNegative) r.hardNegative = a.hardNegative;
  return r;
}
