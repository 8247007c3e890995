/**
 * Appeal and reversal edge cases on the embedded stack (DynamoDB Local, s3rver, the Sweep and Lift
 * state machines), each followed by `audit verify`'s check: an action appealed twice, an appeal decided
 * twice with opposite outcomes, a reversal run twice, a reversed sweep run again with its id, a lift run
 * before the penalty is due, an appeal after the window, an appeal of a reversed action, and an appeal
 * upheld after a wave reversed its action while it was pending. The rules chosen are in docs/audit.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ledgerAnchoring } from '#shared/adapters/ledgerAnchoring';
import { auditRepository, enforcementRepository, liftScheduler, notificationSink, workStore } from '#shared/adapters/stageDependencies';
import { handleAppealRequest } from '#shared/audit/appealApi';
import { decideAppeal, submitAppeal, type AuditDeps } from '#shared/audit/appealService';
import { AuditInputError } from '#shared/audit/appeals';
import { auditLedger } from '#shared/audit/auditLedger';
import { reverseWave } from '#shared/audit/reverseWave';
import { liftIdFor, type LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const SWEEP = 'edge-1';
const policy = defaultPolicy();
const DAY = 86_400_000;
let stack: EmbeddedStack;
let dir: string;
let snapshot: string;
let deps: AuditDeps;
let enforced: LedgerEntry[] = [];
/** Accounts a test has used, so each scenario starts from an untouched action. */
const used = new Set<string>();

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
/** An enforced action no scenario has touched yet and no wave has reversed. */
async function take(pred: (e: LedgerEntry) => boolean = () => true): Promise<LedgerEntry> {
  for (const e of enforced) {
    if (used.has(e.accountId) || !pred(e)) continue;
    // untouched: only what its enforcement wrote (the penalty's entry and its content actions)
    if ((await deps.audit.ledgerFor(e.accountId)).some((x) => x.step !== 'enforce' && x.step !== 'content')) continue;
    used.add(e.accountId);
    return e;
  }
  throw new Error('no untouched enforced account left for this scenario');
}
const timed = (e: LedgerEntry) => e.action === 'limit' || e.action === 'suspend';

/** What `crackdown audit verify` checks: chains, heads, lifted states, sweep anchors and the MAC'd ledger anchors. */
async function expectVerified(): Promise<void> {
  const report = await auditLedger(auditRepository(), ledgerAnchoring());
  expect(report.issues).toEqual([]);
  expect(report.ok).toBe(true);
}

/** Everything an act could change for one account: its entries (with hashes), its penalty state, its lift (read off both). */
async function accountState(accountId: string) {
  const entries = (await deps.audit.ledgerFor(accountId)).map((e) => [e.entryKey, e.hash]).sort();
  return { entries, penalty: await deps.audit.penalty(accountId), lift: await enforcementRepository().getLift(liftIdFor(accountId, SWEEP)) };
}

