/**
 * `crackdown campaign`: a crackdown over a period as one object — create it, watch it, pause and
 * resume it, play its days on the embedded stack, and report on it as a whole.
 */
import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { campaignSweeps, requireCampaign } from '../campaignLookup.ts';
import { CampaignError, parseCampaign, type Campaign } from '#shared/campaign/campaignSchema';
import { initialState, pauseCampaign, resumeCampaign } from '#shared/campaign/campaignState';
import { CampaignConflict } from '#shared/ports/campaignStore';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput } from '../output.ts';
import { codeList, loadPolicyFile, positiveInt } from '../options.ts';
import { playCampaign } from '../playCampaign.ts';
import { registerCampaignReport } from './campaignReport.ts';

const operator = () => process.env.CRACKDOWN_OPERATOR ?? process.env.USER ?? 'operator';

/** Campaign errors are the operator's to fix: they name the campaign, the field and what is wrong. */
async function asCampaignCli<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof CampaignConflict || err instanceof CampaignError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
}

function definitionFromFlags(o: Record<string, unknown>): Record<string, unknown> {
  const missing = ['id', 'title', 'start', 'end', 'snapshotTemplate'].filter((k) => o[k] === undefined);
  if (missing.length) throw new CliError(`campaign create: give --file, or ${missing.map((k) => '--' + k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())).join(', ')}`, EXIT.usage);
  return {
    campaignId: o.id,
    title: o.title,
    period: { start: o.start, end: o.end },
    schedule: { at: o.at, timeZone: o.timeZone },
    codes: o.codes ?? [],
    snapshotTemplate: o.snapshotTemplate,
    mode: o.mode,
    limits: { maxActionsPerDay: o.maxActionsPerDay, maxOver10kPerDay: o.maxOver10k, maxOver100kPerDay: o.maxOver100k },
  };
}

const sameDefinition = (a: Campaign, b: Campaign) => JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });

