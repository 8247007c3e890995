/** Stable, fast string hashing for shuffle buckets and deterministic sampling (no crypto needed). */

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function bucketOf(key: string, bucketCount: number): number {
  return fnv1a(key) % bucketCount;
}

/** The distinct buckets of some keys, ascending: the only buckets a few accounts' records or decisions are in. */
export function bucketsOf(keys: Iterable<string>, bucketCount: number): number[] {
  return [...new Set([...keys].map((k) => bucketOf(k, bucketCount)))].sort((a, b) => a - b);
}

/** A number in [0, 1) fixed by its inputs: the sampler's only source of "randomness". */
export function unitHash(...parts: string[]): number {
  const text = parts.join('\u0000');
  const hi = fnv1a(text);
  const lo = fnv1a(text, 0x01000193 ^ hi);
  return (hi * 2 ** 21 + (lo >>> 11)) / 2 ** 53;
}