async function refused(p: Promise<unknown>, kind: AuditInputError['kind'], message: RegExp): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuditInputError);
  expect((err as AuditInputError).kind).toBe(kind);
  expect((err as Error).message).toMatch(message);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-edge-'));
  snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 500, seed: 'edge', outDir: snapshot, partsPerKind: 1 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
  await runStateMachine('sweep', { sweepId: SWEEP, snapshot, policy, review: 'auto', bucketCount: 2 }, { workers: 0 });
  deps = { audit: auditRepository(), enforcement: enforcementRepository(), sink: notificationSink(), scheduler: liftScheduler(), work: workStore() };
  enforced = (await deps.audit.ledgerForSweep(SWEEP)).filter((e) => e.step === 'enforce').sort((a, b) => a.accountId.localeCompare(b.accountId));
  expect(enforced.filter(timed).length).toBeGreaterThanOrEqual(4);
  expect(enforced.length).toBeGreaterThanOrEqual(12);
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('appeal edge cases', () => {
  it('the same action appealed twice: the second is refused (CLI: conflict; API: 409), whatever the first became; nothing changes', async () => {
    const e = await take();
    const at = plus(e.effectiveAt, DAY);
    const first = await submitAppeal(deps, { accountId: e.accountId, sweepId: SWEEP, statement: 'not me' }, { now: at, channel: 'cli' });
    const before = await accountState(e.accountId);
    await refused(submitAppeal(deps, { accountId: e.accountId, sweepId: SWEEP, statement: 'again' }, { now: at, channel: 'cli' }), 'conflict', /already appealed: ap-/);
    const api = await handleAppealRequest(deps, { method: 'POST', path: '/appeals', body: JSON.stringify({ accountId: e.accountId, sweepId: SWEEP, statement: 'again' }), now: at });
    expect(api.status).toBe(409);
    // Rejected is final: no second appeal of the same action either.
    await decideAppeal(deps, { appealId: first.appealId, outcome: 'rejected', reason: 'confirmed', decidedBy: 'h1' }, { now: plus(at, 1000) });
    const decided = await accountState(e.accountId);
    await refused(submitAppeal(deps, { accountId: e.accountId, sweepId: SWEEP, statement: 'third' }, { now: plus(at, 2000), channel: 'api' }), 'conflict', /already appealed.*rejected/);
    expect(await accountState(e.accountId)).toEqual(decided);
    expect(decided.entries.length).toBe(before.entries.length + 1); // only the decision was added
    expect(await deps.audit.listAppeals({ sweepId: SWEEP })).toHaveLength(1);
    await expectVerified();
  });

  it('decided twice with opposite outcomes: the second is refused and the ledger, penalty and lift stay as the first left them', async () => {
    const [rejectFirst, upholdFirst] = [await take(timed), await take(timed)];
    for (const [e, first, second] of [
      [rejectFirst, 'rejected', 'upheld'],
      [upholdFirst, 'upheld', 'rejected'],
    ] as const) {
      const at = plus(e.effectiveAt, DAY);
      const appeal = await submitAppeal(deps, { accountId: e.accountId, sweepId: SWEEP, statement: 'not me' }, { now: at, channel: 'cli' });
      await decideAppeal(deps, { appealId: appeal.appealId, outcome: first, reason: 'first', decidedBy: 'h1' }, { now: plus(at, 1000) });
      const after = await accountState(e.accountId);
      await refused(
        decideAppeal(deps, { appealId: appeal.appealId, outcome: second, reason: 'second', decidedBy: 'h2' }, { now: plus(at, 2000) }),
        'conflict',
        new RegExp(`already decided: ${first} by h1`),
      );
      expect(await accountState(e.accountId)).toEqual(after);
      expect(await deps.audit.getAppeal(appeal.appealId)).toMatchObject({ status: first, decidedBy: 'h1', decisionReason: 'first' });
    }
    expect((await deps.audit.penalty(rejectFirst.accountId))?.status).toBe('active');
    expect((await deps.audit.penalty(upholdFirst.accountId))?.status).toBe('cleared');
    await expectVerified();
  });

  it('an appeal after the window is refused with the deadline; one at the last moment is accepted', async () => {
    const [late, onTime] = [await take(), await take()];
    // the window runs from when the penalty was applied (ledger appliedAt), not from the snapshot
    const deadline = plus(late.appliedAt ?? late.effectiveAt, policy.appeal.windowDays * DAY);
    const before = await accountState(late.accountId);
    await refused(
      submitAppeal(deps, { accountId: late.accountId, sweepId: SWEEP, statement: 'late' }, { now: plus(deadline, 1000), channel: 'cli' }),
      'invalid',
      new RegExp(`outside the appeal window.*allows ${policy.appeal.windowDays} days \\(until ${deadline}\\)`),
    );
    expect(await accountState(late.accountId)).toEqual(before);
    const ok = await submitAppeal(
      deps,
      { accountId: onTime.accountId, sweepId: SWEEP, statement: 'just in time' },
      { now: plus(onTime.appliedAt ?? onTime.effectiveAt, policy.appeal.windowDays * DAY), channel: 'cli' },
    );
    expect(ok.status).toBe('pending');
    await expectVerified();
  });
});

