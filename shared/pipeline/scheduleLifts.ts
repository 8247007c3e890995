/** Schedule lift: one one-time schedule per timed penalty this sweep applied. */
import type { BlobStore } from '#shared/ports/blobStore';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import type { LiftScheduler } from '#shared/ports/liftScheduler';
import { liftIdFor, type LiftRow } from '#shared/enforcement/ledgerEntry';
import { readDecisions } from './readDecisions.ts';
import { runLimited } from './runLimited.ts';

export interface ScheduleStats {
  scheduler: string;
  timedDecisions: number;
  created: number;
  existing: number;
  /** Timed decisions with no lift row: held back by review, so nothing to lift. */
  notEnforced: number;
}

export async function scheduleLifts(work: BlobStore, sweepId: string, repo: EnforcementRepository, scheduler: LiftScheduler): Promise<ScheduleStats> {
  const stats: ScheduleStats = { scheduler: scheduler.name, timedDecisions: 0, created: 0, existing: 0, notEnforced: 0 };
  const liftIds: string[] = [];
  for await (const d of readDecisions(work, sweepId)) {
    if (d.action === 'limit' || d.action === 'suspend') liftIds.push(liftIdFor(d.accountId, sweepId));
  }
  stats.timedDecisions = liftIds.length;
  const rows = await repo.getLifts(liftIds);
  const scheduled: LiftRow[] = [];
  await runLimited(liftIds, 16, async (liftId) => {
    const row = rows.get(liftId);
    if (!row) {
      stats.notEnforced += 1;
      return;
    }
    if (row.scheduled) {
      stats.existing += 1;
      return;
    }
    const outcome = await scheduler.schedule(row);
    if (outcome === 'created') stats.created += 1;
    else stats.existing += 1;
    scheduled.push(row);
  });
  await repo.markScheduled(scheduled);
  return stats;
}
