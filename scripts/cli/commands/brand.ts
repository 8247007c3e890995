/** `crackdown brand points`: a brand account's points balance and deductions (the brand points ledger). */
import type { Command } from 'commander';
import { auditRepository, enforcementRepository } from '#shared/adapters/stageDependencies';
import { brandPointsView, renderBrandPoints } from '#shared/brand/brandPointsView';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';

export function registerBrand(program: Command): void {
  const brand = program.command('brand').description('brand accounts: the brand points ledger');
  brand
    .command('points')
    .exitOverride()
    .showHelpAfterError()
    .description("a brand account's points left per period and the deductions (restored ones marked), by account id or brand id")
    .option('--account <id>', 'brand account id')
    .option('--brand <id>', 'brand id (the brand the account speaks for)')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      if (!o.account === !o.brand) throw new CliError('give exactly one of --account or --brand', EXIT.usage);
      const view = await withStack({ stateDir: o.stateDir }, async () => {
        if (o.account) return brandPointsView(o.account, await enforcementRepository().penalty(o.account));
        // By brand id: an operator look-up, so a scan of the penalty states is fine.
        const state = (await auditRepository().allPenalties()).find((p) => p.brandPoints?.brandId === o.brand);
        if (!state) throw new CliError(`--brand: no deductions recorded for brand "${o.brand}"`, EXIT.badInput);
        return brandPointsView(state.accountId, state);
      });
      out.result(view, () => renderBrandPoints(view, defaultPolicy().brandPoints?.startPoints ?? 10));
    });
}
