/** `crackdown lift`: end every timed penalty due at a given time, through the Lift state machine. */
import type { Command } from 'commander';
import type { LiftStats } from '#shared/pipeline/liftDue';
import { runStateMachine } from '#scripts/local/localStepFunctions';
import { withStack } from '../embedded.ts';
import { makeOutput } from '../output.ts';
import { isoTime } from '../options.ts';

export function registerLift(program: Command): void {
  program
    .command('lift')
    .description('lift every timed penalty due at --now (default: the current time); safe to run any number of times')
    .option('--now <time>', 'ISO-8601 time to treat as now, e.g. 2026-12-05T00:00:00Z', isoTime)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const now: string = o.now ?? new Date().toISOString();
      await withStack({ stateDir: o.stateDir }, async () => {
        const stats = (await runStateMachine('lift', { now })) as LiftStats;
        out.result(
          stats,
          () =>
            `Lift at ${stats.now}: examined ${stats.examined}; ${
              Object.entries(stats.outcomes)
                .map(([k, n]) => `${k} ${n}`)
                .join(', ') || 'nothing due'
            }; notices ${stats.notified}`,
        );
      });
    });
}
