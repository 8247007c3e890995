/**
 * What violators do during a multi-day run (generateDays). The generator cannot see what a sweep decided, so
 * enforcement feedback is modelled by labels instead: a share of violators stop (as a warned account would) and
 * post nothing after their stop day; a share go quiet for 7–14 days and then come back (as a lifted account
 * would); the rest carry on. Applied to a cohort of the whole run by removing what the account wrote while
 * silent, and what hung on it (comments under its removed notes, replies to its removed comments, reports
 * about them). History before the run is untouched.
 */
import type { AccountDraft, Cohort } from './cohort.ts';
import { Rng } from './random.ts';
import { DAY } from './time.ts';

export interface LifecycleShares {
  /** Share of violators that stop for good, 1–7 days after the run first shows them. Default 0.3. */
  stop: number;
  /** Share of violators that go quiet 1–5 days after they first show, for 7–14 days, then return. Default 0.15. */
  pause: number;
}

export const DEFAULT_LIFECYCLE: LifecycleShares = { stop: 0.3, pause: 0.15 };

/** Silent from `from` (exclusive) to `until` (inclusive; Infinity for a stop). Times are day boundaries of the run. */
export type Lifecycle = { kind: 'continuing' } | { kind: 'stop'; from: number } | { kind: 'pause'; from: number; until: number };

/** A violator's state on a day: `new` the day it first appears, then continuing / stopped / quiet / returned. */
export type Activity = 'new' | 'continuing' | 'stopped' | 'quiet' | 'returned';

/** The run's day boundaries: dayTimes[d] is day d's takenAt (epoch ms), oldest first. */
export class ViolatorLifecycles {
  private readonly plans = new Map<AccountDraft, Lifecycle>();

  constructor(
    private readonly seed: string,
    private readonly dayTimes: readonly number[],
    private readonly shares: LifecycleShares,
  ) {}

  /** Day index whose snapshot first holds the account (0 for accounts older than the run). */
  firstDay(a: AccountDraft): number {
    const d = this.dayTimes.findIndex((t) => a.createdAt <= t);
    return d < 0 ? this.dayTimes.length : d;
  }

  /** Decided per account from its own stream, so it does not depend on cohort order or on other accounts. */
  of(a: AccountDraft): Lifecycle {
    let plan = this.plans.get(a);
    if (plan) return plan;
    plan = { kind: 'continuing' };
    if (a.codes.size > 0) {
      const rng = Rng.derive(this.seed, 'lifecycle', a.id);
      const u = rng.next();
      const first = this.dayTimes[0] + this.firstDay(a) * DAY;
      if (u < this.shares.stop) plan = { kind: 'stop', from: first + rng.int(1, 7) * DAY };
      else if (u < this.shares.stop + this.shares.pause) {
        const from = first + rng.int(1, 5) * DAY;
        plan = { kind: 'pause', from, until: from + rng.int(7, 14) * DAY };
      }
    }
    this.plans.set(a, plan);
    return plan;
  }

  /** True when the account wrote nothing at time t. */
  silentAt(a: AccountDraft, t: number): boolean {
    const p = this.of(a);
    if (p.kind === 'stop') return t > p.from;
    if (p.kind === 'pause') return t > p.from && t <= p.until;
    return false;
  }

  /** The state of a violator in day d's snapshot (undefined for clean accounts). */
  activity(a: AccountDraft, d: number): Activity | undefined {
    if (a.codes.size === 0) return undefined;
    const takenAt = this.dayTimes[d];
    if (d > 0 ? a.createdAt > this.dayTimes[d - 1] : a.createdAt > takenAt - DAY) return 'new';
    const p = this.of(a);
    if (p.kind === 'stop' && takenAt > p.from) return 'stopped';
    if (p.kind === 'pause' && takenAt > p.from) return takenAt > p.until ? 'returned' : 'quiet';
    return 'continuing';
  }

  /** Removes what violators wrote while silent, and the records that depended on it. */
  apply(cohort: Cohort): void {
    const gone = new Set<string>();
    keep(cohort.notes, (n) => {
      if (!this.silentAt(n.author, n.createdAt)) return true;
      gone.add(n.id);
      return false;
    });
    // Replies come after their parent: in time order, a removed parent is known before its replies.
    const byTime = cohort.comments.slice().sort((x, y) => x.createdAt - y.createdAt);
    for (const c of byTime) if (gone.has(c.note.id) || (c.replyTo !== undefined && gone.has(c.replyTo)) || this.silentAt(c.author, c.createdAt)) gone.add(c.id);
    keep(cohort.comments, (c) => !gone.has(c.id));
    keep(cohort.follows, (f) => !this.silentAt(f.follower, f.createdAt));
    keep(cohort.reports, (r) => !gone.has(r.targetId) && !this.silentAt(r.reporter, r.createdAt));
    for (const n of cohort.notes) n.commentCount = 0;
    for (const c of cohort.comments) c.note.commentCount++;
  }
}

/** Filters an array in place (cohort arrays are readonly references). */
function keep<T>(items: T[], ok: (item: T) => boolean): void {
  let j = 0;
  for (let i = 0; i < items.length; i++) if (ok(items[i])) items[j++] = items[i];
  items.length = j;
}
