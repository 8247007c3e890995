/** `crackdown report`: the transparency report of a sweep or a campaign, as JSON (DSA statements of reasons) and HTML. */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { auditRepository, reviewRepository, sweepRegistry } from '#shared/adapters/stageDependencies';
import { gatherReport } from '#shared/audit/gatherReport';
import { renderReportHtml } from '#shared/audit/reportHtml';
import { contentItemCount } from '#shared/enforcement/decideContentActions';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';
import { sweepId } from '../options.ts';
import { asCli } from './auditDeps.ts';

const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => sweepId(s.trim()))];

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('transparency report per sweep or campaign: by code, action and follower tier, automated vs human-reviewed, appeals, reversals, time to lift, DSA statements of reasons')
    .requiredOption('--sweep-id <ids>', 'sweep id; repeat or comma-separate for a campaign', collect)
    .option('--title <text>', 'report title')
    .option('--territorial-scope <codes>', 'territorial scope of the decisions (comma-separated country codes)', 'CN')
    .option('--out-json <file>', 'write the JSON report here')
    .option('--out-html <file>', 'write the self-contained HTML page here')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print the JSON report on stdout')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const scope = String(o.territorialScope)
        .split(',')
        .map((s: string) => s.trim().toUpperCase())
        .filter(Boolean);
      if (scope.some((s: string) => !/^[A-Z]{2}$/.test(s))) throw new CliError(`--territorial-scope: expected two-letter country codes, got "${o.territorialScope}"`, EXIT.usage);
      const report = await withStack({ stateDir: o.stateDir }, () =>
        asCli(
          () =>
            gatherReport(
              { audit: auditRepository(), reviews: reviewRepository(), sweeps: sweepRegistry() },
              { sweepIds: o.sweepId, title: o.title, territorialScope: scope, generatedAt: new Date().toISOString() },
            ),
          '--sweep-id: ',
        ),
      );
      if (o.outJson) await writeFile(o.outJson, JSON.stringify(report, null, 2));
      if (o.outHtml) await writeFile(o.outHtml, renderReportHtml(report));
      out.result(report, () =>
        [
          report.title,
          `  actions ${report.totals.actions} on ${report.totals.accounts} accounts (${report.totals.absorbed} absorbed by a running penalty, ${report.totals.repeatedActs} repeats of acted-on evidence not counted); automated only ${report.totals.automatedOnly}, human-reviewed ${report.totals.humanReviewed}`,
          `  by action: ${Object.entries(report.byAction)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
          `  by code: ${Object.entries(report.byCode)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
          `  over 10k followers ${report.followers.over10k}, over 100k ${report.followers.over100k}`,
          `  appeals received ${report.appeals.received}, upheld ${report.appeals.upheld}, rejected ${report.appeals.rejected}; reversed ${report.reversals.total}`,
          `  content: notes removed ${report.content.total.notesRemoved}, limited ${report.content.total.notesLimited}; comments removed ${report.content.total.commentsRemoved}, limited ${report.content.total.commentsLimited}; restored ${report.content.restored}${
            Object.keys(report.content.byCode).length
              ? ` (by code: ${Object.entries(report.content.byCode)
                  .map(([k, c]) => `${k} ${contentItemCount(c)}`)
                  .join(', ')})`
              : ''
          }`,
          `  time to lift: median ${report.timeToLift.all.medianDays ?? '–'} days (${report.timeToLift.all.count} lifted)`,
          ...(o.outJson ? [`  JSON: ${o.outJson}`] : []),
          ...(o.outHtml ? [`  HTML: ${o.outHtml}`] : []),
        ].join('\n'),
      );
    });
}
