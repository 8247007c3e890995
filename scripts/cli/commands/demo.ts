/** `crackdown demo`: generate a snapshot, sweep it on the embedded stack, and show what happened. */
import type { Command } from 'commander';
import { createReadStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { workStore } from '#shared/adapters/stageDependencies';
import { readLabels } from '#shared/evaluation/labels';
import { scoreDecisions } from '#shared/evaluation/scoreDecisions';
import { writeDecisionExport } from '../writeDecisionExport.ts';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { DEFAULT_STATE_DIR } from '#scripts/local/embeddedStack';
import { withStack } from '../embedded.ts';
import { makeOutput } from '../output.ts';
import { positiveInt } from '../options.ts';
import { renderEvaluation, renderSummary } from '../renderSummary.ts';
import { runSweep } from '../runSweep.ts';
import { decidedCodes } from './sweep.ts';
import { campaignDemo } from '../campaignDemo.ts';

export function registerDemo(program: Command, interrupt: AbortSignal): void {
  program
    .command('demo')
    .description('the main job end to end: generate a synthetic snapshot, run a full sweep on the embedded stack, print the summary and its precision/recall')
    .option('--accounts <n>', 'accounts to generate', positiveInt('--accounts'), 20_000)
    .option('--seed <seed>', 'generator seed', '7')
    .option('--state-dir <dir>', 'embedded stack state folder', DEFAULT_STATE_DIR)
    .option('--campaign [days]', 'instead: a short campaign — daily snapshots of an evolving platform, one sweep a day, the report and its announcement (default 5 days)')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      if (o.campaign !== undefined) {
        const days = o.campaign === true ? 5 : positiveInt('--campaign')(String(o.campaign));
        const accounts = o.accounts === 20_000 ? 2_000 : o.accounts;
        const demoDir = resolve(o.stateDir, 'demo', `campaign-${accounts}-${o.seed}-${days}d`);
        const r = await withStack({ stateDir: o.stateDir }, () => campaignDemo({ accounts, seed: o.seed, days, demoDir }, out, interrupt));
        out.result(r, () =>
          [
            `Campaign ${r.campaignId}:`,
            ...r.played.map((d) => `  ${d.day}  ${d.sweepId}  ${d.outcome}`),
            '',
            `  accounts handled ${r.accountsHandled.accounts}; over 10k followers ${r.accountsHandled.over10k}, over 100k ${r.accountsHandled.over100k}`,
            '',
            r.announcement.zh,
            r.announcement.en,
            '',
            `Next: npx crackdown campaign status ${r.campaignId}   |   npx crackdown campaign report ${r.campaignId} --out-html report.html`,
          ].join('\n'),
        );
        return;
      }
      const demoDir = resolve(o.stateDir, 'demo', `${o.accounts}-${o.seed}`);
      const snapshot = join(demoDir, 'snapshot');
      if (!existsSync(join(snapshot, 'manifest.json'))) {
        out.info(`[demo] generating ${o.accounts} accounts (seed ${o.seed}) into ${snapshot}`);
        await generateSnapshot({ accounts: o.accounts, seed: o.seed, outDir: snapshot, invalidRecords: 5 });
      } else out.info(`[demo] reusing snapshot ${snapshot}`);
      const sweepId = `demo-${o.accounts}-${o.seed}`;
      await withStack({ stateDir: o.stateDir }, async () => {
        const started = performance.now();
        const summary = await runSweep({ sweepId, snapshot, policy: defaultPolicy() }, out, interrupt);
        const seconds = (performance.now() - started) / 1000;
        const labelsPath = join(snapshot, 'labels.jsonl');
        const evaluation = scoreDecisions(await decidedCodes(workStore(), sweepId), await readLabels(createReadStream(labelsPath), labelsPath));
        const exportPath = join(demoDir, 'decisions.jsonl');
        await writeDecisionExport(workStore(), sweepId, exportPath);
        out.result({ summary, evaluation, decisionsExport: exportPath, seconds }, () =>
          [
            renderSummary(summary),
            '',
            `Precision and recall against the generator's labels (${labelsPath}):`,
            renderEvaluation(evaluation),
            '',
            `decisions.jsonl (CONTRACT §3): ${exportPath}`,
            `Sweep took ${seconds.toFixed(1)} s. Running the demo again resumes the same sweep id and adds nothing twice.`,
            '',
            'Next: npx crackdown outbox --sweep-id ' + sweepId + '   |   npx crackdown ledger --account <id>   |   npx crackdown lift --now 2026-12-31T00:00:00Z',
          ].join('\n'),
        );
      });
    });
}
