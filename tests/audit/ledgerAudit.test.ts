/**
 * Tamper-evident ledger, appeals and wave reversal on the embedded stack: one small sweep,
 * then tampering with items directly in DynamoDB Local, appeals and a resumable reversal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentClient } from '#shared/adapters/awsClients';
import { auditRepository, enforcementRepository, liftScheduler, notificationSink, workStore } from '#shared/adapters/stageDependencies';
import { tableName } from '#shared/adapters/tableDefinitions';
import { decideAppeal, submitAppeal, type AuditDeps } from '#shared/audit/appealService';
import { AuditInputError } from '#shared/audit/appeals';
import { reverseWave } from '#shared/audit/reverseWave';
import { ledgerAnchoring } from '#shared/adapters/ledgerAnchoring';
import { auditLedger } from '#shared/audit/auditLedger';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

let stack: EmbeddedStack;
let dir: string;
let deps: AuditDeps;
let decisions: Decision[];
const SWEEP = 'audit-1';
const policy = defaultPolicy();
const NOW = '2026-11-25T00:00:00.000Z';
let upheldAccount = '';

/** What `audit verify` runs: chains, heads, sweep anchors, and the MAC'd write-once ledger anchors. */
const verify = () => auditLedger(auditRepository(), ledgerAnchoring());

const db = () => documentClient();
const put = (table: 'ledger' | 'penalties', item: object) => db().send(new PutCommand({ TableName: tableName(table), Item: item }));
const del = (table: 'ledger' | 'penalties', key: Record<string, string>) => db().send(new DeleteCommand({ TableName: tableName(table), Key: key }));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-audit-'));
  const snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 500, seed: 'audit', outDir: snapshot, partsPerKind: 2 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
  await runStateMachine('sweep', { sweepId: SWEEP, snapshot, policy, review: 'auto', bucketCount: 2 }, { workers: 0 });
  decisions = [];
  for await (const d of readDecisions(workStore(), SWEEP)) decisions.push(d);
  deps = { audit: auditRepository(), enforcement: enforcementRepository(), sink: notificationSink(), scheduler: liftScheduler(), work: workStore() };
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

// Accounts whose ledger holds only their penalty's entries: tampering with "the latest entry" means the enforce entry.
// (Content entries follow an account's enforce entry; tampering with those: tests/enforcement/contentEnforcement.dynamo.test.ts.)
const acted = () => decisions.filter((d) => d.action !== 'none' && !d.contentActions);
const timed = () => acted().filter((d) => d.action === 'limit' || d.action === 'suspend');

