/**
 * Every TransactWriteItems of the ledger carries a ClientRequestToken derived from its group (the
 * entry ids and the items): the same group gives the same token, so a re-sent group is answered from
 * its first commit instead of being cancelled on its own entries; a re-run (planned at its own clock)
 * is another transaction, cancelled by the entries' conditions. Against DynamoDB Local, which honours
 * the token as DynamoDB does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/adapters/awsClients';
import { groupRequestToken, transactItemsOf, writeLedgerGroup } from '#shared/adapters/dynamoLedgerWrite';
import { DynamoEnforcementRepository } from '#shared/adapters/dynamoEnforcementRepository';
import { planApply } from '#shared/enforcement/planApply';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let stack: EmbeddedStack;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-token-'));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

const decision = (accountId: string): Decision =>
  ({
    accountId,
    sweepId: 'tok-1',
    codes: ['traffic-diversion'],
    action: 'limit',
    durationDays: 7,
    ruleIds: ['traffic-diversion/contact-in-text'],
    findings: [{ ruleId: 'traffic-diversion/contact-in-text', code: 'traffic-diversion', severity: 'high', evidence: { summary: 'contact handle in 3 notes', noteIds: [] } }],
    priorOffenses: 0,
    policyVersion: 'test',
    snapshotId: 'snap',
    effectiveAt: '2026-11-01T00:00:00.000Z',
  }) as unknown as Decision;

const group = (ids: string[], recordedAt: string) => ids.map((id) => planApply(undefined, planEnforcement(decision(id), defaultPolicy(), 'test:tok', recordedAt)));

/** The document client, recording each command's input on its way out. */
function recording(): { db: DynamoDBDocumentClient; sent: Array<Record<string, unknown>> } {
  const real = documentClient();
  const sent: Array<Record<string, unknown>> = [];
  const db = { send: (cmd: { input: Record<string, unknown> }) => (sent.push(cmd.input), real.send(cmd as never)) } as unknown as DynamoDBDocumentClient;
  return { db, sent };
}

describe('ClientRequestToken on the ledger transactions', () => {
  it('is set, at most 36 characters, the same for the same group and another for another group', async () => {
    const ids = ['tok-a', 'tok-b', 'tok-c'];
    const items = (ws: ReturnType<typeof group>) => ws.flatMap((w) => transactItemsOf(w).items);
    const token = groupRequestToken(items(group(ids, '2026-11-01T00:00:00.000Z')));
    expect(token).toMatch(/^[A-Za-z0-9_-]{36}$/);
    expect(groupRequestToken(items(group(ids, '2026-11-01T00:00:00.000Z')))).toBe(token);
    // another clock (a re-run), another account set, or another order: another transaction
    expect(groupRequestToken(items(group(ids, '2026-11-01T00:00:01.000Z')))).not.toBe(token);
    expect(groupRequestToken(items(group(['tok-a', 'tok-b'], '2026-11-01T00:00:00.000Z')))).not.toBe(token);
    expect(groupRequestToken(items(group(['tok-b', 'tok-a', 'tok-c'], '2026-11-01T00:00:00.000Z')))).not.toBe(token);

    const { db, sent } = recording();
    expect(await writeLedgerGroup(db, group(ids, '2026-11-01T00:00:00.000Z'))).toEqual({ ok: true });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.ClientRequestToken).toBe(token);
  });

  it('the same group sent again is answered from its first commit; a re-run of it is cancelled on its entries; each entry is written once', async () => {
    const ids = ['tok-d', 'tok-e'];
    const { db, sent } = recording();
    expect(await writeLedgerGroup(db, group(ids, '2026-11-01T00:00:00.000Z'))).toEqual({ ok: true });
    // as when the SDK (or a caller) re-sends a request whose answer was lost after DynamoDB committed it
    expect(await writeLedgerGroup(db, group(ids, '2026-11-01T00:00:00.000Z'))).toEqual({ ok: true });
    expect(sent[1]!.ClientRequestToken).toBe(sent[0]!.ClientRequestToken);
    // a re-run plans at its own clock: a new transaction, which the entries' conditions cancel
    const rerun = await writeLedgerGroup(db, group(ids, '2026-11-02T00:00:00.000Z'));
    expect(rerun.ok).toBe(false);
    if (!rerun.ok) for (const f of rerun.failed) expect(f).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'entry' })]));
    const repo = new DynamoEnforcementRepository();
    for (const id of ids) {
      expect((await repo.ledgerFor(id)).map((e) => e.entryKey)).toEqual(['tok-1#enforce']);
      expect(await repo.penalty(id)).toMatchObject({ version: 1, action: 'limit' });
    }
  });
});
