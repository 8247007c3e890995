/**
 * The embedded stack's LiftScheduler: the lifts table's sparse `due` index already is the
 * schedule, and `crackdown lift --now` is the clock that fires it.
 */
import type { LiftScheduler } from '#shared/ports/liftScheduler';

export class DueIndexLiftScheduler implements LiftScheduler {
  readonly name = 'due-index';
  /** Nothing to create: the lift rows Enforce wrote are already in the due index. */
  async scheduleSlot(): Promise<'created' | 'exists'> {
    return 'exists';
  }
  /** The cancelled lift row has left the due index in the same transaction that cancelled it. */
  async cancel(): Promise<'deleted' | 'absent'> {
    return 'deleted';
  }
}
