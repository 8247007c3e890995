/** CONTRACT §1: the snapshot `crackdown-snapshot/1`, validated record by record. Unknown fields are ignored. */
import { z } from 'zod';

const timestamp = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'must be an ISO-8601 UTC timestamp',
});
const nonEmpty = z.string().min(1);
const count = z.number().int().nonnegative();

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

export const accountSchema = z.object({
  accountId: nonEmpty,
  createdAt: timestamp,
  nickname: z.string(),
  nicknameHistory: z.array(z.object({ nickname: z.string(), changedAt: timestamp })).optional(),
  bio: z.string().optional(),
  accountType: z.enum(['personal', 'brand', 'professional']),
  brandId: z.string().optional(),
  followerCount: count,
  followingCount: count,
  followerHistory: z.array(z.object({ at: timestamp, count })).optional(),
  registration: z.object({ ip: z.string(), deviceId: z.string(), client: z.string() }),
  devices: z.array(z.string()).optional(),
  qualification: z.object({ licenseId: nonEmpty, verifiedAt: timestamp }).optional(),
});
export type Account = z.infer<typeof accountSchema>;

export const noteSchema = z.object({
  noteId: nonEmpty,
  accountId: nonEmpty,
  createdAt: timestamp,
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()).optional(),
  client: z.string(),
  aigcDeclared: z.boolean().optional(),
  brandIds: z.array(z.string()).optional(),
  sponsoredVia: z.string().nullable().optional(),
  deletedAt: timestamp.optional(),
  hiddenAt: timestamp.optional(),
  likeCount: count,
  collectCount: count,
  commentCount: count,
});
export type Note = z.infer<typeof noteSchema>;

export const commentSchema = z.object({
  commentId: nonEmpty,
  noteId: nonEmpty,
  accountId: nonEmpty,
  createdAt: timestamp,
  text: z.string(),
  replyToCommentId: z.string().optional(),
  client: z.string().optional(),
});
export type Comment = z.infer<typeof commentSchema>;

export const followSchema = z.object({ followerId: nonEmpty, followeeId: nonEmpty, createdAt: timestamp });
export type Follow = z.infer<typeof followSchema>;

export const reportSchema = z.object({
  reportId: nonEmpty,
  reporterId: nonEmpty,
  targetType: z.enum(['account', 'note', 'comment']),
  targetId: nonEmpty,
  reason: z.string(),
  createdAt: timestamp,
});
export type Report = z.infer<typeof reportSchema>;

export interface RecordsByKind {
  accounts: Account;
  notes: Note;
  comments: Comment;
  follows: Follow;
  reports: Report;
}

export const recordSchemas: { [K in RecordKind]: z.ZodType<RecordsByKind[K]> } = {
  accounts: accountSchema,
  notes: noteSchema,
  comments: commentSchema,
  follows: followSchema,
  reports: reportSchema,
};

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
