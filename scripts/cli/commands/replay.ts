/** `crackdown replay`: re-run detection and decisions of a sweep and diff them against the ledger; with --policy, a backtest. */
import type { Command } from 'commander';
import { auditRepository, workStore } from '#shared/adapters/stageDependencies';
import { openStore } from '#shared/adapters/openStore';
import { replaySweep } from '#shared/audit/replaySweep';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';
import { loadPolicyFile, sweepId } from '../options.ts';
import { asCli } from './auditDeps.ts';

/** Exit code of a replay (not a backtest) that found differences. */
export const EXIT_REPLAY_DIFFERS = EXIT.replayDiffers;

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description(
      `re-run detection and decisions of a finished sweep from the same snapshot and policy into replays/<id>/<run>/ and diff against its decisions and ledger (expected: none; exit ${EXIT_REPLAY_DIFFERS} otherwise). With --policy: a backtest listing the decisions a new policy would change`,
    )
    .requiredOption('--sweep-id <id>', 'sweep to replay', sweepId)
    .option('--policy <file>', 'backtest this policy instead of the recorded one')
    .option('--limit <n>', 'list at most n differences (human output)', (v) => Number(v), 50)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const policy = o.policy ? await loadPolicyFile(o.policy) : undefined;
      const r = await withStack({ stateDir: o.stateDir }, () =>
        asCli(async () => {
          const ledger = await auditRepository().allLedger();
          const runId = new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15);
          return replaySweep({ work: workStore(), openSnapshot: openStore, channels: CHANNELS, detectors: ACCOUNT_DETECTORS, ledger }, o.sweepId, { policy, runId });
        }, '--sweep-id: '),
      );
      out.result(r, () => {
        const list = (d: typeof r.differences) =>
          d
            .slice(0, o.limit)
            .map(
              (x) =>
                `  ${x.kind.padEnd(8)} ${x.accountId}: ${x.fields.join(',')}  ${x.recorded ? `${x.recorded.action}[${x.recorded.codes.join(',')}]` : '-'} → ${x.replayed ? `${x.replayed.action}[${x.replayed.codes.join(',')}]` : '-'}`,
            );
        if (r.mode === 'backtest') {
          return [
            `Backtest of policy ${r.policyVersion} on sweep ${r.sweepId} (recorded under ${r.recordedPolicyVersion}): ${r.differences.length} decisions would change.`,
            ...Object.entries(r.changes).map(([k, n]) => `  ${k}: ${n}`),
            ...list(r.differences),
          ].join('\n');
        }
        return [
          `Replay of sweep ${r.sweepId} (policy ${r.policyVersion}): ${r.decisions.replayed} decisions replayed, ${r.decisions.recorded} recorded.`,
          `Differences against the decision files: ${r.differences.length}; against the ledger: ${r.ledgerDifferences.length}.`,
          ...list(r.differences),
          ...list(r.ledgerDifferences),
          `Scratch: ${r.scratch}`,
        ].join('\n');
      });
      if (r.mode === 'replay' && (r.differences.length > 0 || r.ledgerDifferences.length > 0)) {
        throw new CliError(`replay of ${r.sweepId} differs: ${r.differences.length} decision and ${r.ledgerDifferences.length} ledger differences`, EXIT_REPLAY_DIFFERS);
      }
    });
}
