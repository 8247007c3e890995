/**
 * One cohort of a multi-day run, as each day's snapshot sees it. The cohort is generated once, as of the run's
 * last day; day d shows the accounts registered by its takenAt and the records created by then, with the
 * fields that change over time rolled back: the nickname before later renames, follower samples and count up
 * to that day, deletions and hidings that had happened, comment counts of what is visible, likes and collects
 * grown with the note's age. A bio rewritten later stays as it ends up (the generator keeps no bio history).
 */
import { RECORD_KINDS, type RecordKind } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import type { AccountDraft, Cohort, NoteDraft } from './cohort.ts';
import { Rng } from './random.ts';
import { HISTORY_DAYS } from './organicAccounts.ts';
import { accountRecord, commentLine, followLine, labelRecord, noteRecord, reportLine } from './recordSerializer.ts';
import { iso } from './time.ts';
import type { Activity, ViolatorLifecycles } from './violatorLifecycle.ts';

export interface CohortDay {
  /** UTF-8 JSON Lines per kind and part. */
  parts: Record<RecordKind, Uint8Array[]>;
  labels: Uint8Array;
  counts: Record<RecordKind, number>;
  /** Accounts present that day carrying each code. */
  byCode: Record<string, number>;
  /** Accounts present that day with any code, and those of them first present that day. */
  violators: number;
  newViolators: number;
  /** Violators first present that day, per code. */
  newByCode: Record<string, number>;
  /** Violators whose state became stopped, quiet or returned that day. */
  stopped: number;
  quiet: number;
  returned: number;
}

type Json = Record<string, unknown>;

export class CohortDays {
  private readonly accounts: AccountDraft[];
  private readonly accountJson = new Map<AccountDraft, Json>();
  private readonly notes: NoteDraft[];
  private readonly targetTime = new Map<string, number>();

  constructor(
    private readonly cohort: Cohort,
    private readonly seed: string,
    private readonly dayTimes: readonly number[],
    private readonly partsPerKind: number,
    private readonly lifecycles: ViolatorLifecycles,
  ) {
    // One order for every day (records are shuffled so parts are not in generation order).
    const order = Rng.derive(seed, 'days-order', cohort.index);
    this.accounts = order.shuffle(cohort.accounts.slice());
    for (const a of this.accounts) this.accountJson.set(a, accountRecord(cohort, order, a));
    this.notes = order.shuffle(cohort.notes.slice());
    order.shuffle(cohort.comments);
    order.shuffle(cohort.follows);
    order.shuffle(cohort.reports);
    for (const a of cohort.accounts) this.targetTime.set(a.id, a.createdAt);
    for (const n of cohort.notes) this.targetTime.set(n.id, n.createdAt);
    for (const c of cohort.comments) this.targetTime.set(c.id, c.createdAt);
  }

