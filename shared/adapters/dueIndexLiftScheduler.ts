/**
 * The embedded stack's LiftScheduler: the penalties table's sparse `liftDue` index already is the
 * schedule, and `crackdown lift --now` is the clock that fires it.
 */
import type { LiftScheduler } from '#shared/ports/liftScheduler';

export class DueIndexLiftScheduler implements LiftScheduler {
  readonly name = 'due-index';
  /** Nothing to create: the timed penalty states Enforce wrote are already in the lift index. */
  async scheduleSlot(): Promise<'created' | 'exists'> {
    return 'exists';
  }
  /** The reversed penalty's state left the lift index in the same transaction that reversed it. */
  async cancel(): Promise<'deleted' | 'absent'> {
    return 'deleted';
  }
}
