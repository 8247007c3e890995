/** Lift: end timed penalties that are due, each exactly once, and publish the lift notices. */
import type { EnforcementRepository, LiftOutcome } from '#shared/ports/enforcementRepository';
import type { NotificationSink } from '#shared/ports/notificationSink';

export interface LiftStats {
  now: string;
  examined: number;
  outcomes: Partial<Record<LiftOutcome, number>>;
  notified: number;
}

export async function liftDue(repo: EnforcementRepository, sink: NotificationSink, request: { liftId?: string; now: string }): Promise<LiftStats> {
  const stats: LiftStats = { now: request.now, examined: 0, outcomes: {}, notified: 0 };
  const count = (o: LiftOutcome) => (stats.outcomes[o] = (stats.outcomes[o] ?? 0) + 1);
  const sweeps = new Set<string>();
  if (request.liftId) {
    const row = await repo.getLift(request.liftId);
    stats.examined = 1;
    const outcome = row ? await repo.applyLift(row, request.now) : 'not-found';
    count(outcome);
    if (row && outcome === 'lifted') sweeps.add(row.sweepId);
  } else {
    const seen = new Set<string>();
    for (;;) {
      // The due index is eventually consistent: stop once it only returns lifts already handled.
      const due = (await repo.dueLifts(request.now, 100)).filter((r) => !seen.has(r.liftId));
      if (due.length === 0) break;
      for (const row of due) {
        seen.add(row.liftId);
        stats.examined += 1;
        const outcome = await repo.applyLift(row, request.now);
        count(outcome);
        if (outcome === 'lifted') sweeps.add(row.sweepId);
      }
    }
  }
  for (const sweepId of [...sweeps].sort()) {
    const pending = (await repo.outbox(sweepId, { pendingOnly: true })).filter((m) => m.kind === 'lift-notice');
    await sink.publish(pending);
    await repo.markDelivered(pending, request.now);
    stats.notified += pending.length;
  }
  return stats;
}
