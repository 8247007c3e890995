/** `crackdown appeal submit|decide|list|show`: appeals against single actions. */
import { InvalidArgumentError, type Command } from 'commander';
import { sweepRegistry } from '#shared/adapters/stageDependencies';
import { APPEAL_STATUSES, type AppealStatus } from '#shared/audit/appeals';
import { decideAppeal, submitAppeal } from '#shared/audit/appealService';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';
import { isoTime, sweepId } from '../options.ts';
import { asCli, auditDeps } from './auditDeps.ts';
import { renderAppeal, renderAppealTable } from '../renderAppeals.ts';

const appealStatus = (v: string): AppealStatus => {
  if (!(APPEAL_STATUSES as readonly string[]).includes(v)) throw new InvalidArgumentError(`--status must be one of ${APPEAL_STATUSES.join(', ')}, got "${v}"`);
  return v as AppealStatus;
};

export function registerAppeal(program: Command): void {
  const appeal = program.command('appeal').description('appeals: submit one against an action, decide it once (upheld reverses the action completely), list the queue, show one');
  appeal
    .command('submit')
    .exitOverride()
    .showHelpAfterError()
    .description("submit an appeal against an account's action (default: its latest action not reversed), within the policy's appeal window")
    .requiredOption('--account <id>', 'account id')
    .requiredOption('--statement <text>', "the account's statement")
    .option('--sweep-id <id>', 'the sweep whose action is appealed', sweepId)
    .option('--content <itemId>', "appeal one removed or limited note or comment (its id), not the account's penalty")
    .option('--now <time>', 'ISO-8601 time of submission (default: now)', isoTime)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const now: string = o.now ?? new Date().toISOString();
      const rec = await withStack({ stateDir: o.stateDir }, () =>
        asCli(
          () => submitAppeal(auditDeps(), { accountId: o.account, sweepId: o.sweepId, statement: o.statement, ...(o.content !== undefined ? { contentId: o.content } : {}) }, { now, channel: 'cli' }),
          o.content !== undefined ? '--account/--sweep-id/--content: ' : '--account/--sweep-id: ',
        ),
      );
      out.result(rec, () =>
        rec.content
          ? `Appeal ${rec.appealId} submitted against the action on ${rec.content.kind} ${rec.content.itemId} of sweep ${rec.sweepId} (${rec.accountId}); decide before ${rec.deadline}.`
          : `Appeal ${rec.appealId} submitted against ${rec.action} of sweep ${rec.sweepId} on ${rec.accountId}; decide before ${rec.deadline}.`,
      );
    });
  appeal
    .command('decide')
    .exitOverride()
    .showHelpAfterError()
    .description('decide an appeal once: upheld lifts the penalty at once, cancels its lift, corrects the offense history and notifies; rejected is recorded and notified')
    .requiredOption('--appeal-id <id>', 'appeal id (ap-…)')
    .requiredOption('--outcome <upheld|rejected>', 'upheld or rejected')
    .requiredOption('--reason <text>', 'why (recorded and sent to the account)')
    .option('--by <handler>', 'who decides', process.env.USER ?? 'operator')
    .option('--now <time>', 'ISO-8601 time of the decision (default: now)', isoTime)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      if (o.outcome !== 'upheld' && o.outcome !== 'rejected') throw new CliError(`--outcome must be upheld or rejected, got "${o.outcome}"`, EXIT.usage);
      const now: string = o.now ?? new Date().toISOString();
      const r = await withStack({ stateDir: o.stateDir }, () =>
        asCli(() => decideAppeal(auditDeps(), { appealId: o.appealId, outcome: o.outcome, reason: o.reason, decidedBy: o.by }, { now }), '--appeal-id: '),
      );
      out.result(r, () =>
        r.appeal.content
          ? `Appeal ${r.appeal.appealId} ${r.appeal.status}: ${r.appeal.content.kind} ${r.appeal.content.itemId} of ${r.appeal.accountId} ${r.contentRestored ? 'restored' : r.appeal.status === 'upheld' ? 'was already restored' : 'stays as it is'}; the account's penalty is unchanged; ${r.notified} messages sent.`
          : r.reversed
            ? `Appeal ${r.appeal.appealId} upheld: the ${r.appeal.action} on ${r.appeal.accountId} is reversed (${r.cancelledLifts} lift cancelled), ${r.notified} messages sent.`
            : `Appeal ${r.appeal.appealId} ${r.appeal.status}; ${r.notified} notice sent.`,
      );
    });
  appeal
    .command('list')
    .exitOverride()
    .showHelpAfterError()
    .description("list appeals, oldest first: e.g. --status pending is the handlers' queue")
    .option('--status <status>', `only appeals in this status: ${APPEAL_STATUSES.join(', ')}`, appealStatus)
    .option('--sweep-id <id>', 'only appeals against actions of this sweep', sweepId)
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const list = await withStack({ stateDir: o.stateDir }, async () => {
        if (o.sweepId && !(await sweepRegistry().get(o.sweepId))) throw new CliError(`--sweep-id: no sweep with id "${o.sweepId}" on this stack (see \`crackdown status\`)`, EXIT.usage);
        return auditDeps().audit.listAppeals({ status: o.status, sweepId: o.sweepId });
      });
      out.result(list, () => renderAppealTable(list, { status: o.status, sweepId: o.sweepId }));
    });
  appeal
    .command('show')
    .exitOverride()
    .showHelpAfterError()
    .description('show an appeal')
    .requiredOption('--appeal-id <id>', 'appeal id (ap-…)')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const rec = await withStack({ stateDir: o.stateDir }, () => auditDeps().audit.getAppeal(o.appealId));
      if (!rec) throw new CliError(`--appeal-id: no appeal with id "${o.appealId}" (see \`crackdown appeal list\`)`, EXIT.usage);
      out.result(rec, () => renderAppeal(rec));
    });
}
