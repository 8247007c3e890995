/**
 * Sweeps after sweeps on the embedded stack, the way operators run them: a full sweep, then an
 * on-demand traffic-diversion campaign over the same snapshot, then the next day's snapshot where
 * a few accounts posted new diversion notes. One act is punished once; penalties run from when
 * Enforce applied them; notices name no one else; the report counts each act once; replay agrees.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '#shared/adapters/openStore';
import { auditRepository, enforcementRepository, reviewRepository, sweepRegistry, workStore } from '#shared/adapters/stageDependencies';
import { gatherReport } from '#shared/audit/gatherReport';
import { replaySweep } from '#shared/audit/replaySweep';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import type { Notice } from '#shared/notify/composeNotice';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { outranks, penaltyEnd } from '#shared/policy/penaltyPrecedence';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';
import { withNewNotes } from './laterSnapshot.ts';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const policy = defaultPolicy();
const TAKEN = '2026-11-20T00:00:00Z';
const DAY1_AT = '2026-12-05T09:00:00.000Z';
const CAMPAIGN_AT = '2026-12-06T09:00:00.000Z';
const DAY2_AT = '2026-12-11T09:00:00.000Z';
const DAY = 86_400_000;
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

let stack: EmbeddedStack;
let dir: string;
let snapshot: string;

const sweep = async (sweepId: string, snap: string, extra: Record<string, unknown>) =>
  (await runStateMachine('sweep', { sweepId, snapshot: snap, policy, review: 'auto', bucketCount: 3, ...extra }, { workers: 0 })) as SweepSummary;

async function decisionsOf(sweepId: string): Promise<Map<string, Decision>> {
  const out = new Map<string, Decision>();
  for await (const d of readDecisions(workStore(), sweepId)) out.set(d.accountId, d);
  return out;
}
const acted = (m: Map<string, Decision>) => [...m.values()].filter((d) => d.action !== 'none');
const enforceEntries = async (sweepId: string) => (await enforcementRepository().ledgerForSweep(sweepId)).filter((e) => e.step === 'enforce');
const replay = async (sweepId: string) =>
  replaySweep({ work: workStore(), openSnapshot: openStore, channels: CHANNELS, detectors: ACCOUNT_DETECTORS, ledger: await auditRepository().allLedger() }, sweepId, {
    runId: `t${sweepId}`,
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-repeat-'));
  snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 600, seed: 'repeat', outDir: snapshot, partsPerKind: 2, takenAt: TAKEN });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a full sweep, a campaign over the same snapshot, then new evidence', () => {
  let day1: Map<string, Decision>;

  it('day1: every penalty runs from when Enforce applied it, and its notice says so and names no one else', async () => {
    await sweep('day1', snapshot, { enforceAt: DAY1_AT });
    day1 = await decisionsOf('day1');
    const entries = await enforceEntries('day1');
    expect(entries.length).toBe(acted(day1).length);
    expect(entries.length).toBeGreaterThan(20);
    const repo = enforcementRepository();
    for (const e of entries) {
      expect(e).toMatchObject({ effectiveAt: TAKEN, appliedAt: DAY1_AT });
      expect(e.evidenceKeys!.length).toBeGreaterThan(0);
      if (e.action === 'limit' || e.action === 'suspend') {
        expect(e.until).toBe(plusDays(DAY1_AT, e.durationDays!));
        expect(await repo.getLift(`${e.accountId}#day1`)).toMatchObject({ dueAt: e.until });
      }
    }
    const outbox = await repo.outbox('day1');
    const notices = outbox.filter((m) => m.kind === 'notice').map((m) => m.body as Notice);
    expect(notices.length).toBe(entries.length);
    const accountIds = /\bu[0-9a-f]{12}\b/g;
    for (const n of notices) {
      const d = day1.get(n.accountId)!;
      expect(n.appliedAt).toBe(DAY1_AT);
      expect(n.text.en).toContain('2026-12-05 09:00 UTC');
      expect(n.text.zh).toContain('自2026-12-05 09:00 UTC起');
      if (n.until) {
        expect(n.text.en).toContain(`until ${n.until.slice(0, 10)}`);
        expect(n.until > DAY1_AT).toBe(true);
      }
      // no account id, no other user's note, no detection internals: only the account's own quoted content
      const sent = JSON.stringify({ ...n, accountId: undefined, quotes: n.quotes.map((q) => q.text) });
      expect(sent.match(accountIds) ?? []).toEqual([]);
      for (const f of d.findings) for (const other of f.evidence.relatedAccountIds ?? []) expect(sent).not.toContain(other);
      expect(sent).not.toMatch(/registered on one device|cluster|ring member|same contact appears on/);
      for (const q of n.quotes) expect(d.findings.some((f) => [...(f.evidence.noteIds ?? []), ...(f.evidence.commentIds ?? [])].includes(q.id))).toBe(true);
    }
    expect(notices.some((n) => n.quotes.length > 0)).toBe(true);
  });

  it('a traffic-diversion campaign over the same snapshot punishes nothing again: no entry, no notice, prior offenses counted', async () => {
    const tdDay1 = acted(day1).filter((d) => d.codes.includes('traffic-diversion'));
    expect(tdDay1.length).toBeGreaterThan(5);
    expect(tdDay1.some((d) => d.action === 'ban')).toBe(true);
    const summary = await sweep('campaign', snapshot, { codes: ['traffic-diversion'], enforceAt: CAMPAIGN_AT });
    const campaign = await decisionsOf('campaign');
    for (const d of tdDay1) {
      expect(campaign.get(d.accountId)).toMatchObject({ action: 'none', codes: ['traffic-diversion'], priorOffenses: 1, alreadyActed: { sweepIds: ['day1'] } });
    }
    expect(acted(campaign)).toEqual([]);
    expect(summary.enforcement.applied).toBe(0);
    expect(summary.alreadyActed).toBe(tdDay1.length);
    expect(await enforceEntries('campaign')).toEqual([]);
    // the accounts already banned are not told "suspension for 14 days"
    expect(await enforcementRepository().outbox('campaign')).toEqual([]);
    for (const d of tdDay1) expect((await enforcementRepository().penalty(d.accountId))!.offenses.map((o) => o.sweepId)).toEqual(['day1']);
  });

  it('the report over both sweeps counts each account and each act once', async () => {
    const repos = { audit: auditRepository(), reviews: reviewRepository(), sweeps: sweepRegistry() };
    const r = await gatherReport(repos, { sweepIds: ['day1', 'campaign', 'day1'], territorialScope: ['CN'], generatedAt: '2026-12-07T00:00:00Z' });
    expect(r.sweepIds).toEqual(['campaign', 'day1']);
    expect(r.totals).toMatchObject({ actions: acted(day1).length, accounts: acted(day1).length, absorbed: 0, repeatedActs: 0 });
    expect(r.statementsOfReasons).toHaveLength(acted(day1).length);
  });

  it('the next snapshot: new diversion notes escalate one step; the same old notes add nothing; a banned account is not told again', async () => {
    const ownNoteOf = (d: Decision) => d.findings.find((f) => f.code === 'traffic-diversion' && (d.quotes ?? []).some((q) => q.kind === 'note' && (f.evidence.noteIds ?? []).includes(q.id)));
    const candidates = acted(day1).filter((d) => d.codes.length === 1 && d.codes[0] === 'traffic-diversion' && !d.brandPoints && ownNoteOf(d));
    const climbing = candidates.filter((d) => d.action !== 'ban').slice(0, 3);
    const banned = candidates.find((d) => d.action === 'ban');
    expect(climbing.length).toBe(3);
    const chosen = [...climbing, ...(banned ? [banned] : [])];
    const noteIds = chosen.map((d) => d.quotes!.find((q) => q.kind === 'note' && (ownNoteOf(d)!.evidence.noteIds ?? []).includes(q.id))!.id);
    const next = join(dir, 'snapshot-day2');
    const added = await withNewNotes(snapshot, next, { takenAt: '2026-12-10T00:00:00Z', suffix: 'd2', noteIds });
    expect(added).toHaveLength(chosen.length);

    await sweep('day2', next, { enforceAt: DAY2_AT });
    const day2 = await decisionsOf('day2');
    for (const was of climbing) {
      const d = day2.get(was.accountId)!;
      // the new note is judged on its own (the old findings add nothing), one step up for the prior offense
      expect(d).toMatchObject({ priorOffenses: 1, ladderStep: Math.min(policy.severityStart[d.severity!] + 1, policy.ladder.length - 1) });
      expect(d.evidenceKeys).toContain(`note:${noteIds[chosen.indexOf(was)]}`);
      // the rule that found the new note acts; findings on the old evidence (a profile contact) stay acted on
      expect(d.ruleIds).toContain(ownNoteOf(was)!.ruleId);
      for (const r of d.alreadyActed?.ruleIds ?? []) expect(d.ruleIds).not.toContain(r);
    }
    const entries = new Map((await enforceEntries('day2')).map((e) => [e.accountId, e]));
    const outbox = await enforcementRepository().outbox('day2');
    let told = 0;
    for (const was of climbing) {
      const d = day2.get(was.accountId)!;
      const running = penaltyEnd(was.action, DAY1_AT, was.durationDays);
      // told unless the day1 penalty still running on DAY2_AT is at least as strong (then the offense is recorded, absorbed)
      const absorbed = running! > DAY2_AT && !outranks({ action: d.action, until: penaltyEnd(d.action, DAY2_AT, d.durationDays) }, { action: was.action, until: running });
      expect(entries.get(was.accountId)).toMatchObject({ appliedAt: DAY2_AT });
      expect(entries.get(was.accountId)!.absorbedBy).toBe(absorbed ? 'day1#enforce' : undefined);
      // the new note itself is removed either way: one content event per item, and an absorbed penalty's notice names only the items
      const items = d.contentActions?.length ?? 0;
      expect(outbox.filter((m) => m.accountId === was.accountId && m.kind === 'content')).toHaveLength(items);
      expect(
        outbox
          .filter((m) => m.accountId === was.accountId && m.kind !== 'content')
          .map((m) => m.kind)
          .sort(),
      ).toEqual(absorbed ? (items > 0 ? ['notice'] : []) : ['enforcement', 'notice']);
      if (!absorbed) told += 1;
    }
    expect(told).toBeGreaterThan(0);
    if (banned) {
      // new evidence is a new offense, recorded; the ban already running absorbs it: no event, no notice
      expect(entries.get(banned.accountId)).toMatchObject({ absorbedBy: 'day1#enforce' });
      // not told of a penalty again: no event; its new note is still removed, and at most a notice naming only that note
      const mine = outbox.filter((m) => m.accountId === banned.accountId);
      expect(mine.filter((m) => m.kind === 'enforcement')).toEqual([]);
      for (const m of mine.filter((x) => x.kind === 'notice')) expect((m.body as { text: { en: string } }).text.en).toMatch(/^We acted on these items you posted/);
    }
    // everyone else acted on in day1 and found again on the same evidence: nothing
    const unchanged = acted(day1).filter((d) => !chosen.includes(d));
    const again = unchanged.filter((d) => day2.get(d.accountId)?.action !== undefined && day2.get(d.accountId)!.action !== 'none');
    expect(again.map((d) => d.accountId)).toEqual([]);
    for (const d of unchanged) expect(entries.has(d.accountId)).toBe(false);
  });

  it('replay of each sweep gives zero differences against its decisions and the ledger', async () => {
    for (const id of ['day1', 'campaign', 'day2']) {
      const r = await replay(id);
      expect({ id, differences: r.differences, ledger: r.ledgerDifferences }).toEqual({ id, differences: [], ledger: [] });
    }
  });
});
