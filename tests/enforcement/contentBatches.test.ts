/**
 * Content actions on the ledger (in-memory repository, the same acts as DynamoDB): many items of one account
 * are written in batches after its enforce entry, chained, each exactly once, a crash between batches resumed
 * without duplicates; a wave reversal puts them back, once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DueIndexLiftScheduler } from '#shared/adapters/dueIndexLiftScheduler';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import { OutboxOnlySink } from '#shared/adapters/outboxOnlySink';
import type { AuditDeps } from '#shared/audit/appealService';
import { GENESIS_HASH } from '#shared/audit/hashChain';
import { reverseWave } from '#shared/audit/reverseWave';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import { policyPath } from '#shared/pipeline/sweepPaths';
import type { Decision } from '#shared/policy/decideAction';
import { contentDecision, contentPolicy } from './contentDecision.ts';

const policy = contentPolicy;
const ITEMS = 100;
const decision = (accountId: string, sweepId = 's1'): Decision => contentDecision(accountId, sweepId, ITEMS);
const plan = (d: Decision) => ({ ...planEnforcement(d, policy, 'ref', '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'), bucket: 0 });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'content-batches-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const chainIsWhole = (entries: Array<{ seq?: number; prevHash?: string; hash?: string }>) => {
  const bySeq = [...entries].sort((a, b) => a.seq! - b.seq!);
  bySeq.forEach((e, i) => {
    expect(e.seq).toBe(i + 1);
    expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : bySeq[i - 1].hash);
  });
};

describe('content actions on the ledger', () => {
  it('100 items: the enforce entry, then every item once, chained; one notice, one event per item; a re-run adds nothing', async () => {
    const repo = new MemoryLedger();
    expect(await repo.apply(plan(decision('a1')))).toBe('applied');
    const entries = await repo.ledgerFor('a1');
    expect(entries.filter((e) => e.step === 'content')).toHaveLength(ITEMS);
    expect(entries.find((e) => e.seq === 1)?.step).toBe('enforce');
    chainIsWhole(entries);
    expect((await repo.penalty('a1'))?.chainSeq).toBe(ITEMS + 1);
    const outbox = await repo.outbox('s1');
    expect(outbox.filter((m) => m.kind === 'notice')).toHaveLength(1);
    expect(outbox.filter((m) => m.kind === 'content')).toHaveLength(ITEMS);
    expect(await repo.apply(plan(decision('a1')))).toBe('already-applied');
    expect(await repo.ledgerFor('a1')).toHaveLength(ITEMS + 1);
    expect(await repo.outbox('s1')).toHaveLength(ITEMS + 2);
  });

  it('a crash after the first batch: enforcing again writes the rest, nothing twice', async () => {
    const repo = new MemoryLedger();
    const full = plan(decision('a2'));
    expect(await repo.apply({ ...full, content: full.content!.slice(0, 40) })).toBe('applied');
    expect(await repo.ledgerFor('a2')).toHaveLength(41);
    expect(await repo.apply(full)).toBe('already-applied');
    const entries = await repo.ledgerFor('a2');
    expect(entries.filter((e) => e.step === 'content')).toHaveLength(ITEMS);
    expect(new Set(entries.map((e) => e.entryKey)).size).toBe(entries.length);
    chainIsWhole(entries);
  });

  it('under a ban still running, the warning is absorbed but its items are removed, and the notice names only them', async () => {
    const repo = new MemoryLedger();
    const ban: Decision = { ...decision('a4', 's0'), action: 'ban', contentActions: undefined };
    await repo.apply(plan(ban));
    expect(await repo.apply(plan({ ...decision('a4', 's4'), contentActions: decision('a4').contentActions!.slice(0, 2) }))).toBe('applied');
    const enforce = (await repo.ledgerFor('a4')).find((e) => e.sweepId === 's4' && e.step === 'enforce');
    expect(enforce?.absorbedBy).toBe('s0#enforce');
    const outbox = await repo.outbox('s4');
    expect(outbox.map((m) => m.kind).sort()).toEqual(['content', 'content', 'notice']);
    const notice = outbox.find((m) => m.kind === 'notice')!.body as { text: { en: string }; content: { items: unknown[] } };
    expect(notice.content.items).toHaveLength(2);
    expect(notice.text.en).toMatch(/^We acted on these items you posted: your comment c000/);
    expect(notice.text.en).not.toMatch(/warning/);
  });

  it('a reversed wave restores every item of the sweep once, and a second run restores nothing', async () => {
    const repo = new MemoryLedger();
    await repo.apply(plan(decision('a3', 's3')));
    const work = new LocalFolderStore(join(dir, 'work'));
    await work.write(policyPath(policy.policyVersion), JSON.stringify(policy));
    const deps: AuditDeps = { audit: repo, enforcement: repo, sink: new OutboxOnlySink(), scheduler: new DueIndexLiftScheduler(), work };
    const first = await reverseWave(deps, { sweepId: 's3' }, { dryRun: false, reason: 'wrong wave', now: '2026-11-22T00:00:00.000Z' });
    expect(first).toMatchObject({ reversed: 1, contentRestored: ITEMS });
    const entries = await repo.ledgerFor('a3');
    expect(entries.filter((e) => e.step === 'content-restore')).toHaveLength(ITEMS);
    chainIsWhole(entries);
    expect((await repo.outbox('s3')).filter((m) => m.kind === 'content-restore' && m.status === 'delivered')).toHaveLength(ITEMS);
    const again = await reverseWave(deps, { sweepId: 's3' }, { dryRun: false, reason: 'wrong wave', now: '2026-11-23T00:00:00.000Z' });
    expect(again.contentRestored).toBeUndefined();
    expect(await repo.ledgerFor('a3')).toHaveLength(entries.length);
  });
});
