/** `crackdown audit verify`: check every account's hash chain, chain head, sweep anchor, and every entry against the MAC'd write-once anchors. */
import type { Command } from 'commander';
import { ledgerAnchoring } from '#shared/adapters/ledgerAnchoring';
import { auditRepository } from '#shared/adapters/stageDependencies';
import { auditLedger } from '#shared/audit/auditLedger';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';

/** Exit code of `audit verify` when the ledger fails verification. */
export const EXIT_TAMPERED = EXIT.tampered;

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('audit the ledger');
  audit
    .command('verify')
    .exitOverride()
    .showHelpAfterError()
    .description(
      `verify the tamper-evident ledger: hash chain per account, chain heads, lifted penalty states, per-sweep anchors, and every entry against the MAC'd write-once ledger anchors (exit ${EXIT_TAMPERED} when anything was edited, deleted, inserted, reordered or forged)`,
    )
    .option('--account <id>', 'only this account (skips the whole-sweep anchor checks)')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print the report as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const report = await withStack({ stateDir: o.stateDir }, () => auditLedger(auditRepository(), ledgerAnchoring(), { onlyAccount: o.account }));
      out.result(report, () =>
        [
          `Ledger: ${report.entries} entries, ${report.accounts} accounts, ${report.sweepsAnchored} sweep anchors and ${report.ledgerAnchors ?? 0} ledger anchors checked.`,
          report.ok ? 'OK: every chain, head and anchor verifies, and every entry is anchored under the ledger key.' : `TAMPERED: ${report.issues.length} problem(s):`,
          ...report.issues.map((i) => `  [${i.kind}] ${i.accountId ?? i.sweepId ?? ''}: ${i.detail}`),
        ].join('\n'),
      );
      if (!report.ok) throw new CliError(`ledger verification failed with ${report.issues.length} problem(s)`, EXIT_TAMPERED);
    });
}
