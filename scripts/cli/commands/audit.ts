/** `crackdown audit verify`: check every account's hash chain, chain head and every sweep anchor. */
import type { Command } from 'commander';
import { auditRepository } from '#shared/adapters/stageDependencies';
import { verifyLedger } from '#shared/audit/verifyLedger';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';

/** Exit code of `audit verify` when the ledger fails verification. */
export const EXIT_TAMPERED = 6;

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('audit the ledger');
  audit
    .command('verify')
    .exitOverride()
    .showHelpAfterError()
    .description(
      `verify the tamper-evident ledger: hash chain per account, chain heads, lift rows and per-sweep anchors (exit ${EXIT_TAMPERED} when anything was edited, deleted, inserted or reordered)`,
    )
    .option('--account <id>', 'only this account (skips the whole-sweep anchor checks)')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print the report as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const report = await withStack({ stateDir: o.stateDir }, async () => {
        const repo = auditRepository();
        const [entries, penalties, anchors, lifts] = await Promise.all([repo.allLedger(), repo.allPenalties(), repo.sweepAnchors(), repo.allLifts()]);
        return verifyLedger({ entries, penalties, anchors, lifts, onlyAccount: o.account });
      });
      out.result(report, () =>
        [
          `Ledger: ${report.entries} entries, ${report.accounts} accounts, ${report.sweepsAnchored} sweep anchors checked.`,
          report.ok ? 'OK: every chain, head and anchor verifies.' : `TAMPERED: ${report.issues.length} problem(s):`,
          ...report.issues.map((i) => `  [${i.kind}] ${i.accountId ?? i.sweepId ?? ''}: ${i.detail}`),
        ].join('\n'),
      );
      if (!report.ok) throw new CliError(`ledger verification failed with ${report.issues.length} problem(s)`, EXIT_TAMPERED);
    });
}
