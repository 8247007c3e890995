/**
 * A fixed enforcement story over two sweeps: decisions on hand-written findings, enforcement,
 * lifts (due, early, twice, superseded), appeals (rejected, upheld, upheld after a wave
 * reversal, twice, late), brand points restored, a wave reversal run twice. Everything it
 * observes is returned as plain, key-sorted JSON, to compare against the committed golden file.
 *
 * The policy and the rule settings are frozen here (not read from policies/ or the rule
 * catalogue), so detection and policy work cannot move the golden: only enforcement code can.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DueIndexLiftScheduler } from '#shared/adapters/dueIndexLiftScheduler';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { OutboxOnlySink } from '#shared/adapters/outboxOnlySink';
import { decideAppeal, submitAppeal, type AuditDeps } from '#shared/audit/appealService';
import { appealIdFor } from '#shared/audit/appeals';
import { reverseWave } from '#shared/audit/reverseWave';
import { RULE_BRAND_POINTS } from '#shared/brand/brandPoints';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Finding, Severity } from '#shared/detect/finding';
import { liftIdFor } from '#shared/enforcement/ledgerEntry';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import { liftDue } from '#shared/pipeline/liftDue';
import { policyPath } from '#shared/pipeline/sweepPaths';
import { decideAction, type Decision } from '#shared/policy/decideAction';
import { parsePolicy } from '#shared/policy/loadPolicy';
import type { RuleSetting } from '#shared/policy/ruleSettings';
import type { AuditRepository } from '#shared/ports/auditRepository';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import policyJson from './policy.json' with { type: 'json' };

export interface ScenarioRepos {
  enforcement: EnforcementRepository;
  audit: AuditRepository;
}

const policy = parsePolicy(policyJson, 'tests/golden/policy.json');

const rule = (ruleId: string, code: ViolationCode, severity: Severity, strength: RuleSetting['strength'], basis: RuleSetting['basis']): RuleSetting => ({
  ruleId,
  code,
  enabled: true,
  severity,
  minScore: 0,
  thresholds: {},
  basis,
  strength,
});
const RULES = new Map<string, RuleSetting>(
  [
    rule('fake-account/bulk-registration', 'fake-account', 'critical', 'strong', 'registration'),
    rule('water-army/comment-ring', 'water-army', 'high', 'strong', 'coordination'),
    rule('traffic-diversion/contact-in-text', 'traffic-diversion', 'medium', 'strong', 'content'),
    rule('engagement-bait/follow-for-follow', 'engagement-bait', 'low', 'supporting', 'content'),
    rule('homogeneous-content/duplicate-notes', 'homogeneous-content', 'high', 'supporting', 'content'),
    rule('undisclosed-promotion/brand-unauthorised', 'undisclosed-promotion', 'medium', 'supporting', 'content'),
    rule(RULE_BRAND_POINTS, 'undisclosed-promotion', 'medium', 'supporting', 'content'),
  ].map((r) => [r.ruleId, r]),
);

const finding = (accountId: string, ruleId: string, summary: string, noteIds: string[] = []): Finding => ({
  accountId,
  code: RULES.get(ruleId)!.code,
  ruleId,
  severity: RULES.get(ruleId)!.severity,
  score: 0.9,
  evidence: { summary, noteIds },
});

interface SweepInput {
  sweepId: string;
  takenAt: string;
  accounts: Array<{ accountId: string; findings: Finding[]; accountType?: string; brandId?: string; followerCount?: number }>;
}

const G1 = 'golden-1';
const G2 = 'golden-2';
const T1 = '2026-11-01T00:00:00.000Z';
const T2 = '2026-11-03T00:00:00.000Z';

const SWEEPS: SweepInput[] = [
  {
    sweepId: G1,
    takenAt: T1,
    accounts: [
      { accountId: 'acc-a', findings: [finding('acc-a', 'traffic-diversion/contact-in-text', 'wechat id in 3 notes', ['na1'])] },
      { accountId: 'acc-b', findings: [finding('acc-b', 'traffic-diversion/contact-in-text', 'phone number in bio and notes')] },
      { accountId: 'acc-c', findings: [finding('acc-c', 'engagement-bait/follow-for-follow', 'follow-for-follow in 5 notes')] },
      { accountId: 'acc-d', findings: [finding('acc-d', 'fake-account/bulk-registration', 'registered in a burst of 40 from one device')] },
      { accountId: 'acc-e', findings: [finding('acc-e', 'traffic-diversion/contact-in-text', 'qq number in comments')] },
      // Weak evidence: a high-severity supporting rule alone is capped.
      { accountId: 'acc-f', findings: [finding('acc-f', 'homogeneous-content/duplicate-notes', '12 near-duplicate notes')], followerCount: 20_000 },
      {
        accountId: 'brand-1',
        accountType: 'brand',
        brandId: 'glowx',
        findings: ['bn1', 'bn2'].map((n) => finding('brand-1', 'undisclosed-promotion/brand-unauthorised', `brand sells outside the partner platform (${n})`, [n])),
      },
      { accountId: 'acc-clean', findings: [] },
    ],
  },
  {
    sweepId: G2,
    takenAt: T2,
    accounts: [
      { accountId: 'acc-b', findings: [finding('acc-b', 'fake-account/bulk-registration', 'bulk registration tool fingerprint')] },
      { accountId: 'acc-c', findings: [finding('acc-c', 'water-army/comment-ring', 'comment ring of 9 accounts')] },
      { accountId: 'acc-d', findings: [finding('acc-d', 'engagement-bait/follow-for-follow', 'follow-for-follow again')] },
      { accountId: 'acc-e', findings: [finding('acc-e', 'traffic-diversion/contact-in-text', 'qq number again', ['ne2'])] },
    ],
  },
];

const ACCOUNTS = [...new Set(SWEEPS.flatMap((s) => s.accounts.map((a) => a.accountId)))].sort();

/** Object keys sorted at every level, undefined members dropped: a stable text for any item. */
export function normalize(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(normalize);
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => [k, normalize(obj[k])]),
  );
}

