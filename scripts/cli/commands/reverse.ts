/** `crackdown reverse`: reverse a wave of actions (by sweep, rule [and version], or code), dry run first. */
import type { Command } from 'commander';
import { reverseWave } from '#shared/audit/reverseWave';
import { parseCodeList } from '#shared/contract/violationCodes';
import { InvalidArgumentError } from 'commander';
import { withStack } from '../embedded.ts';
import { makeOutput } from '../output.ts';
import { isoTime, sweepId } from '../options.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { asCli, auditDeps } from './auditDeps.ts';

const oneCode = (v: string) => {
  try {
    const list = parseCodeList(v);
    if (list.length !== 1) throw new Error('give one code');
    return list[0];
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};

export function registerReverse(program: Command): void {
  program
    .command('reverse')
    .description(
      'reverse every action in scope exactly once (penalty, lift schedule and offense history restored; accounts notified). Without --execute it is a dry run; re-running resumes a crashed run',
    )
    .option('--sweep-id <id>', 'actions of this sweep', sweepId)
    .option('--rule <ruleId>', 'actions that cite this rule')
    .option('--policy-version <v>', 'with --rule: only actions decided under this policy version')
    .option('--code <code>', 'actions for this violation code', oneCode)
    .option('--reason <text>', 'why (required with --execute; recorded in every reversal entry)')
    .option('--execute', 'really reverse (default: dry run)')
    .option('--reversal-id <id>', 'id of this reversal run (default: derived from the scope)')
    .option('--now <time>', 'ISO-8601 time of the reversal (default: now)', isoTime)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const scope = { sweepId: o.sweepId, ruleId: o.rule, policyVersion: o.policyVersion, code: o.code };
      for (const k of Object.keys(scope) as Array<keyof typeof scope>) if (scope[k] === undefined) delete scope[k];
      const now: string = o.now ?? new Date().toISOString();
      // a missing argument is a usage error, found before the stack starts
      if (o.execute && !o.reason) throw new CliError('--reason is required with --execute (it is recorded in every reversal entry and sent to the accounts)', EXIT.usage);
      const r = await withStack({ stateDir: o.stateDir }, () => asCli(() => reverseWave(auditDeps(), scope, { dryRun: !o.execute, reason: o.reason, now, reversalId: o.reversalId })));
      out.result(r, () => {
        const tiers = Object.entries(r.byActionAndTier).map(
          ([a, t]) =>
            `  ${a.padEnd(8)} ${Object.entries(t)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`,
        );
        const head = `${r.dryRun ? 'DRY RUN: would reverse' : 'Reversed'} ${r.dryRun ? r.toReverse : r.reversed} actions (${r.accounts} accounts) in scope ${JSON.stringify(scope)}; ${r.alreadyReversed} already reversed; run id ${r.reversalId}`;
        return [
          head,
          'By action and follower tier:',
          ...tiers,
          ...(r.dryRun ? ['Re-run with --execute --reason "…" to reverse.'] : [`Lifts cancelled ${r.cancelledLifts}; messages published ${r.notified}.`]),
        ].join('\n');
      });
    });
}
