/**
 * One cohort under construction: the place behaviours add accounts, notes,
 * comments, follows and reports, with the consistency rules every record obeys
 * (nothing before its author exists, nothing after the snapshot, no comments on a
 * note once it is gone, no duplicate follows).
 */
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { BrandBook } from './brands.ts';
import { MINUTE } from './clock.ts';
import type { Memory, RememberedAccount } from './memory.ts';
import type { Account, Comment, Follow, Note, NoteTarget, Persona, Report } from './model.ts';
import type { IdMinter } from './opaqueIds.ts';
import type { Rng } from './prng.ts';
import type { Topic } from './text/everydayLife.ts';

export interface Env {
  seed: number;
  takenMs: number;
  population: number;
  ids: IdMinter;
  brands: BrandBook;
  memory: Memory;
  /** Size of the shared carrier-NAT address pool. */
  natPool: number;
}

export interface AccountSpec {
  createdMs: number;
  nickname: string;
  bio?: string;
  type?: Account['type'];
  brandId?: string;
  regIp: string;
  regDevice: string;
  regClient: string;
  devices?: string[];
  persona: Persona;
  baseFollowers?: number;
  baseFollowing?: number;
  pull?: number;
}

export interface NoteSpec {
  createdMs: number;
  title: string;
  body: string;
  tags?: string[];
  client: string;
  topic?: Topic;
  aigcDeclared?: boolean;
  brandIds?: string[];
  sponsoredVia?: string | null;
  likeCount?: number;
  collectCount?: number;
  extraComments?: number;
}

type Followee = Account | RememberedAccount;

export class CohortWorld {
  readonly accounts: Account[] = [];
  readonly notes: Note[] = [];
  readonly comments: Comment[] = [];
  readonly follows: Follow[] = [];
  readonly reports: Report[] = [];
  private readonly deferred: Array<() => void> = [];
  private readonly closing: Array<() => void> = [];
  private readonly followPairs = new Set<string>();
  private readonly localAccounts = new Map<string, Account>();
  private readonly byNote = new Map<string, Comment[]>();
  private popular?: Note[];

  constructor(
    readonly rng: Rng,
    readonly env: Env,
  ) {}

  get takenMs(): number {
    return this.env.takenMs;
  }

  addAccount(spec: AccountSpec): Account {
    const a: Account = {
      id: this.env.ids.next('account'),
      createdMs: Math.min(spec.createdMs, this.takenMs - 10 * MINUTE),
      nickname: spec.nickname,
      history: [],
      bio: spec.bio,
      type: spec.type ?? 'personal',
      brandId: spec.brandId,
      regIp: spec.regIp,
      regDevice: spec.regDevice,
      regClient: spec.regClient,
      devices: spec.devices ?? [spec.regDevice],
      baseFollowers: spec.baseFollowers ?? 0,
      baseFollowing: spec.baseFollowing ?? 0,
      incoming: 0,
      outgoing: 0,
      curve: { kind: 'organic' },
      truth: { codes: new Set(), variants: [] },
      persona: spec.persona,
      notes: [],
      pull: spec.pull ?? 1,
    };
    this.accounts.push(a);
    this.localAccounts.set(a.id, a);
    return a;
  }

  local(id: string): Account | undefined {
    return this.localAccounts.get(id);
  }

  mark(a: Account, code: ViolationCode, ...variants: string[]): void {
    a.truth.codes.add(code);
    for (const v of variants) if (!a.truth.variants.includes(v)) a.truth.variants.push(v);
  }

  hardNegative(a: Account, kind: string): void {
    if (a.truth.codes.size === 0 && !a.truth.hardNegative) a.truth.hardNegative = kind;
  }

  post(author: Account, spec: NoteSpec): Note {
    const createdMs = Math.max(author.createdMs + MINUTE, Math.min(spec.createdMs, this.takenMs - MINUTE));
    const likes = spec.likeCount ?? 0;
    const n: Note = {
      id: this.env.ids.next('note'),
      authorId: author.id,
      author,
      createdMs,
      topic: spec.topic,
      title: spec.title,
      body: spec.body,
      tags: spec.tags && spec.tags.length ? spec.tags : undefined,
      client: spec.client,
      aigcDeclared: spec.aigcDeclared,
      brandIds: spec.brandIds,
      sponsoredVia: spec.sponsoredVia,
      likeCount: likes,
      collectCount: spec.collectCount ?? Math.round(likes * this.rng.float(0.05, 0.6)),
      extraComments: spec.extraComments ?? Math.round(likes * this.rng.float(0, 0.05)),
      localComments: 0,
      pull: Math.pow(likes + 1, 0.6),
    };
    n.local = n;
    author.notes.push(n);
    this.notes.push(n);
    return n;
  }

