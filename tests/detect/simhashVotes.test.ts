/** simhash64 counts its votes eight bits at a time (issue 17); it must give the bit-by-bit ±1 vote's hash. */
import { describe, expect, it } from 'vitest';
import { mix32 } from '#shared/detect/text/hash';
import { simhash64 } from '#shared/detect/text/nearDuplicate';

/** The definition: per bit, +1 for each shingle hash with the bit set, −1 without; set when the sum is positive. */
function referenceSimhash(shingles: Uint32Array): [number, number] {
  const v = new Int32Array(64);
  for (const s of shingles) {
    const a = mix32(s ^ 0x5bd1e995);
    const b = mix32(s ^ 0x1b873593);
    for (let i = 0; i < 32; i++) {
      v[i] += (a >>> i) & 1 ? 1 : -1;
      v[32 + i] += (b >>> i) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 32; i++) {
    if (v[i] > 0) hi |= 1 << i;
    if (v[32 + i] > 0) lo |= 1 << i;
  }
  return [hi >>> 0, lo >>> 0];
}

describe('simhash64', () => {
  it('gives the ±1 vote hash for empty, small, tied and large shingle sets (past the 255-vote lane spill)', () => {
    let seed = 7;
    const next = () => (seed = mix32(seed + 0x9e3779b9));
    for (const size of [0, 1, 2, 3, 17, 254, 255, 256, 511, 1000, 3000]) {
      for (let rep = 0; rep < 5; rep++) {
        const shingles = Uint32Array.from({ length: size }, next);
        expect(simhash64(shingles), `size ${size}`).toEqual(referenceSimhash(shingles));
      }
    }
  });
});
