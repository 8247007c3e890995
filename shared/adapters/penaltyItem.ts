/**
 * Penalty states as DynamoDB items. A state that carries a pending lift (an active timed penalty:
 * shared/enforcement/pendingLift.ts) also carries the keys of the sparse `liftDue` index:
 * `liftShard` (one of LIFT_SHARDS, from the account id) and `liftDue` (`<dueAt>#<accountId>`). Every
 * write of the state is a whole-item put, so a state that no longer carries a lift (lifted,
 * replaced by a ban, cleared by a reversal) is written without them and leaves the index in the
 * same transaction. The attributes are the adapter's business: callers never see them.
 *
 * Why shards and not the slot as the partition key: all of a sweep's 7-day penalties fall in one
 * minute slot, so a slot key would put a whole sweep's lifts on one index partition (a GSI
 * partition takes ~1,000 writes a second, and a hot one throttles the table's writes); and the
 * hourly safety sweep must find every lift due by now, whatever slot its missed schedule was for,
 * without a list of slots. So a slot's run and the safety sweep are the same query: per shard,
 * `liftDue <= <now>#~`, oldest first.
 */
import { createHash } from 'node:crypto';
import type { LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import { pendingLiftOf } from '#shared/enforcement/pendingLift';

export const PENALTY_LIFT_INDEX = 'liftDue';
/** Index partitions the pending lifts are spread over (each query of due lifts reads all of them). */
export const LIFT_SHARDS = 16;
/** The attributes the index projects besides its keys and the table's: what a lift needs to name its penalty. */
export const LIFT_INDEX_ATTRIBUTES = ['sweepId', 'entryKey', 'action', 'until'] as const;

export const liftShardOf = (accountId: string): string => String(createHash('sha256').update(accountId).digest().readUInt32BE(0) % LIFT_SHARDS);
export const liftDueKey = (dueAt: string, accountId: string) => `${dueAt}#${accountId}`;

export function toPenaltyItem(s: PenaltyState): Record<string, unknown> {
  const { liftShard: _s, liftDue: _d, ...state } = s as PenaltyState & { liftShard?: string; liftDue?: string };
  const lift = pendingLiftOf(s);
  return lift ? { ...state, liftShard: liftShardOf(s.accountId), liftDue: liftDueKey(lift.dueAt, s.accountId) } : state;
}

export function fromPenaltyItem(item: Record<string, unknown>): PenaltyState {
  const { liftShard: _s, liftDue: _d, ...state } = item;
  return state as unknown as PenaltyState;
}

/** A lift as the index lists it (the projected attributes of an active timed state). */
export function liftOfIndexItem(item: Record<string, unknown>): LiftRow {
  return pendingLiftOf({ ...(item as unknown as PenaltyState), status: 'active', offenses: [], version: 0 })!;
}
