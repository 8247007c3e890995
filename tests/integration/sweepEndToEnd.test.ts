/**
 * A whole sweep on the embedded stack (DynamoDB Local + s3rver), executed through the ASL
 * that the CDK app synthesizes, with every Task calling the real handler in-process.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test runs whole sweeps against DynamoDB Local.
vi.setConfig({ testTimeout: 600_000 });
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/adapters/awsClients';
import { tableName } from '#shared/adapters/tableDefinitions';
import { enforcementRepository, sweepRegistry, workStore } from '#shared/adapters/stageDependencies';
import { liftSlotOf } from '#shared/enforcement/liftSlot';
import { exportDecisions } from '#shared/pipeline/exportDecisions';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { LiftStats } from '#shared/pipeline/liftDue';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';
import { reposted } from './laterSnapshot.ts';

let stack: EmbeddedStack;
let dir: string;
let snapshot: string;
/** A second snapshot of other accounts, for the fault-injection sweeps that need actions e2e-1 did not take. */
let fresh: string;
const policy = defaultPolicy();

async function sweep(sweepId: string, snap = snapshot, extra: Record<string, unknown> = {}): Promise<SweepSummary> {
  return (await runStateMachine('sweep', { sweepId, snapshot: snap, policy, review: 'auto', bucketCount: 3, ...extra }, { workers: 0 })) as SweepSummary;
}