export function registerCampaign(program: Command, interrupt: AbortSignal): void {
  const campaign = program.command('campaign').description('campaigns: a crackdown over a period, one sweep a day — create, list, status, pause, resume, run, report');

  campaign
    .command('create')
    .description('create a campaign, or a new version of one (from --file, or from the flags)')
    .option('--file <json>', 'campaign definition (see docs/campaigns.md); its version is assigned')
    .option('--id <id>', 'campaign id (lower-case letters, digits, dashes)')
    .option('--title <text>', 'title shown in reports')
    .option('--start <day>', 'first day, YYYY-MM-DD')
    .option('--end <day>', 'last day, YYYY-MM-DD')
    .option('--at <HH:MM>', 'time of day each sweep starts', '02:00')
    .option('--time-zone <tz>', 'IANA time zone of --at and of the days', 'Asia/Shanghai')
    .option('--codes <list>', 'only these violation codes (an on-demand campaign); default all', codeList)
    .option('--snapshot-template <location>', 'where each day’s snapshot is, with {date} or {yyyymmdd}, e.g. s3://exports/{date}/')
    .addOption(new Option('--mode <mode>', 'enforce, or shadow: decide and report, enforce nothing').choices(['enforce', 'shadow']).default('enforce'))
    .option('--max-actions-per-day <n>', 'accounts actioned per day before the day is held for review', positiveInt('--max-actions-per-day'))
    .option('--max-over-10k <n>', 'accounts over 10k followers actioned per day without review', (v) => Number(v))
    .option('--max-over-100k <n>', 'accounts over 100k followers actioned per day without review', (v) => Number(v))
    .option('--policy <file>', 'policy file the campaign runs under (default policies/default.json)')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const policy = await loadPolicyFile(o.policy);
      let raw: Record<string, unknown>;
      if (o.file) {
        try {
          raw = JSON.parse(await readFile(o.file, 'utf8'));
        } catch (err) {
          throw new CliError(`--file ${o.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, EXIT.badInput);
        }
      } else raw = definitionFromFlags(o);
      raw.policyVersion ??= policy.policyVersion;
      await withStack({ stateDir: o.stateDir }, () =>
        asCampaignCli(async () => {
          const store = new DynamoCampaignStore();
          const id = String(raw.campaignId ?? '');
          const latest = await store.latest(id);
          const def = parseCampaign({ ...raw, version: (latest?.campaign.version ?? 0) + 1 }, o.file ?? 'campaign create');
          if (def.policyVersion !== policy.policyVersion) throw new CampaignError(`campaign ${def.campaignId} names policy ${def.policyVersion}, the --policy given is ${policy.policyVersion}`);
          if (latest && sameDefinition(latest.campaign, def) && JSON.stringify(latest.policy) === JSON.stringify(policy)) {
            out.result({ campaign: latest.campaign, unchanged: true }, () => `Campaign ${id} v${latest.campaign.version} is unchanged.`);
            return;
          }
          const now = new Date().toISOString();
          await store.addVersion({ campaign: def, policy, createdAt: now });
          if (!(await store.state(id))) await store.setState(initialState(id, now, operator()), undefined);
          out.result({ campaign: def }, () =>
            [
              `Campaign ${def.campaignId} v${def.version}${latest ? ` (was v${latest.campaign.version})` : ''}: ${def.title}`,
              `  ${def.period.start} to ${def.period.end}, daily at ${def.schedule.at} ${def.schedule.timeZone}; codes ${def.codes.join(', ') || 'all'}; mode ${def.mode}; policy ${def.policyVersion}`,
              `  Run it: npx crackdown campaign run ${def.campaignId}`,
            ].join('\n'),
          );
        }),
      );
    });

  campaign
    .command('list')
    .description('every campaign: its latest version, state and period')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const all = await withStack({ stateDir: o.stateDir }, () => new DynamoCampaignStore().list());
      out.result(
        all.map((c) => ({ ...c.latest.campaign, status: c.state?.status ?? 'active' })),
        () =>
          all.length
            ? all
                .map(
                  ({ latest: { campaign: c }, state }) =>
                    `${c.campaignId}  v${c.version}  ${state?.status ?? 'active'}  ${c.period.start}..${c.period.end}  ${c.mode}  ${c.codes.join(',') || 'all codes'}  ${c.title}`,
                )
                .join('\n')
            : 'No campaigns yet (crackdown campaign create --help).',
      );
    });

  campaign
    .command('status')
    .description('a campaign’s state and each day’s sweep')
    .argument('<id>', 'campaign id')
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (id: string, o) => {
      const out = makeOutput(Boolean(o.json));
      await withStack({ stateDir: o.stateDir }, async () => {
        const store = new DynamoCampaignStore();
        const { campaign: c } = await requireCampaign(store, id);
        const state = await store.state(id);
        const days = await campaignSweeps(c);
        const done = days.filter((d) => d.record?.status === 'complete').length;
        out.result({ campaign: c, state, days: days.map((d) => ({ day: d.day, sweepId: d.sweepId, status: d.record?.status ?? 'not run' })) }, () =>
          [
            `Campaign ${c.campaignId} v${c.version}: ${c.title}`,
            `  ${state?.status ?? 'active'}${state?.status === 'paused' ? ` since ${state.changedAt} by ${state.changedBy}: ${state.reason}` : ''}; ${done} of ${days.length} days swept; mode ${c.mode}`,
            ...days.filter((d) => d.record).map((d) => `  ${d.day}  ${d.sweepId}  ${d.record!.status}${d.record!.error ? `: ${d.record!.error.slice(0, 120)}` : ''}`),
          ].join('\n'),
        );
      });
    });

  for (const verb of ['pause', 'resume'] as const) {
    campaign
      .command(verb)
      .description(verb === 'pause' ? 'stop the campaign: no new day starts and a sweep in flight enforces nothing more' : 'let a paused campaign go on')
      .argument('<id>', 'campaign id')
      .option('--reason <text>', verb === 'pause' ? 'why (required; recorded)' : 'why (recorded)')
      .option('--state-dir <dir>', 'embedded stack state folder')
      .option('--json', 'print as JSON')
      .action(async (id: string, o) => {
        const out = makeOutput(Boolean(o.json));
        if (verb === 'pause' && !o.reason) throw new CliError('campaign pause: --reason is required', EXIT.usage);
        await withStack({ stateDir: o.stateDir }, () =>
          asCampaignCli(async () => {
            const store = new DynamoCampaignStore();
            await requireCampaign(store, id);
            const now = new Date().toISOString();
            const current = (await store.state(id)) ?? initialState(id, now, operator());
            const next = verb === 'pause' ? pauseCampaign(current, now, operator(), o.reason) : resumeCampaign(current, now, operator(), o.reason);
            if (!(await store.setState(next, (await store.state(id)) && current))) throw new CliError(`campaign ${id} changed while this ran; try again`, EXIT.failure);
            out.result(next, () => `Campaign ${id} is ${next.status}${next.reason ? ` (${next.reason})` : ''}.`);
          }),
        );
      });
  }

  campaign
    .command('run')
    .description('play the campaign’s days in order on the embedded stack: each day lifts what is due, then sweeps that day’s snapshot; days already swept add nothing')
    .argument('<id>', 'campaign id')
    .option('--through <day>', 'stop after this day (default: the last day)')
    .option('--workers <n>', 'worker threads for map stages', (v) => Number(v))
    .option('--state-dir <dir>', 'embedded stack state folder')
    .option('--json', 'print as JSON')
    .action(async (id: string, o) => {
      const out = makeOutput(Boolean(o.json));
      await withStack({ stateDir: o.stateDir }, () =>
        asCampaignCli(async () => {
          const ran = await playCampaign(id, { through: o.through, workers: o.workers }, out, interrupt);
          out.result({ campaignId: id, days: ran }, () => [`Campaign ${id}:`, ...ran.map((r) => `  ${r.day}  ${r.sweepId}  ${r.outcome}`)].join('\n'));
        }),
      );
    });

  registerCampaignReport(campaign);
}
