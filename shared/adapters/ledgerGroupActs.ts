/**
 * Enforcing many actions in few transactions (issue 17: enforcement at the store's rate). Each
 * action is planned exactly as `applyAct` plans it (planApply on the state the caller batch-read),
 * and the writes of actions on distinct accounts are packed into one all-or-nothing transaction of
 * at most MAX_GROUP_ITEMS items and MAX_GROUP_BYTES bytes: the same conditional items, so a re-run or a concurrent act still
 * cancels what it must, but one round trip and one commit for ~20 actions instead of one each.
 *
 * A cancelled group committed nothing. Its actions whose ledger entry was already there are
 * `already-applied`; those whose penalty state moved (or that conflicted) go through `applyAct`,
 * which re-reads and re-plans them one by one; the rest were only cancelled by the others and are
 * written again as a group. So the outcome of every action is what `applyAct` alone would give.
 */
import type { PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { LedgerWrite, WriteFailure } from '#shared/enforcement/ledgerWrite';
import { planApply } from '#shared/enforcement/planApply';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import type { ApplyOutcome } from '#shared/ports/enforcementRepository';
import { applyAct, type LedgerStore } from './ledgerActs.ts';

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const MAX_GROUP_ITEMS = 100;
/** DynamoDB's limit on the aggregate size of one TransactWriteItems' items (4 MB). */
export const MAX_GROUP_BYTES = 4 * 1024 * 1024;

/** Per write, the parts whose condition failed; nothing of the group was written unless ok. */
export type GroupWriteResult = { ok: true } | { ok: false; failed: WriteFailure[][] };

export interface GroupLedgerStore extends LedgerStore {
  /** The writes (of distinct accounts, at most MAX_GROUP_ITEMS items together) all or none. */
  writeGroup(ws: LedgerWrite[]): Promise<GroupWriteResult>;
}

/** The items a write puts or updates (its transaction items). */
export function itemsOf(w: LedgerWrite): number {
  return w.entries.length + 1 + w.messages.length + (w.newAppeal ? 1 : 0) + (w.decidedAppeal ? 1 : 0);
}

const jsonBytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');

/**
 * The bytes a write's items weigh against the 4 MB cap, as their JSON: DynamoDB counts each
 * attribute's name and value in UTF-8, and JSON adds quotes and punctuation to both, so this is an
 * upper bound but for a few bytes per nested map or list (and more headroom on every string), which
 * the 4 MB (not 4,000,000) cap leaves to spare. The penalty item is counted with its offenses and
 * evidence keys, which can make it the largest item of a write.
 */
export function bytesOf(w: LedgerWrite): number {
  let n = jsonBytes(w.penalty) + 64; // + the lift index's keys the adapter may add
  for (const e of w.entries) n += jsonBytes(e);
  for (const m of w.messages) n += jsonBytes(m) + 64; // + pendingBucket
  if (w.newAppeal) n += jsonBytes(w.newAppeal);
  if (w.decidedAppeal) n += jsonBytes(w.decidedAppeal);
  return n;
}

/**
 * Consecutive writes packed into groups of distinct accounts, at most `maxItems` items and at most
 * `maxBytes` bytes each (DynamoDB cancels a larger transaction whole: a group of large content
 * notices or penalty states with long offense histories reaches 4 MB before 100 items).
 */
export function packWrites<T>(
  writes: T[],
  accountOf: (w: T) => string,
  itemsOfWrite: (w: T) => number,
  maxItems = MAX_GROUP_ITEMS,
  bytesOfWrite: (w: T) => number = () => 0,
  maxBytes = MAX_GROUP_BYTES,
): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let items = 0;
  let bytes = 0;
  let accounts = new Set<string>();
  for (const w of writes) {
    const n = itemsOfWrite(w);
    const b = bytesOfWrite(w);
    // a transaction may touch an item once: an account's second action waits for the next group
    if (group.length > 0 && (items + n > maxItems || bytes + b > maxBytes || accounts.has(accountOf(w)))) {
      groups.push(group);
      group = [];
      items = 0;
      bytes = 0;
      accounts = new Set();
    }
    group.push(w);
    items += n;
    bytes += b;
    accounts.add(accountOf(w));
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Applies `planned` (one action each) with `known` the penalty states the caller batch-read
 * (an account absent from it has none). Outcomes in the order of `planned`.
 */
export async function applyActsGrouped(store: GroupLedgerStore, planned: PlannedEnforcement[], known: ReadonlyMap<string, PenaltyState>): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = new Array(planned.length);
  const todo = planned.map((p, i) => ({ i, p, w: planApply(known.get(p.ledger.accountId), p) }));
  for (const group of packWrites(
    todo,
    (t) => t.w.accountId,
    (t) => itemsOf(t.w),
    MAX_GROUP_ITEMS,
    (t) => bytesOf(t.w),
  )) {
    let pending = group;
    while (pending.length > 0) {
      // a write larger than a transaction, or a group of one, is the single act's business
      if (pending.length === 1) {
        const [{ i, p, w }] = pending as [(typeof pending)[number]];
        outcomes[i] = await applyAct(store, p, { current: known.get(w.accountId) });
        break;
      }
      const r = await store.writeGroup(pending.map((t) => t.w));
      if (r.ok) {
        for (const t of pending) outcomes[t.i] = 'applied';
        break;
      }
      const retry: typeof pending = [];
      for (const [k, t] of pending.entries()) {
        const failed = r.failed[k] ?? [];
        if (failed.some((f) => f.kind === 'entry')) outcomes[t.i] = 'already-applied';
        else if (failed.length > 0) outcomes[t.i] = await applyAct(store, t.p);
        else retry.push(t);
      }
      // A cancellation that names no write (it should not happen) must not loop: one by one.
      if (retry.length === pending.length) {
        for (const t of retry) outcomes[t.i] = await applyAct(store, t.p, { current: known.get(t.w.accountId) });
        break;
      }
      pending = retry;
    }
  }
  return outcomes;
}
