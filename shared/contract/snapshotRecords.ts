/** CONTRACT §1: the snapshot `crackdown-snapshot/1`, validated record by record. Unknown fields are ignored. */
import { z } from 'zod';

/**
 * Size limits beyond which a record is quarantined (docs/snapshot-input.md). The contract sets no
 * sizes; these are far above what a real export holds, and keep one hostile record from breaking
 * a stage (a 1 MB id does not fit a DynamoDB item) or slowing the detectors' text scans.
 */
export const SNAPSHOT_LIMITS = {
  /** Every id and id-like string: accountId, noteId, commentId, reportId, brandId, deviceId, licenseId… */
  idChars: 128,
  /** Short labels: nickname, client, a tag, ip, report reason. */
  labelChars: 512,
  /** Note title. */
  titleChars: 1_000,
  /** Account bio, comment text. */
  textChars: 20_000,
  /** Note body. */
  bodyChars: 100_000,
  /** A whole line of a part, in bytes: longer lines are skipped unparsed. */
  lineBytes: 1024 * 1024,
} as const;

/** Timestamps before this are absurd for a platform export (year 0001, a zeroed date). */
export const EARLIEST_TIMESTAMP = '2000-01-01T00:00:00Z';
const EARLIEST_MS = Date.parse(EARLIEST_TIMESTAMP);

const OFFSET_RE = /[+-]\d{2}:?\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const NOT_ISO = 'must be an ISO-8601 UTC timestamp';

/** The number in `s` from `at`, `n` ASCII digits long, or -1. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Epoch milliseconds of an ISO-8601 UTC timestamp that names a real calendar instant
 * (`YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `+00:00`), or the reason it does not (an offset
 * other than UTC, 2026-02-30, 25:00). On the hot path: a character scan, no regex, no Date parsing.
 */
