/** `crackdown campaign report`: the cumulative transparency report of a campaign's swept days and its announcement. */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { auditRepository, reviewRepository } from '#shared/adapters/stageDependencies';
import { gatherReport } from '#shared/audit/gatherReport';
import { renderReportHtml } from '#shared/audit/reportHtml';
import { announceCampaign } from '#shared/campaign/announceCampaign';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';
import { asCli } from './auditDeps.ts';
import { campaignSweeps, requireCampaign } from '../campaignLookup.ts';

export function registerCampaignReport(campaign: Command): void {
  campaign
    .command('report')
    .description('the campaign’s report over every swept day (distinct accounts, by code, action and follower tier) and its announcement in Chinese and English')
    .argument('<id>', 'campaign id')
    .option('--out-json <file>', 'write the JSON report here')
    .option('--out-html <file>', 'write the self-contained HTML page here')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (id: string, o) => {
      const out = makeOutput(Boolean(o.json));
      const { report, announcement, days } = await withStack({ stateDir: o.stateDir }, () => campaignReportOf(id));
      if (o.outJson) await writeFile(o.outJson, JSON.stringify({ ...report, announcement }, null, 2));
      if (o.outHtml) await writeFile(o.outHtml, renderReportHtml(report));
      out.result({ report, announcement, days }, () =>
        [
          report.title,
          `  ${days.length} day(s) swept, ${days[0]} to ${days[days.length - 1]}`,
          `  accounts handled ${report.totals.accounts}; actions ${report.totals.actions}; over 10k followers ${report.followers.over10k}, over 100k ${report.followers.over100k}`,
          `  appeals ${report.appeals.received} (upheld ${report.appeals.upheld}); reversed ${report.reversals.total}`,
          `  content: notes removed ${report.content.total.notesRemoved}, limited ${report.content.total.notesLimited}; comments removed ${report.content.total.commentsRemoved}, limited ${report.content.total.commentsLimited}; restored ${report.content.restored}`,
          '',
          announcement.zh,
          announcement.en,
        ].join('\n'),
      );
    });
}

/** The campaign's cumulative report and announcement (inside withStack): every swept day that enforced something. */
export async function campaignReportOf(id: string) {
  const { campaign: c } = await requireCampaign(new DynamoCampaignStore(), id);
  const swept = (await campaignSweeps(c)).filter((d) => d.record?.status === 'complete');
  if (!swept.length) throw new CliError(`campaign ${id} has no swept day yet (crackdown campaign run ${id})`, EXIT.usage);
  const acted: string[] = [];
  for (const d of swept) if ((await auditRepository().ledgerForSweep(d.sweepId)).length) acted.push(d.sweepId);
  if (!acted.length) {
    const why = c.mode === 'shadow' ? 'a shadow campaign enforces nothing; each day’s decisions: crackdown export --sweep-id <day’s sweep id>' : 'none enforced anything yet';
    throw new CliError(`campaign ${id}: ${swept.length} day(s) swept; ${why}`, EXIT.usage);
  }
  const report = await asCli(
    () =>
      gatherReport(
        { audit: auditRepository(), reviews: reviewRepository() },
        { sweepIds: acted, title: `Campaign ${c.campaignId}: ${c.title}`, territorialScope: ['CN'], generatedAt: new Date().toISOString() },
      ),
    'campaign report: ',
  );
  const byCode = Object.entries(report.byCode).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const announcement = announceCampaign({
    start: swept[0].day,
    end: swept[swept.length - 1].day,
    accounts: report.totals.accounts,
    over10k: report.followers.over10k,
    over100k: report.followers.over100k,
    byCode,
  });
  return { report, announcement, days: swept.map((d) => d.day) };
}
