/**
 * Near-duplicate text: MinHash over character shingles of the compact text, with LSH banding.
 *
 * The compact text (normalizeText + synonyms folded + punctuation/emoji/spaces removed +
 * repeats squeezed, hashtags stripped) makes templates robust to emoji, punctuation and
 * synonym swaps; character 3-shingles make them robust to small insertions and to sentence
 * reordering (shingles inside each sentence survive). Cost ≈ shingles × hashes mixes
 * (a 200-character note with 32 hashes: ~6k integer ops).
 */
import { fnv1a32, mix32 } from './hash.ts';
import { compactOfNormalized, compactText, normalizeJoined, stripTags } from './normalizeText.ts';

export const SIGNATURE_SIZE = 32;
// per-hash multipliers (odd) and offsets for h_i(x) = mix(a_i·x + b_i): cheap and independent enough for MinHash
const MUL: Uint32Array = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)) | 1);
const ADD: Uint32Array = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x7f4a7c15 + Math.imul(i + 1, 0xc2b2ae35)));

/** Hashes of the distinct character k-shingles (UTF-16 code units) of a compact text. */
export function shingleHashes(compact: string, k = 3): Uint32Array {
  const n = compact.length;
  if (n === 0) return new Uint32Array(0);
  if (n < k) return new Uint32Array([fnv1a32(compact)]);
  const arr = new Uint32Array(n - k + 1);
  for (let i = 0; i + k <= n; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) {
      h ^= compact.charCodeAt(i + j);
      h = Math.imul(h, 0x01000193);
    }
    arr[i] = mix32(h);
  }
  arr.sort();
  let w = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[w++] = arr[i];
  return arr.subarray(0, w);
}

/**
 * Shingle width for a compact text: 3 characters for CJK, 5 for text that is mostly Latin letters and digits.
 * Three letters of a 26-letter alphabet ("the", "ing") are shared by any two English notes, so 3-shingles make
 * unrelated English notes look alike; 5 letters are about a word.
 */
export function shingleWidth(compact: string): number {
  let latin = 0;
  for (let i = 0; i < compact.length; i++) if (compact.charCodeAt(i) < 0x80) latin++;
  return latin * 10 > compact.length * 7 ? 5 : 3;
}

/** MinHash signature (`size` values) of a shingle set; empty set → all 0xffffffff. */
export function minhash(shingles: Uint32Array, size = SIGNATURE_SIZE): Uint32Array {
  const sig = new Uint32Array(size);
  const n = shingles.length;
  // one hash function at a time over all shingles, its minimum in a local: a third faster than updating the
  // signature array for every (shingle, function) pair (issue 17); the same minima
  for (let i = 0; i < size; i++) {
    const mul = MUL[i];
    const add = ADD[i];
    let min = 0xffffffff;
    for (let s = 0; s < n; s++) {
      let v = (Math.imul(mul, shingles[s]) + add) | 0;
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same += 1;
  return n ? same / n : 0;
}

/** LSH band keys: `bands` bands of `rows` signature values each, hashed to 8 hex chars. */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = mix32(h ^ sig[b * rows + r]);
    keys.push(`${b}:${(h >>> 0).toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** The compact text of a note used for comparison (hashtags and mentions stripped). */
export function noteCompact(title: string, body: string): string {
  return compactOfNormalized(normalizeJoined([stripTags(title), stripTags(body)], ' '));
}

/**
 * How much a compact text says, in CJK-character units: a Han, kana or Hangul character counts one, any other
 * character (a Latin letter, a digit) a third. An English word carries about what one or two Chinese characters
 * carry, so a length threshold on raw characters would let short English boilerplate ("desk setup, mixed
 * feelings honestly") pass as substantial while holding Chinese to three times the content.
 */
export function textSubstance(compact: string): number {
  let cjk = 0;
  for (let i = 0; i < compact.length; i++) {
    const c = compact.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) cjk += 1;
  }
  return cjk + (compact.length - cjk) / 3;
}

/** Signature of a note, or undefined when it is too short to compare meaningfully. */
export function noteSignature(title: string, body: string, minChars = 20, size = SIGNATURE_SIZE): Uint32Array | undefined {
  const compact = noteCompact(title, body);
  if (compact.length < minChars) return undefined;
  return minhash(shingleHashes(compact, shingleWidth(compact)), size);
}

/** Per-bit counters of simhash64, reused (one call at a time). */
const LANES_A = new Uint32Array(8);
const LANES_B = new Uint32Array(8);
const ONES_A = new Int32Array(32);
const ONES_B = new Int32Array(32);

/** Adds the 8-bit lanes of `lanes` (bit k + 8j counted in lane j of word k) to `ones`, and clears them. */
function spillLanes(lanes: Uint32Array, ones: Int32Array): void {
  for (let k = 0; k < 8; k++) {
    const p = lanes[k];
    ones[k] += p & 0xff;
    ones[k + 8] += (p >>> 8) & 0xff;
    ones[k + 16] += (p >>> 16) & 0xff;
    ones[k + 24] += p >>> 24;
    lanes[k] = 0;
  }
}

/**
 * 64-bit SimHash of a shingle set as two 32-bit halves (hi, lo); Hamming distance tracks the angle between sets.
 * Bit i is set when more than half the shingles' hashes have it (the ±1 vote). Counted eight bits per add in
 * byte lanes rather than bit by bit: a per-bit branch on random bits mispredicts half the time (issue 17).
 */
export function simhash64(shingles: Uint32Array): [number, number] {
  ONES_A.fill(0);
  ONES_B.fill(0);
  let inLanes = 0;
  for (let s = 0; s < shingles.length; s++) {
    const a = mix32(shingles[s] ^ 0x5bd1e995);
    const b = mix32(shingles[s] ^ 0x1b873593);
    for (let k = 0; k < 8; k++) {
      LANES_A[k] += (a >>> k) & 0x01010101;
      LANES_B[k] += (b >>> k) & 0x01010101;
    }
    // a byte lane holds 255 votes
    if (++inLanes === 255) {
      spillLanes(LANES_A, ONES_A);
      spillLanes(LANES_B, ONES_B);
      inLanes = 0;
    }
  }
  spillLanes(LANES_A, ONES_A);
  spillLanes(LANES_B, ONES_B);
  const n = shingles.length;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 32; i++) {
    if (2 * ONES_A[i] > n) hi |= 1 << i;
    if (2 * ONES_B[i] > n) lo |= 1 << i;
  }
  return [hi >>> 0, lo >>> 0];
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function hamming64(a: [number, number], b: [number, number]): number {
  return popcount32((a[0] ^ b[0]) >>> 0) + popcount32((a[1] ^ b[1]) >>> 0);
}

/** SimHash as 16 hex characters (for channel rows) and back. */
export function simhashHex(h: [number, number]): string {
  return h[0].toString(16).padStart(8, '0') + h[1].toString(16).padStart(8, '0');
}
export function simhashFromHex(s: string): [number, number] {
  return [parseInt(s.slice(0, 8), 16) >>> 0, parseInt(s.slice(8, 16), 16) >>> 0];
}
