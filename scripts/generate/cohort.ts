/**
 * A cohort: a fixed-size batch of accounts generated together, with everything they post, and then
 * written out and forgotten. Cross-account structures (farms, rings, families) live inside one cohort,
 * which is what keeps memory flat however many accounts a snapshot has.
 */
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { IdFactory } from './ids.ts';
import type { Lang } from './localize.ts';
import type { Rng } from './random.ts';
import type { HardNegative } from './hardNegativeKinds.ts';
import type { FollowerTierShares } from './followerTiers.ts';
import type { VariantId, ViolationMix } from './violationMix.ts';

export type AccountType = 'personal' | 'brand' | 'professional';

export interface AccountDraft {
  /** Global index (0 … accounts-1) and position in the cohort. */
  index: number;
  local: number;
  id: string;
  createdAt: number;
  nickname: string;
  nicknameHistory?: { nickname: string; changedAt: number }[];
  bio?: string;
  accountType: AccountType;
  brandId?: string;
  followerCount: number;
  followingCount: number;
  /** When set, daily follower samples are drawn from this shape at finalisation; see organicAccounts.followerHistory. */
  followerCurve?: FollowerCurve;
  registration: { ip: string; deviceId: string; client: string };
  devices?: string[];
  qualification?: { licenseId: string; verifiedAt: number };

  // generator-only state (never written)
  lang: Lang;
  topic: string;
  /** The client this person usually posts from. */
  client: string;
  /** Relative propensity to comment. */
  activity: number;
  /** How many ordinary notes the organic generator gives the account. */
  organicNotes: number;
  /** Taken by a planted group or a hard negative; not available to another. */
  reserved: boolean;
  codes: Set<ViolationCode>;
  variants: Set<VariantId>;
  hardNegative?: HardNegative;
  brand?: BrandInfo;
  business?: { kind: string; topic: string; posts: string[] };
}

export interface BrandInfo {
  brandId: string;
  name: string;
  category: string;
  categoryName: string;
  products: string[];
  topic: string;
}

/** Follower growth over the last days, turned into `followerHistory` at finalisation. */
export interface FollowerCurve {
  /** Daily increments (oldest first) of brushed or farmed followers, added on top of organic growth. */
  jumps?: { day: number; add: number }[];
  /** Organic growth over the window as a fraction of the final count. */
  growth: number;
  /** Decline after a day (fraction lost), e.g. followers leaving a transformed account. */
  declineFrom?: { day: number; fraction: number };
}

export interface NoteDraft {
  id: string;
  author: AccountDraft;
  createdAt: number;
  title: string;
  body: string;
  tags?: string[];
  client: string;
  aigcDeclared?: boolean;
  brandIds?: string[];
  sponsoredVia?: string | null;
  deletedAt?: number;
  hiddenAt?: number;
  likeCount: number;
  collectCount: number;
  commentCount: number;
  /** Attractiveness for organic commenters; 0 keeps organic comments away. */
  appeal: number;
}

export interface CommentDraft {
  id: string;
  note: NoteDraft;
  author: AccountDraft;
  createdAt: number;
  text: string;
  replyTo?: string;
  client?: string;
}

export interface FollowDraft {
  follower: AccountDraft;
  followee: AccountDraft;
  createdAt: number;
}

export interface ReportDraft {
  id: string;
  reporter: AccountDraft;
  targetType: 'account' | 'note' | 'comment';
  targetId: string;
  reason: string;
  createdAt: number;
}

/** What stays the same across cohorts. */
export interface GenEnv {
  seed: string;
  takenAt: number;
  ids: IdFactory;
  mix: ViolationMix;
  totalAccounts: number;
  /**
   * Farms that register inside a window instead of months before takenAt (generateDays: farms appearing during
   * the run). Unset for a single snapshot, which then draws exactly the numbers it always did.
   */
  farmArrivals?: { from: number; share: number };
  /** Opt-in follower tiers for violators (followerTiers.ts); unset, the default audiences. */
  followerTiers?: FollowerTierShares;
  /**
   * Days of follower samples ending at takenAt (organicAccounts.followerHistory). generateDays sets it so that every
   * day's snapshot, not only the last, carries the usual 30 days of history; unset, 30 (a single snapshot, unchanged).
   */
  historyDays?: number;
}

export class Cohort {
  readonly accounts: AccountDraft[] = [];
  readonly notes: NoteDraft[] = [];
  readonly comments: CommentDraft[] = [];
  readonly follows: FollowDraft[] = [];
  readonly reports: ReportDraft[] = [];
  /** Fake accounts a later group may recruit (a farm's accounts reused as a water army, for instance). */
  readonly farmPool: AccountDraft[] = [];
  /** Accounts whose farmed followers a brushing cluster should supply. */
  readonly brushingCustomers: AccountDraft[] = [];
  private noteSeq = 0;
  private commentSeq = 0;
  private reportSeq = 0;
  private tokenSeq = 0;
  private freeCursor = 0;
  private freeOrder: AccountDraft[] = [];

  constructor(
    readonly env: GenEnv,
    readonly index: number,
    readonly rng: Rng,
  ) {}

