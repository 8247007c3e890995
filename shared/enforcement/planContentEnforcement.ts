/**
 * Content actions as ledger acts: one `content` entry per note or comment (key
 * `<sweep>#content:<kind>:<id>`, its exactly-once key), hash-chained on the author's chain like
 * every entry, and one platform event per item. They are written per account, in batches of the
 * policy's `itemsPerWrite` (the first batch in the same transaction as the account's enforce
 * entry), never one transaction per item. A restore is a `content-restore` entry, keyed likewise,
 * so an item is restored at most once. Pure.
 */
import type { ContentAction, Decision } from '#shared/policy/decideAction';
import type { OutboxMessage } from '#shared/ports/enforcementRepository';
import { contentEntryKey, type LedgerContent, type LedgerEntry, type PenaltyState } from './ledgerEntry.ts';
import { appendToLedger, type LedgerWrite } from './ledgerWrite.ts';

export interface ContentEvent {
  kind: 'content-enforcement';
  accountId: string;
  sweepId: string;
  item: { kind: LedgerContent['kind']; itemId: string };
  /** `remove`: take it down; `limit`: keep it up but out of search and recommendations. */
  action: LedgerContent['action'];
  codes: ContentAction['codes'];
  ruleIds: string[];
  policyVersion: string;
  effectiveAt: string;
  appliedAt: string;
}

export interface ContentRestoreEvent {
  kind: 'content-restore';
  accountId: string;
  sweepId: string;
  item: { kind: LedgerContent['kind']; itemId: string };
  /** The action undone: the platform puts the item back up or back in search. */
  undoes: LedgerContent['action'];
  restoredAt: string;
  ref: string;
}

export interface PlannedContent {
  entry: LedgerEntry;
  event: ContentEvent;
}

/** The items a decision acts on, as entries and events; `appliedAt` as for the account's penalty. */
export function planContent(decision: Decision, evidenceRef: string, recordedAt: string, appliedAt: string): PlannedContent[] {
  return (decision.contentActions ?? []).map((c) => ({
    entry: {
      accountId: decision.accountId,
      entryKey: contentEntryKey(decision.sweepId, c.kind, c.itemId),
      sweepId: decision.sweepId,
      step: 'content',
      actor: 'sweep',
      action: 'none',
      codes: c.codes,
      ruleIds: c.ruleIds,
      policyVersion: decision.policyVersion,
      snapshotId: decision.snapshotId,
      effectiveAt: decision.effectiveAt,
      appliedAt,
      evidenceRef,
      evidenceSummary: `${c.action} ${c.kind} ${c.itemId} [${c.ruleIds.join(', ')}]`,
      recordedAt,
      content: { kind: c.kind, itemId: c.itemId, action: c.action },
    },
    event: {
      kind: 'content-enforcement',
      accountId: decision.accountId,
      sweepId: decision.sweepId,
      item: { kind: c.kind, itemId: c.itemId },
      action: c.action,
      codes: c.codes,
      ruleIds: c.ruleIds,
      policyVersion: decision.policyVersion,
      effectiveAt: decision.effectiveAt,
      appliedAt,
    },
  }));
}

export const contentMessageKey = (accountId: string, kind: LedgerContent['kind'], itemId: string, restore = false) => `${accountId}#content${restore ? '-restore' : ''}:${kind}:${itemId}`;

export function contentMessage(p: PlannedContent, bucket?: number): OutboxMessage {
  const { accountId, sweepId, item } = p.event;
  return { sweepId, messageKey: contentMessageKey(accountId, item.kind, item.itemId), accountId, kind: 'content', status: 'pending', body: p.event, ...(bucket === undefined ? {} : { bucket }) };
}

/** Batches of at most `size` items; the first rides with the account's enforce entry. */
export function contentBatches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A batch after the first: its entries after the account's chain head, its events; the penalty unchanged. */
export function planContentBatch(current: PenaltyState | undefined, batch: readonly PlannedContent[], bucket?: number): LedgerWrite {
  return appendToLedger(
    current,
    batch.map((c) => c.entry),
    { messages: batch.map((c) => contentMessage(c, bucket)) },
  );
}

/** The restore entry of a content entry: keyed per item, so restoring twice adds nothing. */
export function contentRestoreEntry(target: LedgerEntry, by: { actor: LedgerEntry['actor']; reason: string; ref: string; now: string; appealId?: string }): LedgerEntry {
  if (target.step !== 'content' || !target.content) throw new Error(`${target.entryKey} is not a content entry`);
  return {
    accountId: target.accountId,
    entryKey: contentEntryKey(target.sweepId, target.content.kind, target.content.itemId, true),
    sweepId: target.sweepId,
    step: 'content-restore',
    actor: by.actor,
    action: 'none',
    codes: target.codes,
    ruleIds: target.ruleIds,
    policyVersion: target.policyVersion,
    snapshotId: target.snapshotId,
    effectiveAt: by.now,
    evidenceRef: by.ref,
    evidenceSummary: `restored ${target.content.kind} ${target.content.itemId} (${target.content.action} undone)`,
    recordedAt: by.now,
    reason: by.reason,
    reversesEntryKey: target.entryKey,
    content: target.content,
    ...(by.appealId ? { appealId: by.appealId } : {}),
  };
}

export function contentRestoreMessage(restore: LedgerEntry): OutboxMessage {
  const c = restore.content!;
  const body: ContentRestoreEvent = {
    kind: 'content-restore',
    accountId: restore.accountId,
    sweepId: restore.sweepId,
    item: { kind: c.kind, itemId: c.itemId },
    undoes: c.action,
    restoredAt: restore.effectiveAt,
    ref: restore.evidenceRef,
  };
  return { sweepId: restore.sweepId, messageKey: contentMessageKey(restore.accountId, c.kind, c.itemId, true), accountId: restore.accountId, kind: 'content-restore', status: 'pending', body };
}

/** The batches enforced after the first (which planApply writes with the account's enforce entry). */
export function laterContentBatches(p: { content?: PlannedContent[]; contentBatch?: number }): PlannedContent[][] {
  return contentBatches(p.content ?? [], p.contentBatch ?? 40).slice(1);
}

/**
 * Restoring what a sweep acted on for one account: the next batch of its open items as `content-restore`
 * entries and events after the chain head; undefined when nothing is left to restore.
 */
export function planContentRestore(
  current: PenaltyState | undefined,
  entries: readonly LedgerEntry[],
  req: { accountId: string; sweepId: string; actor: LedgerEntry['actor']; reason: string; ref: string; now: string; batch?: number },
): LedgerWrite | undefined {
  const open = openContentEntries(entries, req.sweepId);
  if (open.length === 0) return undefined;
  const restores = open.slice(0, req.batch ?? 40).map((e) => contentRestoreEntry(e, req));
  return appendToLedger(current, restores, { accountId: req.accountId, messages: restores.map(contentRestoreMessage) });
}

/** The content entries of `entries` not restored yet (restored ones have a `content-restore` entry). */
export function openContentEntries(entries: readonly LedgerEntry[], sweepId?: string): LedgerEntry[] {
  const restored = new Set(entries.filter((e) => e.step === 'content-restore').map((e) => e.reversesEntryKey));
  return entries.filter((e) => e.step === 'content' && (sweepId === undefined || e.sweepId === sweepId) && !restored.has(e.entryKey));
}
