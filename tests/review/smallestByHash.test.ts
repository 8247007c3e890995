/** The samplers' running selection: the k smallest hashes of (sweep, rule, account), whatever order they come in. */
import { describe, expect, it } from 'vitest';
import { unitHash } from '#shared/pipeline/hashBucket';
import { SmallestByHash } from '#shared/review/smallestByHash';

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ accountId: `acct-${from + i}` }));
const expected = (all: { accountId: string }[], k: number) =>
  all
    .map((a) => ({ a, h: unitHash('sw', 'r/x', a.accountId) }))
    .sort((x, y) => x.h - y.h || x.a.accountId.localeCompare(y.a.accountId))
    .slice(0, k)
    .map(({ a }) => a.accountId);

describe('SmallestByHash', () => {
  it('holds exactly the k smallest, smallest first, however they are added', () => {
    const all = ids(2000);
    for (const k of [1, 7, 200, 5000]) {
      const whole = new SmallestByHash<{ accountId: string }>('sw', 'r/x', k);
      whole.add(all);
      const chunked = new SmallestByHash<{ accountId: string }>('sw', 'r/x', k);
      for (let i = all.length; i > 0; i -= 37) chunked.add(all.slice(Math.max(0, i - 37), i));
      expect(
        whole.items().map((a) => a.accountId),
        `k ${k}`,
      ).toEqual(expected(all, k));
      expect(
        chunked.items().map((a) => a.accountId),
        `k ${k}, chunked backwards`,
      ).toEqual(expected(all, k));
    }
  });

  it('never holds more than k', () => {
    const s = new SmallestByHash<{ accountId: string }>('sw', 'r/x', 5);
    for (let i = 0; i < 50; i++) {
      s.add(ids(3, i * 3));
      expect(s.items().length).toBeLessThanOrEqual(5);
    }
    expect(s.items()).toHaveLength(5);
  });
});
