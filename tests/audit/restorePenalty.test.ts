/** restorePenalty: the penalty state as if some actions never happened (pure). */
import { describe, expect, it } from 'vitest';
import { restorePenalty } from '#shared/audit/restorePenalty';
import { canonicalJson, chainEntries, GENESIS_HASH } from '#shared/audit/hashChain';
import { verifyChain } from '#shared/audit/verifyLedger';
import type { LedgerEntry, LiftRow } from '#shared/enforcement/ledgerEntry';

const entry = (sweepId: string, action: LedgerEntry['action'], effectiveAt: string, until?: string): LedgerEntry => ({
  accountId: 'a1',
  entryKey: `${sweepId}#enforce`,
  sweepId,
  step: 'enforce',
  actor: 'sweep',
  action,
  until,
  codes: ['water-army'],
  ruleIds: ['r'],
  policyVersion: 'p',
  snapshotId: 's',
  effectiveAt,
  evidenceRef: 'x',
  evidenceSummary: 'y',
  recordedAt: effectiveAt,
});
const lift = (sweepId: string, outcome?: LiftRow['outcome']): LiftRow => ({
  liftId: `a1#${sweepId}`,
  accountId: 'a1',
  sweepId,
  entryKey: `${sweepId}#enforce`,
  action: 'limit',
  dueAt: '2027-01-01T00:00:00Z',
  ...(outcome ? { outcome } : { pending: 'pending' as const }),
});

describe('restorePenalty', () => {
  const s1 = entry('s1', 'limit', '2026-11-01T00:00:00Z', '2026-12-08T00:00:00Z');
  const s2 = entry('s2', 'ban', '2026-11-10T00:00:00Z');

  it('reversing the only action clears the account', () => {
    expect(restorePenalty([s1], new Map(), new Set(['s1']))).toMatchObject({ status: 'cleared', action: 'none', offenses: [] });
  });

  it('reversing a stronger later action brings back the earlier one and re-arms its superseded lift', () => {
    const r = restorePenalty([s1, s2], new Map([['a1#s1', lift('s1', 'superseded')]]), new Set(['s2']));
    expect(r).toMatchObject({ status: 'active', action: 'limit', sweepId: 's1', until: s1.until, repend: ['a1#s1'] });
    expect(r.offenses.map((o) => o.sweepId)).toEqual(['s1']);
  });

  it('an earlier action whose lift already ran stays lifted', () => {
    const r = restorePenalty([s1, s2], new Map([['a1#s1', lift('s1', 'lifted')]]), new Set(['s2']));
    expect(r).toMatchObject({ status: 'lifted', action: 'limit', sweepId: 's1', repend: [] });
  });

  it('actions reversed earlier (a reverse entry) stay out', () => {
    const rev: LedgerEntry = { ...s1, step: 'reverse', entryKey: 's1#reverse' };
    expect(restorePenalty([s1, rev, s2], new Map(), new Set(['s2']))).toMatchObject({ status: 'cleared', offenses: [] });
  });
});

describe('hash chain', () => {
  it('canonical JSON sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [1, 'x'] } })).toBe('{"a":{"c":[1,"x"]},"b":1}');
  });
  it('a linked chain verifies; any edit, drop or swap does not', () => {
    const { entries, head } = chainEntries([entry('s1', 'warn', '2026-11-01T00:00:00Z'), entry('s2', 'ban', '2026-11-02T00:00:00Z')], { seq: 0, hash: GENESIS_HASH });
    const state = { accountId: 'a1', status: 'active' as const, action: 'ban' as const, sweepId: 's2', entryKey: 's2#enforce', offenses: [], version: 2, chainSeq: head.seq, chainHash: head.hash };
    expect(verifyChain('a1', entries, state)).toEqual([]);
    expect(verifyChain('a1', [{ ...entries[0], action: 'ban' }, entries[1]], state).map((i) => i.kind)).toEqual(['hash-mismatch']);
    expect(verifyChain('a1', [entries[0]], state).map((i) => i.kind)).toEqual(['head-mismatch']);
    expect(verifyChain('a1', [entries[1]], state).map((i) => i.kind)).toEqual(['seq-gap']);
    expect(
      verifyChain(
        'a1',
        [
          { ...entries[0], seq: 2 },
          { ...entries[1], seq: 1 },
        ],
        state,
      ).map((i) => i.kind),
    ).toContain('hash-mismatch');
  });
});
