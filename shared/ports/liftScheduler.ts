/** One-time schedules that fire a lift: EventBridge Scheduler in AWS, the due index locally. */
import type { LiftRow } from '#shared/enforcement/ledgerEntry';

export interface LiftScheduler {
  readonly name: string;
  /** Idempotent: scheduling a lift twice leaves one schedule. */
  schedule(lift: LiftRow): Promise<'created' | 'exists'>;
  /** Idempotent: removes the lift's schedule (after a reversal or an upheld appeal cancelled the lift row). */
  cancel(lift: LiftRow): Promise<'deleted' | 'absent'>;
}
