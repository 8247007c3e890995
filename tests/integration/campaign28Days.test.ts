/**
 * A 28-day campaign on generated daily snapshots of an evolving platform (`generateDays`), played on the
 * embedded stack as `crackdown campaign run` plays it: paused, it sweeps nothing; each day runs once and a
 * re-run adds nothing; no account is punished twice for the same evidence; timed penalties lift on their days;
 * the report's accounts equal the ledger's distinct accounts (counted here from the ledger itself).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { auditRepository } from '#shared/adapters/stageDependencies';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { initialState, pauseCampaign, resumeCampaign } from '#shared/campaign/campaignState';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateDays } from '#scripts/generate/generateDays';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { campaignReportOf } from '#scripts/cli/commands/campaignReport';
import { playCampaign } from '#scripts/cli/playCampaign';
import { makeOutput } from '#scripts/cli/output';

const DAYS = 28;
const START = '2026-11-18';
const LAST = '2026-12-15';
let dir: string;
let stack: EmbeddedStack;
const out = makeOutput(true);
const never = new AbortController().signal;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-28-'));
  await generateDays({ days: DAYS, start: START, accounts: 400, seed: 'campaign-28', outDir: join(dir, 'exports'), partsPerKind: 1 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
}, 600_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

const enforceEntries = (ledger: LedgerEntry[]) => ledger.filter((e) => e.step === 'enforce' && e.sweepId.startsWith('nov-'));

describe('a 28-day campaign', () => {
  it('runs each day once, pauses, punishes each piece of evidence once, lifts on time and reports the ledger', { timeout: 1_500_000 }, async () => {
    const policy = defaultPolicy();
    const campaign = parseCampaign(
      {
        campaignId: 'nov',
        version: 1,
        title: 'Four weeks',
        period: { start: START, end: LAST },
        schedule: { at: '08:00', timeZone: 'Asia/Shanghai' },
        policyVersion: policy.policyVersion,
        snapshotTemplate: join(dir, 'exports', '{date}'),
      },
      'test',
    );
    const store = new DynamoCampaignStore();
    await store.addVersion({ campaign, policy, createdAt: '2026-11-17T00:00:00Z' });
    const s0 = initialState('nov', '2026-11-17T00:00:00Z', 'ops');
    await store.setState(s0, undefined);
    const paused = pauseCampaign(s0, '2026-11-17T01:00:00Z', 'lead', 'not yet');
    await store.setState(paused, s0);
    expect(await playCampaign('nov', {}, out, never)).toEqual([{ day: START, sweepId: 'nov-20261118', outcome: expect.stringContaining('paused') }]);
    expect(enforceEntries(await auditRepository().allLedger())).toEqual([]);
    await store.setState(resumeCampaign(paused, '2026-11-17T02:00:00Z', 'lead'), paused);

    const firstHalf = await playCampaign('nov', { through: '2026-12-01' }, out, never);
    expect(firstHalf).toHaveLength(14);
    const afterHalf = (await auditRepository().allLedger()).length;
    const again = await playCampaign('nov', { through: '2026-12-01' }, out, never);
    expect(again.map((d) => d.outcome)).toEqual(Array(14).fill('already swept'));
    expect((await auditRepository().allLedger()).length).toBe(afterHalf);
    const rest = await playCampaign('nov', {}, out, never);
    expect(rest.filter((d) => d.outcome.startsWith('swept'))).toHaveLength(DAYS - 14);

    const ledger = await auditRepository().allLedger();
    const enforced = enforceEntries(ledger);
    expect(enforced.length).toBeGreaterThan(20);
    // no enforce entry rests only on evidence an earlier day's entry of the same account already holds
    const byAccount = new Map<string, LedgerEntry[]>();
    for (const e of enforced) byAccount.set(e.accountId, [...(byAccount.get(e.accountId) ?? []), e]);
    for (const [account, entries] of byAccount) {
      const seen = new Set<string>();
      for (const e of entries.sort((a, b) => a.sweepId.localeCompare(b.sweepId))) {
        const keys = e.evidenceKeys ?? [];
        expect(keys.length, `${account} ${e.sweepId}`).toBeGreaterThan(0);
        expect(
          keys.some((k) => !seen.has(k)),
          `${account} punished again in ${e.sweepId} for evidence already acted on`,
        ).toBe(true);
        keys.forEach((k) => seen.add(k));
      }
    }
    // lifts fire on their days: never before the penalty ends, and every timed penalty due before the last day is lifted
    const lifts = ledger.filter((e) => e.step === 'lift');
    expect(lifts.length).toBeGreaterThan(0);
    for (const l of lifts) {
      const e = enforced.find((x) => x.accountId === l.accountId && x.sweepId === l.sweepId)!;
      expect(Date.parse(l.effectiveAt), `${l.accountId} lifted early`).toBeGreaterThanOrEqual(Date.parse(e.until!));
    }
    const lastDayStart = Date.parse('2026-12-15T00:00:00Z');
    // (a penalty replaced by a later one before it ended is the later one's to lift)
    const replaced = (e: LedgerEntry) => enforced.some((x) => x.accountId === e.accountId && x.sweepId > e.sweepId && !x.absorbedBy && Date.parse(x.appliedAt ?? x.effectiveAt) < Date.parse(e.until!));
    const due = enforced.filter((e) => e.until && !e.absorbedBy && Date.parse(e.until) <= lastDayStart && !replaced(e) && !ledger.some((x) => x.step === 'reverse' && x.accountId === e.accountId));
    expect(due.length).toBeGreaterThan(0);
    for (const e of due)
      expect(
        lifts.some((l) => l.accountId === e.accountId && l.sweepId === e.sweepId),
        `${e.accountId} ${e.sweepId} due ${e.until} not lifted`,
      ).toBe(true);

    const { report, accountsHandled, perDay } = await campaignReportOf('nov');
    expect(report.totals.accounts).toBe(byAccount.size);
    // counted once over the campaign, however many days acted on an account
    expect(accountsHandled.accounts).toBe(byAccount.size);
    expect(perDay.reduce((s, d) => s + d.newAccounts, 0)).toBe(byAccount.size);
    // each lift of a counted act on the day it fired (lifts run at each day's start)
    const counted = new Set(report.statementsOfReasons.map((x) => x.puid));
    expect(perDay.reduce((s, d) => s + d.lifted, 0)).toBe(lifts.filter((l) => counted.has(`${l.sweepId}/${l.accountId}`)).length);
  });
});
