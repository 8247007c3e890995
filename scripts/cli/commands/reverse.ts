/** `crackdown reverse`: reverse a wave of actions (by sweep, rule [and version], or code), dry run first. */
import type { Command } from 'commander';
import { sweepRegistry } from '#shared/adapters/stageDependencies';
import { reverseWave, type WaveResult, type WaveScope } from '#shared/audit/reverseWave';
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

/** `--sweep-id a,b`: one or more sweep ids, each checked. */
const sweepIdList = (v: string): string[] => {
  const ids = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError(`give one or more sweep ids, comma-separated, got "${v}"`);
  return [...new Set(ids.map(sweepId))].sort();
};

/** The per-sweep lines of a dry run or a run: sweep id → accounts and actions to reverse (and what this run reversed). */
function sweepLines(r: WaveResult): string[] {
  if (r.sweeps.length === 0) return ['  (no action in scope)'];
  const width = Math.max(...r.sweeps.map((s) => s.length));
  return r.sweeps.map((s) => {
    const x = r.bySweep[s];
    const done = r.dryRun ? '' : `; reversed now ${r.reversedBySweep[s] ?? 0}`;
    return `  ${s.padEnd(width)}  ${x.accounts} accounts, ${x.toReverse} actions to reverse, ${x.alreadyReversed} already reversed${done}`;
  });
}

export function registerReverse(program: Command): void {
  program
    .command('reverse')
    .description(
      'reverse every action in scope exactly once (penalty, lift schedule and offense history restored; accounts notified). The sweeps are always explicit: --sweep-id or --all-sweeps. Without --execute it is a dry run listing what each sweep would lose; re-running resumes a crashed run',
    )
    .option('--sweep-id <ids>', 'actions of these sweeps (comma-separated)', sweepIdList)
    .option('--all-sweeps', 'actions of every sweep ever run (instead of --sweep-id; check the dry run per sweep first)')
    .option('--rule <ruleId>', 'only actions that cite this rule')
    .option('--policy-version <v>', 'with --rule: only actions decided under this policy version')
    .option('--code <code>', 'only actions for this violation code', oneCode)
    .option('--reason <text>', 'why (required with --execute; recorded in every reversal entry)')
    .option('--execute', 'really reverse (default: dry run)')
    .option('--reversal-id <id>', 'id of this reversal run (default: derived from the scope)')
    .option('--now <time>', 'ISO-8601 time of the reversal (default: now)', isoTime)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const ids = o.sweepId as string[] | undefined;
      // Missing or contradictory arguments are usage errors, found before the stack starts.
      if (!ids && !o.allSweeps) throw new CliError('name the sweeps: --sweep-id <id[,id…]>, or --all-sweeps to reverse across every sweep ever run (see the dry run per sweep first)', EXIT.usage);
      if (ids && o.allSweeps) throw new CliError('give either --sweep-id or --all-sweeps, not both', EXIT.usage);
      if (o.policyVersion && !o.rule && !o.code) throw new CliError('--policy-version narrows --rule; give --rule too', EXIT.usage);
      if (o.execute && !o.reason) throw new CliError('--reason is required with --execute (it is recorded in every reversal entry and sent to the accounts)', EXIT.usage);
      // One sweep keeps the single-id scope, so its run id (and a crashed run's resume) is what it always was.
      const scope: WaveScope = { ...(ids ? (ids.length === 1 ? { sweepId: ids[0] } : { sweepIds: ids }) : { allSweeps: true as const }), ruleId: o.rule, policyVersion: o.policyVersion, code: o.code };
      for (const k of Object.keys(scope) as Array<keyof typeof scope>) if (scope[k] === undefined) delete scope[k];
      const now: string = o.now ?? new Date().toISOString();
      const r = await withStack({ stateDir: o.stateDir }, async () => {
        for (const id of ids ?? [])
          if (!(await sweepRegistry().get(id))) throw new CliError(`--sweep-id: no sweep with id "${id}" on this stack (see \`crackdown status\`; nothing was changed)`, EXIT.usage);
        return asCli(() => reverseWave(auditDeps(), scope, { dryRun: !o.execute, reason: o.reason, now, reversalId: o.reversalId }));
      });
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
          `By sweep (${r.sweeps.length}):`,
          ...sweepLines(r),
          'By action and follower tier:',
          ...tiers,
          ...(r.dryRun ? ['Re-run with --execute --reason "…" to reverse.'] : [`Lifts cancelled ${r.cancelledLifts}; messages published ${r.notified}.`]),
        ].join('\n');
      });
    });
}
