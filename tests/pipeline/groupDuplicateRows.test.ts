/** Group drops a row whose record identity the key already had when it groups the key (issue 17), not as rows come. */
import { describe, expect, it } from 'vitest';
import { firstOfEachIdentity } from '#shared/pipeline/groupBucket';

/** The rule as rows come: the first row of each identity under the key is kept; a row without one always is. */
function onArrival(rows: Array<{ r: Record<string, unknown>; i?: string }>): Record<string, unknown>[] {
  const seen = new Set<string>();
  const kept: Record<string, unknown>[] = [];
  for (const { r, i } of rows) {
    if (i !== undefined) {
      if (seen.has(i)) continue;
      seen.add(i);
    }
    kept.push(r);
  }
  return kept;
}

/** A key's group as groupBucket builds it: the one identity while there is one row, then one per row. */
function groupOf(rows: Array<{ r: Record<string, unknown>; i?: string }>) {
  return { rows: rows.map((x) => x.r), ids: rows.length === 1 ? rows[0].i : rows.map((x) => x.i) };
}

describe('firstOfEachIdentity', () => {
  it('keeps the first row of each record identity, in order, and every row without one', () => {
    const rows = [{ r: { n: 1 }, i: 'a' }, { r: { n: 2 } }, { r: { n: 3 }, i: 'a' }, { r: { n: 4 }, i: 'b' }, { r: { n: 5 } }, { r: { n: 6 }, i: 'b' }];
    expect(firstOfEachIdentity(groupOf(rows))).toEqual([{ n: 1 }, { n: 2 }, { n: 4 }, { n: 5 }]);
    expect(firstOfEachIdentity(groupOf([{ r: { n: 1 }, i: 'a' }]))).toEqual([{ n: 1 }]);
  });

  it('drops what dropping on arrival dropped, for short keys (scanned) and long ones (a set)', () => {
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let t = 0; t < 2000; t++) {
      const n = 1 + (next() % (t % 2 === 0 ? 16 : 60));
      const rows = Array.from({ length: n }, (_, x) => ({ r: { x }, i: next() % 7 === 0 ? undefined : `id${next() % Math.max(1, n / 2)}` }));
      expect(firstOfEachIdentity(groupOf(rows))).toEqual(onArrival(rows));
    }
  });
});
