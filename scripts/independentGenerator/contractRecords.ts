/**
 * Turns the working model into CONTRACT §1 records (field names, ISO timestamps,
 * optional fields omitted when absent) and into label lines. Counts at takenAt
 * include the platform-wide followers and comments that lie outside the snapshot.
 */
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import { DAY, iso } from './clock.ts';
import type { Account, Comment, Follow, Note, Report } from './model.ts';
import type { Rng } from './prng.ts';

export function accountRecord(rng: Rng, a: Account, takenMs: number): Record<string, unknown> {
  const followerCount = a.baseFollowers + a.incoming;
  const rec: Record<string, unknown> = {
    accountId: a.id,
    createdAt: iso(a.createdMs),
    nickname: a.nickname,
  };
  if (a.history.length) rec.nicknameHistory = a.history.map((h) => ({ nickname: h.nickname, changedAt: iso(h.changedMs) }));
  if (a.bio !== undefined && a.bio !== '') rec.bio = a.bio;
  rec.accountType = a.type;
  if (a.brandId) rec.brandId = a.brandId;
  rec.followerCount = followerCount;
  rec.followingCount = a.baseFollowing + a.outgoing;
  if (followerCount >= 40 || a.curve.kind !== 'organic') {
    const h = followerHistory(rng, a, followerCount, takenMs);
    if (h.length) rec.followerHistory = h;
  }
  rec.registration = { ip: a.regIp, deviceId: a.regDevice, client: a.regClient };
  if (a.devices.length && rng.chance(0.93)) rec.devices = a.devices;
  if (a.qualification) rec.qualification = { licenseId: a.qualification.licenseId, verifiedAt: iso(a.qualification.verifiedMs) };
  return rec;
}

/** Daily samples over the last 30 days, shaped by how the followers were gained. */
function followerHistory(rng: Rng, a: Account, final: number, takenMs: number): Array<{ at: string; count: number }> {
  const out: Array<{ at: string; count: number }> = [];
  const growth = rng.float(0, 0.08);
  const viralPre = rng.float(0.25, 0.7);
  const plateauPeak = rng.float(1.02, 1.12);
  const curve = a.curve;
  for (let d = 30; d >= 0; d--) {
    const at = takenMs - d * DAY;
    if (at < a.createdMs) continue;
    let c: number;
    switch (curve.kind) {
      case 'viral': {
        const x = (at - curve.atMs) / DAY;
        const share = x <= 0 ? viralPre : viralPre + (1 - viralPre) * (1 - Math.exp(-x / 1.8));
        c = final * share;
        break;
      }
      case 'brushed': {
        let pending = 0;
        for (const s of curve.steps) if (s.atMs > at) pending += s.amount;
        c = (final - pending) * (1 - (growth / 4) * (d / 30));
        break;
      }
      case 'plateau': {
        c = at <= curve.atMs ? final * plateauPeak : final * (plateauPeak - (plateauPeak - 1) * Math.min(1, (at - curve.atMs) / (10 * DAY)));
        break;
      }
      default:
        c = final * (1 - growth * (d / 30)) * (1 + (d > 0 ? rng.float(-0.004, 0.004) : 0));
    }
    out.push({ at: iso(at), count: d === 0 ? final : Math.max(0, Math.round(c)) });
  }
  return out;
}

const q = JSON.stringify;

/** A note as one JSON line (built directly: the hot path for millions of records). */
export function noteLine(n: Note): string {
  let out = `{"noteId":"${n.id}","accountId":"${n.authorId}","createdAt":"${iso(n.createdMs)}","title":${q(n.title)},"body":${q(n.body)}`;
  if (n.tags) out += `,"tags":${q(n.tags)}`;
  out += `,"client":${q(n.client)}`;
  if (n.aigcDeclared !== undefined) out += `,"aigcDeclared":${n.aigcDeclared}`;
  if (n.brandIds) out += `,"brandIds":${q(n.brandIds)}`;
  if (n.sponsoredVia !== undefined) out += `,"sponsoredVia":${q(n.sponsoredVia)}`;
  if (n.deletedMs !== undefined) out += `,"deletedAt":"${iso(n.deletedMs)}"`;
  if (n.hiddenMs !== undefined) out += `,"hiddenAt":"${iso(n.hiddenMs)}"`;
  return `${out},"likeCount":${n.likeCount},"collectCount":${n.collectCount},"commentCount":${n.localComments + n.extraComments}}`;
}

export function commentLine(c: Comment): string {
  let out = `{"commentId":"${c.id}","noteId":"${c.noteId}","accountId":"${c.authorId}","createdAt":"${iso(c.createdMs)}","text":${q(c.text)}`;
  if (c.replyTo) out += `,"replyToCommentId":"${c.replyTo}"`;
  if (c.client) out += `,"client":${q(c.client)}`;
  return `${out}}`;
}

export function followLine(f: Follow): string {
  return `{"followerId":"${f.followerId}","followeeId":"${f.followeeId}","createdAt":"${iso(f.createdMs)}"}`;
}

export function reportRecord(r: Report): Record<string, unknown> {
  return { reportId: r.id, reporterId: r.reporterId, targetType: r.targetType, targetId: r.targetId, reason: r.reason, createdAt: iso(r.createdMs) };
}

export function labelRecord(a: Account): Record<string, unknown> {
  const codes = VIOLATION_CODES.filter((c) => a.truth.codes.has(c));
  const rec: Record<string, unknown> = { accountId: a.id, codes };
  if (codes.length && a.truth.variants.length) rec.variants = a.truth.variants;
  if (!codes.length && a.truth.hardNegative) rec.hardNegative = a.truth.hardNegative;
  return rec;
}
