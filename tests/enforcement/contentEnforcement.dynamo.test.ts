/**
 * Content enforcement end to end on the embedded stack (DynamoDB Local + s3rver, the synthesized state
 * machine): a water-army ring whose hired members are below the account threshold. Their ring comments
 * are removed while their accounts are only warned; their organic comments stay; one notice per account
 * names the removed items; an upheld appeal of one comment restores exactly that comment and leaves the
 * account's warning, an upheld appeal of an account's warning leaves its comment removed; replay finds
 * no difference; the transparency report's content counts equal the ledger's; audit verify passes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/adapters/awsClients';
import { tableName } from '#shared/adapters/tableDefinitions';
import { chainEntry } from '#shared/audit/hashChain';
import { contentRestoreEntry } from '#shared/enforcement/planContentEnforcement';
import { openStore } from '#shared/adapters/openStore';
import { ledgerAnchoring } from '#shared/adapters/ledgerAnchoring';
import { auditRepository, enforcementRepository, liftScheduler, notificationSink, reviewRepository, workStore } from '#shared/adapters/stageDependencies';
import { decideAppeal, submitAppeal, type AuditDeps } from '#shared/audit/appealService';
import { auditLedger } from '#shared/audit/auditLedger';
import { gatherReport } from '#shared/audit/gatherReport';
import { replaySweep } from '#shared/audit/replaySweep';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import { contentEntryKey } from '#shared/enforcement/ledgerEntry';
import type { NoticeWithContent } from '#shared/notify/composeContentNotice';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';
import { CORE, HIRED, organicCommentId, ringCommentId, writeRingSnapshot } from './waterArmyRingSnapshot.ts';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

const SWEEP = 'content-e2e-1';
const ENFORCE_AT = '2026-11-21T00:00:00.000Z';
const NOW = '2026-11-25T00:00:00.000Z';
let stack: EmbeddedStack;
let dir: string;
let summary: SweepSummary;
const decisions = new Map<string, Decision>();

const deps = (): AuditDeps => ({ audit: auditRepository(), enforcement: enforcementRepository(), sink: notificationSink(), scheduler: liftScheduler(), work: workStore() });
const sweep = () =>
  runStateMachine(
    'sweep',
    { sweepId: SWEEP, snapshot: join(dir, 'snapshot'), policy: defaultPolicy(), review: 'auto', bucketCount: 3, enforceAt: ENFORCE_AT },
    { workers: 0 },
  ) as Promise<SweepSummary>;
/** Hired member of ring note n (0-based), first or second. */
const hired = (n: number, second = false) => HIRED[2 * n + (second ? 1 : 0)];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-content-'));
  await writeRingSnapshot(join(dir, 'snapshot'));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
  summary = await sweep();
  for await (const d of readDecisions(workStore(), SWEEP)) decisions.set(d.accountId, d);
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a water-army ring whose hired members are below the account threshold', () => {
  it('removes their ring comments while their accounts are only warned; their other comments stay up', async () => {
    for (const id of HIRED) {
      expect(decisions.get(id), id).toMatchObject({ action: 'warn', codes: ['water-army'], ruleIds: ['water-army/ring-associate'] });
    }
    for (const id of CORE) expect(['suspend', 'ban']).toContain(decisions.get(id)?.action);
    const ledger = await enforcementRepository().ledgerForSweep(SWEEP);
    const content = ledger.filter((e) => e.step === 'content');
    // A hired member's one ring comment, removed; nothing else of theirs.
    for (const [n, id] of HIRED.entries()) {
      const mine = content.filter((e) => e.accountId === id);
      expect(
        mine.map((e) => e.content),
        id,
      ).toEqual([{ kind: 'comment', itemId: ringCommentId(id, Math.floor(n / 2)), action: 'remove' }]);
    }
    // Every ring comment of a core member is removed too; no organic comment of anyone.
    for (const id of CORE)
      expect(
        content
          .filter((e) => e.accountId === id)
          .map((e) => e.content!.itemId)
          .sort(),
      ).toEqual([0, 1, 2, 3].map((n) => ringCommentId(id, n)));
    for (const id of [...CORE, ...HIRED]) expect(content.some((e) => e.content!.itemId === organicCommentId(id))).toBe(false);
    // Chained like every entry, in the account's chain after its enforce entry, exactly once each.
    const mine = ledger.filter((e) => e.accountId === hired(0)).sort((a, b) => a.seq! - b.seq!);
    expect(mine.map((e) => [e.step, e.seq])).toEqual([
      ['enforce', 1],
      ['content', 2],
    ]);
    expect(mine[1].prevHash).toBe(mine[0].hash);
    expect(new Set(content.map((e) => e.entryKey)).size).toBe(content.length);
    expect(content).toHaveLength(CORE.length * 4 + HIRED.length);

    // The summary counts them beside the accounts.
    expect(summary.content?.total).toEqual({ notesRemoved: 0, notesLimited: 0, commentsRemoved: content.length, commentsLimited: 0 });
    expect(summary.content?.byCode['water-army'].commentsRemoved).toBe(content.length);
    expect(summary.enforcement.contentApplied).toBe(content.length);
  });

  it('publishes one event per removed comment and one notice per account naming its own removed comment', async () => {
    const outbox = await enforcementRepository().outbox(SWEEP);
    const acted = [...decisions.values()].filter((d) => d.action !== 'none');
    expect(outbox.filter((m) => m.kind === 'notice')).toHaveLength(acted.length);
    const events = outbox.filter((m) => m.kind === 'content');
    expect(events).toHaveLength(summary.enforcement.contentApplied!);
    expect(events.every((m) => m.status === 'delivered')).toBe(true);
    expect(summary.notify).toMatchObject({ contentEvents: events.length, events: acted.length, notices: acted.length });
    const id = hired(1);
    const notice = outbox.find((m) => m.kind === 'notice' && m.accountId === id)!.body as NoticeWithContent;
    expect(notice.action).toBe('warn');
    expect(notice.content?.items).toEqual([{ kind: 'comment', itemId: ringCommentId(id, 1), action: 'remove', codes: ['water-army'], excerpt: expect.any(String) }]);
    expect(notice.text.en).toContain(`comment ${ringCommentId(id, 1)}`);
    expect(notice.text.en).toMatch(/removed: organised fake comments/);
    expect(notice.text.en).toMatch(/appeal it by its id at app:\/\//);
    expect(notice.text.zh).toContain(`评论 ${ringCommentId(id, 1)}`);
    expect(notice.text.zh).toContain('已删除');
    // Never another account's id.
    expect(notice.text.en).not.toContain(hired(1, true));
  });

  it('the same sweep id again adds no content entry and publishes nothing', async () => {
    const before = (await enforcementRepository().ledgerForSweep(SWEEP)).length;
    const again = await sweep();
    expect(again.enforcement.applied).toBe(0);
    expect(again.enforcement.contentApplied).toBeUndefined();
    expect((await enforcementRepository().ledgerForSweep(SWEEP)).length).toBe(before);
    expect(again.notify?.published).toBe(0);
  });

  it('an upheld appeal of one comment restores exactly that comment and keeps the warning; an upheld appeal of a warning keeps the comment removed', async () => {
    const id = hired(2);
    const comment = ringCommentId(id, 2);
    const appeal = await submitAppeal(deps(), { accountId: id, contentId: comment, statement: 'I really use this brand' }, { now: NOW, channel: 'cli' });
    expect(appeal.content).toEqual({ kind: 'comment', itemId: comment });
    await expect(submitAppeal(deps(), { accountId: id, contentId: comment, statement: 'again' }, { now: NOW, channel: 'cli' })).rejects.toThrow(/already appealed/);
    await expect(submitAppeal(deps(), { accountId: id, contentId: 'oc-nope', statement: 'x' }, { now: NOW, channel: 'cli' })).rejects.toThrow(/no removed or limited note or comment "oc-nope"/);
    const decided = await decideAppeal(deps(), { appealId: appeal.appealId, outcome: 'upheld', reason: 'genuine customer', decidedBy: 'handler-1' }, { now: NOW });
    expect(decided).toMatchObject({ reversed: false, contentRestored: true });

    const ledger = await enforcementRepository().ledgerForSweep(SWEEP);
    const restores = ledger.filter((e) => e.step === 'content-restore');
    expect(restores.map((e) => e.content?.itemId)).toEqual([comment]);
    expect(restores[0]).toMatchObject({ accountId: id, actor: 'appeal-handler', reversesEntryKey: contentEntryKey(SWEEP, 'comment', comment) });
    expect(ledger.some((e) => e.step === 'reverse')).toBe(false);
    expect(await enforcementRepository().penalty(id)).toMatchObject({ status: 'active', action: 'warn' });
    const outbox = await enforcementRepository().outbox(SWEEP);
    expect(outbox.filter((m) => m.kind === 'content-restore').map((m) => (m.body as { item: { itemId: string } }).item.itemId)).toEqual([comment]);
    // Already restored: a second appeal of the item is refused.
    await expect(submitAppeal(deps(), { accountId: id, contentId: comment, statement: 'x', sweepId: SWEEP }, { now: NOW, channel: 'cli' })).rejects.toThrow(/already/);

    // The reverse: the warning of another hired member reversed, its ring comment stays removed.
    const other = hired(3);
    const accountAppeal = await submitAppeal(deps(), { accountId: other, statement: 'I was paid once, sorry' }, { now: NOW, channel: 'cli' });
    expect(accountAppeal.content).toBeUndefined();
    expect((await decideAppeal(deps(), { appealId: accountAppeal.appealId, outcome: 'upheld', reason: 'first time', decidedBy: 'handler-1' }, { now: NOW })).reversed).toBe(true);
    const after = await enforcementRepository().ledgerFor(other);
    expect(after.some((e) => e.step === 'reverse')).toBe(true);
    expect(after.some((e) => e.step === 'content-restore')).toBe(false);
    expect((await enforcementRepository().penalty(other))?.status).toBe('cleared');
  });

  it('replay finds no difference, the report counts what the ledger holds, and audit verify passes', async () => {
    const all = await auditRepository().allLedger();
    const replay = await replaySweep({ work: workStore(), openSnapshot: openStore, channels: CHANNELS, detectors: ACCOUNT_DETECTORS, ledger: all }, SWEEP, { runId: 'content-e2e' });
    expect(replay.differences).toEqual([]);
    expect(replay.ledgerDifferences).toEqual([]);

    const report = await gatherReport({ audit: auditRepository(), reviews: reviewRepository() }, { sweepIds: [SWEEP], territorialScope: ['EU'], generatedAt: NOW });
    const content = all.filter((e) => e.sweepId === SWEEP && e.step === 'content');
    const removedComments = content.filter((e) => e.content!.kind === 'comment' && e.content!.action === 'remove').length;
    expect(report.content.items).toBe(content.length);
    expect(report.content.total.commentsRemoved).toBe(removedComments);
    expect(report.content.byCode['water-army'].commentsRemoved).toBe(removedComments);
    expect(report.content.restored).toBe(all.filter((e) => e.sweepId === SWEEP && e.step === 'content-restore').length);
    expect(report.content.restored).toBe(1);
    expect(report.contentStatementsOfReasons).toHaveLength(content.length);
    const sor = report.contentStatementsOfReasons.find((s) => s.content_id === ringCommentId(hired(0), 0))!;
    expect(sor).toMatchObject({
      account_id: hired(0),
      content_type: ['CONTENT_TYPE_TEXT'],
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      automated_detection: 'Yes',
      application_date: ENFORCE_AT,
      restored: false,
    });

    const verified = await auditLedger(auditRepository(), ledgerAnchoring());
    expect(verified.issues).toEqual([]);
    expect(verified.ok).toBe(true);
  });

  it('a forged restore of a removed comment (hash recomputed, chain head moved to match) is caught by audit verify', async () => {
    const id = hired(0);
    const entries = (await enforcementRepository().ledgerFor(id)).sort((a, b) => a.seq! - b.seq!);
    const head = entries.at(-1)!;
    const removed = entries.find((e) => e.step === 'content')!;
    const state = (await enforcementRepository().penalty(id))!;
    const forged = chainEntry(contentRestoreEntry(removed, { actor: 'appeal-handler', reason: 'forged', ref: 'appeal:none', now: NOW }), { seq: head.seq!, hash: head.hash! });
    const db = documentClient();
    await db.send(new PutCommand({ TableName: tableName('ledger'), Item: forged }));
    await db.send(new PutCommand({ TableName: tableName('penalties'), Item: { ...state, version: state.version + 1, chainSeq: forged.seq, chainHash: forged.hash } }));
    const r = await auditLedger(auditRepository(), ledgerAnchoring());
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ kind: 'unanchored-entry', accountId: id, entryKey: forged.entryKey })]);
    await db.send(new DeleteCommand({ TableName: tableName('ledger'), Key: { accountId: id, entryKey: forged.entryKey } }));
    await db.send(new PutCommand({ TableName: tableName('penalties'), Item: state }));
    expect((await auditLedger(auditRepository(), ledgerAnchoring())).ok).toBe(true);
  });
});
