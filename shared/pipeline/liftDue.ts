/**
 * Lift: end timed penalties that are due, each exactly once, and publish the lift notices. A lift
 * slot's schedule (and the hourly safety sweep, and `crackdown lift --now`) passes `now`: every
 * pending lift due by then is read from the due index, a page at a time, never by a scan. A slot
 * too large for one invocation stops before the Lambda's timeout with `more`, and the lift state
 * machine loops.
 */
import { liftNoticeKey } from '#shared/enforcement/planLift';
import type { LiftRow } from '#shared/enforcement/ledgerEntry';
import type { EnforcementRepository, LiftOutcome } from '#shared/ports/enforcementRepository';
import type { NotificationSink } from '#shared/ports/notificationSink';
import { runLimited } from './runLimited.ts';

export interface LiftStats {
  now: string;
  examined: number;
  outcomes: Partial<Record<LiftOutcome, number>>;
  notified: number;
  /** Only when it stopped for time with lifts still due: the lift state machine runs another round with the same `now`. */
  more?: true;
}

/** Lifts per due-index page; each page's lifts run 16 at a time. */
const PAGE = 100;
/** No new page with less time than this left: a page always finishes inside the Lambda's timeout. */
export const LIFT_STOP_MARGIN_MS = 120_000;

export async function liftDue(
  repo: EnforcementRepository,
  sink: NotificationSink,
  request: { liftId?: string; now: string },
  /** The invocation's time left (Lambda context); without it, a run lifts everything due. */
  opts: { timeLeftMs?: () => number } = {},
): Promise<LiftStats> {
  const stats: LiftStats = { now: request.now, examined: 0, outcomes: {}, notified: 0 };
  const count = (o: LiftOutcome) => (stats.outcomes[o] = (stats.outcomes[o] ?? 0) + 1);
  const liftOne = async (row: LiftRow) => {
    stats.examined += 1;
    const outcome = await repo.applyLift(row, request.now);
    count(outcome);
    return outcome;
  };
  if (request.liftId) {
    // A per-lift schedule created before lift slots.
    const row = await repo.getLift(request.liftId);
    if (!row) {
      stats.examined = 1;
      count('not-found');
    } else if ((await liftOne(row)) === 'lifted') await notify([row]);
    return stats;
  }
  // Page on from the last row: lifted rows leave the index, but an index page may still list them.
  let after: LiftRow | undefined;
  for (;;) {
    if (opts.timeLeftMs && opts.timeLeftMs() < LIFT_STOP_MARGIN_MS) {
      // A slot too large for one invocation: the state machine runs another round, which starts from the index again.
      if ((await repo.dueLifts(request.now, 1)).length > 0) stats.more = true;
      break;
    }
    const due = await repo.dueLifts(request.now, PAGE, after);
    if (due.length === 0) break;
    const lifted: LiftRow[] = [];
    await runLimited(due, 16, async (row) => {
      if ((await liftOne(row)) === 'lifted') lifted.push(row);
    });
    await notify(lifted);
    after = due[due.length - 1];
  }
  return stats;

  /** Publishes the notices these lifts wrote, read by key, then marks them delivered. */
  async function notify(rows: LiftRow[]): Promise<void> {
    if (rows.length === 0) return;
    const pending = (await repo.outboxMessages(rows.map(liftNoticeKey))).filter((m) => m.status === 'pending');
    await sink.publish(pending);
    await repo.markDelivered(pending, request.now);
    stats.notified += pending.length;
  }
}