async function decisionsOf(sweepId: string): Promise<Decision[]> {
  const out: Decision[] = [];
  for await (const d of readDecisions(workStore(), sweepId)) out.push(d);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-e2e-'));
  snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 800, seed: 'e2e', outDir: snapshot, partsPerKind: 3, invalidRecords: 4 });
  fresh = join(dir, 'snapshot-fresh');
  await generateSnapshot({ accounts: 800, seed: 'e2e-fresh', outDir: fresh, partsPerKind: 3 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a sweep through the synthesized state machine', () => {
  let first: SweepSummary;

  it('detects, decides, enforces each action once, notifies and schedules lifts', async () => {
    first = await sweep('e2e-1');
    expect(first.quarantined).toBe(4);
    const work = workStore();
    const quarantined = [];
    for (const key of await work.list('sweeps/e2e-1/quarantine/')) {
      for (const line of (await work.readText(key)).trim().split('\n')) quarantined.push(JSON.parse(line));
    }
    expect(quarantined).toHaveLength(4);
    for (const q of quarantined) {
      expect(q.part).toMatch(/part-\d+\.jsonl/);
      expect(q.line).toBeGreaterThan(0);
      expect(q.reason.length).toBeGreaterThan(5);
    }
    expect(first.accounts).toBe(800);
    expect(first.decisions).toBeGreaterThan(0);

    const decisions = await decisionsOf('e2e-1');
    const acted = decisions.filter((d) => d.action !== 'none');
    expect(first.enforcement.applied).toBe(acted.length);
    for (const code of ['traffic-diversion', 'water-army', 'fake-account']) expect(first.byCode[code] ?? 0).toBeGreaterThan(0);

    const repo = enforcementRepository();
    const ledger = await repo.ledgerForSweep('e2e-1');
    expect(ledger.filter((e) => e.step === 'enforce')).toHaveLength(acted.length);
    expect(new Set(ledger.map((e) => e.accountId)).size).toBe(acted.length);
    for (const e of ledger) expect(e).toMatchObject({ policyVersion: policy.policyVersion, sweepId: 'e2e-1', actor: 'sweep' });

    const outbox = await repo.outbox('e2e-1');
    expect(outbox.filter((m) => m.kind === 'notice')).toHaveLength(acted.length);
    expect(outbox.filter((m) => m.kind === 'enforcement')).toHaveLength(acted.length);
    expect(outbox.every((m) => m.status === 'delivered')).toBe(true);

    // Notify ran once per bucket: every event and notice published, each once; one event per note or comment acted on too.
    const contentEvents = outbox.filter((m) => m.kind === 'content').length;
    expect(contentEvents).toBe(ledger.filter((e) => e.step === 'content').length);
    expect(first.notify).toEqual({ published: 2 * acted.length + contentEvents, notices: acted.length, events: acted.length, ...(contentEvents ? { contentEvents } : {}) });

    const timed = acted.filter((d) => d.action === 'limit' || d.action === 'suspend');
    for (const d of timed.slice(0, 20)) {
      const lift = await repo.getLift(`${d.accountId}#e2e-1`);
      expect(lift).toMatchObject({ pending: 'pending', dueAt: expect.any(String) });
    }
    // One schedule per lift slot, not per penalty: the sweep's penalties share a handful of due minutes.
    // the penalty states carry the lifts (no lift rows): their ends name the slots
    const states = await repo.penalties(timed.map((d) => d.accountId));
    const slots = new Set([...states.values()].map((s) => liftSlotOf(s.until!)));
    expect(first.lifts).toMatchObject({ timedDecisions: timed.length, scheduled: timed.length, notEnforced: 0, slots: slots.size });
    expect(slots.size).toBeLessThan(timed.length);
    const notice = outbox.find((m) => m.kind === 'notice')!.body as { text: { zh: string; en: string }; appeal: { url: string } };
    expect(notice.text.zh.length).toBeGreaterThan(10);
    expect(notice.text.en).toMatch(/appeal/);
  });

  it('run again with the same sweep id: same decisions, no second ledger entry, notice or schedule', async () => {
    const before = await exportDecisions(workStore(), 'e2e-1');
    const repo = enforcementRepository();
    const ledgerBefore = (await repo.ledgerForSweep('e2e-1')).length;
    const outboxBefore = (await repo.outbox('e2e-1')).length;
    const again = await sweep('e2e-1');
    expect(await exportDecisions(workStore(), 'e2e-1')).toEqual(before);
    expect(again.enforcement.applied).toBe(0);
    expect(again.enforcement.alreadyApplied).toBe(first.enforcement.applied);
    // every bucket's Notify and ScheduleLifts ran again and found nothing left to do
    expect(again.notify).toEqual({ published: 0, notices: 0, events: 0 });
    // no per-lift mark to write: the re-run asks for the same slot schedules again, and none is created twice
    expect(again.lifts).toMatchObject({ scheduled: first.lifts!.scheduled, alreadyScheduled: 0, slots: first.lifts!.slots, schedulesCreated: 0 });
    expect((await repo.ledgerForSweep('e2e-1')).length).toBe(ledgerBefore);
    expect((await repo.outbox('e2e-1')).length).toBe(outboxBefore);
  });

  it('refuses a reused sweep id with a different policy version, leaving the finished sweep complete', async () => {
    await expect(sweep('e2e-1', snapshot, { policy: { ...policy, policyVersion: 'other-1' } })).rejects.toThrow(/already used/);
    expect(await sweepRegistry().get('e2e-1')).toMatchObject({ status: 'complete', policyVersion: policy.policyVersion });
  });

  it('a stage that fails after its retries is recorded in the Sweeps table by the failure path, with the error', async () => {
    const broken = join(dir, 'snapshot-broken');
    await cp(snapshot, broken, { recursive: true });
    const manifest = JSON.parse(await readFile(join(broken, 'manifest.json'), 'utf8'));
    // a truncated upload: the part is not gzip at all. A damaged part alone is quarantined and the sweep
    // goes on (docs/snapshot-input.md); with a policy that tolerates no damaged part, ResolveBucket fails.
    await writeFile(join(broken, manifest.parts.comments[0]), 'not a gzip stream');
    const strict = { ...policy, policyVersion: `${policy.policyVersion}-no-damage`, input: { maxDamagedPartShare: 0 } };
    await expect(sweep('e2e-broken', broken, { policy: strict })).rejects.toThrow();
    const record = await sweepRegistry().get('e2e-broken');
    expect(record).toMatchObject({ status: 'failed', snapshotId: manifest.snapshotId });
    expect(record!.error).toMatch(/^InputDamagedError: 1 of \d+ snapshot parts are damaged/);
    expect(record!.error!.length).toBeLessThanOrEqual(500);
  });

  it('lifts due penalties exactly once and notifies', async () => {
    const timed = (await decisionsOf('e2e-1')).filter((d) => d.action === 'limit' || d.action === 'suspend');
    expect(timed.length).toBeGreaterThan(0);
    const notYet = (await runStateMachine('lift', { now: '2026-11-21T00:00:00Z' })) as LiftStats;
    expect(notYet.outcomes.lifted ?? 0).toBe(0);
    const later = (await runStateMachine('lift', { now: '2027-06-01T00:00:00Z' })) as LiftStats;
    expect(later.outcomes.lifted).toBe(timed.length);
    expect(later.notified).toBe(timed.length);
    const again = (await runStateMachine('lift', { now: '2027-06-01T00:00:00Z' })) as LiftStats;
    expect(again.outcomes.lifted ?? 0).toBe(0);
    const repo = enforcementRepository();
    const d = timed[0];
    expect(await repo.penalty(d.accountId)).toMatchObject({ status: 'lifted' });
    // (its notes and comments acted on with the penalty stay acted on: content is not lifted)
    expect(
      (await repo.ledgerFor(d.accountId))
        .map((e) => e.step)
        .filter((s) => s !== 'content')
        .sort(),
    ).toEqual(['enforce', 'lift']);
  });

  it('escalates repeat offenders in a later sweep, reading the ledger: the same behaviour in new posts climbs one step', async () => {
    // the same accounts doing the same things again, in new notes and comments (new content ids)
    const later = join(dir, 'snapshot-later');
    await reposted(snapshot, later, { takenAt: '2026-12-20T00:00:00Z', suffix: 'r2' });
    await sweep('e2e-2', later);
    const firstById = new Map((await decisionsOf('e2e-1')).map((d) => [d.accountId, d]));
    const second = await decisionsOf('e2e-2');
    // Brand points decisions do not climb the ladder: their notes cost points once (tests/audit/brandPointsLedger.test.ts).
    // Findings on evidence already acted on (a device cluster, a profile) add nothing: compare decisions resting on new evidence only.
    const repeat = second.filter((d) => {
      const was = firstById.get(d.accountId);
      return !d.brandPoints && !d.alreadyActed && was && was.action !== 'none' && JSON.stringify(was.ruleIds) === JSON.stringify(d.ruleIds);
    });
    expect(repeat.length).toBeGreaterThan(0);
    for (const d of repeat) {
      expect(d.priorOffenses).toBe(1);
      const was = firstById.get(d.accountId)!;
      expect(d.ladderStep).toBe(Math.min(was.ladderStep! + 1, policy.ladder.length - 1));
    }
  });

  it('throttled DynamoDB writes (fault injected by wrapping the client: DynamoDB Local never throttles) are retried by the state machine', async () => {
    const client = documentClient();
    const realSend = client.send.bind(client);
    let injected = 0;
    client.send = (async (command: unknown) => {
      if (command instanceof TransactWriteCommand && injected < 2) {
        injected++;
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ThrottlingException' });
      }
      return realSend(command as never);
    }) as typeof client.send;
    try {
      // accounts e2e-1 never acted on: the e2e-1 ones' fake-account evidence is already acted on
      const s = await sweep('e2e-throttled', fresh, { codes: ['fake-account'] });
      expect(injected).toBe(2);
      const acted = (await decisionsOf('e2e-throttled')).filter((d) => d.action !== 'none');
      expect(acted.length).toBeGreaterThan(0);
      expect(s.enforcement.applied + s.enforcement.alreadyApplied).toBe(acted.length);
      expect(await enforcementRepository().ledgerForSweep('e2e-throttled')).toHaveLength(acted.length);
    } finally {
      client.send = realSend as typeof client.send;
    }
  });

  it('a sweep that fails mid-Notify (fault injected by wrapping the client: DynamoDB Local never fails) resumes on re-run, each message delivered once', async () => {
    const client = documentClient();
    const realSend = client.send.bind(client);
    const outboxTable = tableName('outbox');
    let outboxWrites = 0;
    client.send = (async (command: unknown) => {
      // markDelivered's third batch: its page was published, part of it is not marked yet
      if (command instanceof BatchWriteCommand && outboxTable in (command.input.RequestItems ?? {}) && ++outboxWrites === 3) {
        throw Object.assign(new Error('the outbox table went away mid-Notify'), { name: 'InjectedCrash' });
      }
      return realSend(command as never);
    }) as typeof client.send;
    try {
      await expect(sweep('e2e-notify-crash', fresh, { codes: ['traffic-diversion'] })).rejects.toThrow();
    } finally {
      client.send = realSend as typeof client.send;
    }
    expect(await sweepRegistry().get('e2e-notify-crash')).toMatchObject({ status: 'failed' });
    const repo = enforcementRepository();
    const before = await repo.outbox('e2e-notify-crash');
    const deliveredBefore = new Map(before.filter((m) => m.status === 'delivered').map((m) => [m.messageKey, m.deliveredAt]));
    expect(deliveredBefore.size).toBeGreaterThan(0);
    expect(deliveredBefore.size).toBeLessThan(before.length);

    const resumed = await sweep('e2e-notify-crash', fresh, { codes: ['traffic-diversion'] });
    // only the messages still pending were published by the re-run
    expect(resumed.notify!.published).toBe(before.length - deliveredBefore.size);
    const after = await repo.outbox('e2e-notify-crash');
    expect(after.map((m) => m.messageKey)).toEqual(before.map((m) => m.messageKey));
    expect(after.every((m) => m.status === 'delivered')).toBe(true);
    for (const m of after) if (deliveredBefore.has(m.messageKey)) expect(m.deliveredAt).toBe(deliveredBefore.get(m.messageKey));
  });

  it('an on-demand campaign decides only the codes asked for', async () => {
    const s = await sweep('e2e-campaign', snapshot, { codes: ['traffic-diversion'] });
    expect(Object.keys(s.byCode)).toEqual(['traffic-diversion']);
    expect(s.decisions).toBeGreaterThan(0);
  });
});
