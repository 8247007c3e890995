/**
 * Record ids. A keyed 48-bit Feistel permutation turns sequence numbers into opaque, unique hex ids,
 * so ids reveal neither generation order nor which accounts were planted together
 * (a farm registered in one burst does not get consecutive ids).
 */
import { hashString, mix32 } from './random.ts';

const HALF = 0x1000000; // 2^24
const MASK = HALF - 1;

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex6(x: number): string {
  return HEX2[(x >>> 16) & 255] + HEX2[(x >>> 8) & 255] + HEX2[x & 255];
}

/** Keyed permutation of 48-bit values, as 12 hex characters. */
function feistel48(value: number, keys: readonly number[]): string {
  let left = Math.floor(value / HALF) & MASK;
  let right = value % HALF;
  for (let i = 0; i < keys.length; i++) {
    const next = left ^ (mix32(right ^ keys[i]) & MASK);
    left = right;
    right = next;
  }
  return hex6(left) + hex6(right);
}

/** Sequence numbers per cohort are `cohort * 2^24 + local`, so each cohort has room for 16M records of a kind. */
export const PER_COHORT = HALF;

export class IdFactory {
  private readonly keys: Record<string, number[]> = {};

  constructor(seed: string) {
    for (const kind of ['account', 'note', 'comment', 'report', 'device']) {
      const words = hashString(`${seed}\u241fids\u241f${kind}`);
      this.keys[kind] = [...words, mix32(words[0] ^ words[3])];
    }
  }

  private make(kind: string, prefix: string, seq: number): string {
    if (seq < 0 || seq >= HALF * HALF) throw new Error(`id sequence out of range: ${seq}`);
    return prefix + feistel48(seq, this.keys[kind]);
  }

  /** Account by global index (0 ≤ index < 2^48). */
  account(index: number): string {
    return this.make('account', 'u', index);
  }

  note(cohort: number, local: number): string {
    return this.make('note', 'n', cohort * HALF + local);
  }

  comment(cohort: number, local: number): string {
    return this.make('comment', 'c', cohort * HALF + local);
  }

  report(cohort: number, local: number): string {
    return this.make('report', 'r', cohort * HALF + local);
  }

  /** A 12-hex token unique per (cohort, local), for brand ids and similar. */
  token(cohort: number, local: number): string {
    return feistel48(cohort * HALF + local, this.keys.device);
  }
}
