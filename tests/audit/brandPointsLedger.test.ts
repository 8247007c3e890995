/**
 * The brand points ledger on DynamoDB Local: deductions written with the brand's enforce entry,
 * never twice for one note, restored by an upheld appeal and by a wave reversal, and a new
 * period starting from full points. Resolve's read (history) and enforce's write (apply) are
 * the production adapters; the decision is the production decideAction.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditRepository, enforcementRepository, liftScheduler, notificationSink, workStore } from '#shared/adapters/stageDependencies';
import { decideAppeal, submitAppeal, type AuditDeps } from '#shared/audit/appealService';
import { reverseWave } from '#shared/audit/reverseWave';
import { auditLedger } from '#shared/audit/auditLedger';
import { ledgerAnchoring } from '#shared/adapters/ledgerAnchoring';
import { RULE_BRAND_POINTS } from '#shared/brand/brandPoints';
import { brandPointsView, renderBrandPoints } from '#shared/brand/brandPointsView';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import type { Finding } from '#shared/detect/finding';
import { decideAction, type Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { ruleSettings } from '#shared/policy/ruleSettings';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const policy = defaultPolicy();
const rules = ruleSettings(policy);
const BRAND = 'brand-acc-1';
let stack: EmbeddedStack;
let dir: string;
let repo: EnforcementRepository;
let deps: AuditDeps;

const promo = (noteId: string): Finding => ({
  accountId: BRAND,
  code: 'undisclosed-promotion',
  ruleId: 'undisclosed-promotion/brand-unauthorised',
  severity: 'medium',
  score: 0.8,
  evidence: { summary: `brand account sells its own products outside the partner platform (${noteId})`, noteIds: [noteId] },
});

/** What resolve and enforce do for the brand account in one sweep. */
async function sweep(sweepId: string, takenAt: string, noteIds: string[]): Promise<{ decision: Decision; outcome: string }> {
  const [prior, deductions] = await Promise.all([repo.priorOffenses([BRAND]), repo.brandDeductions!([BRAND])]);
  const decision = decideAction(
    { accountId: BRAND, findings: noteIds.map(promo), prior: prior.get(BRAND) ?? [], followerCount: 5000, accountType: 'brand', brandId: 'glowx', brandDeductions: deductions.get(BRAND) },
    { policy, rules, sweepId, snapshotId: `snap-${sweepId}`, takenAt },
  );
  if (decision.action === 'none') return { decision, outcome: 'skipped' };
  const outcome = await repo.apply(planEnforcement(decision, policy, `test:${sweepId}`, takenAt));
  return { decision, outcome };
}

