/** How applyMany packs actions into transactions: DynamoDB's 100-item cap, and an account at most once per transaction. */
import { describe, expect, it } from 'vitest';
import { MAX_GROUP_ITEMS, packWrites } from '#shared/adapters/ledgerGroupActs';

const w = (account: string, items: number) => ({ account, items });
const pack = (ws: Array<ReturnType<typeof w>>, max?: number) =>
  packWrites(
    ws,
    (x) => x.account,
    (x) => x.items,
    max,
  ).map((g) => g.map((x) => x.account));

describe('packWrites', () => {
  it('fills a transaction up to the item cap, in order', () => {
    const ws = Array.from({ length: 45 }, (_, i) => w(`a${i}`, 5));
    const groups = pack(ws);
    expect(groups.map((g) => g.length)).toEqual([20, 20, 5]);
    expect(groups.flat()).toEqual(ws.map((x) => x.account));
    expect(MAX_GROUP_ITEMS).toBe(100);
  });

  it('never puts an account twice in one transaction (DynamoDB refuses two operations on one item)', () => {
    expect(pack([w('a', 4), w('b', 4), w('a', 4), w('c', 4)])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });

  it('a write larger than the cap goes alone', () => {
    expect(pack([w('a', 3), w('b', 12), w('c', 3)], 10)).toEqual([['a'], ['b'], ['c']]);
  });
});
