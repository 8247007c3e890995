/** Collects what a transparency report needs for some sweeps, through the ports. */
import type { AuditRepository } from '#shared/ports/auditRepository';
import type { ReviewRepository } from '#shared/ports/reviewRepository';
import type { SweepRegistry } from '#shared/ports/sweepRegistry';
import { AuditInputError } from './appeals.ts';
import { buildTransparencyReport, type TransparencyReport } from './transparencyReport.ts';

export async function gatherReport(
  /** `sweeps`: a known sweep that enforced nothing (a campaign that found only evidence already acted on) counts zero. */
  repos: { audit: AuditRepository; reviews: ReviewRepository; sweeps?: Pick<SweepRegistry, 'get'> },
  opts: { sweepIds: string[]; title?: string; territorialScope: string[]; generatedAt: string },
): Promise<TransparencyReport> {
  const entries = [];
  const appeals = [];
  const reviewCases = [];
  // a sweep named twice is one sweep: its entries are counted once
  const sweepIds = [...new Set(opts.sweepIds)];
  for (const id of sweepIds) {
    const e = await repos.audit.ledgerForSweep(id);
    if (e.length === 0 && !(await repos.sweeps?.get(id))) throw new AuditInputError(`sweep "${id}" has no ledger entries (unknown sweep, or it enforced nothing)`, 'not-found');
    entries.push(...e);
    appeals.push(...(await repos.audit.appealsForSweep(id)));
    reviewCases.push(...(await repos.reviews.cases(id)));
  }
  const title = opts.title ?? (sweepIds.length === 1 ? `Transparency report: sweep ${sweepIds[0]}` : `Transparency report: campaign of ${sweepIds.length} sweeps`);
  return buildTransparencyReport({ title, sweepIds, entries, appeals, reviewCases, generatedAt: opts.generatedAt, territorialScope: opts.territorialScope });
}