const balance = async () => {
  const v = brandPointsView(BRAND, await repo.penalty(BRAND));
  return { left: v.periods[0]?.pointsLeft, period: v.periods[0]?.period, view: v };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-brand-'));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
  repo = enforcementRepository();
  deps = { audit: auditRepository(), enforcement: repo, sink: notificationSink(), scheduler: liftScheduler(), work: workStore() };
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('brand points ledger (DynamoDB Local)', () => {
  it('deducts 2 points per unauthorised promotion, in the same transaction as the brand ledger entry', async () => {
    const { decision, outcome } = await sweep('bp-1', '2026-10-01T00:00:00.000Z', ['n1']);
    expect(outcome).toBe('applied');
    expect(decision).toMatchObject({ action: 'warn', brandPoints: { pointsBefore: 10, pointsAfter: 8, deducted: ['n1'] } });
    const [entry] = await repo.ledgerFor(BRAND);
    expect(entry.ruleIds).toContain(RULE_BRAND_POINTS);
    expect(entry.brandPoints).toEqual({ brandId: 'glowx', period: '2026-04-20', pointsBefore: 10, pointsAfter: 8, deducted: ['n1'], points: 2 });
    expect((await balance()).left).toBe(8);
    const event = (await repo.outbox('bp-1')).find((m) => m.kind === 'enforcement')!.body as { brand?: unknown };
    expect(event.brand).toEqual({ brandId: 'glowx', period: '2026-04-20', pointsLeft: 8, reducedSearch: false, brandContentHidden: false });
  });

  it('re-running the same sweep deducts nothing more', async () => {
    const { decision, outcome } = await sweep('bp-1', '2026-10-01T00:00:00.000Z', ['n1']);
    expect(outcome).toBe('already-applied');
    expect(decision.brandPoints).toMatchObject({ pointsBefore: 10, pointsAfter: 8, deducted: ['n1'] });
    expect((await balance()).view.periods[0].deductions).toHaveLength(1);
  });

  it('a later sweep seeing the same note deducts only the new ones; the tier follows the points left', async () => {
    const { decision } = await sweep('bp-2', '2026-10-08T00:00:00.000Z', ['n1', 'n2', 'n3']);
    expect(decision).toMatchObject({ action: 'suspend', durationDays: 14, brandPoints: { pointsBefore: 8, pointsAfter: 4, deducted: ['n2', 'n3'], alreadyDeducted: ['n1'] } });
    expect((await balance()).left).toBe(4);
    const notice = (await repo.outbox('bp-2')).find((m) => m.kind === 'notice')!.body as { brand?: { reducedSearch: boolean }; text: { en: string } };
    expect(notice.brand?.reducedSearch).toBe(true);
    expect(notice.text.en).toContain('Brand points: 4 deducted');
  });

  it('an upheld appeal restores the points of that action, marked in the same transaction', async () => {
    const appeal = await submitAppeal(deps, { accountId: BRAND, sweepId: 'bp-2', statement: 'these were partner-platform orders' }, { now: '2026-10-10T00:00:00.000Z', channel: 'cli' });
    const r = await decideAppeal(deps, { appealId: appeal.appealId, outcome: 'upheld', reason: 'orders found on the partner platform', decidedBy: 'h1' }, { now: '2026-10-11T00:00:00.000Z' });
    expect(r.reversed).toBe(true);
    const b = await balance();
    expect(b.left).toBe(8);
    expect(b.view.periods[0].deductions.filter((d) => d.restoredAt).map((d) => d.noteId)).toEqual(['n2', 'n3']);
    const reverse = (await repo.ledgerFor(BRAND)).find((e) => e.entryKey === 'bp-2#reverse')!;
    expect(reverse.brandPoints).toMatchObject({ period: '2026-04-20', restored: ['n2', 'n3'], pointsAfter: 8 });
  });

  it('a later sweep counts from the restored balance and does not deduct the restored notes again', async () => {
    const { decision } = await sweep('bp-3', '2026-10-15T00:00:00.000Z', ['n2', 'n3', 'n4']);
    expect(decision).toMatchObject({ action: 'limit', durationDays: 7, brandPoints: { pointsBefore: 8, pointsAfter: 6, deducted: ['n4'] } });
    expect((await balance()).left).toBe(6);
  });

  it('a wave reversal of the brand-points rule restores its deductions', async () => {
    const r = await reverseWave(deps, { sweepId: 'bp-3', ruleId: RULE_BRAND_POINTS }, { dryRun: false, reason: 'ledger test', now: '2026-10-16T00:00:00.000Z' });
    expect(r.reversed).toBe(1);
    expect((await balance()).left).toBe(8);
  });

  it('a new period starts from 10 points; earlier deductions stay visible for that period', async () => {
    const { decision } = await sweep('bp-4', '2027-05-01T00:00:00.000Z', ['n1', 'n5']);
    expect(decision.brandPoints).toMatchObject({ period: { id: '2027-04-20' }, pointsBefore: 10, pointsAfter: 6, deducted: ['n1', 'n5'] });
    const v = (await balance()).view;
    expect(v.periods.map((p) => [p.period, p.pointsLeft])).toEqual([
      ['2027-04-20', 6],
      ['2026-04-20', 8],
    ]);
    expect(renderBrandPoints(v, 10)).toMatch(/period from 2027-04-20: 6 of 10 points left/);
  });

  it('the ledger still verifies, every brand entry anchored', async () => {
    const report = await auditLedger(auditRepository(), ledgerAnchoring(), { onlyAccount: BRAND });
    expect(report.issues.filter((i) => i.kind !== 'anchor-mismatch')).toEqual([]);
    expect(report.entries).toBeGreaterThan(0);
  });
});

describe('brand points through the sweep state machine', () => {
  const brandDecisions = async (sweepId: string) => {
    const out: Decision[] = [];
    for await (const d of readDecisions(workStore(), sweepId)) if (d.brandPoints) out.push(d);
    return out;
  };

  it('a sweep deducts for brand accounts selling off-platform; a second sweep of the same snapshot deducts nothing again', async () => {
    const snapshot = join(dir, 'snapshot');
    await generateSnapshot({ accounts: 500, seed: 'audit', outDir: snapshot, partsPerKind: 2 });
    await runStateMachine('sweep', { sweepId: 'bp-e2e-1', snapshot, policy, review: 'auto', bucketCount: 2 }, { workers: 0 });
    const first = await brandDecisions('bp-e2e-1');
    expect(first.length).toBeGreaterThan(0);
    for (const d of first) {
      expect(d.brandPoints!.deducted.length).toBeGreaterThan(0);
      expect(d.ruleIds).toContain(RULE_BRAND_POINTS);
      const state = await repo.penalty(d.accountId);
      expect(state?.brandPoints?.deductions.map((x) => x.noteId).sort()).toEqual(d.brandPoints!.deducted);
    }
    await runStateMachine('sweep', { sweepId: 'bp-e2e-2', snapshot, policy, review: 'auto', bucketCount: 2 }, { workers: 0 });
    const second = await brandDecisions('bp-e2e-2');
    expect(second.map((d) => d.accountId).sort()).toEqual(first.map((d) => d.accountId).sort());
    for (const d of second) {
      const before = first.find((x) => x.accountId === d.accountId)!.brandPoints!;
      expect(d.brandPoints).toMatchObject({ deducted: [], pointsBefore: before.pointsAfter, pointsAfter: before.pointsAfter });
      expect(d.brandPoints!.alreadyDeducted).toEqual(before.deducted);
      expect((await repo.penalty(d.accountId))?.brandPoints?.deductions).toHaveLength(before.deducted.length);
    }
  }, 900_000);
});

describe('brand points ledger: seeding campaigns (DynamoDB Local)', () => {
  const BRAND2 = 'brand-acc-campaign';
  const campaign = (first: string, notes: number): Finding => ({
    accountId: BRAND2,
    code: 'undisclosed-promotion',
    ruleId: 'undisclosed-promotion/brand-campaign',
    severity: 'medium',
    score: 0.8,
    evidence: {
      summary: 'seeding campaign for brand glowy',
      noteIds: [first, ...Array.from({ length: notes - 1 }, (_, i) => `${first}-${i}`)],
      relatedAccountIds: Array.from({ length: 8 }, (_, i) => `seeder${i}`),
      clusterKey: `campaign:glowy:${first}`,
    },
  });
  const sweepCampaign = async (sweepId: string, takenAt: string, findings: Finding[]) => {
    const [prior, deductions] = await Promise.all([repo.priorOffenses([BRAND2]), repo.brandDeductions!([BRAND2])]);
    const decision = decideAction(
      { accountId: BRAND2, findings, prior: prior.get(BRAND2) ?? [], followerCount: 800, accountType: 'brand', brandId: 'glowy', brandDeductions: deductions.get(BRAND2) },
      { policy, rules, sweepId, snapshotId: `snap-${sweepId}`, takenAt },
    );
    if (decision.action !== 'none') await repo.apply(planEnforcement(decision, policy, `test:${sweepId}`, takenAt));
    return decision;
  };

  it('a campaign is one deduction on the brand, kept once across sweeps while it grows', async () => {
    const d1 = await sweepCampaign('bc-1', '2026-06-01T00:00:00.000Z', [campaign('k1', 12)]);
    expect(d1.brandPoints).toMatchObject({ deducted: ['campaign:glowy:k1'], pointsAfter: 8 });
    const d2 = await sweepCampaign('bc-2', '2026-06-08T00:00:00.000Z', [campaign('k1', 30), campaign('k2', 6)]);
    expect(d2.brandPoints).toMatchObject({ deducted: ['campaign:glowy:k2'], alreadyDeducted: ['campaign:glowy:k1'], pointsBefore: 8, pointsAfter: 6 });
    const state = await repo.penalty(BRAND2);
    expect(state?.brandPoints?.deductions.map((x) => x.noteId).sort()).toEqual(['campaign:glowy:k1', 'campaign:glowy:k2']);
    expect(brandPointsView(BRAND2, state).periods[0].pointsLeft).toBe(6);
  });
});