  get takenAt(): number {
    return this.env.takenAt;
  }

  /** Call once the base accounts exist: fixes the order in which free accounts are handed out. */
  sealAccounts(): void {
    this.freeOrder = this.rng.shuffle(this.accounts.slice());
  }

  /** Up to n unreserved accounts of the given type (personal by default), now reserved. */
  takeFree(n: number, type: AccountType = 'personal'): AccountDraft[] {
    const out: AccountDraft[] = [];
    if (type === 'personal') {
      while (out.length < n && this.freeCursor < this.freeOrder.length) {
        const a = this.freeOrder[this.freeCursor++];
        if (!a.reserved && a.accountType === 'personal') {
          a.reserved = true;
          out.push(a);
        }
      }
      return out;
    }
    for (const a of this.freeOrder) {
      if (out.length >= n) break;
      if (!a.reserved && a.accountType === type) {
        a.reserved = true;
        out.push(a);
      }
    }
    return out;
  }

  /** Up to n fake accounts from farms, preferring ones not yet recruited by another group. */
  recruitFromFarms(n: number, used: Set<AccountDraft>): AccountDraft[] {
    const out: AccountDraft[] = [];
    for (const a of this.rng.shuffle(this.farmPool.slice())) {
      if (out.length >= n) break;
      if (!used.has(a)) {
        used.add(a);
        out.push(a);
      }
    }
    return out;
  }

  /** Records that the behaviour `variant` was planted on the account: it now carries the variant's code. */
  label(account: AccountDraft, variant: VariantId): void {
    account.reserved = true;
    account.codes.add(variant.slice(0, variant.indexOf('/')) as ViolationCode);
    account.variants.add(variant);
  }

  /** Drafts are built with every field present, in one order, so all notes share one hidden class (fast property access). */
  addNote(author: AccountDraft, note: Omit<NoteDraft, 'id' | 'author' | 'commentCount' | 'likeCount' | 'collectCount'> & Partial<Pick<NoteDraft, 'likeCount' | 'collectCount'>>): NoteDraft {
    const draft: NoteDraft = {
      id: this.env.ids.note(this.index, this.noteSeq++),
      author,
      createdAt: note.createdAt,
      title: note.title,
      body: note.body,
      tags: note.tags,
      client: note.client,
      aigcDeclared: note.aigcDeclared,
      brandIds: note.brandIds,
      sponsoredVia: note.sponsoredVia,
      deletedAt: note.deletedAt,
      hiddenAt: note.hiddenAt,
      likeCount: note.likeCount ?? -1,
      collectCount: note.collectCount ?? -1,
      commentCount: 0,
      appeal: note.appeal,
    };
    this.notes.push(draft);
    return draft;
  }

  addComment(note: NoteDraft, author: AccountDraft, createdAt: number, text: string, opts: { replyTo?: string; client?: string } = {}): CommentDraft {
    const c: CommentDraft = { id: this.env.ids.comment(this.index, this.commentSeq++), note, author, createdAt, text, replyTo: opts.replyTo, client: opts.client };
    this.comments.push(c);
    return c;
  }

  private readonly byNote = new Map<NoteDraft, CommentDraft[]>();
  private indexed = 0;

  /** Comments under a note (kept up to date incrementally). */
  commentsOn(note: NoteDraft): readonly CommentDraft[] {
    for (; this.indexed < this.comments.length; this.indexed++) {
      const c = this.comments[this.indexed];
      const list = this.byNote.get(c.note);
      if (list) list.push(c);
      else this.byNote.set(c.note, [c]);
    }
    return this.byNote.get(note) ?? [];
  }

  private readonly byAuthor = new Map<AccountDraft, NoteDraft[]>();
  private notesIndexed = 0;

  /** Notes by an account (kept up to date incrementally). */
  notesBy(author: AccountDraft): readonly NoteDraft[] {
    for (; this.notesIndexed < this.notes.length; this.notesIndexed++) {
      const n = this.notes[this.notesIndexed];
      const list = this.byAuthor.get(n.author);
      if (list) list.push(n);
      else this.byAuthor.set(n.author, [n]);
    }
    return this.byAuthor.get(author) ?? [];
  }

  addFollow(follower: AccountDraft, followee: AccountDraft, createdAt: number): void {
    if (follower === followee) return;
    this.follows.push({ follower, followee, createdAt });
  }

  addReport(reporter: AccountDraft, targetType: ReportDraft['targetType'], targetId: string, reason: string, createdAt: number): void {
    this.reports.push({ id: this.env.ids.report(this.index, this.reportSeq++), reporter, targetType, targetId, reason, createdAt });
  }

  /** A unique opaque token (for brand ids, discount codes…). */
  token(): string {
    return this.env.ids.token(this.index, this.tokenSeq++);
  }

  /** Latest moment a comment on the note may have: before takenAt, and before the note went away. */
  noteOpenUntil(note: NoteDraft): number {
    let end = this.takenAt - 1000;
    if (note.deletedAt !== undefined) end = Math.min(end, note.deletedAt - 1000);
    if (note.hiddenAt !== undefined) end = Math.min(end, note.hiddenAt - 1000);
    return end;
  }
}
