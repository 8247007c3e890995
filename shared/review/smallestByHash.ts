/**
 * The k candidates of smallest hash of (sweep, rule, account), kept as they are added: both review samples draw a
 * stratum's or a rule's smallest hashes, and DrawSample adds one bucket's candidates at a time (up to ~37,000
 * buckets at platform scale). Each candidate is hashed once; once k are held, one of no smaller hash than the k-th is
 * turned away at a comparison, so adding a bucket costs its own candidates, not k.
 */
import { unitHash } from '#shared/pipeline/hashBucket';

interface Ranked<T> {
  h: number;
  item: T;
}

/** The samplers' order: hash, then account id (a tie of 53-bit hashes is all but impossible, but the order must be total). */
const before = <T extends { accountId: string }>(a: Ranked<T>, b: Ranked<T>) => a.h < b.h || (a.h === b.h && a.item.accountId.localeCompare(b.item.accountId) < 0);

export class SmallestByHash<T extends { accountId: string }> {
  private readonly held: Ranked<T>[] = [];

  constructor(
    private readonly sweepId: string,
    private readonly ruleId: string,
    private readonly k: number,
  ) {}

  add(items: Iterable<T>): void {
    for (const item of items) {
      const r = { h: unitHash(this.sweepId, this.ruleId, item.accountId), item };
      const held = this.held;
      if (held.length >= this.k && !before(r, held[held.length - 1])) continue;
      // binary search for the first held one that r comes before
      let lo = 0;
      let hi = held.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(held[mid], r)) lo = mid + 1;
        else hi = mid;
      }
      held.splice(lo, 0, r);
      if (held.length > this.k) held.pop();
    }
  }

  /** The held candidates, smallest hash first. */
  items(): T[] {
    return this.held.map((r) => r.item);
  }
}