  render(d: number): CohortDay {
    const at = this.dayTimes[d];
    const last = d === this.dayTimes.length - 1;
    const parts = this.partsPerKind;
    const placement = Rng.derive(this.seed, 'days-parts', this.cohort.index, d);
    const buffers = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, Array.from({ length: parts }, () => [] as string[])])) as Record<RecordKind, string[][]>;
    const counts: Record<RecordKind, number> = { accounts: 0, notes: 0, comments: 0, follows: 0, reports: 0 };
    const add = (kind: RecordKind, line: string) => {
      buffers[kind][Math.floor(placement.next() * parts)].push(line);
      counts[kind]++;
    };
    const present = (a: AccountDraft) => a.createdAt <= at;

    for (const a of this.accounts) if (present(a)) add('accounts', JSON.stringify(accountAt(this.accountJson.get(a)!, a, at)));
    const visibleComments = new Map<NoteDraft, number>();
    for (const c of this.cohort.comments) if (c.createdAt <= at) visibleComments.set(c.note, (visibleComments.get(c.note) ?? 0) + 1);
    for (const n of this.notes) if (n.createdAt <= at) add('notes', JSON.stringify(last ? noteRecord(n) : noteAt(n, at, this.dayTimes[this.dayTimes.length - 1], visibleComments.get(n) ?? 0)));
    for (const c of this.cohort.comments) if (c.createdAt <= at) add('comments', commentLine(c));
    for (const f of this.cohort.follows) if (f.createdAt <= at && present(f.follower) && present(f.followee)) add('follows', followLine(f));
    for (const r of this.cohort.reports) if (r.createdAt <= at && present(r.reporter) && (this.targetTime.get(r.targetId) ?? Infinity) <= at) add('reports', reportLine(r));

    const byCode: Record<string, number> = Object.fromEntries(VIOLATION_CODES.map((c) => [c, 0]));
    const newByCode: Record<string, number> = Object.fromEntries(VIOLATION_CODES.map((c) => [c, 0]));
    let violators = 0;
    let newViolators = 0;
    let stopped = 0;
    let quiet = 0;
    let returned = 0;
    const labels: string[] = [];
    for (const a of this.cohort.accounts) {
      if (!present(a)) continue;
      const label = labelRecord(a);
      const activity = this.lifecycles.activity(a, d);
      if (activity) {
        violators++;
        if (activity === 'new') newViolators++;
        Object.assign(label, activityFields(this.lifecycles, a, activity));
        const before = d > 0 ? this.lifecycles.activity(a, d - 1) : undefined;
        if (activity !== before) {
          if (activity === 'stopped') stopped++;
          else if (activity === 'quiet') quiet++;
          else if (activity === 'returned') returned++;
        }
      }
      labels.push(JSON.stringify(label));
      for (const code of a.codes) {
        byCode[code]++;
        if (activity === 'new') newByCode[code]++;
      }
    }
    return {
      parts: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, buffers[kind].map(utf8Lines)])) as Record<RecordKind, Uint8Array[]>,
      labels: utf8Lines(labels),
      counts,
      byCode,
      violators,
      newViolators,
      newByCode,
      stopped,
      quiet,
      returned,
    };
  }
}

function utf8Lines(lines: string[]): Uint8Array {
  return lines.length ? Buffer.from(lines.join('\n') + '\n') : new Uint8Array(0);
}

/** `activity`, and the dates behind it once they have happened (a label never tells the future). */
function activityFields(lifecycles: ViolatorLifecycles, a: AccountDraft, activity: Activity): Json {
  const out: Json = { activity };
  const p = lifecycles.of(a);
  if (p.kind === 'stop' && activity === 'stopped') out.stoppedAt = iso(p.from);
  if (p.kind === 'pause' && (activity === 'quiet' || activity === 'returned')) out.quietFrom = iso(p.from);
  if (p.kind === 'pause' && activity === 'returned') out.returnedAt = iso(p.until);
  return out;
}

/** The account record as of `at`: nickname before later renames, follower samples to that day, no later verification. */
function accountAt(full: Json, a: AccountDraft, at: number): Json {
  const r: Json = { ...full };
  const renames = a.nicknameHistory ?? [];
  const later = renames.findIndex((h) => h.changedAt > at);
  if (later >= 0) {
    r.nickname = renames[later].nickname;
    if (later === 0) delete r.nicknameHistory;
    else r.nicknameHistory = (r.nicknameHistory as unknown[]).slice(0, later);
  }
  const history = r.followerHistory as { at: string; count: number }[] | undefined;
  if (history) {
    const cut = iso(at);
    const upTo = history.filter((h) => h.at <= cut);
    if (upTo.length < history.length) r.followerCount = (upTo.length ? upTo[upTo.length - 1] : history[0]).count;
    // a daily export carries the last month of samples, whatever day it is (the full record holds the whole run's)
    const kept = upTo.slice(-HISTORY_DAYS);
    if (kept.length) r.followerHistory = kept;
    else delete r.followerHistory;
  }
  if (a.qualification && a.qualification.verifiedAt > at) delete r.qualification;
  return r;
}

/** The note as of `at`: not yet deleted or hidden if that came later; counts grown with its age. */
function noteAt(n: NoteDraft, at: number, end: number, comments: number): Json {
  const r = noteRecord(n);
  if (n.deletedAt !== undefined && n.deletedAt > at) delete r.deletedAt;
  if (n.hiddenAt !== undefined && n.hiddenAt > at) delete r.hiddenAt;
  // Likes come mostly early in a note's life: a square-root share of its final count by age.
  const grown = Math.sqrt(Math.min(1, Math.max(0, at - n.createdAt) / Math.max(1, end - n.createdAt)));
  r.likeCount = Math.max(comments, Math.round(n.likeCount * grown));
  r.collectCount = Math.round(n.collectCount * grown);
  r.commentCount = comments;
  return r;
}
