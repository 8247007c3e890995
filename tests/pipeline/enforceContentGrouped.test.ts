/**
 * EnforceActions groups every action whose content fits its own write (the first content batch) into
 * `applyMany`'s transactions; only an action with later content batches goes alone, its batches after
 * its transaction. Either way each action and content item is written once, and a re-run writes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { writeDecisions } from '#shared/pipeline/sweepArtifacts';
import type { Decision } from '#shared/policy/decideAction';
import { contentDecision, contentPolicy } from '../enforcement/contentDecision.ts';

const policy = contentPolicy;
const decision = (accountId: string, items: number): Decision => contentDecision(accountId, 'sw', items, (i) => `${accountId}-c${i}`);

/** The in-memory ledger, counting which path each action took. */
class CountingLedger extends MemoryLedger {
  grouped: string[] = [];
  single: string[] = [];
  override async applyMany(...args: Parameters<MemoryLedger['applyMany']>) {
    this.grouped.push(...args[0].map((p) => p.ledger.accountId));
    return super.applyMany(...args);
  }
  override async apply(...args: Parameters<MemoryLedger['apply']>) {
    this.single.push(args[0].ledger.accountId);
    return super.apply(...args);
  }
}

describe('EnforceActions: actions with content', () => {
  it('groups actions whose content fits their own write; one with later batches goes alone; each item once, a re-run adds nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'content-grouped-'));
    try {
      const work = new LocalFolderStore(dir);
      const ledger = new CountingLedger();
      const decisions = [decision('none', 0), decision('few', 3), decision('forty', 40), decision('many', 41)];
      await writeDecisions(work, 'sw', 0, decisions);
      const first = await enforceBucket(work, 'sw', 0, policy, ledger, new Set(), () => '2026-11-21T00:00:00.000Z');
      expect(first.applied).toBe(4);
      expect(ledger.grouped.sort()).toEqual(['few', 'forty', 'none']);
      expect(ledger.single).toEqual(['many']);
      const entries = await ledger.ledgerForSweep('sw');
      const contentIds = entries.flatMap((e) => (e.step === 'content' && e.content ? [e.content.itemId] : []));
      expect(contentIds.length).toBe(3 + 40 + 41);
      expect(new Set(contentIds).size).toBe(contentIds.length);
      const again = await enforceBucket(work, 'sw', 0, policy, ledger, new Set(), () => '2026-11-22T00:00:00.000Z');
      expect(again.applied).toBe(0);
      expect((await ledger.ledgerForSweep('sw')).length).toBe(entries.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