describe('tamper-evident ledger', () => {
  it('a finished sweep verifies clean, with a chain per account and an anchor', async () => {
    expect(acted().length).toBeGreaterThan(10);
    const report = await verify();
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.sweepsAnchored).toBe(1);
    expect(report.ledgerAnchors).toBeGreaterThan(0);
    const e = (await deps.audit.ledgerFor(acted()[0].accountId))[0];
    expect(e).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('catches an edited entry', async () => {
    const [e] = await deps.audit.ledgerFor(acted()[0].accountId);
    await put('ledger', { ...e, action: 'warn', durationDays: undefined });
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.kind)).toContain('hash-mismatch');
    await put('ledger', e);
    expect((await verify()).ok).toBe(true);
  });

  it('catches an edited entry whose hash was recomputed (the link and the head disagree)', async () => {
    const { entryHash } = await import('#shared/audit/hashChain');
    const [e] = await deps.audit.ledgerFor(acted()[1].accountId);
    const forged = { ...e, action: 'warn' as const };
    forged.hash = entryHash(forged);
    await put('ledger', forged);
    const r = await verify();
    expect(r.issues.map((i) => i.kind)).toEqual(expect.arrayContaining(['head-mismatch', 'anchor-mismatch']));
    await put('ledger', e);
    expect((await verify()).ok).toBe(true);
  });

  it('catches a deleted latest entry, and a whole account deleted with its penalty item', async () => {
    const id = acted()[2].accountId;
    const [e] = await deps.audit.ledgerFor(id);
    const state = await deps.audit.penalty(id);
    await del('ledger', { accountId: id, entryKey: e.entryKey });
    expect((await verify()).issues).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'head-mismatch', accountId: id })]));
    await del('penalties', { accountId: id });
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.kind).sort()).toEqual(['anchor-mismatch', 'anchored-entry-missing']);
    await put('ledger', e);
    await put('penalties', state!);
    expect((await verify()).ok).toBe(true);
  });

  it('catches an inserted entry', async () => {
    const id = acted()[3].accountId;
    const [e] = await deps.audit.ledgerFor(id);
    const fake: LedgerEntry = { ...e, entryKey: 'other-sweep#enforce', sweepId: 'other-sweep' };
    await put('ledger', fake);
    expect((await verify()).issues.map((i) => i.kind)).toContain('duplicate-seq');
    const { chainEntry } = await import('#shared/audit/hashChain');
    // Even a well-formed link appended after the head is caught: the head did not move.
    await put('ledger', chainEntry({ ...fake }, { seq: e.seq!, hash: e.hash! }));
    expect((await verify()).issues.map((i) => i.kind)).toContain('head-mismatch');
    await del('ledger', { accountId: id, entryKey: fake.entryKey });
    const { seq: _s, prevHash: _p, hash: _h, ...bare } = fake;
    await put('ledger', bare);
    expect((await verify()).issues.map((i) => i.kind)).toContain('unchained-entry');
    await del('ledger', { accountId: id, entryKey: fake.entryKey });
    expect((await verify()).ok).toBe(true);
  });

  it('catches reordered entries (after lifts, accounts have two entries)', async () => {
    await runStateMachine('lift', { now: '2027-06-01T00:00:00Z' });
    expect((await verify()).ok).toBe(true);
    const id = timed()[0].accountId;
    const entries = (await deps.audit.ledgerFor(id)).sort((a, b) => a.seq! - b.seq!);
    expect(entries.map((e) => e.step)).toEqual(['enforce', 'lift']);
    const [a, b] = entries;
    await put('ledger', { ...a, seq: b.seq });
    await put('ledger', { ...b, seq: a.seq });
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.accountId === id).map((i) => i.kind)).toEqual(expect.arrayContaining(['hash-mismatch']));
    await put('ledger', a);
    await put('ledger', b);
    // Deleting the lift entry and rolling the head back is still caught by the penalty state, which says it was lifted.
    const state = (await deps.audit.penalty(id))!;
    await del('ledger', { accountId: id, entryKey: b.entryKey });
    await put('penalties', { ...state, chainSeq: a.seq, chainHash: a.hash });
    expect((await verify()).issues.map((i) => i.kind)).toEqual(['missing-lift-entry']);
    await put('ledger', b);
    await put('penalties', state);
    expect((await verify()).ok).toBe(true);
  });

  it('catches a forged reverse entry that clears an account, with a recomputed hash and the chain head moved to match', async () => {
    const { chainEntry } = await import('#shared/audit/hashChain');
    const d = acted().find((x) => x.action === 'ban')!;
    const state = (await deps.audit.penalty(d.accountId))!;
    const [enforce] = await deps.audit.ledgerFor(d.accountId);
    const forged = chainEntry(
      { ...enforce, entryKey: `${SWEEP}#reverse`, step: 'reverse', actor: 'operator', reason: 'forged', reversesEntryKey: enforce.entryKey, recordedAt: NOW },
      { seq: state.chainSeq!, hash: state.chainHash! },
    );
    await put('ledger', forged);
    await put('penalties', { ...state, status: 'cleared', action: 'none', offenses: [], version: state.version + 1, chainSeq: forged.seq, chainHash: forged.hash });
    const r = await verify();
    expect(r.issues).toEqual([expect.objectContaining({ kind: 'unanchored-entry', accountId: d.accountId, entryKey: forged.entryKey })]);
    await del('ledger', { accountId: d.accountId, entryKey: forged.entryKey });
    await put('penalties', state);
    expect((await verify()).ok).toBe(true);
  });

  it('catches a rewritten lift entry (new date, actor changed), with a recomputed hash and the chain head moved to match', async () => {
    const { chainEntry } = await import('#shared/audit/hashChain');
    const id = timed()[1].accountId;
    const state = (await deps.audit.penalty(id))!;
    const [enforce, lift] = (await deps.audit.ledgerFor(id)).sort((a, b) => a.seq! - b.seq!);
    expect(lift.step).toBe('lift');
    const rewritten = chainEntry({ ...lift, actor: 'operator', effectiveAt: '2027-01-02T00:00:00.000Z', recordedAt: '2027-01-02T00:00:00.000Z' }, { seq: enforce.seq!, hash: enforce.hash! });
    await put('ledger', rewritten);
    await put('penalties', { ...state, version: state.version + 1, chainHash: rewritten.hash });
    const r = await verify();
    expect(r.issues).toEqual([expect.objectContaining({ kind: 'unanchored-entry', accountId: id, entryKey: lift.entryKey })]);
    await put('ledger', lift);
    await put('penalties', state);
    expect((await verify()).ok).toBe(true);
  });
});

