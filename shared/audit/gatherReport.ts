/** Collects what a transparency report needs for some sweeps, through the ports. */
import type { AuditRepository } from '#shared/ports/auditRepository';
import type { ReviewRepository } from '#shared/ports/reviewRepository';
import { AuditInputError } from './appeals.ts';
import { buildTransparencyReport, type TransparencyReport } from './transparencyReport.ts';

export async function gatherReport(
  repos: { audit: AuditRepository; reviews: ReviewRepository },
  opts: { sweepIds: string[]; title?: string; territorialScope: string[]; generatedAt: string },
): Promise<TransparencyReport> {
  const entries = [];
  const appeals = [];
  const reviewCases = [];
  for (const id of opts.sweepIds) {
    const e = await repos.audit.ledgerForSweep(id);
    if (e.length === 0) throw new AuditInputError(`sweep "${id}" has no ledger entries (unknown sweep, or it enforced nothing)`, 'not-found');
    entries.push(...e);
    appeals.push(...(await repos.audit.appealsForSweep(id)));
    reviewCases.push(...(await repos.reviews.cases(id)));
  }
  const title = opts.title ?? (opts.sweepIds.length === 1 ? `Transparency report: sweep ${opts.sweepIds[0]}` : `Transparency report: campaign of ${opts.sweepIds.length} sweeps`);
  return buildTransparencyReport({ title, sweepIds: opts.sweepIds, entries, appeals, reviewCases, generatedAt: opts.generatedAt, territorialScope: opts.territorialScope });
}
