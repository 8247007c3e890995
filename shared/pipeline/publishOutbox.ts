/**
 * Notify, one account bucket: publish the pending outbox messages Enforce filed under the bucket,
 * a page at a time, each page marked delivered only after the sink took it. A crash in between
 * re-publishes that page on the retry (at-least-once, never lost); a bucket whose messages are all
 * delivered publishes nothing. No step holds more than one page, whatever the sweep's size.
 */
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import type { NotificationSink } from '#shared/ports/notificationSink';

export interface NotifyStats {
  bucket: number;
  sink: string;
  published: number;
  notices: number;
  events: number;
  /** Content actions' events (one per note or comment); absent when there were none. */
  contentEvents?: number;
}

/** Messages per page: one sink publish and one markDelivered each. */
export const NOTIFY_PAGE_SIZE = 500;

export async function publishBucket(sweepId: string, bucket: number, repo: EnforcementRepository, sink: NotificationSink, now: () => string, pageSize = NOTIFY_PAGE_SIZE): Promise<NotifyStats> {
  const stats: NotifyStats = { bucket, sink: sink.name, published: 0, notices: 0, events: 0 };
  let after: string | undefined;
  for (;;) {
    const page = await repo.pendingOutbox(sweepId, bucket, { limit: pageSize, after });
    if (page.length === 0) break;
    // Publish before marking: a crash in between re-publishes (at-least-once), never loses.
    await sink.publish(page);
    await repo.markDelivered(page, now());
    stats.published += page.length;
    for (const m of page) {
      if (m.kind === 'enforcement') stats.events += 1;
      else if (m.kind === 'content') stats.contentEvents = (stats.contentEvents ?? 0) + 1;
      else stats.notices += 1;
    }
    // The cursor, not a re-query from the start: the index may still list a page just marked.
    after = page[page.length - 1].messageKey;
    if (page.length < pageSize) break;
  }
  return stats;
}
