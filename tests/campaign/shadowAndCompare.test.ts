import { describe, expect, it } from 'vitest';
import { countAccountsHandled } from '#shared/campaign/accountsHandled';
import { compareCampaigns } from '#shared/campaign/compareCampaigns';
import { countDayHolds } from '#shared/campaign/dayHolds';
import { wouldHaveEntries, type ShadowDay } from '#shared/campaign/wouldHaveEntries';

const released = { sample: { heldRules: [] as string[] } };
const d = (accountId: string, over: Partial<ShadowDay['decisions'] extends Iterable<infer D> ? D : never> = {}) => ({
  accountId,
  codes: ['traffic-diversion' as const],
  action: 'limit' as const,
  durationDays: 7,
  ruleIds: ['traffic-diversion/contact-in-text'],
  followerCount: 50,
  evidenceKeys: [`note:${accountId}-1`],
  ...over,
});

describe('countAccountsHandled', () => {
  it('counts an account once: under each of its codes, its strongest action and the highest tier it had when acted on', () => {
    const a = countAccountsHandled([
      { accountId: 'a', codes: ['fake-account'], action: 'warn', followerCount: 9_000 },
      { accountId: 'a', codes: ['traffic-diversion'], action: 'suspend', followerCount: 12_000 },
      { accountId: 'b', codes: ['traffic-diversion'], action: 'ban', followerCount: 150_000 },
      { accountId: 'c', codes: ['fake-account'], action: 'limit' },
    ]);
    expect(a).toEqual({
      accounts: 3,
      actions: 4,
      byCode: { 'fake-account': 2, 'traffic-diversion': 2 },
      byAction: { suspend: 1, ban: 1, limit: 1 },
      byFollowerTier: { '10k-100k': 1, '>=100k': 1, unknown: 1 },
      over10k: 2,
      over100k: 1,
    });
  });
});

describe('wouldHaveEntries', () => {
  it('turns released, unheld decisions with an action into would-have entries, and the same evidence found again the next day into no act', () => {
    const w = wouldHaveEntries([
      { day: '2026-12-01', sweepId: 's-1', ...released, decisions: [d('a'), d('b'), d('n', { action: 'none' })] },
      {
        day: '2026-12-02',
        sweepId: 's-2',
        ...released,
        // a: the same note again (no act); b: a new note (an act); c: new account
        decisions: [d('a'), d('b', { evidenceKeys: ['note:b-1', 'note:b-2'] }), d('c'), d('x', { action: 'none', alreadyActed: { sweepIds: ['enf-1'] } })],
      },
    ]);
    expect(w.entries.map((e) => `${e.day} ${e.accountId}`)).toEqual(['2026-12-01 a', '2026-12-01 b', '2026-12-02 b', '2026-12-02 c']);
    expect(w.repeated).toBe(1);
    expect([...w.alreadyActed]).toEqual(['x']);
    expect(w.entries[0]).toMatchObject({ sweepId: 's-1', action: 'limit', durationDays: 7, codes: ['traffic-diversion'], followerCount: 50 });
  });

  it('leaves out what the review or the blast-radius guard held, and a whole day still waiting for its review', () => {
    const rule = 'traffic-diversion/contact-in-text';
    const w = wouldHaveEntries([
      { day: '2026-12-01', sweepId: 's-1', sample: { heldRules: [rule] }, decisions: [d('a')] },
      { day: '2026-12-02', sweepId: 's-2', sample: { heldRules: [], heldAccounts: ['b'] }, decisions: [d('b'), d('c')] },
      { day: '2026-12-03', sweepId: 's-3', sample: { status: 'open', heldRules: [] }, guard: { tripped: true, heldRules: [] }, decisions: [d('e')] },
    ]);
    expect(w.entries.map((e) => e.accountId)).toEqual(['c']);
    expect(countDayHolds([d('a')], { sample: { heldRules: [rule] }, guard: { tripped: true, heldRules: [{ ruleId: rule }] } })).toEqual({
      released: true,
      guardTripped: true,
      heldByReview: 0,
      heldByGuard: 1,
    });
    expect(countDayHolds([d('a'), d('b')], { sample: { heldRules: [rule] } })).toMatchObject({ heldByReview: 2, heldByGuard: 0 });
    expect(countDayHolds([d('e'), d('f', { action: 'none' })], { sample: { status: 'open', heldRules: [] }, guard: { tripped: true, heldRules: [] } })).toMatchObject({
      released: false,
      heldByGuard: 1,
    });
  });
});

describe('compareCampaigns', () => {
  it('gives the accounts both acted on and those only one did, overall and per code', () => {
    const c = compareCampaigns(
      {
        campaignId: 'shadow',
        mode: 'shadow',
        accounts: new Map([
          ['a', new Set(['traffic-diversion'])],
          ['b', new Set(['fake-account'])],
          ['c', new Set(['fake-account', 'traffic-diversion'])],
        ]),
      },
      {
        campaignId: 'enf',
        mode: 'enforce',
        accounts: new Map([
          ['a', new Set(['fake-account'])],
          ['c', new Set(['fake-account'])],
          ['d', new Set(['water-army'])],
        ]),
      },
    );
    expect(c.accounts).toEqual({ both: 2, onlyA: 1, onlyB: 1 });
    expect(c.byCode).toEqual({
      'fake-account': { both: 1, onlyA: 1, onlyB: 1 },
      'traffic-diversion': { both: 0, onlyA: 2, onlyB: 0 },
      'water-army': { both: 0, onlyA: 0, onlyB: 1 },
    });
    expect(c.examples).toEqual({ onlyA: ['b'], onlyB: ['d'] });
    expect(c.a).toEqual({ campaignId: 'shadow', mode: 'shadow', accounts: 3 });
  });
});
