/**
 * Seeded pseudo-random numbers for the snapshot generator: sfc32 seeded from a cyrb128 string hash.
 * Never uses Math.random or the clock, so the same seed always yields the same stream.
 * `Rng.derive(seed, ...labels)` gives an independent stream per purpose (one per cohort, per writer…),
 * which keeps one part of the generator from shifting the numbers another part sees.
 */

/** cyrb128: four 32-bit words from a string. */
export function hashString(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A 32-bit integer hash (murmur3 finaliser); a bijection on 32-bit values. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = '0123456789abcdef';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seedWords: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = seedWords;
    for (let i = 0; i < 15; i++) this.u32();
  }

  /** A stream for one purpose: the seed plus labels such as `'cohort', 7`. */
  static derive(seed: string | number, ...labels: (string | number)[]): Rng {
    return new Rng(hashString([String(seed), ...labels.map(String)].join('\u241f')));
  }

  /** A child stream, independent of how many numbers this one draws later. */
  fork(...labels: (string | number)[]): Rng {
    return Rng.derive(`${this.u32()}:${this.u32()}`, ...labels);
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by relative weights (need not sum to 1). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** Picks from `[value, weight]` pairs. */
  choose<T>(pairs: readonly (readonly [T, number])[]): T {
    return this.weighted(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** k distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const n = items.length;
    if (k >= n) return this.shuffle(items.slice());
    if (k * 4 < n) {
      const seen = new Set<number>();
      const out: T[] = [];
      while (out.length < k) {
        const i = Math.floor(this.next() * n);
        if (!seen.has(i)) {
          seen.add(i);
          out.push(items[i]);
        }
      }
      return out;
    }
    return this.shuffle(items.slice()).slice(0, k);
  }

  /**
   * Up to k distinct items satisfying `accept`, by rejection sampling: O(k) instead of filtering a whole
   * cohort per call. Gives up after `tries` draws (fewer items when few qualify).
   */
  sampleWhere<T>(items: readonly T[], k: number, accept: (item: T) => boolean, tries = k * 40 + 20): T[] {
    const out: T[] = [];
    if (items.length === 0 || k <= 0) return out;
    const seen = new Set<number>();
    for (let i = 0; i < tries && out.length < k; i++) {
      const j = Math.floor(this.next() * items.length);
      if (seen.has(j)) continue;
      seen.add(j);
      if (accept(items[j])) out.push(items[j]);
    }
    return out;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Lower-case hex string of n characters. */
  hex(n: number): string {
    let s = '';
    while (s.length < n) {
      let x = this.u32();
      for (let i = 0; i < 8 && s.length < n; i++) {
        s += HEX[x & 15];
        x >>>= 4;
      }
    }
    return s;
  }

  /** n characters from an alphabet. */
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}
