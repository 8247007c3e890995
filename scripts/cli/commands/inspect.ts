/** Read-only commands over the embedded stack: export, ledger, outbox, status, eval. */
import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { enforcementRepository, sweepRegistry, workStore } from '#shared/adapters/stageDependencies';
import { readLabels } from '#shared/evaluation/labels';
import { scoreDecisions } from '#shared/evaluation/scoreDecisions';
import { writeDecisionExport } from '../writeDecisionExport.ts';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';
import { sweepId } from '../options.ts';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import { renderContent, renderEvaluation, renderGuard } from '../renderSummary.ts';
import { planExists, readGuardReport } from '#shared/pipeline/sweepArtifacts';
import { decidedCodes } from './sweep.ts';

async function mustHaveSweep(id: string): Promise<void> {
  if (!(await planExists(workStore(), id))) throw new CliError(`no sweep with id "${id}" on this stack (see \`crackdown status\`)`, EXIT.usage);
}

export function registerInspect(program: Command): void {
  program
    .command('export')
    .description("write a sweep's decisions.jsonl (CONTRACT §3), sorted by account id")
    .requiredOption('--sweep-id <id>', 'sweep id', sweepId)
    .requiredOption('--out <file>', 'output file')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print the result as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      await withStack({ stateDir: o.stateDir }, async () => {
        await mustHaveSweep(o.sweepId);
        const lines = await writeDecisionExport(workStore(), o.sweepId, o.out);
        out.result({ sweepId: o.sweepId, out: o.out, lines }, () => `Wrote ${lines} decisions to ${o.out}`);
      });
    });

  program
    .command('ledger')
    .description("an account's ledger entries and current penalty")
    .requiredOption('--account <id>', 'account id')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      await withStack({ stateDir: o.stateDir }, async () => {
        const repo = enforcementRepository();
        const [entries, penalty] = await Promise.all([repo.ledgerFor(o.account), repo.penalty(o.account)]);
        // Chain order (seq) where the entries are chained; older unchained ones by time.
        entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.effectiveAt.localeCompare(b.effectiveAt) || a.entryKey.localeCompare(b.entryKey));
        out.result({ accountId: o.account, entries, penalty: penalty ?? null }, () => {
          if (entries.length === 0) return `No ledger entries for ${o.account}.`;
          const lines = entries.map(
            (e) =>
              `${e.seq !== undefined ? `#${e.seq} ${e.hash?.slice(0, 10)}  ` : ''}${e.effectiveAt}  ${e.step.padEnd(13)} ${e.actor.padEnd(14)} ${e.action.padEnd(8)}${e.durationDays ? ` ${e.durationDays}d` : ''}  sweep ${e.sweepId}  ${e.codes.join(',')}  policy ${e.policyVersion || '-'}  [${e.ruleIds.join(',')}]${e.content ? `  ${e.content.action} ${e.content.kind} ${e.content.itemId}` : ''}${e.reason ? `  reason: ${e.reason}` : ''}`,
          );
          const state = penalty ? `current: ${penalty.status} ${penalty.action}${penalty.until ? ` until ${penalty.until}` : ''} (offenses: ${penalty.offenses.length})` : 'current: none';
          return [`Ledger of ${o.account}:`, ...lines.map((l) => `  ${l}`), `  ${state}`].join('\n');
        });
      });
    });

  program
    .command('outbox')
    .description('list enforcement events and notices (locally the sink is the outbox)')
    .option('--sweep-id <id>', 'only this sweep', sweepId)
    .option('--account <id>', 'only this account')
    .option('--pending', 'only messages not yet delivered')
    .option('--limit <n>', 'show at most n messages (human output)', (v) => Number(v), 20)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      await withStack({ stateDir: o.stateDir }, async () => {
        let messages = await enforcementRepository().outbox(o.sweepId, { pendingOnly: Boolean(o.pending) });
        if (o.account) messages = messages.filter((m) => m.accountId === o.account);
        out.result(messages, () => {
          const counts: Record<string, number> = {};
          for (const m of messages) counts[`${m.kind}/${m.status}`] = (counts[`${m.kind}/${m.status}`] ?? 0) + 1;
          const shown = messages.filter((m) => m.kind !== 'enforcement').slice(0, o.limit);
          return [
            `${messages.length} messages: ${
              Object.entries(counts)
                .map(([k, n]) => `${k} ${n}`)
                .join(', ') || 'none'
            }`,
            ...shown.map((m) => {
              const body = m.body as { text?: { zh: string; en: string } };
              return `- ${m.sweepId} ${m.accountId} [${m.kind}, ${m.status}]\n    ${body.text?.zh ?? ''}\n    ${body.text?.en ?? ''}`;
            }),
            ...(messages.length > shown.length ? [`(notices shown: ${shown.length}; --json for all)`] : []),
          ].join('\n');
        });
      });
    });

  program
    .command('status')
    .description('sweeps on this stack and their state')
    .option('--sweep-id <id>', 'one sweep, with its summary', sweepId)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      await withStack({ stateDir: o.stateDir }, async () => {
        const registry = sweepRegistry();
        if (o.sweepId) {
          const rec = await registry.get(o.sweepId);
          if (!rec) throw new CliError(`no sweep with id "${o.sweepId}" on this stack`, EXIT.usage);
          const guard = await readGuardReport(workStore(), o.sweepId);
          out.result({ ...rec, ...(guard ? { guard } : {}) }, () =>
            [
              JSON.stringify(rec, null, 2),
              ...renderGuard(guard),
              ...renderContent((rec.summary as SweepSummary | undefined)?.content, (rec.summary as SweepSummary | undefined)?.enforcement?.contentApplied ?? 0),
            ].join('\n'),
          );
          return;
        }
        const list = await registry.list();
        out.result(list, () =>
          list.length === 0
            ? 'No sweeps yet.'
            : list
                .map(
                  (s) =>
                    `${s.sweepId.padEnd(28)} ${s.status.padEnd(9)} snapshot ${s.snapshotId}  policy ${s.policyVersion}  started ${s.startedAt}${s.finishedAt ? `  finished ${s.finishedAt}` : ''}${s.error ? `\n    error: ${s.error.split('\n')[0]}` : ''}`,
                )
                .join('\n'),
        );
      });
    });

  program
    .command('eval')
    .description("score a sweep's decisions against labels: per-code precision, recall, F1 and the organic false-positive rate")
    .requiredOption('--sweep-id <id>', 'sweep id', sweepId)
    .requiredOption('--labels <file>', 'labels.jsonl (accountId → codes)')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      let labels;
      try {
        labels = await readLabels(createReadStream(o.labels), o.labels);
      } catch (err) {
        const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
        throw new CliError(missing ? `--labels: no such file: ${o.labels}` : `--labels: ${(err as Error).message}`, EXIT.badInput);
      }
      await withStack({ stateDir: o.stateDir }, async () => {
        await mustHaveSweep(o.sweepId);
        const evaluation = scoreDecisions(await decidedCodes(workStore(), o.sweepId), labels);
        out.result(evaluation, () => renderEvaluation(evaluation));
      });
    });
}
