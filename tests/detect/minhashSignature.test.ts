/** minhash takes one hash function at a time over the shingles (issue 17); it must give the definition's minima. */
import { describe, expect, it } from 'vitest';
import { mix32 } from '#shared/detect/text/hash';
import { minhash, SIGNATURE_SIZE } from '#shared/detect/text/nearDuplicate';

/** The definition: h_i(x) = mix(a_i·x + b_i) per function i, the minimum over the set; an empty set's is 0xffffffff. */
function referenceMinhash(shingles: Uint32Array, size: number): number[] {
  const sig: number[] = [];
  for (let i = 0; i < size; i++) {
    const a = mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)) | 1;
    const b = mix32(0x7f4a7c15 + Math.imul(i + 1, 0xc2b2ae35));
    let min = 0xffffffff;
    for (const x of shingles) {
      let v = (Math.imul(a, x) + b) | 0;
      v ^= v >>> 15;
      v = Math.imul(v, 0x2c1b3c6d) >>> 0;
      min = Math.min(min, v);
    }
    sig.push(min);
  }
  return sig;
}

describe('minhash', () => {
  it("gives each hash function's minimum over the shingle set, for empty, small and large sets and shorter signatures", () => {
    let seed = 11;
    const next = () => (seed = mix32(seed + 0x9e3779b9));
    for (const n of [0, 1, 2, 5, 64, 1000]) {
      const shingles = Uint32Array.from({ length: n }, next);
      for (const size of [SIGNATURE_SIZE, 15, 1]) expect([...minhash(shingles, size)]).toEqual(referenceMinhash(shingles, size));
    }
    expect([...minhash(Uint32Array.from([0, 0xffffffff]))]).toEqual(referenceMinhash(Uint32Array.from([0, 0xffffffff]), SIGNATURE_SIZE));
  });
});
