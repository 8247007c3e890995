/** Sampling by weight from a fixed list via cumulative sums and binary search. */
import type { Rng } from './prng.ts';

export class WeightedPick<T> {
  private readonly cum: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    this.cum = new Float64Array(items.length);
    let s = 0;
    for (let i = 0; i < items.length; i++) {
      s += Math.max(0, weight(items[i]));
      this.cum[i] = s;
    }
    this.total = s;
  }

  get empty(): boolean {
    return this.items.length === 0 || this.total <= 0;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