export function parseUtcTimestamp(s: string): number | string {
  const len = s.length;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (len < 17 || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':') return NOT_ISO;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s[i] === ':') {
    second = digits(s, i + 1, 2);
    if (second < 0) return NOT_ISO;
    i += 3;
    if (s[i] === '.') {
      let scale = 100;
      let n = 0;
      for (i += 1; i < len; i++, n++) {
        const d = s.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        ms += d * scale;
        scale /= 10;
      }
      if (n === 0 || n > 9) return NOT_ISO;
      ms = Math.floor(ms);
    }
  }
  const zone = s.slice(i);
  if (zone !== 'Z' && zone !== '+00:00') return OFFSET_RE.test(zone) ? 'must be UTC (Z), not a local offset' : NOT_ISO;
  if (month < 1 || month > 12) return 'has no such month';
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return 'has no such day';
  if (hour > 23 || minute > 59 || second > 59) return 'has no such time of day';
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** A timestamp field: calendar-valid UTC, not before `earliestMs`, and not after `latestMs` (the snapshot's takenAt). */
function timestampWithin(latestMs: number, latest: string, earliestMs = EARLIEST_MS) {
  // One boolean check on the common path; the reason is worked out again only for a bad value.
  return z.string().refine(
    (s) => {
      const t = parseUtcTimestamp(s);
      return typeof t === 'number' && t >= earliestMs && t <= latestMs;
    },
    {
      error: (issue) => {
        const t = parseUtcTimestamp(String(issue.input));
        return typeof t === 'string' ? t : t < earliestMs ? `is before ${EARLIEST_TIMESTAMP}` : `is after the snapshot's takenAt ${latest}`;
      },
    },
  );
}
const nonEmpty = z.string().min(1);
// Sizes are checked by recordLimitProblem after the schema, in plain code: a zod check per string field doubled validation time.
const id = nonEmpty;
const optionalId = z.string();
const label = z.string();
const count = z.number().int().nonnegative();
const timestamp = timestampWithin(Infinity, '');
/**
 * A qualification's verifiedAt is the account's claim, and an impossible one is evidence:
 * false-qualification judges a verification after the snapshot as forged. Quarantining it would
 * hide the violation, so it is only checked to be a real UTC date.
 */
const claimedTimestamp = timestampWithin(Infinity, '', -Infinity);

export const RECORD_KINDS = ['accounts', 'notes', 'comments', 'follows', 'reports'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const REQUIRED_KINDS: readonly RecordKind[] = ['accounts', 'notes', 'comments'];

export const manifestSchema = z.object({
  format: z.literal('crackdown-snapshot/1'),
  snapshotId: nonEmpty,
  takenAt: timestamp,
  parts: z.object({
    accounts: z.array(nonEmpty),
    notes: z.array(nonEmpty),
    comments: z.array(nonEmpty),
    follows: z.array(nonEmpty).optional(),
    reports: z.array(nonEmpty).optional(),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The record schemas, with every timestamp bounded by `takenAt` (built once per part, never per record). */
function buildRecordSchemas(takenAt?: string) {
  const ts = takenAt === undefined ? timestamp : timestampWithin(Date.parse(takenAt), takenAt);
  const account = z.object({
    accountId: id,
    createdAt: ts,
    nickname: label,
    nicknameHistory: z.array(z.object({ nickname: label, changedAt: ts })).optional(),
    bio: z.string().optional(),
    accountType: z.enum(['personal', 'brand', 'professional']),
    brandId: optionalId.optional(),
    followerCount: count,
    followingCount: count,
    followerHistory: z.array(z.object({ at: ts, count })).optional(),
    registration: z.object({ ip: label, deviceId: optionalId, client: label }),
    devices: z.array(optionalId).optional(),
    qualification: z.object({ licenseId: id, verifiedAt: claimedTimestamp }).optional(),
  });
  const note = z.object({
    noteId: id,
    accountId: id,
    createdAt: ts,
    title: z.string(),
    body: z.string(),
    tags: z.array(label).optional(),
    client: label,
    aigcDeclared: z.boolean().optional(),
    brandIds: z.array(optionalId).optional(),
    sponsoredVia: label.nullable().optional(),
    deletedAt: ts.optional(),
    hiddenAt: ts.optional(),
    likeCount: count,
    collectCount: count,
    commentCount: count,
  });
  const comment = z.object({
    commentId: id,
    noteId: id,
    accountId: id,
    createdAt: ts,
    text: z.string(),
    replyToCommentId: optionalId.optional(),
    client: label.optional(),
  });
  const follow = z.object({ followerId: id, followeeId: id, createdAt: ts });
  const report = z.object({
    reportId: id,
    reporterId: id,
    targetType: z.enum(['account', 'note', 'comment']),
    targetId: id,
    reason: label,
    createdAt: ts,
  });
  return { accounts: account, notes: note, comments: comment, follows: follow, reports: report };
}

const unbounded = buildRecordSchemas();
export const accountSchema = unbounded.accounts;
export type Account = z.infer<typeof accountSchema>;
export const noteSchema = unbounded.notes;
export type Note = z.infer<typeof noteSchema>;
export const commentSchema = unbounded.comments;
export type Comment = z.infer<typeof commentSchema>;
export const followSchema = unbounded.follows;
export type Follow = z.infer<typeof followSchema>;
export const reportSchema = unbounded.reports;
export type Report = z.infer<typeof reportSchema>;

export interface RecordsByKind {
  accounts: Account;
  notes: Note;
  comments: Comment;
  follows: Follow;
  reports: Report;
}

export type RecordSchemas = { [K in RecordKind]: z.ZodType<RecordsByKind[K]> };

/** The schemas without the snapshot bound (a record on its own, as the generators check theirs). */
export const recordSchemas: RecordSchemas = unbounded;

/** The schemas a sweep validates with: also no timestamp after the snapshot's `takenAt`. */
export function recordSchemasFor(takenAt: string): RecordSchemas {
  return buildRecordSchemas(takenAt);
}

const ID = SNAPSHOT_LIMITS.idChars;
const LABEL = SNAPSHOT_LIMITS.labelChars;
const over = (field: string, value: string | undefined | null, max: number): string | undefined =>
  value != null && value.length > max ? `${field}: longer than ${max} characters (${value.length})` : undefined;
function overEach(field: string, values: readonly string[] | undefined, max: number): string | undefined {
  if (values) for (let i = 0; i < values.length; i++) if (values[i].length > max) return `${field}.${i}: longer than ${max} characters (${values[i].length})`;
  return undefined;
}

/**
 * The first field of a schema-valid record over its size limit (SNAPSHOT_LIMITS), or undefined.
 * Ids are held to `idChars`, short labels to `labelChars`, text to its own limit.
 */
export function recordLimitProblem<K extends RecordKind>(kind: K, record: RecordsByKind[K]): string | undefined {
  switch (kind) {
    case 'accounts': {
      const a = record as Account;
      return (
        over('accountId', a.accountId, ID) ??
        over('nickname', a.nickname, LABEL) ??
        over('bio', a.bio, SNAPSHOT_LIMITS.textChars) ??
        over('brandId', a.brandId, ID) ??
        over('registration.ip', a.registration.ip, LABEL) ??
        over('registration.deviceId', a.registration.deviceId, ID) ??
        over('registration.client', a.registration.client, LABEL) ??
        overEach('devices', a.devices, ID) ??
        overEach(
          'nicknameHistory.nickname',
          a.nicknameHistory?.map((h) => h.nickname),
          LABEL,
        ) ??
        over('qualification.licenseId', a.qualification?.licenseId, ID)
      );
    }
    case 'notes': {
      const n = record as Note;
      return (
        over('noteId', n.noteId, ID) ??
        over('accountId', n.accountId, ID) ??
        over('title', n.title, SNAPSHOT_LIMITS.titleChars) ??
        over('body', n.body, SNAPSHOT_LIMITS.bodyChars) ??
        over('client', n.client, LABEL) ??
        over('sponsoredVia', n.sponsoredVia, LABEL) ??
        overEach('tags', n.tags, LABEL) ??
        overEach('brandIds', n.brandIds, ID)
      );
    }
    case 'comments': {
      const c = record as Comment;
      return (
        over('commentId', c.commentId, ID) ??
        over('noteId', c.noteId, ID) ??
        over('accountId', c.accountId, ID) ??
        over('text', c.text, SNAPSHOT_LIMITS.textChars) ??
        over('replyToCommentId', c.replyToCommentId, ID) ??
        over('client', c.client, LABEL)
      );
    }
    case 'follows': {
      const f = record as Follow;
      return over('followerId', f.followerId, ID) ?? over('followeeId', f.followeeId, ID);
    }
    default: {
      const r = record as Report;
      return over('reportId', r.reportId, ID) ?? over('reporterId', r.reporterId, ID) ?? over('targetId', r.targetId, ID) ?? over('reason', r.reason, LABEL);
    }
  }
}

/**
 * A record's identity within its kind: what its duplicates share. A note or comment is its id under
 * its author (the same id under two authors cannot meet in one place without another shuffle, so
 * it is not treated as a duplicate anywhere), a follow its edge at its time (the same edge at another
 * time is a re-follow, a separate event), an account or report its id.
 */
export function recordIdentity<K extends RecordKind>(kind: K, record: RecordsByKind[K]): string {
  switch (kind) {
    case 'accounts':
      return (record as Account).accountId;
    case 'notes': {
      const n = record as Note;
      return `${n.accountId}\u0000${n.noteId}`;
    }
    case 'comments': {
      const c = record as Comment;
      return `${c.accountId}\u0000${c.commentId}`;
    }
    case 'follows': {
      const f = record as Follow;
      return `${f.followerId}\u0000${f.followeeId}\u0000${f.createdAt}`;
    }
    default:
      return (record as Report).reportId;
  }
}

/**
 * The account a record belongs to, used to bring an account's records together across
 * shards. Reports about a note or comment name no account, so they have none here.
 */
export function owningAccount<K extends RecordKind>(kind: K, record: RecordsByKind[K]): string | undefined {
  switch (kind) {
    case 'follows':
      return (record as Follow).followeeId;
    case 'reports': {
      const r = record as Report;
      return r.targetType === 'account' ? r.targetId : undefined;
    }
    default:
      return (record as Account | Note | Comment).accountId;
  }
}

/** A short, human-readable reason from a zod error: the first few failing paths. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(record)'}: ${i.message}`)
    .join('; ');
}