describe('appeals', () => {
  // Lifts ran in the previous block; pick accounts whose timed penalty is still running by choosing bans/warns, or re-check below.
  it('refuses bad input and changes nothing', async () => {
    const before = (await deps.audit.allLedger()).length;
    await expect(submitAppeal(deps, { accountId: 'nobody', statement: 'x' }, { now: NOW, channel: 'cli' })).rejects.toThrow(/no ledger entries/);
    await expect(submitAppeal(deps, { accountId: acted()[0].accountId, statement: '' }, { now: NOW, channel: 'cli' })).rejects.toThrow(/statement/);
    await expect(submitAppeal(deps, { accountId: acted()[0].accountId, statement: 'late', sweepId: SWEEP }, { now: '2027-03-01T00:00:00Z', channel: 'cli' })).rejects.toThrow(
      /outside the appeal window/,
    );
    await expect(decideAppeal(deps, { appealId: 'ap-00000000000000000000', outcome: 'upheld', reason: 'r', decidedBy: 'h' }, { now: NOW })).rejects.toThrow(/no appeal/);
    expect((await deps.audit.allLedger()).length).toBe(before);
  });

  it('upheld: the penalty, its lift and offense history are as if the action never happened; decided once', async () => {
    const d = acted().find((x) => x.action === 'ban' || x.action === 'suspend' || x.action === 'limit')!;
    upheldAccount = d.accountId;
    const appeal = await submitAppeal(deps, { accountId: d.accountId, statement: '我没有违规 / not me' }, { now: NOW, channel: 'cli' });
    expect(appeal).toMatchObject({ status: 'pending', sweepId: SWEEP });
    await expect(submitAppeal(deps, { accountId: d.accountId, sweepId: SWEEP, statement: 'again' }, { now: NOW, channel: 'cli' })).rejects.toThrow(/already appealed/);
    const r = await decideAppeal(deps, { appealId: appeal.appealId, outcome: 'upheld', reason: 'evidence was a shared family device', decidedBy: 'handler-1' }, { now: NOW });
    expect(r.reversed).toBe(true);
    const state = await deps.audit.penalty(d.accountId);
    expect(state).toMatchObject({ status: 'cleared', action: 'none', offenses: [] });
    expect((await enforcementRepository().priorOffenses([d.accountId])).get(d.accountId)).toEqual([]);
    const lift = await enforcementRepository().getLift(`${d.accountId}#${SWEEP}`);
    if (lift) expect(lift.pending).toBeUndefined();
    const messages = (await deps.enforcement.outbox(SWEEP)).filter((m) => m.accountId === d.accountId);
    expect(messages.map((m) => m.kind).sort()).toEqual(expect.arrayContaining(['appeal-notice', 'reversal']));
    expect(messages.every((m) => m.status === 'delivered')).toBe(true);
    await expect(decideAppeal(deps, { appealId: appeal.appealId, outcome: 'rejected', reason: 'r', decidedBy: 'h2' }, { now: NOW })).rejects.toThrow(/already decided/);
    const steps = (await deps.audit.ledgerFor(d.accountId)).sort((a, b) => a.seq! - b.seq!).map((e) => e.step);
    expect(steps.slice(-3)).toEqual(['appeal-submit', 'appeal-decide', 'reverse']);
    expect((await verify()).ok).toBe(true);
  });

  it('rejected: recorded in the ledger and notified, penalty unchanged', async () => {
    const d = acted().filter((x) => x.accountId !== upheldAccount && (x.action === 'ban' || x.action === 'warn'))[0] ?? acted()[5];
    const before = await deps.audit.penalty(d.accountId);
    const appeal = await submitAppeal(deps, { accountId: d.accountId, statement: 'please' }, { now: NOW, channel: 'api' });
    const r = await decideAppeal(deps, { appealId: appeal.appealId, outcome: 'rejected', reason: 'evidence confirmed', decidedBy: 'handler-2' }, { now: NOW });
    expect(r).toMatchObject({ reversed: false, notified: 1 });
    const after = await deps.audit.penalty(d.accountId);
    expect({ ...after, version: 0, chainSeq: 0, chainHash: '' }).toEqual({ ...before, version: 0, chainSeq: 0, chainHash: '' });
    expect((await deps.audit.getAppeal(appeal.appealId))?.status).toBe('rejected');
  });
});

