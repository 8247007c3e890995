import { describe, expect, it } from 'vitest';
import { scoreDecisions } from '#shared/evaluation/scoreDecisions';
import type { Label } from '#shared/evaluation/labels';

describe('scoreDecisions', () => {
  it('computes per-code precision, recall, F1 and the organic false-positive rate', () => {
    const labels = new Map<string, Label>([
      ['a', { accountId: 'a', codes: ['water-army'] }],
      ['b', { accountId: 'b', codes: ['water-army', 'traffic-diversion'] }],
      ['c', { accountId: 'c', codes: [] }],
      ['d', { accountId: 'd', codes: [], hardNegative: 'generic-praise' }],
      ['e', { accountId: 'e', codes: ['traffic-diversion'] }],
    ]);
    const decided = new Map([
      ['a', ['water-army' as const]],
      ['d', ['water-army' as const]],
      ['e', ['traffic-diversion' as const]],
      ['zz', ['fake-account' as const]],
    ]);
    const e = scoreDecisions(decided, labels, ['water-army', 'traffic-diversion', 'fake-account']);
    const wa = e.perCode.find((c) => c.code === 'water-army')!;
    expect(wa).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    const td = e.perCode.find((c) => c.code === 'traffic-diversion')!;
    expect(td).toMatchObject({ precision: 1, recall: 0.5 });
    expect(e.perCode.find((c) => c.code === 'fake-account')).toMatchObject({ precision: null, recall: null });
    expect(e.organic).toEqual({ accounts: 2, flagged: 1, falsePositiveRate: 0.5 });
    expect(e.hardNegatives).toEqual({ 'generic-praise': { accounts: 1, flagged: 1 } });
    expect(e.unlabelled).toBe(1);
  });
});
