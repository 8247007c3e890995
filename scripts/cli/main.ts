/** The `crackdown` operator CLI. */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { registerAppeal } from './commands/appeal.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBrand } from './commands/brand.ts';
import { registerDemo } from './commands/demo.ts';
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

const CLI_VERSION: string = createRequire(import.meta.url)('../../package.json').version;

export function buildProgram(interrupt: AbortSignal): Command {
  const program = new Command('crackdown')
    .description('Batch enforcement for trust & safety crackdowns: detect, review, enforce, notify and lift, with a ledger for audit')
    .version(CLI_VERSION)
    .showHelpAfterError()
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
  for (const c of program.commands) c.exitOverride().showHelpAfterError();
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
    await buildProgram(controller.signal).parseAsync(argv);
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
