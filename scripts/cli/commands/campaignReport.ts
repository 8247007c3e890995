/**
 * `crackdown campaign report`: the cumulative report of a campaign's swept days (enforcing: what it did and the
 * announcement; shadow: what it would have done), as text, JSON and a self-contained HTML page, and with
 * `--compare` set beside another campaign's.
 */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { auditRepository, reviewRepository, sweepRegistry, workStore } from '#shared/adapters/stageDependencies';
import { renderCampaignReportHtml } from '#shared/campaign/campaignReportHtml';
import { compareCampaigns, type CampaignComparison } from '#shared/campaign/compareCampaigns';
import { CampaignReportError, gatherCampaignReport, type CampaignReport, type EnforcingCampaignReport, type Gathered } from '#shared/campaign/gatherCampaignReport';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';
import { asCli } from './auditDeps.ts';
import { requireCampaign } from '../campaignLookup.ts';

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(2)}%` : '–');
const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

function reportText(r: CampaignReport): string[] {
  const a = r.accountsHandled;
  const head = [
    `Campaign ${r.campaignId} v${r.version}: ${r.title} (${r.mode})`,
    `  ${r.daysSwept} day(s) swept, ${r.period.from} to ${r.period.to}`,
    `  ${r.mode === 'shadow' ? 'would have handled' : 'accounts handled'} ${a.accounts} (${a.actions} acts); over 10k followers ${a.over10k} (${pct(a.over10k, a.accounts)}), over 100k ${a.over100k} (${pct(a.over100k, a.accounts)})`,
    `  by code: ${counts(a.byCode)}`,
    `  by strongest action: ${counts(a.byAction)}`,
    `  by follower tier: ${counts(a.byFollowerTier)}`,
    `  held by review ${r.held.byReview}, by the blast-radius guard ${r.held.byGuard} (guard tripped on ${r.held.daysGuardTripped} day(s))`,
  ];
  if (r.mode === 'shadow')
    return [...head, `  nothing was enforced or notified; ${r.repeated} repeat finding(s) left out; ${r.foundAlreadyActed} account(s) found that other sweeps had already acted on`];
  const c = r.report.content;
  return [
    ...head,
    `  lifted on schedule ${r.lifted}; appeals ${r.appealed} (upheld ${r.report.appeals.upheld}); reversed ${r.reversed}`,
    `  content: notes removed ${c.total.notesRemoved}, limited ${c.total.notesLimited}; comments removed ${c.total.commentsRemoved}, limited ${c.total.commentsLimited}; restored ${c.restored}`,
    '',
    r.announcement.zh,
    r.announcement.en,
  ];
}

function comparisonText(c: CampaignComparison): string[] {
  const line = (k: string, o: { both: number; onlyA: number; onlyB: number }) => `  ${k.padEnd(24)} both ${o.both}, only ${c.a.campaignId} ${o.onlyA}, only ${c.b.campaignId} ${o.onlyB}`;
  return [
    `Compared: ${c.a.campaignId} (${c.a.mode}, ${c.a.accounts} accounts) with ${c.b.campaignId} (${c.b.mode}, ${c.b.accounts} accounts)`,
    line('accounts', c.accounts),
    ...Object.entries(c.byCode).map(([code, o]) => line(code, o)),
    ...(c.examples.onlyA.length ? [`  only ${c.a.campaignId}, e.g.: ${c.examples.onlyA.join(', ')}`] : []),
    ...(c.examples.onlyB.length ? [`  only ${c.b.campaignId}, e.g.: ${c.examples.onlyB.join(', ')}`] : []),
  ];
}

export function registerCampaignReport(campaign: Command): void {
  campaign
    .command('report')
    .description(
      'the campaign’s report over every swept day: accounts handled counted once (by code, action and follower tier), lifted, appealed, reversed, held, per day, and the announcement in Chinese and English; a shadow campaign’s shows what it would have done',
    )
    .argument('<id>', 'campaign id')
    .option('--compare <id>', 'set the campaign beside another (e.g. a shadow campaign beside the enforcing one): accounts both acted on, only one, by code')
    .option('--out-json <file>', 'write the JSON report here')
    .option('--out-html <file>', 'write the self-contained HTML page here (per-day chart, DSA statements of reasons)')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (id: string, o) => {
      const out = makeOutput(Boolean(o.json));
      if (o.compare === id) throw new CliError(`--compare ${o.compare}: name another campaign than the one reported`, EXIT.usage);
      const { report, comparison } = await withStack({ stateDir: o.stateDir }, async () => {
        const mine = await gatherCampaign(id);
        if (!o.compare) return { report: mine.report, comparison: undefined };
        const other = await gatherCampaign(o.compare, '--compare ');
        return {
          report: mine.report,
          comparison: compareCampaigns({ campaignId: id, mode: mine.report.mode, accounts: mine.accounts }, { campaignId: o.compare as string, mode: other.report.mode, accounts: other.accounts }),
        };
      });
      const json = { ...report, ...(comparison ? { comparison } : {}) };
      if (o.outJson) await writeFile(o.outJson, JSON.stringify(json, null, 2));
      if (o.outHtml) await writeFile(o.outHtml, renderCampaignReportHtml(report));
      out.result(json, () => [...reportText(report), ...(comparison ? ['', ...comparisonText(comparison)] : [])].join('\n'));
    });
}

/** A campaign's report and its accounts (inside withStack); `prefix` names the argument in errors. */
export async function gatherCampaign(id: string, prefix = ''): Promise<Gathered> {
  const { campaign: c } = await requireCampaign(new DynamoCampaignStore(), id);
  try {
    return await asCli(
      () => gatherCampaignReport({ audit: auditRepository(), reviews: reviewRepository(), sweeps: sweepRegistry(), work: workStore() }, c, new Date().toISOString()),
      `campaign report: ${prefix}`,
    );
  } catch (err) {
    if (err instanceof CampaignReportError) throw new CliError(`${prefix}${err.message}`, EXIT.usage);
    throw err;
  }
}

/** An enforcing campaign's cumulative report and announcement (inside withStack). */
export async function campaignReportOf(id: string): Promise<EnforcingCampaignReport> {
  const { report } = await gatherCampaign(id);
  if (report.mode !== 'enforce') throw new CliError(`campaign ${id} is a shadow campaign: it enforced nothing (crackdown campaign report ${id} shows what it would have done)`, EXIT.usage);
  return report;
}
