/** `crackdown generate`: a synthetic contract snapshot plus labels, or with --days one snapshot per day of an evolving platform. */
import { InvalidArgumentError, type Command } from 'commander';
import { generateDays, DEFAULT_START, MAX_DAYS, type DaySummary } from '#scripts/generate/generateDays';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { SEED_FOLLOWER_TIERS, validateFollowerTiers, type FollowerTierShares } from '#scripts/generate/followerTiers';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput, type Output } from '../output.ts';
import { positiveInt } from '../options.ts';

interface GenerateOpts {
  accounts: number;
  out: string;
  seed: string;
  parts?: number;
  invalid: number;
  plain?: boolean;
  json?: boolean;
  days?: number;
  start?: string;
  followerTiers?: FollowerTierShares;
}

function day(value: string): string {
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value)
    throw new InvalidArgumentError(`--start must be a day such as ${DEFAULT_START}, got "${value}"`);
  return value;
}

/** `seeds` (the announcement's 0.39 % over 10k and 0.02 % over 100k), or two shares `over10k,over100k`. */
function followerTiers(value: string): FollowerTierShares {
  if (value === 'seeds') return SEED_FOLLOWER_TIERS;
  const [over10k, over100k, ...rest] = value.split(',').map(Number);
  const tiers = { over10k, over100k };
  try {
    if (rest.length) throw new Error('give two shares');
    validateFollowerTiers(tiers);
  } catch (err) {
    throw new InvalidArgumentError(`--follower-tiers must be "seeds" or two shares over10k,over100k such as 0.004,0.0002 (${(err as Error).message}), got "${value}"`);
  }
  return tiers;
}

function dayCount(value: string): number {
  const n = positiveInt('--days')(value);
  if (n > MAX_DAYS) throw new InvalidArgumentError(`--days must be at most ${MAX_DAYS}, got ${n}`);
  return n;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'write a synthetic snapshot (CONTRACT §1) of a believable platform with planted violations, and labels.jsonl beside it; with --days, one snapshot per day in <out>/<YYYY-MM-DD>/ and days.json',
    )
    .requiredOption('--accounts <n>', 'number of accounts (with --days: by the last day)', positiveInt('--accounts'))
    .requiredOption('--out <dir>', 'output folder')
    .option('--seed <seed>', 'seed; the same seed and options give the same bytes', '1')
    .option('--days <n>', 'one full snapshot per day for n consecutive days of an evolving platform', dayCount)
    .option('--start <day>', `first day with --days (YYYY-MM-DD, default ${DEFAULT_START})`, day)
    .option(
      '--follower-tiers <shares>',
      'with --days: violators’ follower tiers, "seeds" (0.39 % over 10k, 0.02 % over 100k) or over10k,over100k shares; default: the generator’s own audiences',
      followerTiers,
    )
    .option('--parts <n>', 'parts per record kind (default: by size)', positiveInt('--parts'))
    .option('--invalid <n>', 'extra deliberately invalid records, to exercise quarantine (single snapshot only)', (v) => Number(v), 0)
    .option('--plain', 'write .jsonl instead of .jsonl.gz')
    .option('--json', 'print the result as JSON')
    .action(async (o: GenerateOpts) => {
      const out = makeOutput(Boolean(o.json));
      if (o.days === undefined && o.start !== undefined) throw new CliError('--start needs --days', EXIT.usage);
      if (o.days === undefined && o.followerTiers) throw new CliError('--follower-tiers needs --days', EXIT.usage);
      if (o.days !== undefined && o.invalid) throw new CliError('--invalid is not supported with --days', EXIT.usage);
      if (o.days !== undefined) return generateDaily(o, o.days, out);
      const started = performance.now();
      let last = 0;
      const summary = await generateSnapshot({
        accounts: o.accounts,
        seed: o.seed,
        outDir: o.out,
        partsPerKind: o.parts,
        gzip: !o.plain,
        invalidRecords: o.invalid,
        onProgress: (n) => {
          if (!out.json && n - last >= Math.max(10_000, o.accounts / 10)) {
            last = n;
            out.info(`[generate] ${n}/${o.accounts} accounts`);
          }
        },
      });
      const seconds = (performance.now() - started) / 1000;
      out.result({ ...summary, outDir: o.out, seconds }, () =>
        [
          `Snapshot ${summary.snapshotId} written to ${o.out} in ${seconds.toFixed(1)} s`,
          `  accounts ${summary.accounts}, notes ${summary.notes}, comments ${summary.comments}, follows ${summary.follows}, reports ${summary.reports}, invalid ${summary.invalidRecords}`,
          `  labels: ${summary.labelsPath}`,
          `  planted: ${Object.entries(summary.byCode)
            .map(([c, n]) => `${c} ${n}`)
            .join(', ')}`,
        ].join('\n'),
      );
    });
}

/** One line per day: what the snapshot holds and how the violators moved that day. */
export function dayLine(d: DaySummary): string {
  const fresh = Object.entries(d.newByCode)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  return `${d.date}  ${d.snapshotId}  accounts ${d.accounts}, notes ${d.notes}, comments ${d.comments}; violators ${d.violators}, new ${d.newViolators}${fresh ? ` (${fresh})` : ''}, stopped ${d.stopped}, quiet ${d.quiet}, returned ${d.returned}`;
}

async function generateDaily(o: GenerateOpts, days: number, out: Output): Promise<void> {
  const started = performance.now();
  let last = 0;
  const summary = await generateDays({
    days,
    start: o.start,
    accounts: o.accounts,
    seed: o.seed,
    outDir: o.out,
    partsPerKind: o.parts,
    gzip: !o.plain,
    ...(o.followerTiers ? { followerTiers: o.followerTiers } : {}),
    onProgress: (n) => {
      if (!out.json && n - last >= Math.max(10_000, o.accounts / 10)) {
        last = n;
        out.info(`[generate] ${n}/${o.accounts} accounts, ${days} days`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  out.result({ ...summary, outDir: o.out, seconds }, () =>
    [...summary.days.map(dayLine), `${days} daily snapshots written to ${o.out}/<YYYY-MM-DD>/ in ${seconds.toFixed(1)} s; listed in ${o.out}/days.json`].join('\n'),
  );
}
