/** Notify: publish a sweep's pending outbox messages to the sink, then mark them delivered. */
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import type { NotificationSink } from '#shared/ports/notificationSink';

export interface NotifyStats {
  sink: string;
  published: number;
  notices: number;
  events: number;
}

export async function publishOutbox(sweepId: string, repo: EnforcementRepository, sink: NotificationSink, now: () => string): Promise<NotifyStats> {
  const pending = await repo.outbox(sweepId, { pendingOnly: true });
  const stats: NotifyStats = { sink: sink.name, published: 0, notices: 0, events: 0 };
  for (let i = 0; i < pending.length; i += 500) {
    const batch = pending.slice(i, i + 500);
    // Publish before marking: a crash in between re-publishes (at-least-once), never loses.
    await sink.publish(batch);
    await repo.markDelivered(batch, now());
    stats.published += batch.length;
    for (const m of batch) {
      if (m.kind === 'enforcement') stats.events += 1;
      else stats.notices += 1;
    }
  }
  return stats;
}
