/** How applyMany packs actions into transactions: DynamoDB's 100-item and 4 MB caps, and an account at most once per transaction. */
import { describe, expect, it } from 'vitest';
import { MAX_GROUP_BYTES, MAX_GROUP_ITEMS, bytesOf, packWrites } from '#shared/adapters/ledgerGroupActs';
import { planApply } from '#shared/enforcement/planApply';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';

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

  it('stops a transaction before 4 MB as well as before 100 items: large writes go fewer to a transaction', () => {
    expect(MAX_GROUP_BYTES).toBe(4 * 1024 * 1024);
    const mb = 1024 * 1024;
    const sized = (account: string, items: number, bytes: number) => ({ account, items, bytes });
    const ws = [sized('a', 4, 1.5 * mb), sized('b', 4, 1.5 * mb), sized('c', 4, 1.5 * mb), sized('d', 4, 0.5 * mb), sized('e', 4, 2.25 * mb)];
    const groups = packWrites(
      ws,
      (x) => x.account,
      (x) => x.items,
      MAX_GROUP_ITEMS,
      (x) => x.bytes,
    ).map((g) => g.map((x) => x.account));
    // 20 items in all: only the byte cap splits them, and no group passes 4 MB
    expect(groups).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    for (const g of groups) expect(g.reduce((n, id) => n + ws.find((x) => x.account === id)!.bytes, 0)).toBeLessThanOrEqual(MAX_GROUP_BYTES);
  });

  it("a write's bytes count every item it puts, the penalty state's offense history included", () => {
    const entry = {
      accountId: 'a',
      entryKey: 's1#enforce',
      sweepId: 's1',
      step: 'enforce' as const,
      actor: 'sweep' as const,
      action: 'warn' as const,
      codes: [],
      ruleIds: [],
      policyVersion: 'p',
      snapshotId: 'x',
      effectiveAt: '2026-11-01T00:00:00.000Z',
      evidenceRef: 'r',
      evidenceSummary: 'e',
      recordedAt: '2026-11-01T00:00:00.000Z',
    };
    const p = { ledger: entry, event: { long: 'x'.repeat(10_000) }, notice: { text: 'y'.repeat(20_000) } } as unknown as PlannedEnforcement;
    const small = planApply(undefined, p);
    expect(bytesOf(small)).toBeGreaterThan(30_000);
    const offenses = Array.from({ length: 2_000 }, (_, i) => ({ sweepId: `old-${i}`, effectiveAt: entry.effectiveAt, action: 'warn' as const, evidenceKeys: [`note:${i}`] }));
    const big = planApply({ accountId: 'a', status: 'lifted', action: 'warn', sweepId: 'old-0', entryKey: 'old-0#enforce', offenses, version: 3 }, p);
    expect(bytesOf(big) - bytesOf(small)).toBeGreaterThan(2_000 * 50);
  });
});
