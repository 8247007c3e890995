/** The `crackdown` operator CLI. */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { registerAppeal } from './commands/appeal.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBrand } from './commands/brand.ts';
import { registerCampaign } from './commands/campaign.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEstimate } from './commands/estimate.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerInspect } from './commands/inspect.ts';
import { registerLift } from './commands/lift.ts';
import { registerPolicy } from './commands/policy.ts';
import { registerReview } from './commands/review.ts';
import { registerReplay } from './commands/replay.ts';
import { registerReport } from './commands/report.ts';
import { registerReverse } from './commands/reverse.ts';
import { registerSweep } from './commands/sweep.ts';
import { CliError, EXIT, EXIT_CODES_HELP } from './exitCodes.ts';

const USAGE_HINT = '(crackdown --help lists the commands; crackdown <command> --help shows one)';
const CLI_VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export function buildProgram(interrupt: AbortSignal): Command {
  const program = new Command('crackdown')
    .description('Batch enforcement for trust & safety crackdowns: detect, review, enforce, notify and lift, with a ledger for audit')
    .version(CLI_VERSION)
    .showHelpAfterError(USAGE_HINT)
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  registerGenerate(program);
  registerSweep(program, interrupt);
  registerInspect(program);
  registerLift(program);
  registerPolicy(program);
  registerReview(program, interrupt);
  registerDemo(program, interrupt);
  registerAudit(program);
  registerAppeal(program);
  registerReverse(program);
  registerReplay(program);
  registerReport(program);
  registerBrand(program);
  registerCampaign(program, interrupt);
  registerEstimate(program);
  // a usage error prints its one line and a hint, not the whole help that buries it
  for (const c of program.commands) c.exitOverride().showHelpAfterError(USAGE_HINT);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(EXIT.interrupted);
    interrupted = true;
    process.stderr.write('\nInterrupted: stopping (press Ctrl-C again to force)…\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const program = buildProgram(controller.signal);
    // commander answers `crackdown nosuch --help` with the general help and exit 0: an unknown command is a usage error
    const first = argv.slice(2).find((a) => !a.startsWith('-'));
    if (first !== undefined && first !== 'help' && !program.commands.some((c) => c.name() === first || c.aliases().includes(first))) {
      process.stderr.write(`crackdown: unknown command '${first}'\n${USAGE_HINT}\n`);
      return EXIT.usage;
    }
    await program.parseAsync(argv);
    return interrupted ? EXIT.interrupted : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliError) {
      process.stderr.write(`crackdown: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`crackdown: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.failure;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
