/**
 * The ledger repositories' contract: what any EnforcementRepository + AuditRepository pair must do
 * for penalty merging, lifts, reversals and appeals. Run against the in-memory repositories
 * (memoryLedger.test.ts, unit) and the DynamoDB adapters on DynamoDB Local
 * (dynamoLedger.dynamo.test.ts, integration), so the fast one is proven to behave as the real one.
 *
 * Each test uses its own accounts, so one store may serve the whole suite.
 */
import { describe, expect, it } from 'vitest';
import { appealIdFor, type AppealRecord } from '#shared/audit/appeals';
import { appealSubmitEntry, planAppealClose } from '#shared/audit/planAppealDecision';
import { verifyChain } from '#shared/audit/verifyLedger';
import type { Action } from '#shared/contract/decisionExport';
import { liftIdFor, type LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import type { Decision } from '#shared/policy/decideAction';
import { parsePolicy } from '#shared/policy/loadPolicy';
import type { AuditRepository } from '#shared/ports/auditRepository';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import type { LedgerMac } from '#shared/ports/ledgerMac';
import type { WriteOnceStore } from '#shared/ports/writeOnceStore';
import { readAnchors } from '#shared/audit/readAnchors';
import policyJson from '../golden/policy.json' with { type: 'json' };
import { decision as enforcedDecision } from '../pipeline/sweepLedgerFixture.ts';

export interface LedgerRepos {
  enforcement: EnforcementRepository;
  audit: AuditRepository;
  /** The key and write-once store the repositories anchor their writes with. */
  anchoring: { mac: LedgerMac; store: WriteOnceStore };
}

const policy = parsePolicy(policyJson, 'tests/golden/policy.json');
const DAY = 86_400_000;
const at = (day: number) => new Date(Date.parse('2026-11-01T00:00:00.000Z') + day * DAY).toISOString();

const decision = (accountId: string, sweepId: string, action: Action, day: number, durationDays?: number): Decision =>
  enforcedDecision(accountId, sweepId, action, at(day), durationDays, `contact in notes (${sweepId})`);

export function ledgerRepositoryContract(name: string, repos: () => LedgerRepos): void {
  let n = 0;
  const account = (what: string) => `${what}-${++n}`;
  const enforce = (r: LedgerRepos, accountId: string, sweepId: string, action: Action, day: number, days?: number) =>
    r.enforcement.apply(planEnforcement(decision(accountId, sweepId, action, day, days), policy, `test:${sweepId}`, at(day)));
  const steps = async (r: LedgerRepos, accountId: string) => (await r.enforcement.ledgerFor(accountId)).sort((a, b) => a.seq! - b.seq!).map((e) => e.entryKey);
  const chainOk = async (r: LedgerRepos, accountId: string) => verifyChain(accountId, await r.enforcement.ledgerFor(accountId), await r.enforcement.penalty(accountId));
  const reverse = (r: LedgerRepos, accountId: string, sweepId: string, day: number, appeal?: AppealRecord) =>
    r.audit.reverse({ accountId, sweepId, actor: appeal ? 'appeal-handler' : 'operator', reason: 'wrong', ref: appeal ? `appeal:${appeal.appealId}` : 'reversal:rev-1', now: at(day), appeal });

  async function appeal(r: LedgerRepos, accountId: string, sweepId: string, day: number): Promise<{ appeal: AppealRecord; target: LedgerEntry; submitted: string }> {
    const target = (await r.enforcement.ledgerFor(accountId)).find((e) => e.entryKey === `${sweepId}#enforce`)!;
    const record: AppealRecord = {
      appealId: appealIdFor(accountId, sweepId),
      accountId,
      sweepId,
      entryKey: target.entryKey,
      action: target.action,
      policyVersion: target.policyVersion,
      statement: 'not me',
      channel: 'cli',
      submittedAt: at(day),
      deadline: at(day + 30),
      status: 'pending',
    };
    return { appeal: record, target, submitted: await r.audit.submitAppeal(record, appealSubmitEntry(record, target)) };
  }
  const decided = (a: AppealRecord, status: 'upheld' | 'rejected', day: number, by = 'handler-1'): AppealRecord => ({
    ...a,
    status,
    decidedAt: at(day),
    decidedBy: by,
    decisionReason: `${status} by ${by}`,
  });

  describe(`ledger repositories: ${name}`, () => {
    describe('anchoring', () => {
      it('every entry an act writes (enforce, lift, reverse, appeal) is listed with its hash by an anchor whose MAC verifies', async () => {
        const r = repos();
        const [lifted, reversed, appealed] = [account('anchor'), account('anchor'), account('anchor')];
        await Promise.all([enforce(r, lifted, 's1', 'limit', 0, 7), enforce(r, reversed, 's1', 'ban', 0), enforce(r, appealed, 's1', 'warn', 0)]);
        expect(await r.enforcement.applyLift((await r.enforcement.getLift(liftIdFor(lifted, 's1')))!, at(8))).toBe('lifted');
        expect((await reverse(r, reversed, 's1', 1)).outcome).toBe('reversed');
        const { appeal: a, target } = await appeal(r, appealed, 's1', 1);
        expect(await r.audit.closeAppeal(planAppealClose(decided(a, 'rejected', 2), target))).toBe('closed');
        const { anchors, issues } = await readAnchors(r.anchoring.store, r.anchoring.mac);
        expect(issues).toEqual([]);
        const listed = new Set(anchors.flatMap((x) => x.entries.map((e) => `${e.accountId} ${e.entryKey} ${e.hash}`)));
        const written = (await Promise.all([lifted, reversed, appealed].map((id) => r.enforcement.ledgerFor(id)))).flat();
        expect(written.map((e) => e.step).sort()).toEqual(['appeal-decide', 'appeal-submit', 'enforce', 'enforce', 'enforce', 'lift', 'reverse']);
        expect(written.filter((e) => !listed.has(`${e.accountId} ${e.entryKey} ${e.hash}`))).toEqual([]);
      });
    });

    describe('penalty merging', () => {
      it('a first action creates the state, its chained entry, its event and notice, and its lift (carried by the state)', async () => {
        const r = repos();
        const id = account('merge');
        expect(await enforce(r, id, 's1', 'limit', 0, 7)).toBe('applied');
        expect(await r.enforcement.penalty(id)).toMatchObject({
          status: 'active',
          action: 'limit',
          until: at(7),
          sweepId: 's1',
          version: 1,
          chainSeq: 1,
          offenses: [{ sweepId: 's1', action: 'limit' }],
        });
        expect((await r.enforcement.outbox('s1')).filter((m) => m.accountId === id).map((m) => m.kind)).toEqual(['enforcement', 'notice']);
        expect(await r.enforcement.getLift(liftIdFor(id, 's1'))).toMatchObject({ pending: 'pending', dueAt: at(7) });
        expect(await chainOk(r, id)).toEqual([]);
      });

      it('the stronger penalty wins, of equal ones the longer; every action counts as an offense', async () => {
        const r = repos();
        const id = account('merge');
        await enforce(r, id, 's1', 'suspend', 0, 14);
        await enforce(r, id, 's2', 'limit', 1, 7); // weaker: the suspension stays
        expect(await r.enforcement.penalty(id)).toMatchObject({ action: 'suspend', sweepId: 's1', until: at(14) });
        await enforce(r, id, 's3', 'suspend', 2, 7); // same action, ends sooner: stays
        expect(await r.enforcement.penalty(id)).toMatchObject({ action: 'suspend', sweepId: 's1' });
        await enforce(r, id, 's3b', 'suspend', 7, 7); // same action, same end: the one in place stays
        expect(await r.enforcement.penalty(id)).toMatchObject({ action: 'suspend', sweepId: 's1' });
        await enforce(r, id, 's4', 'suspend', 3, 28); // same action, ends later: replaces
        expect(await r.enforcement.penalty(id)).toMatchObject({ action: 'suspend', sweepId: 's4', until: at(31) });
        await enforce(r, id, 's5', 'ban', 4); // stronger: replaces
        const state = await r.enforcement.penalty(id);
        expect(state).toMatchObject({ action: 'ban', sweepId: 's5', version: 6, chainSeq: 6 });
        expect(state!.until).toBeUndefined();
        expect((await r.enforcement.priorOffenses([id])).get(id)!.map((o) => o.sweepId)).toEqual(['s1', 's2', 's3', 's3b', 's4', 's5']);
        expect(await chainOk(r, id)).toEqual([]);
      });

      it('an action already applied is not applied again, even from a stale state', async () => {
        const r = repos();
        const id = account('merge');
        await enforce(r, id, 's1', 'warn', 0);
        const p = planEnforcement(decision(id, 's1', 'warn', 0), policy, 'rerun', at(1));
        expect(await r.enforcement.apply(p)).toBe('already-applied');
        // A caller that batch-read before the first write passes a stale "no state yet".
        expect(await r.enforcement.apply(p, { current: undefined })).toBe('already-applied');
        const second = planEnforcement(decision(id, 's2', 'limit', 1, 7), policy, 'x', at(1));
        expect(await r.enforcement.apply(second, { current: undefined })).toBe('applied');
        expect(await r.enforcement.penalty(id)).toMatchObject({ action: 'limit', version: 2 });
        expect(await steps(r, id)).toEqual(['s1#enforce', 's2#enforce']);
      });

      it('an account under a stronger penalty still running is not told again: the offense is recorded as absorbed, with no event or notice', async () => {
        const r = repos();
        const id = account('absorb');
        await enforce(r, id, 's1', 'ban', 0);
        expect(await enforce(r, id, 's2', 'suspend', 1, 14)).toBe('applied');
        expect(await r.enforcement.penalty(id)).toMatchObject({ action: 'ban', sweepId: 's1' });
        const entry = (await r.enforcement.ledgerFor(id)).find((e) => e.entryKey === 's2#enforce')!;
        expect(entry).toMatchObject({ action: 'suspend', absorbedBy: 's1#enforce' });
        expect((await r.enforcement.outbox('s2')).filter((m) => m.accountId === id)).toEqual([]);
        expect((await r.enforcement.priorOffenses([id])).get(id)!.map((o) => o.sweepId)).toEqual(['s1', 's2']);
        // nothing is written for its lift (the ban's state carries none) ...
        expect(await r.enforcement.getLift(liftIdFor(id, 's2'))).toMatchObject({ outcome: 'superseded', dueAt: at(15) });
        expect((await r.enforcement.dueLifts(at(16), 1000)).map((l) => l.accountId)).not.toContain(id);
        // ... but should the ban be reversed, the suspension takes over, its state carries its lift, and it still ends on time
        const reversed = await reverse(r, id, 's1', 2);
        expect(reversed.penalty).toMatchObject({ status: 'active', action: 'suspend', sweepId: 's2', until: at(15) });
        expect(reversed.armedLift).toMatchObject({ liftId: liftIdFor(id, 's2'), dueAt: at(15) });
        expect(await r.enforcement.getLift(liftIdFor(id, 's2'))).toMatchObject({ pending: 'pending', dueAt: at(15) });
        expect((await r.enforcement.dueLifts(at(15), 1000)).map((l) => l.accountId)).toContain(id);
        expect(await r.enforcement.applyLift((await r.enforcement.getLift(liftIdFor(id, 's2')))!, at(15))).toBe('lifted');
        expect(await chainOk(r, id)).toEqual([]);
      });

      it('an equal penalty still running absorbs a new one; once it has ended, a new penalty is news and is notified', async () => {
        const r = repos();
        const id = account('absorb');
        await enforce(r, id, 's1', 'limit', 0, 7);
        await enforce(r, id, 's2', 'limit', 1, 3); // ends before s1's: absorbed
        expect((await r.enforcement.outbox('s2')).filter((m) => m.accountId === id)).toEqual([]);
        await enforce(r, id, 's3', 'limit', 9, 7); // s1 ended on day 7 (its lift not run yet): a new limit, told
        expect((await r.enforcement.outbox('s3')).filter((m) => m.accountId === id).map((m) => m.kind)).toEqual(['enforcement', 'notice']);
        expect((await r.enforcement.ledgerFor(id)).find((e) => e.entryKey === 's3#enforce')!.absorbedBy).toBeUndefined();
        expect(await r.enforcement.penalty(id)).toMatchObject({ action: 'limit', sweepId: 's3', until: at(16) });
      });

      it('a penalty runs from when enforcement applied it, and its offense keeps the evidence keys until it is reversed', async () => {
        const r = repos();
        const id = account('applied');
        const d = { ...decision(id, 's1', 'limit', 0, 7), evidenceKeys: ['note:n1', 'note:n2'] };
        expect(await r.enforcement.apply(planEnforcement(d, policy, 'x', at(5), at(5)))).toBe('applied');
        expect(await r.enforcement.penalty(id)).toMatchObject({ until: at(12), offenses: [{ sweepId: 's1', effectiveAt: at(0), evidenceKeys: ['note:n1', 'note:n2'] }] });
        expect((await r.enforcement.ledgerFor(id))[0]).toMatchObject({ effectiveAt: at(0), appliedAt: at(5), until: at(12), evidenceKeys: ['note:n1', 'note:n2'] });
        expect(await r.enforcement.getLift(liftIdFor(id, 's1'))).toMatchObject({ dueAt: at(12) });
        expect((await r.enforcement.priorOffenses([id])).get(id)).toEqual([{ sweepId: 's1', effectiveAt: at(0), action: 'limit', evidenceKeys: ['note:n1', 'note:n2'] }]);
        await reverse(r, id, 's1', 6);
        expect((await r.enforcement.priorOffenses([id])).get(id)).toEqual([]);
      });
    });

    describe('many actions at once (applyMany: ~20 actions to a transaction)', () => {
      const plan = (id: string, sweepId: string, action: Action, day: number, days?: number) => planEnforcement(decision(id, sweepId, action, day, days), policy, `test:${sweepId}`, at(day));
      const mix: Array<[Action, number | undefined]> = [
        ['warn', undefined],
        ['limit', 7],
        ['suspend', 14],
        ['ban', undefined],
      ];

      it('writes each action as apply would, in more than one transaction, and a re-run applies nothing', async () => {
        const r = repos();
        // 45 actions of ~4 items (entry, penalty state, event, notice: no lift row): at least two transactions of at most 100 items
        const ids = Array.from({ length: 45 }, () => account('many'));
        const planned = ids.map((id, i) => plan(id, 'm1', mix[i % mix.length]![0], 0, mix[i % mix.length]![1]));
        const applyMany = r.enforcement.applyMany!.bind(r.enforcement);
        expect(await applyMany(planned, await r.enforcement.penalties(ids))).toEqual(ids.map(() => 'applied'));
        for (const [i, id] of ids.entries()) {
          expect(await steps(r, id)).toEqual(['m1#enforce']);
          expect(await chainOk(r, id)).toEqual([]);
          expect(await r.enforcement.penalty(id)).toMatchObject({ action: mix[i % mix.length]![0], version: 1, sweepId: 'm1' });
          expect(await r.enforcement.getLift(liftIdFor(id, 'm1'))).toEqual(mix[i % mix.length]![1] ? expect.objectContaining({ pending: 'pending' }) : undefined);
        }
        expect((await r.enforcement.outbox('m1')).filter((m) => ids.includes(m.accountId))).toHaveLength(90);
        // the stale "no state yet" a re-run's batch read would not even give; a re-run plans at its own clock
        // (enforceBucket's now()), so its transactions are new ones (another ClientRequestToken) and the entries' conditions cancel them
        const rerun = planned.map((p) => ({ ...p, ledger: { ...p.ledger, recordedAt: at(1) } }));
        expect(await applyMany(rerun, new Map())).toEqual(ids.map(() => 'already-applied'));
        expect((await r.enforcement.ledgerForSweep('m1')).filter((e) => ids.includes(e.accountId))).toHaveLength(45);
      });

      it('an action already applied and a state that moved since the batch read cancel only their own action: the rest are written, the moved one re-planned', async () => {
        const r = repos();
        const ids = Array.from({ length: 10 }, () => account('many-mixed'));
        const known = await r.enforcement.penalties(ids); // read before the two acts below: stale for them
        const [applied, moved] = [ids[2]!, ids[7]!];
        expect(await r.enforcement.apply(plan(applied, 'm2', 'warn', 0))).toBe('applied');
        expect(await r.enforcement.apply(plan(moved, 'm0', 'suspend', 0, 28))).toBe('applied');
        const outcomes = await r.enforcement.applyMany!(
          ids.map((id) => plan(id, 'm2', 'warn', 0)),
          known,
        );
        expect(outcomes).toEqual(ids.map((id) => (id === applied ? 'already-applied' : 'applied')));
        for (const id of ids) expect(await chainOk(r, id)).toEqual([]);
        expect(await steps(r, moved)).toEqual(['m0#enforce', 'm2#enforce']);
        // merged onto the state it really had: the running suspension absorbs the warning
        expect(await r.enforcement.penalty(moved)).toMatchObject({ action: 'suspend', sweepId: 'm0', version: 2 });
        expect((await r.enforcement.ledgerFor(moved)).find((e) => e.entryKey === 'm2#enforce')).toMatchObject({ absorbedBy: 'm0#enforce' });
        expect((await r.enforcement.ledgerFor(applied)).map((e) => e.entryKey)).toEqual(['m2#enforce']);
        expect((await r.enforcement.outbox('m2')).filter((m) => ids.includes(m.accountId))).toHaveLength(2 * 9);
      });

      it('anchors every entry it writes', async () => {
        const r = repos();
        const ids = Array.from({ length: 30 }, () => account('many-anchor'));
        await r.enforcement.applyMany!(
          ids.map((id) => plan(id, 'm3', 'limit', 0, 7)),
          new Map(),
        );
        const { anchors, issues } = await readAnchors(r.anchoring.store, r.anchoring.mac);
        expect(issues).toEqual([]);
        const listed = new Set(anchors.flatMap((x) => x.entries.map((e) => `${e.accountId} ${e.entryKey} ${e.hash}`)));
        const written = (await Promise.all(ids.map((id) => r.enforcement.ledgerFor(id)))).flat();
        expect(written).toHaveLength(30);
        expect(written.filter((e) => !listed.has(`${e.accountId} ${e.entryKey} ${e.hash}`))).toEqual([]);
      });
    });

    describe('outbox by account bucket (Notify) and due-index paging (lift slots)', () => {
      const enforceIn = (r: LedgerRepos, accountId: string, sweepId: string, bucket: number) =>
        r.enforcement.apply({ ...planEnforcement(decision(accountId, sweepId, 'warn', 0), policy, `test:${sweepId}`, at(0)), bucket });

      it("lists a bucket's pending messages by page, only that bucket's, and none once delivered", async () => {
        const r = repos();
        const sweepId = `nb-${account('sweep')}`;
        const inBucket = [account('nb'), account('nb'), account('nb')];
        const other = account('nb');
        for (const id of inBucket) await enforceIn(r, id, sweepId, 2);
        await enforceIn(r, other, sweepId, 5);
        const expected = inBucket.flatMap((id) => [`${id}#enforcement`, `${id}#notice`]).sort();

        const first = await r.enforcement.pendingOutbox(sweepId, 2, { limit: 4 });
        expect(first.map((m) => m.messageKey)).toEqual(expected.slice(0, 4));
        const rest = await r.enforcement.pendingOutbox(sweepId, 2, { limit: 4, after: first[3].messageKey });
        expect(rest.map((m) => m.messageKey)).toEqual(expected.slice(4));
        expect(first[0]).toMatchObject({ sweepId, bucket: 2, status: 'pending' });
        // the index key is the adapter's business: a message reads back as it was written
        expect(Object.keys(first[0]).sort()).toEqual(['accountId', 'body', 'bucket', 'kind', 'messageKey', 'status', 'sweepId']);
        expect((await r.enforcement.pendingOutbox(sweepId, 5, { limit: 10 })).map((m) => m.accountId)).toEqual([other, other]);

        await r.enforcement.markDelivered(first, at(1));
        expect((await r.enforcement.pendingOutbox(sweepId, 2, { limit: 10 })).map((m) => m.messageKey)).toEqual(expected.slice(4));
        await r.enforcement.markDelivered(rest, at(1));
        expect(await r.enforcement.pendingOutbox(sweepId, 2, { limit: 10 })).toEqual([]);
        const delivered = (await r.enforcement.outbox(sweepId)).filter((m) => m.bucket === 2);
        expect(delivered).toHaveLength(6);
        expect(delivered.every((m) => m.status === 'delivered' && m.deliveredAt === at(1))).toBe(true);
      });

      it('reads messages by key, leaving out keys that have none', async () => {
        const r = repos();
        const sweepId = `nb-${account('sweep')}`;
        const id = account('nb');
        await enforceIn(r, id, sweepId, 0);
        const got = await r.enforcement.outboxMessages([
          { sweepId, messageKey: `${id}#notice` },
          { sweepId, messageKey: `${id}#lift` },
        ]);
        expect(got.map((m) => [m.messageKey, m.kind])).toEqual([[`${id}#notice`, 'notice']]);
      });

      it('batch-reads ledger entries by key, leaving absent ones out (what a bucket reads back for the sweep anchor)', async () => {
        const r = repos();
        const sweepId = `le-${account('sweep')}`;
        const ids = [account('le'), account('le'), account('le')];
        for (const id of ids) await enforce(r, id, sweepId, 'warn', 0);
        const keys = [...ids, account('le-absent')].map((accountId) => ({ accountId, entryKey: `${sweepId}#enforce` }));
        const got = await r.enforcement.ledgerEntries([...keys, { accountId: ids[0], entryKey: `${sweepId}#lift` }]);
        expect(got.map((e) => [e.accountId, e.entryKey, e.step]).sort()).toEqual(ids.map((id) => [id, `${sweepId}#enforce`, 'enforce']).sort());
        const whole = await r.enforcement.ledgerFor(ids[1]);
        expect(got.find((e) => e.accountId === ids[1])).toEqual(whole.find((e) => e.entryKey === `${sweepId}#enforce`));
        expect(await r.enforcement.ledgerEntries([])).toEqual([]);
      });

      it('pages through due lifts after the last row of the previous page, oldest first', async () => {
        const r = repos();
        const sweepId = `due-${account('sweep')}`;
        // Due long before any other test's lifts (days < 0), so the shared table's other rows stay out of the way.
        const ids = [account('due'), account('due'), account('due')];
        for (const [i, id] of ids.entries()) await enforce(r, id, sweepId, 'limit', -200 + i, 1);
        const now = at(-150);
        const page1 = await r.enforcement.dueLifts(now, 2);
        expect(page1.map((l) => l.accountId)).toEqual(ids.slice(0, 2));
        const page2 = await r.enforcement.dueLifts(now, 2, page1[1]);
        expect(page2.map((l) => l.accountId)).toEqual(ids.slice(2));
        expect(await r.enforcement.dueLifts(now, 2, page2[0])).toEqual([]);
      });

      it('pages through many due lifts (spread over the index shards) in order, each once, ties on the due time by account', async () => {
        const r = repos();
        const sweepId = `due-many-${account('sweep')}`;
        // days far below any other test's lifts; every second pair shares a due time
        const ids = Array.from({ length: 40 }, () => account('due-many'));
        for (const [i, id] of ids.entries()) await enforce(r, id, sweepId, 'limit', -400 + Math.floor(i / 2), 1);
        const now = at(-300);
        const seen: Array<{ accountId: string; dueAt: string }> = [];
        let after: (typeof seen)[number] | undefined;
        for (;;) {
          const page = await r.enforcement.dueLifts(now, 7, after);
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(7);
          seen.push(...page);
          after = page[page.length - 1];
        }
        const ours = seen.filter((l) => ids.includes(l.accountId));
        expect(ours).toHaveLength(40);
        expect(new Set(ours.map((l) => l.accountId)).size).toBe(40);
        const sorted = [...seen].sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
        expect(seen).toEqual(sorted);
      });
    });

    describe('lifts', () => {
      it('before it is due, a lift does nothing', async () => {
        const r = repos();
        const id = account('lift');
        await enforce(r, id, 's1', 'limit', 0, 7);
        const row = (await r.enforcement.getLift(liftIdFor(id, 's1')))!;
        expect(await r.enforcement.applyLift(row, at(6))).toBe('not-due');
        expect(await r.enforcement.getLift(row.liftId)).toMatchObject({ pending: 'pending' });
        expect(await r.enforcement.penalty(id)).toMatchObject({ status: 'active' });
        expect(await r.enforcement.applyLift({ ...row, accountId: 'nobody', liftId: 'nobody#s1' }, at(8))).toBe('not-found');
        expect(await r.enforcement.getLift('nobody#s1')).toBeUndefined();
      });

      it('a due lift ends the penalty once: entry, state, notice and row; a second run changes nothing', async () => {
        const r = repos();
        const id = account('lift');
        await enforce(r, id, 's1', 'limit', 0, 7);
        const row = (await r.enforcement.getLift(liftIdFor(id, 's1')))!;
        expect((await r.enforcement.dueLifts(at(8), 100)).map((l) => l.liftId)).toContain(row.liftId);
        expect(await r.enforcement.applyLift(row, at(8))).toBe('lifted');
        expect(await r.enforcement.penalty(id)).toMatchObject({ status: 'lifted', action: 'limit', version: 2, chainSeq: 2 });
        expect(await r.enforcement.getLift(row.liftId)).toMatchObject({ outcome: 'lifted', liftedAt: at(8) });
        expect((await r.enforcement.getLift(row.liftId))!.pending).toBeUndefined();
        expect((await r.enforcement.dueLifts(at(8), 100)).map((l) => l.liftId)).not.toContain(row.liftId);
        expect((await r.enforcement.outbox('s1', { pendingOnly: true })).filter((m) => m.accountId === id).map((m) => m.kind)).toEqual(['enforcement', 'lift-notice', 'notice']);
        expect(await r.enforcement.applyLift(row, at(9))).toBe('already-done');
        expect(await steps(r, id)).toEqual(['s1#enforce', 's1#lift']);
        expect(await chainOk(r, id)).toEqual([]);
      });

      it('a lift whose penalty a stronger one replaced is superseded: the stronger one stays', async () => {
        const r = repos();
        const id = account('lift');
        await enforce(r, id, 's1', 'limit', 0, 7);
        // as a slot's run may hold it: read while pending, applied after the ban replaced it
        const row = (await r.enforcement.getLift(liftIdFor(id, 's1')))!;
        expect(row).toMatchObject({ pending: 'pending', dueAt: at(7) });
        await enforce(r, id, 's2', 'ban', 1);
        // the ban's state carries no lift: nothing due, nothing written
        expect((await r.enforcement.dueLifts(at(8), 1000)).map((l) => l.accountId)).not.toContain(id);
        expect(await r.enforcement.applyLift(row, at(8))).toBe('superseded');
        expect(await r.enforcement.penalty(id)).toMatchObject({ status: 'active', action: 'ban', version: 2 });
        expect(await r.enforcement.getLift(row.liftId)).toMatchObject({ outcome: 'superseded' });
        expect(await r.enforcement.applyLift(row, at(8))).toBe('superseded');
        expect(await steps(r, id)).toEqual(['s1#enforce', 's2#enforce']);
      });
    });

    describe('reversal', () => {
      it('reversing twice reverses once: cleared state, own lift cancelled, messages written once', async () => {
        const r = repos();
        const id = account('rev');
        await enforce(r, id, 's1', 'suspend', 0, 14);
        const first = await reverse(r, id, 's1', 2);
        expect(first.outcome).toBe('reversed');
        expect(first.cancelledLifts.map((l) => l.liftId)).toEqual([liftIdFor(id, 's1')]);
        expect(first.messages.map((m) => m.kind).sort()).toEqual(['reversal', 'reversal-notice']);
        expect(first.penalty).toMatchObject({ status: 'cleared', action: 'none', offenses: [] });
        expect(await reverse(r, id, 's1', 3)).toMatchObject({ outcome: 'already-reversed', cancelledLifts: [], messages: [] });
        expect(await r.enforcement.getLift(liftIdFor(id, 's1'))).toMatchObject({ outcome: 'cancelled', cancelledAt: at(2) });
        expect(await r.enforcement.penalty(id)).toMatchObject({ status: 'cleared', version: 2 });
        expect(await steps(r, id)).toEqual(['s1#enforce', 's1#reverse']);
        expect((await r.enforcement.priorOffenses([id])).get(id)).toEqual([]);
        expect(await reverse(r, id, 'never', 3)).toMatchObject({ outcome: 'not-found' });
        expect(await chainOk(r, id)).toEqual([]);
      });

      it("reversing a stronger action brings back the one it replaced, and re-arms that one's superseded lift", async () => {
        const r = repos();
        const id = account('rev');
        await enforce(r, id, 's1', 'limit', 0, 7);
        const row = (await r.enforcement.getLift(liftIdFor(id, 's1')))!;
        await enforce(r, id, 's2', 'ban', 1);
        expect(await r.enforcement.applyLift(row, at(3))).toBe('not-due');
        expect(await r.enforcement.applyLift(row, at(8))).toBe('superseded');
        const reversed = await reverse(r, id, 's2', 9);
        expect(reversed.penalty).toMatchObject({ status: 'active', action: 'limit', sweepId: 's1', until: at(7) });
        // re-armed by the restored state alone: its lift is back in the index, overdue, for the next run (or the safety sweep)
        expect(reversed.armedLift).toMatchObject({ liftId: row.liftId, dueAt: at(7) });
        expect(await r.enforcement.getLift(row.liftId)).toMatchObject({ pending: 'pending' });
        expect((await r.enforcement.dueLifts(at(10), 1000)).map((l) => l.liftId)).toContain(row.liftId);
        expect(await r.enforcement.applyLift(row, at(10))).toBe('lifted');
        expect(await r.enforcement.penalty(id)).toMatchObject({ status: 'lifted', action: 'limit' });
        expect(await steps(r, id)).toEqual(['s1#enforce', 's2#enforce', 's2#reverse', 's1#lift']);
        expect(await chainOk(r, id)).toEqual([]);
      });
    });

    describe('appeals', () => {
      it('an action is appealed once', async () => {
        const r = repos();
        const id = account('appeal');
        await enforce(r, id, 's1', 'warn', 0);
        expect((await appeal(r, id, 's1', 1)).submitted).toBe('submitted');
        expect((await appeal(r, id, 's1', 2)).submitted).toBe('exists');
        expect(await r.audit.getAppeal(appealIdFor(id, 's1'))).toMatchObject({ status: 'pending', submittedAt: at(1) });
        expect(await steps(r, id)).toEqual(['s1#enforce', `appeal#${appealIdFor(id, 's1')}#submit`]);
        expect(await r.enforcement.penalty(id)).toMatchObject({ status: 'active', action: 'warn', version: 2 });
      });

      it('lists appeals by status and by sweep, oldest submission first; a decision moves an appeal to its new status', async () => {
        const r = repos();
        const sweep = account('list-sweep');
        const ids = [account('list'), account('list'), account('list')];
        for (const id of ids) await enforce(r, id, sweep, 'warn', 0);
        await appeal(r, ids[2], sweep, 1);
        const first = await appeal(r, ids[0], sweep, 2);
        await appeal(r, ids[1], sweep, 3);
        expect(await r.audit.closeAppeal(planAppealClose(decided(first.appeal, 'rejected', 4), first.target))).toBe('closed');
        // the store is shared by the suite: status-only listings are narrowed to this test's sweep here
        const mine = (list: AppealRecord[]) => list.filter((a) => a.sweepId === sweep).map((a) => a.accountId);
        expect(mine(await r.audit.listAppeals({ status: 'pending' }))).toEqual([ids[2], ids[1]]);
        expect(mine(await r.audit.listAppeals({ status: 'rejected' }))).toEqual([ids[0]]);
        expect(mine(await r.audit.listAppeals({ status: 'upheld' }))).toEqual([]);
        expect(mine(await r.audit.listAppeals({}))).toEqual([ids[2], ids[0], ids[1]]);
        expect((await r.audit.listAppeals({ sweepId: sweep })).map((a) => a.accountId)).toEqual([ids[2], ids[0], ids[1]]);
        expect((await r.audit.listAppeals({ sweepId: sweep, status: 'pending' })).map((a) => [a.accountId, a.status])).toEqual([
          [ids[2], 'pending'],
          [ids[1], 'pending'],
        ]);
        expect(await r.audit.listAppeals({ sweepId: `${sweep}-none` })).toEqual([]);
      });

      it('upheld, then rejected: the first decision stands and reversed the action; the second changes nothing', async () => {
        const r = repos();
        const id = account('appeal');
        await enforce(r, id, 's1', 'limit', 0, 7);
        const { appeal: a, target } = await appeal(r, id, 's1', 1);
        const upheld = await reverse(r, id, 's1', 2, decided(a, 'upheld', 2));
        expect(upheld.outcome).toBe('reversed');
        expect(upheld.messages.map((m) => m.messageKey).sort()).toEqual([`${id}#appeal`, `${id}#reversal`]);
        const before = await r.enforcement.penalty(id);
        expect(await r.audit.closeAppeal(planAppealClose(decided(a, 'rejected', 3, 'handler-2'), target))).toBe('already-decided');
        expect(await r.audit.getAppeal(a.appealId)).toMatchObject({ status: 'upheld', decidedBy: 'handler-1', decidedAt: at(2) });
        expect(await r.enforcement.penalty(id)).toEqual(before);
        const decides = (await r.enforcement.ledgerFor(id)).filter((e) => e.step === 'appeal-decide');
        expect(decides).toMatchObject([{ evidenceSummary: 'appeal upheld by handler-1', codes: ['traffic-diversion'], snapshotId: 'snap-s1' }]);
        expect(await chainOk(r, id)).toEqual([]);
      });

      it('rejected, then upheld: the first decision stands; the penalty is untouched', async () => {
        const r = repos();
        const id = account('appeal');
        await enforce(r, id, 's1', 'suspend', 0, 14);
        const { appeal: a, target } = await appeal(r, id, 's1', 1);
        expect(await r.audit.closeAppeal(planAppealClose(decided(a, 'rejected', 2), target))).toBe('closed');
        const before = await r.enforcement.penalty(id);
        expect(before).toMatchObject({ status: 'active', action: 'suspend' });
        expect(await reverse(r, id, 's1', 3, decided(a, 'upheld', 3, 'handler-2'))).toMatchObject({ outcome: 'appeal-already-decided' });
        expect(await r.enforcement.penalty(id)).toEqual(before);
        expect(await r.audit.getAppeal(a.appealId)).toMatchObject({ status: 'rejected', decidedAt: at(2) });
        expect(await r.enforcement.getLift(liftIdFor(id, 's1'))).toMatchObject({ pending: 'pending' });
        const own = (await r.enforcement.outbox('s1')).filter((m) => m.accountId === id);
        expect(own.map((m) => m.kind)).toEqual(['appeal-notice', 'enforcement', 'notice']);
        expect(own[0].body).toMatchObject({ outcome: 'appeal-rejected' });
        expect((await steps(r, id)).filter((k) => k.endsWith('#decide') || k.endsWith('#reverse'))).toEqual([`appeal#${a.appealId}#decide`]);
        expect((await r.audit.appealsForSweep('s1')).filter((x) => x.accountId === id)).toHaveLength(1);
        expect(await chainOk(r, id)).toEqual([]);
      });

      it('an account that was never enforced cannot be appealed', async () => {
        const r = repos();
        const id = account('appeal');
        const a: AppealRecord = {
          appealId: appealIdFor(id, 's1'),
          accountId: id,
          sweepId: 's1',
          entryKey: 's1#enforce',
          action: 'warn',
          policyVersion: 'p',
          statement: 'x',
          channel: 'cli',
          submittedAt: at(0),
          deadline: at(30),
          status: 'pending',
        };
        const target = {
          accountId: id,
          entryKey: 's1#enforce',
          sweepId: 's1',
          step: 'enforce',
          actor: 'sweep',
          action: 'warn',
          codes: [],
          ruleIds: [],
          policyVersion: 'p',
          snapshotId: 's',
          effectiveAt: at(0),
          evidenceRef: 'x',
          evidenceSummary: 'x',
          recordedAt: at(0),
        } satisfies LedgerEntry;
        await expect(r.audit.submitAppeal(a, appealSubmitEntry(a, target))).rejects.toThrow(/never enforced/);
        expect(await r.audit.getAppeal(a.appealId)).toBeUndefined();
      });
    });
  });
}
