/**
 * The generator's working model of one cohort: accounts, notes, comments, follows
 * and reports with times as epoch ms, plus the ground truth kept beside each account.
 * Converted to CONTRACT records only when written.
 */
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Platform } from './network.ts';
import type { Topic } from './text/everydayLife.ts';

export type Lang = 'zh' | 'zh-hant' | 'mixed' | 'en';

export interface Truth {
  codes: Set<ViolationCode>;
  variants: string[];
  hardNegative?: string;
}

export interface Persona {
  topics: Topic[];
  lang: Lang;
  platform: Platform;
  city: string;
  /** Takes part in the background life of the cohort (comments, follows, reports). */
  social: boolean;
  /** Mean number of background comments written. */
  commentRate: number;
  /** Mean number of background follows made. */
  followRate: number;
  /** Replies to comments on own notes like a person. */
  replies: boolean;
}

export type FollowerCurve =
  | { kind: 'organic' }
  | { kind: 'viral'; atMs: number }
  | { kind: 'brushed'; steps: Array<{ atMs: number; amount: number }> }
  | { kind: 'plateau'; atMs: number };

export interface Account {
  id: string;
  createdMs: number;
  nickname: string;
  history: Array<{ nickname: string; changedMs: number }>;
  bio?: string;
  type: 'personal' | 'brand' | 'professional';
  brandId?: string;
  regIp: string;
  regDevice: string;
  regClient: string;
  devices: string[];
  qualification?: { licenseId: string; verifiedMs: number };
  /** Followers / followings that exist on the platform but outside this snapshot. */
  baseFollowers: number;
  baseFollowing: number;
  incoming: number;
  outgoing: number;
  curve: FollowerCurve;
  truth: Truth;
  persona: Persona;
  notes: Note[];
  /** How attractive the account is to follow. */
  pull: number;
}

/** Anything a comment can be posted under: a note of this cohort or a remembered one. */
export interface NoteTarget {
  id: string;
  authorId: string;
  createdMs: number;
  /** Deleted or hidden from this moment on (no new comments after it). */
  goneMs?: number;
  topic?: Topic;
  author?: Account;
  local?: Note;
  /** For remembered notes: platform comments not yet accounted for by snapshot comments. */
  budget?: number;
}

export interface Note extends NoteTarget {
  author: Account;
  title: string;
  body: string;
  tags?: string[];
  client: string;
  aigcDeclared?: boolean;
  brandIds?: string[];
  sponsoredVia?: string | null;
  deletedMs?: number;
  hiddenMs?: number;
  likeCount: number;
  collectCount: number;
  extraComments: number;
  localComments: number;
  /** Weight for attracting background comments. */
  pull: number;
}

export interface Comment {
  id: string;
  noteId: string;
  authorId: string;
  createdMs: number;
  text: string;
  replyTo?: string;
  client?: string;
}

export interface Follow {
  followerId: string;
  followeeId: string;
  createdMs: number;
}

export interface Report {
  id: string;
  reporterId: string;
  targetType: 'account' | 'note' | 'comment';
  targetId: string;
  reason: string;
  createdMs: number;
}