export async function runEnforcementScenario(repos: ScenarioRepos): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-golden-'));
  try {
    const work = new LocalFolderStore(dir);
    await work.write(policyPath(policy.policyVersion), JSON.stringify(policyJson));
    const deps: AuditDeps = { audit: repos.audit, enforcement: repos.enforcement, sink: new OutboxOnlySink(), scheduler: new DueIndexLiftScheduler(), work };
    const repo = repos.enforcement;
    const log: Array<[string, unknown]> = [];
    const attempt = async (what: string, f: () => Promise<unknown>) => {
      try {
        log.push([what, await f()]);
      } catch (err) {
        log.push([what, { error: (err as Error).message }]);
      }
    };

    const decisions: Decision[] = [];
    for (const sweep of SWEEPS) {
      const ids = sweep.accounts.map((a) => a.accountId);
      const [prior, deductions] = await Promise.all([repo.priorOffenses(ids), repo.brandDeductions!(ids)]);
      for (const a of sweep.accounts) {
        const decision = decideAction(
          {
            accountId: a.accountId,
            findings: a.findings,
            prior: prior.get(a.accountId) ?? [],
            followerCount: a.followerCount ?? 100,
            accountType: a.accountType,
            brandId: a.brandId,
            brandDeductions: deductions.get(a.accountId),
          },
          { policy, rules: RULES, sweepId: sweep.sweepId, snapshotId: `snap-${sweep.sweepId}`, takenAt: sweep.takenAt },
        );
        decisions.push(decision);
        if (decision.action === 'none') continue;
        const planned = planEnforcement(decision, policy, `decisions/${sweep.sweepId}#${a.accountId}`, sweep.takenAt);
        log.push([`apply ${sweep.sweepId} ${a.accountId}`, await repo.apply(planned)]);
      }
    }
    // A re-run of an action already applied adds nothing.
    const again = decisions.find((d) => d.sweepId === G1 && d.accountId === 'acc-a')!;
    log.push(['apply again g1 acc-a', await repo.apply(planEnforcement(again, policy, 'rerun', '2026-11-02T00:00:00.000Z'))]);

    // Lifts: acc-a and brand-1 end; the limits of acc-b and acc-e were replaced by stronger penalties.
    await attempt('lift 11-09', () => liftDue(repo, deps.sink, { now: '2026-11-09T00:00:00.000Z' }));
    const cLift = await repo.getLift(liftIdFor('acc-c', G2));
    await attempt('lift acc-c early', () => repo.applyLift(cLift!, '2026-11-09T00:00:00.000Z'));
    const aLift = await repo.getLift(liftIdFor('acc-a', G1));
    await attempt('lift acc-a twice', () => repo.applyLift(aLift!, '2026-11-09T00:00:00.000Z'));

    // Appeals.
    const NOW = '2026-11-10T00:00:00.000Z';
    await attempt('submit acc-a', () => submitAppeal(deps, { accountId: 'acc-a', sweepId: G1, statement: 'that id is my shop, not a diversion' }, { now: NOW, channel: 'cli' }));
    await attempt('submit acc-a twice', () => submitAppeal(deps, { accountId: 'acc-a', sweepId: G1, statement: 'again' }, { now: NOW, channel: 'api' }));
    await attempt('reject acc-a', () =>
      decideAppeal(deps, { appealId: appealIdFor('acc-a', G1), outcome: 'rejected', reason: 'the id leads to an off-platform sale', decidedBy: 'handler-1' }, { now: NOW }),
    );
    await attempt('uphold acc-a after reject', () => decideAppeal(deps, { appealId: appealIdFor('acc-a', G1), outcome: 'upheld', reason: 'changed my mind', decidedBy: 'handler-2' }, { now: NOW }));
    await attempt('submit acc-e', () => submitAppeal(deps, { accountId: 'acc-e', statement: 'the qq number is a shared family one' }, { now: NOW, channel: 'api' }));
    await attempt('uphold acc-e', () => decideAppeal(deps, { appealId: appealIdFor('acc-e', G2), outcome: 'upheld', reason: 'shared family number', decidedBy: 'handler-1' }, { now: NOW }));
    await attempt('reject acc-e after uphold', () => decideAppeal(deps, { appealId: appealIdFor('acc-e', G2), outcome: 'rejected', reason: 'no', decidedBy: 'handler-2' }, { now: NOW }));
    await attempt('submit brand-1', () => submitAppeal(deps, { accountId: 'brand-1', sweepId: G1, statement: 'those were partner-platform posts' }, { now: NOW, channel: 'cli' }));
    await attempt('uphold brand-1', () => decideAppeal(deps, { appealId: appealIdFor('brand-1', G1), outcome: 'upheld', reason: 'partner platform posts', decidedBy: 'handler-3' }, { now: NOW }));
    await attempt('submit acc-c', () => submitAppeal(deps, { accountId: 'acc-c', sweepId: G2, statement: 'not a ring' }, { now: NOW, channel: 'cli' }));
    await attempt('submit acc-d late', () => submitAppeal(deps, { accountId: 'acc-d', sweepId: G1, statement: 'late' }, { now: '2026-12-15T00:00:00.000Z', channel: 'cli' }));

    // A wave reversal of the second sweep, run twice; then acc-c's appeal is upheld on an action already reversed.
    const wave = { dryRun: false, reason: 'comment-ring model misfired', now: '2026-11-11T00:00:00.000Z' };
    await attempt('reverse wave g2', () => reverseWave(deps, { sweepId: G2 }, wave));
    await attempt('reverse wave g2 twice', () => reverseWave(deps, { sweepId: G2 }, wave));
    await attempt('uphold acc-c after wave', () =>
      decideAppeal(deps, { appealId: appealIdFor('acc-c', G2), outcome: 'upheld', reason: 'ring misfire', decidedBy: 'handler-1' }, { now: '2026-11-12T00:00:00.000Z' }),
    );
    // Lifts the reversals re-armed now run.
    await attempt('lift 11-12', () => liftDue(repo, deps.sink, { now: '2026-11-12T00:00:00.000Z' }));

    const ledger = (await Promise.all(ACCOUNTS.map((id) => repo.ledgerFor(id)))).flat().sort((a, b) => a.accountId.localeCompare(b.accountId) || a.seq! - b.seq!);
    const penalties = (await Promise.all(ACCOUNTS.map((id) => repo.penalty(id)))).filter((p) => p !== undefined);
    const lifts = (await Promise.all(ACCOUNTS.flatMap((id) => SWEEPS.map((s) => repo.getLift(liftIdFor(id, s.sweepId))))))
      .filter((l) => l !== undefined)
      .sort((a, b) => a.liftId.localeCompare(b.liftId));
    const outbox = (await Promise.all(SWEEPS.map((s) => repo.outbox(s.sweepId)))).flat().sort((a, b) => (a.sweepId + a.messageKey).localeCompare(b.sweepId + b.messageKey));
    const appeals = (await Promise.all(SWEEPS.map((s) => repos.audit.appealsForSweep(s.sweepId)))).flat().sort((a, b) => a.appealId.localeCompare(b.appealId));
    return normalize({ decisions, log, ledger, penalties, lifts, outbox, appeals });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