describe('reversal edge cases', () => {
  it('an action reversed (by a wave or an upheld appeal) cannot be appealed; with no sweep named there is nothing left to appeal', async () => {
    const waved = await take();
    await reverseWave(deps, { sweepId: SWEEP, code: waved.codes[0] }, { dryRun: false, reason: 'detector bug', now: plus(waved.effectiveAt, DAY) });
    const before = await accountState(waved.accountId);
    expect(before.penalty?.status).toBe('cleared');
    await refused(submitAppeal(deps, { accountId: waved.accountId, sweepId: SWEEP, statement: 'x' }, { now: plus(waved.effectiveAt, 2 * DAY), channel: 'cli' }), 'conflict', /already reversed/);
    await refused(submitAppeal(deps, { accountId: waved.accountId, statement: 'x' }, { now: plus(waved.effectiveAt, 2 * DAY), channel: 'cli' }), 'conflict', /no action that is not already reversed/);
    expect(await accountState(waved.accountId)).toEqual(before);

    const appealed = await take(); // after the wave, which may have reversed others of its code
    const at = plus(appealed.effectiveAt, DAY);
    const a = await submitAppeal(deps, { accountId: appealed.accountId, sweepId: SWEEP, statement: 'x' }, { now: at, channel: 'cli' });
    await decideAppeal(deps, { appealId: a.appealId, outcome: 'upheld', reason: 'shared device', decidedBy: 'h1' }, { now: plus(at, 1000) });
    const upheld = await accountState(appealed.accountId);
    await refused(submitAppeal(deps, { accountId: appealed.accountId, sweepId: SWEEP, statement: 'again' }, { now: plus(at, 2000), channel: 'api' }), 'conflict', /already reversed/);
    expect(await accountState(appealed.accountId)).toEqual(upheld);
    await expectVerified();
  });

  it('an appeal pending when a wave reverses its action: rejecting it is refused; upheld records the decision and reverses nothing twice', async () => {
    const e = await take();
    const at = plus(e.effectiveAt, DAY);
    const a = await submitAppeal(deps, { accountId: e.accountId, sweepId: SWEEP, statement: 'not me' }, { now: at, channel: 'cli' });
    await reverseWave(deps, { sweepId: SWEEP, code: e.codes[0] }, { dryRun: false, reason: 'detector bug', now: plus(at, 1000) });
    const reverses = () => deps.audit.ledgerFor(e.accountId).then((l) => l.filter((x) => x.step === 'reverse').length);
    expect(await reverses()).toBe(1);
    const reversed = await accountState(e.accountId);
    await refused(
      decideAppeal(deps, { appealId: a.appealId, outcome: 'rejected', reason: 'confirmed', decidedBy: 'h1' }, { now: plus(at, 1500) }),
      'conflict',
      /already reversed \(reversal:rev-[0-9a-f]+ at .*\); a rejection would contradict it: decide it upheld/,
    );
    expect(await accountState(e.accountId)).toEqual(reversed);
    const r = await decideAppeal(deps, { appealId: a.appealId, outcome: 'upheld', reason: 'agreed', decidedBy: 'h1' }, { now: plus(at, 2000) });
    expect(r).toMatchObject({ reversed: false, cancelledLifts: 0, notified: 1, appeal: { status: 'upheld' } });
    expect(await reverses()).toBe(1);
    await expectVerified();
  });

  it('a wave run twice: the second reverses nothing and writes nothing; so does reversing one action again', async () => {
    const e = await take();
    const scope = { sweepId: SWEEP, code: e.codes[0] };
    const now = plus(e.effectiveAt, 3 * DAY);
    await reverseWave(deps, scope, { dryRun: false, reason: 'detector bug', now });
    const ledgerSize = (await deps.audit.ledgerForSweep(SWEEP)).length;
    const again = await reverseWave(deps, scope, { dryRun: false, reason: 'detector bug', now: plus(now, 1000) });
    expect(again).toMatchObject({ reversed: 0, toReverse: 0, cancelledLifts: 0, notified: 0 });
    expect(again.alreadyReversed).toBe(again.inScope);
    const one = await deps.audit.reverse({ accountId: e.accountId, sweepId: SWEEP, actor: 'operator', reason: 'again', ref: 'reversal:manual', now: plus(now, 2000) });
    expect(one).toMatchObject({ outcome: 'already-reversed', cancelledLifts: [], messages: [] });
    expect((await deps.audit.ledgerForSweep(SWEEP)).length).toBe(ledgerSize);
    await expectVerified();
  });

  it('a reversed sweep run again with its id adds nothing: no account is punished again by the same sweep', async () => {
    const reversed = (await deps.audit.ledgerForSweep(SWEEP)).filter((x) => x.step === 'reverse').map((x) => x.accountId);
    expect(reversed.length).toBeGreaterThan(0);
    const before = await Promise.all(reversed.map(accountState));
    const ledgerSize = (await deps.audit.allLedger()).length;
    const outboxSize = (await deps.enforcement.outbox(SWEEP)).length;
    const rerun = (await runStateMachine('sweep', { sweepId: SWEEP, snapshot, policy, review: 'auto', bucketCount: 2 }, { workers: 0 })) as {
      enforcement: { applied: number; alreadyApplied: number };
    };
    // Enforce ran again over every decision; the reversed actions' entries (still in the ledger) refused each one.
    expect(rerun.enforcement).toMatchObject({ applied: 0, alreadyApplied: enforced.length });
    expect((await deps.audit.allLedger()).length).toBe(ledgerSize);
    expect((await deps.enforcement.outbox(SWEEP)).length).toBe(outboxSize);
    expect(await Promise.all(reversed.map(accountState))).toEqual(before);
    for (const s of before) expect(s.penalty?.offenses.some((o) => o.sweepId === SWEEP)).toBe(false);
    await expectVerified();
  });
});

describe('lift edge cases', () => {
  it('a lift run before the penalty is due changes nothing (no early lift: ending a penalty early is a reversal); at the due time it lifts once', async () => {
    const e = await take((x) => timed(x) && x.until !== undefined);
    const row = await enforcementRepository().getLift(liftIdFor(e.accountId, SWEEP));
    expect(row).toMatchObject({ pending: 'pending' });
    const before = await accountState(e.accountId);
    expect(before.penalty?.status).toBe('active');
    await runStateMachine('lift', { now: plus(row!.dueAt, -60_000) });
    expect(await accountState(e.accountId)).toEqual(before);
    await runStateMachine('lift', { now: row!.dueAt });
    const lifted = await accountState(e.accountId);
    expect(lifted.lift).toMatchObject({ outcome: 'lifted' });
    expect(lifted.lift?.pending).toBeUndefined();
    expect(lifted.entries.length).toBe(before.entries.length + 1);
    await runStateMachine('lift', { now: plus(row!.dueAt, DAY) });
    expect(await accountState(e.accountId)).toEqual(lifted);
    await expectVerified();
  });
});
