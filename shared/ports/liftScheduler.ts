/**
 * Schedules that fire lifts, one per lift slot (shared/enforcement/liftSlot.ts): EventBridge
 * Scheduler in AWS, the lift index itself locally. A slot's run lifts everything due by the slot's
 * end from the penalties table's lift index, so a schedule never names a penalty.
 */
import type { LiftRow } from '#shared/enforcement/ledgerEntry';

export interface LiftScheduler {
  readonly name: string;
  /** Idempotent: scheduling a slot twice (from two buckets, or a re-run) leaves one schedule. */
  scheduleSlot(slot: string): Promise<'created' | 'exists'>;
  /**
   * After a reversal or an upheld appeal ended the penalty (its state left the lift index in the same
   * transaction). The slot's schedule stays for the other penalties in it; only a per-lift schedule
   * left from before lift slots is removed.
   */
  cancel(lift: LiftRow): Promise<'deleted' | 'absent'>;
}