  /** Marks a note deleted or hidden at a moment (never before it was posted). */
  remove(n: Note, how: 'deleted' | 'hidden', ms: number): void {
    const at = Math.min(this.takenMs - MINUTE, Math.max(n.createdMs + MINUTE, ms));
    if (how === 'deleted') n.deletedMs = at;
    else n.hiddenMs = at;
    n.goneMs = n.goneMs === undefined ? at : Math.min(n.goneMs, at);
  }

  comment(author: Account, target: NoteTarget, ms: number, text: string, opts: { replyTo?: Comment; client?: string } = {}): Comment | null {
    let t = Math.round(ms);
    const floor = Math.max(target.createdMs + 5_000, author.createdMs + MINUTE, opts.replyTo ? opts.replyTo.createdMs + 3_000 : 0);
    // Too early (e.g. before the author existed): the person comes across it some time later instead.
    if (t < floor) t = floor + (opts.replyTo ? this.rng.int(5, 900) * 1000 : Math.round(this.rng.logNormal(6 * 3_600_000, 1.4)));
    if (t >= this.takenMs) return null;
    if (target.goneMs !== undefined && t >= target.goneMs) return null;
    const c: Comment = {
      id: this.env.ids.next('comment'),
      noteId: target.id,
      authorId: author.id,
      createdMs: t,
      text,
      replyTo: opts.replyTo?.id,
      client: opts.client,
    };
    if (target.local) {
      target.local.localComments++;
      const list = this.byNote.get(target.id);
      if (list) list.push(c);
      else this.byNote.set(target.id, [c]);
    }
    this.comments.push(c);
    return c;
  }

  follow(follower: Account, followee: Followee, ms: number): boolean {
    if (follower.id === followee.id) return false;
    const key = `${follower.id}>${followee.id}`;
    if (this.followPairs.has(key)) return false;
    let t = Math.round(Math.max(ms, follower.createdMs + MINUTE, followee.createdMs + MINUTE));
    if (t >= this.takenMs) t = this.takenMs - this.rng.int(1, 600) * 1000;
    if (t <= follower.createdMs || t <= followee.createdMs) return false;
    this.followPairs.add(key);
    this.follows.push({ followerId: follower.id, followeeId: followee.id, createdMs: t });
    follower.outgoing++;
    const local = this.localAccounts.get(followee.id);
    if (local) local.incoming++;
    return true;
  }

  /** Comments posted so far under one of this cohort's notes. */
  commentsOn(noteId: string): readonly Comment[] {
    return this.byNote.get(noteId) ?? [];
  }

  /** Up to k random notes of the cohort that pass `accept` (by rejection, so cheap; may repeat). */
  someNotes(rng: Rng, k: number, accept: (n: Note) => boolean): Note[] {
    const out: Note[] = [];
    const notes = this.notes;
    if (!notes.length) return out;
    for (let tries = k * 40 + 50; tries > 0 && out.length < k; tries--) {
      const n = notes[Math.floor(rng.next() * notes.length)];
      if (accept(n)) out.push(n);
    }
    return out;
  }

  someAccounts(rng: Rng, k: number, accept: (a: Account) => boolean): Account[] {
    const out: Account[] = [];
    const list = this.accounts;
    if (!list.length) return out;
    for (let tries = k * 40 + 50; tries > 0 && out.length < k; tries--) {
      const a = list[Math.floor(rng.next() * list.length)];
      if (accept(a)) out.push(a);
    }
    return out;
  }

  /** The cohort's most-liked visible notes (top tenth), computed once when first asked. */
  popularNotes(): readonly Note[] {
    if (!this.popular) {
      const visible = this.notes.filter((n) => n.goneMs === undefined);
      visible.sort((p, q) => q.pull - p.pull);
      this.popular = visible.slice(0, Math.max(20, Math.floor(visible.length / 10)));
    }
    return this.popular;
  }

  report(reporter: Account, targetType: Report['targetType'], targetId: string, reason: string, ms: number): void {
    const t = Math.round(Math.max(ms, reporter.createdMs + MINUTE));
    if (t >= this.takenMs) return;
    this.reports.push({ id: this.env.ids.next('report'), reporterId: reporter.id, targetType, targetId, reason, createdMs: t });
  }

  /** Runs after every unit of the cohort has been built (for behaviour aimed at others' content). */
  later(fn: () => void): void {
    this.deferred.push(fn);
  }

  runDeferred(): void {
    for (let i = 0; i < this.deferred.length; i++) this.deferred[i]();
    this.deferred.length = 0;
  }

  /** Runs after the cohort's background life (for reactions to everyone's comments). */
  atEnd(fn: () => void): void {
    this.closing.push(fn);
  }

  runClosing(): void {
    for (let i = 0; i < this.closing.length; i++) this.closing[i]();
    this.closing.length = 0;
  }
}
