/**
 * Drafts → contract records (CONTRACT §1), one JSON line each, with only contract fields in a fixed key order
 * (hand-built: this runs for every record and JSON.stringify on record objects was the biggest single cost);
 * and the ground-truth label line for an account. Ids, timestamps and enum values never need escaping.
 */
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import type { AccountDraft, Cohort, CommentDraft, FollowDraft, NoteDraft, ReportDraft } from './cohort.ts';
import { followerHistory } from './organicAccounts.ts';
import type { Rng } from './random.ts';
import { iso } from './time.ts';

/**
 * JSON string literal. Most generated strings need no escaping, and concatenating them is several times cheaper
 * than JSON.stringify on a record object; anything with quotes, backslashes, control characters, line separators
 * or surrogates (emoji, possibly unpaired) goes through JSON.stringify, which escapes it exactly.
 */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;
export function q(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

function qList(list: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) out += (i ? ',' : '') + q(list[i]);
  return out + ']';
}

/** One account line (contract fields only, fixed key order). */
export function accountLine(cohort: Cohort, rng: Rng, a: AccountDraft): string {
  let s = '{"accountId":' + q(a.id) + ',"createdAt":"' + iso(a.createdAt) + '","nickname":' + q(a.nickname);
  if (a.nicknameHistory?.length) {
    s += ',"nicknameHistory":[';
    a.nicknameHistory.forEach((h, i) => (s += (i ? ',' : '') + '{"nickname":' + q(h.nickname) + ',"changedAt":"' + iso(h.changedAt) + '"}'));
    s += ']';
  }
  if (a.bio !== undefined) s += ',"bio":' + q(a.bio);
  s += ',"accountType":"' + a.accountType + '"';
  if (a.brandId) s += ',"brandId":' + q(a.brandId);
  s += ',"followerCount":' + a.followerCount + ',"followingCount":' + a.followingCount;
  const history = followerHistory(cohort, rng, a);
  if (history) {
    s += ',"followerHistory":[';
    history.forEach((h, i) => (s += (i ? ',' : '') + '{"at":"' + h.at + '","count":' + h.count + '}'));
    s += ']';
  }
  s += ',"registration":{"ip":' + q(a.registration.ip) + ',"deviceId":' + q(a.registration.deviceId) + ',"client":' + q(a.registration.client) + '}';
  if (a.devices?.length) s += ',"devices":' + qList(a.devices);
  if (a.qualification) s += ',"qualification":{"licenseId":' + q(a.qualification.licenseId) + ',"verifiedAt":"' + iso(a.qualification.verifiedAt) + '"}';
  return s + '}';
}

export function noteLine(n: NoteDraft): string {
  let s = '{"noteId":"' + n.id + '","accountId":"' + n.author.id + '","createdAt":"' + iso(n.createdAt) + '","title":' + q(n.title) + ',"body":' + q(n.body);
  if (n.tags?.length) s += ',"tags":' + qList(n.tags);
  s += ',"client":' + q(n.client);
  if (n.aigcDeclared !== undefined) s += ',"aigcDeclared":' + n.aigcDeclared;
  if (n.brandIds?.length) s += ',"brandIds":' + qList(n.brandIds);
  if (n.sponsoredVia !== undefined) s += ',"sponsoredVia":' + (n.sponsoredVia === null ? 'null' : q(n.sponsoredVia));
  if (n.deletedAt !== undefined) s += ',"deletedAt":"' + iso(n.deletedAt) + '"';
  if (n.hiddenAt !== undefined) s += ',"hiddenAt":"' + iso(n.hiddenAt) + '"';
  return s + ',"likeCount":' + n.likeCount + ',"collectCount":' + n.collectCount + ',"commentCount":' + n.commentCount + '}';
}

export function commentLine(c: CommentDraft): string {
  let s = '{"commentId":"' + c.id + '","noteId":"' + c.note.id + '","accountId":"' + c.author.id + '","createdAt":"' + iso(c.createdAt) + '","text":' + q(c.text);
  if (c.replyTo) s += ',"replyToCommentId":"' + c.replyTo + '"';
  if (c.client) s += ',"client":' + q(c.client);
  return s + '}';
}

export function followLine(f: FollowDraft): string {
  return '{"followerId":"' + f.follower.id + '","followeeId":"' + f.followee.id + '","createdAt":"' + iso(f.createdAt) + '"}';
}

export function reportLine(r: ReportDraft): string {
  return (
    '{"reportId":"' +
    r.id +
    '","reporterId":"' +
    r.reporter.id +
    '","targetType":"' +
    r.targetType +
    '","targetId":"' +
    r.targetId +
    '","reason":' +
    q(r.reason) +
    ',"createdAt":"' +
    iso(r.createdAt) +
    '"}'
  );
}

/** The same records as objects (JSON.stringify of these equals the hand-built lines; used to check them). */
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

/** The ground-truth line: codes in contract order, variants sorted, the hard-negative tag for clean accounts. */
export function labelRecord(a: AccountDraft): Record<string, unknown> {
  const r: Record<string, unknown> = { accountId: a.id, codes: VIOLATION_CODES.filter((c) => a.codes.has(c)), variants: [...a.variants].sort() };
  if (a.codes.size === 0 && a.hardNegative) r.hardNegative = a.hardNegative;
  return r;
}
