import { describe, expect, it } from 'vitest';
import { scoreAuthors } from '#shared/evaluation/scoreDecisions';
import type { Label } from '#shared/evaluation/labels';

describe('scoreAuthors', () => {
  it('counts an account as predicted positive on any code and truly positive on any labelled code', () => {
    const labels = new Map<string, Label>(
      [
        { accountId: 'spam-caught', codes: ['traffic-diversion'] },
        { accountId: 'spam-other-code', codes: ['traffic-diversion'] },
        { accountId: 'spam-missed', codes: ['traffic-diversion'] },
        { accountId: 'spam-cleared', codes: ['engagement-bait'] },
        { accountId: 'ham-flagged', codes: [] },
        { accountId: 'ham-cleared', codes: [] },
        { accountId: 'ham-untouched', codes: [], hardNegative: 'video-owner' },
      ].map((l) => [l.accountId, l as Label]),
    );
    const decided = new Map<string, Label['codes']>([
      ['spam-caught', ['traffic-diversion']],
      ['spam-other-code', ['homogeneous-content', 'water-army']],
      ['spam-cleared', []],
      ['ham-flagged', ['fake-account']],
      ['ham-cleared', []],
      ['not-labelled', ['fake-account']],
    ]);
    expect(scoreAuthors(decided, labels)).toEqual({ positives: 4, negatives: 3, truePositives: 2, falsePositives: 1, falseNegatives: 2, precision: 2 / 3, recall: 0.5 });
  });

  it('leaves precision and recall null when nothing is predicted or labelled positive', () => {
    const labels = new Map<string, Label>([['a', { accountId: 'a', codes: [] }]]);
    expect(scoreAuthors(new Map(), labels)).toEqual({ positives: 0, negatives: 1, truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: null, recall: null });
  });
});
