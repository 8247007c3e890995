import { describe, expect, it } from 'vitest';
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import { gatherReport } from '#shared/audit/gatherReport';
import { buildTransparencyReport } from '#shared/audit/transparencyReport';
import type { Action } from '#shared/contract/decisionExport';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import type { ReviewRepository } from '#shared/ports/reviewRepository';

const policy = defaultPolicy();
const decision = (accountId: string, sweepId: string, action: Action, evidenceKeys: string[], durationDays?: number): Decision => ({
  accountId,
  codes: ['traffic-diversion'],
  action,
  durationDays,
  ruleIds: ['traffic-diversion/contact-in-text'],
  severity: 'medium',
  score: 0.9,
  ladderStep: 1,
  priorOffenses: 0,
  policyVersion: policy.policyVersion,
  sweepId,
  snapshotId: 'snap',
  effectiveAt: '2026-11-20T00:00:00.000Z',
  followerCount: 10,
  findings: [],
  evidenceKeys,
});
// No human review in these sweeps: the review repository has no cases.
const noReviews = { cases: async () => [] } as unknown as ReviewRepository;

async function ledger(): Promise<MemoryLedger> {
  const m = new MemoryLedger();
  const apply = (d: Decision, day: string) => m.apply(planEnforcement(d, policy, 'ref', day, day));
  // day1: a, b, c punished
  await apply(decision('a', 'day1', 'limit', ['note:a1'], 7), '2026-12-01T00:00:00.000Z');
  await apply(decision('b', 'day1', 'ban', ['note:b1']), '2026-12-01T00:00:00.000Z');
  await apply(decision('c', 'day1', 'warn', ['note:c1']), '2026-12-01T00:00:00.000Z');
  // campaign: a punished again for the same note (a ledger written before one act was punished once),
  // b's new note absorbed by its ban, c punished for a new note
  await apply(decision('a', 'campaign', 'suspend', ['note:a1'], 14), '2026-12-02T00:00:00.000Z');
  await apply(decision('b', 'campaign', 'limit', ['note:b2'], 7), '2026-12-02T00:00:00.000Z');
  await apply(decision('c', 'campaign', 'limit', ['note:c1', 'note:c2'], 7), '2026-12-02T00:00:00.000Z');
  return m;
}

describe('the transparency report over several sweeps', () => {
  it('counts distinct accounts, and each act once: a repeat of the same evidence and an absorbed entry are not actions', async () => {
    const m = await ledger();
    const entries = [...(await m.ledgerForSweep('day1')), ...(await m.ledgerForSweep('campaign'))];
    const r = buildTransparencyReport({ title: 't', sweepIds: ['day1', 'campaign'], entries, appeals: [], reviewCases: [], generatedAt: 'g', territorialScope: ['CN'] });
    expect(r.totals).toMatchObject({ actions: 4, accounts: 3, absorbed: 1, repeatedActs: 1 });
    expect(r.statementsOfReasons.map((s) => s.puid).sort()).toEqual(['campaign/c', 'day1/a', 'day1/b', 'day1/c']);
    expect(r.statementsOfReasons.find((s) => s.puid === 'campaign/c')!.application_date).toBe('2026-12-02T00:00:00.000Z');
    expect(Object.values(r.byAction).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('a sweep named twice is counted once', async () => {
    const m = await ledger();
    const once = await gatherReport({ audit: m, reviews: noReviews }, { sweepIds: ['day1'], territorialScope: ['CN'], generatedAt: 'g' });
    const twice = await gatherReport({ audit: m, reviews: noReviews }, { sweepIds: ['day1', 'day1'], territorialScope: ['CN'], generatedAt: 'g' });
    expect(twice.totals).toEqual(once.totals);
    expect(twice.totals).toMatchObject({ actions: 3, accounts: 3 });
    expect(twice.sweepIds).toEqual(['day1']);
  });
});