describe('appeals API (functions/appeal.ts, REST proxy events)', () => {
  const call = async (httpMethod: string, path: string, body?: unknown) => {
    const { handler } = await import('#functions/appeal');
    const res = await handler({ httpMethod, path, body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), isBase64Encoded: false } as never);
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };

  it('submits, reads and decides; bad input is 400/404/409 with nothing changed', async () => {
    const d = acted().filter((x) => x.accountId !== upheldAccount)[7];
    expect((await call('POST', '/appeals', '{not json')).status).toBe(400);
    expect((await call('POST', '/appeals', { accountId: d.accountId })).status).toBe(400);
    expect((await call('POST', '/appeals', { accountId: 'nobody', statement: 's' })).status).toBe(404);
    // The handler's clock, inside the appeal window of the snapshot.
    const { clock } = await import('#functions/appeal');
    const real = clock.now;
    clock.now = () => '2026-11-26T00:00:00.000Z';
    try {
      await apiFlow(d.accountId, clock);
    } finally {
      clock.now = real;
    }
  });

  async function apiFlow(accountId: string, clock: { now: () => string }) {
    const sub = await call('POST', '/appeals', { accountId, sweepId: SWEEP, statement: 'it was my brother' });
    expect(sub.status).toBe(201);
    expect((await call('POST', '/appeals', { accountId, sweepId: SWEEP, statement: 'again' })).status).toBe(409);
    expect((await call('GET', `/appeals/${sub.body.appealId}`)).body).toMatchObject({ status: 'pending', channel: 'api' });
    expect((await call('POST', `/appeals/${sub.body.appealId}/decision`, { outcome: 'maybe', reason: 'r', decidedBy: 'h' })).status).toBe(400);
    const dec = await call('POST', `/appeals/${sub.body.appealId}/decision`, { outcome: 'rejected', reason: 'evidence stands', decidedBy: 'h' });
    expect(dec.status).toBe(200);
    expect((await call('POST', `/appeals/${sub.body.appealId}/decision`, { outcome: 'upheld', reason: 'r', decidedBy: 'h' })).status).toBe(409);
    expect((await call('GET', '/appeals/ap-00000000000000000000')).status).toBe(404);
    clock.now = () => '2027-03-01T00:00:00.000Z';
    const late = acted().filter((x) => x.action !== 'none')[8];
    const res = await call('POST', '/appeals', { accountId: late.accountId, sweepId: SWEEP, statement: 'late' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/outside the appeal window/);
  }
});

describe('wave reversal', () => {
  it('dry run counts by action and follower tier; the real run needs a reason', async () => {
    const dry = await reverseWave(deps, { sweepId: SWEEP, code: 'traffic-diversion' }, { dryRun: true, now: NOW });
    expect(dry.toReverse).toBeGreaterThan(3);
    expect(Object.values(dry.byAction).reduce((a, b) => a + b, 0)).toBe(dry.toReverse);
    expect(Object.values(dry.byFollowerTier).reduce((a, b) => a + b, 0)).toBe(dry.toReverse);
    const before = (await deps.audit.allLedger()).length;
    await expect(reverseWave(deps, { sweepId: SWEEP, code: 'traffic-diversion' }, { dryRun: false, now: NOW })).rejects.toBeInstanceOf(AuditInputError);
    await expect(reverseWave(deps, {}, { dryRun: true, now: NOW })).rejects.toThrow(/scope/);
    expect((await deps.audit.allLedger()).length).toBe(before);
  });

  it('reverses every action in scope exactly once, resumes after a crash without doubling', async () => {
    const scope = { sweepId: SWEEP, code: 'traffic-diversion' };
    const dry = await reverseWave(deps, scope, { dryRun: true, now: NOW });
    await expect(
      reverseWave(deps, scope, {
        dryRun: false,
        reason: 'detector bug 123',
        now: NOW,
        afterEach: (n) => {
          if (n >= 3) throw new Error('injected crash');
        },
      }),
    ).rejects.toThrow(/injected crash/);
    const mid = await reverseWave(deps, scope, { dryRun: true, now: NOW });
    expect(mid.toReverse).toBeLessThan(dry.toReverse);
    expect(mid.toReverse).toBeGreaterThan(0);
    const done = await reverseWave(deps, scope, { dryRun: false, reason: 'detector bug 123', now: NOW });
    expect(done.reversed).toBe(mid.toReverse);
    expect(done.reversed + done.skippedAlreadyReversed).toBe(dry.toReverse);
    const again = await reverseWave(deps, scope, { dryRun: false, reason: 'detector bug 123', now: NOW });
    expect(again.reversed).toBe(0);
    const ledger = await deps.audit.ledgerForSweep(SWEEP);
    const reverses = ledger.filter((e) => e.step === 'reverse' && e.actor === 'operator');
    expect(reverses).toHaveLength(dry.toReverse);
    expect(new Set(reverses.map((e) => e.accountId)).size).toBe(dry.toReverse);
    for (const e of reverses) expect(e).toMatchObject({ reason: 'detector bug 123' });
    const outbox = await deps.enforcement.outbox(SWEEP);
    const notices = outbox.filter((m) => m.kind === 'reversal-notice');
    expect(notices).toHaveLength(dry.toReverse);
    expect(notices.every((m) => m.status === 'delivered')).toBe(true);
    for (const e of reverses.slice(0, 10)) {
      const state = await deps.audit.penalty(e.accountId);
      expect(state?.offenses.some((o) => o.sweepId === SWEEP)).toBe(false);
      expect(state?.status).toBe('cleared');
    }
    expect((await verify()).ok).toBe(true);
  });
});
