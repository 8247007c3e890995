/** restorePenalty: the penalty state as if some actions never happened (pure). */
import { describe, expect, it } from 'vitest';
import { restorePenalty } from '#shared/audit/restorePenalty';
import { canonicalJson, chainEntries, GENESIS_HASH } from '#shared/audit/hashChain';
import { verifyChain } from '#shared/audit/verifyLedger';
import type { LedgerEntry, LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import { liftViews, pendingLiftOf } from '#shared/enforcement/pendingLift';

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

  it('reversing a stronger later action brings back the earlier one, and the restored state carries its lift again', () => {
    const r = restorePenalty([s1, s2], new Map([['a1#s1', lift('s1', 'superseded')]]), new Set(['s2']));
    expect(r).toMatchObject({ status: 'active', action: 'limit', sweepId: 's1', until: s1.until });
    expect(r.offenses.map((o) => o.sweepId)).toEqual(['s1']);
    const state: PenaltyState = { accountId: 'a1', ...r, version: 3 };
    expect(pendingLiftOf(state)).toEqual({ liftId: 'a1#s1', accountId: 'a1', sweepId: 's1', entryKey: 's1#enforce', action: 'limit', dueAt: s1.until, pending: 'pending' });
  });

  it('an earlier action whose lift already ran stays lifted', () => {
    const r = restorePenalty([s1, s2], new Map([['a1#s1', lift('s1', 'lifted')]]), new Set(['s2']));
    expect(r).toMatchObject({ status: 'lifted', action: 'limit', sweepId: 's1' });
  });

  it('actions reversed earlier (a reverse entry) stay out', () => {
    const rev: LedgerEntry = { ...s1, step: 'reverse', entryKey: 's1#reverse' };
    expect(restorePenalty([s1, rev, s2], new Map(), new Set(['s2']))).toMatchObject({ status: 'cleared', offenses: [] });
  });
});

describe('lifts read off the state and the ledger (no lift rows)', () => {
  const s1 = entry('s1', 'limit', '2026-11-01T00:00:00Z', '2026-12-08T00:00:00Z');
  const s2 = entry('s2', 'suspend', '2026-11-10T00:00:00Z', '2026-12-20T00:00:00Z');
  const state = (e: LedgerEntry, status: PenaltyState['status'] = 'active'): PenaltyState => ({
    accountId: 'a1',
    status,
    action: e.action,
    until: e.until,
    sweepId: e.sweepId,
    entryKey: e.entryKey,
    offenses: [],
    version: 1,
  });

  it('an active timed state carries its lift; a ban, a warning, a lifted or cleared state carries none', () => {
    expect(pendingLiftOf(state(s1))).toMatchObject({ liftId: 'a1#s1', dueAt: s1.until, pending: 'pending' });
    expect(pendingLiftOf(state(s1, 'lifted'))).toBeUndefined();
    expect(pendingLiftOf({ ...state(s1), action: 'ban', until: undefined })).toBeUndefined();
    expect(pendingLiftOf({ ...state(s1), action: 'warn', until: undefined })).toBeUndefined();
    expect(pendingLiftOf(undefined)).toBeUndefined();
  });

  it('each timed action: pending while the state carries it, superseded when a stronger one replaced it, lifted or cancelled by its entries', () => {
    const lifted: LedgerEntry = { ...s1, step: 'lift', entryKey: 's1#lift', recordedAt: '2026-12-08T00:01:00Z' };
    const reversed: LedgerEntry = { ...s2, step: 'reverse', entryKey: 's2#reverse', effectiveAt: '2026-11-12T00:00:00Z' };
    expect(liftViews([s1, s2], state(s2)).get('a1#s1')).toMatchObject({ outcome: 'superseded' });
    expect(liftViews([s1, s2], state(s2)).get('a1#s2')).toMatchObject({ pending: 'pending', dueAt: s2.until });
    expect(liftViews([s1, lifted], state(s1, 'lifted')).get('a1#s1')).toMatchObject({ outcome: 'lifted', liftedAt: '2026-12-08T00:01:00Z' });
    expect(liftViews([s1, s2, reversed], state(s1)).get('a1#s2')).toMatchObject({ outcome: 'cancelled', cancelledAt: '2026-11-12T00:00:00Z' });
    expect(liftViews([s1, s2, reversed], state(s1)).get('a1#s1')).toMatchObject({ pending: 'pending' });
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
