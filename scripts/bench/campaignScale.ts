/**
 * `npm run bench:campaign`: a 28-day campaign at a stated scale, played on the embedded stack as `crackdown
 * campaign run` plays it, and its report's proportions set beside the seeds' announcement (1,259,709 handled,
 * 4,941 over 10k followers = 0.39 %, 252 over 100k = 0.02 %), with the generator's labels telling how many of
 * the handled were innocent (no planted code on any day). The daily snapshots are cached in bench-out/ by size,
 * seed, days and tiers; the campaign's state is fresh on every run. Results: bench-out/campaign-scale-*.json.
 *
 *   npm run bench:campaign -- --accounts 3000 [--days 28] [--seed 1] [--tiers seeds|default] [--workers 2]
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { auditRepository } from '#shared/adapters/stageDependencies';
import { campaignDays, sweepIdFor } from '#shared/campaign/campaignCalendar';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { initialState } from '#shared/campaign/campaignState';
import { followerTier } from '#shared/review/followerTier';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { DEFAULT_START, generateDays } from '#scripts/generate/generateDays';
import { SEED_FOLLOWER_TIERS } from '#scripts/generate/followerTiers';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';
import { gatherCampaign } from '#scripts/cli/commands/campaignReport';
import { makeOutput, type Output } from '#scripts/cli/output';
import { playCampaign, type PlayedDay } from '#scripts/cli/playCampaign';
import { resumeSweep } from '#scripts/cli/runSweep';
import { readDayLabels, reviewByLabels, type LabelledReview } from './labelReviewer.ts';

// as the CLI does (scripts/cli/bin.mjs): the stages' logs and metric lines are for CloudWatch, not this terminal;
// the handlers are imported lazily, after this runs
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

const SEEDS = { handled: 1_259_709, over10k: 4_941, over100k: 252 };
const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer, got "${v}"`);
  return n;
};
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(3)}%` : '–');

const o = new Command('bench:campaign')
  .description('play a 28-day campaign at a stated scale and compare its report’s follower-tier proportions with the seeds’')
  .option('--accounts <n>', 'accounts on the platform by the last day', int('--accounts'), 3000)
  .option('--days <n>', 'days of the campaign', int('--days'), 28)
  .option('--seed <seed>', 'generator seed', '1')
  .addOption(new Option('--tiers <tiers>', 'violators’ follower tiers: the seeds’ shares, or the generator’s default audiences').choices(['seeds', 'default']).default('seeds'))
  .option('--workers <n>', 'worker threads for the map stages', (v) => Number(v))
  .option('--out <dir>', 'where snapshots and results go', 'bench-out')
  .parse(process.argv)
  .opts<{ accounts: number; days: number; seed: string; tiers: 'seeds' | 'default'; workers?: number; out: string }>();

const base = resolve(o.out, `campaign-${o.accounts}-${o.seed}-${o.days}d-${o.tiers}`);
const exportsDir = join(base, 'exports');
const t0 = performance.now();
if (!existsSync(join(exportsDir, 'days.json'))) {
  process.stderr.write(`[bench:campaign] generating ${o.days} daily snapshots of ${o.accounts} accounts (tiers ${o.tiers}) into ${exportsDir}\n`);
  await generateDays({ days: o.days, start: DEFAULT_START, accounts: o.accounts, seed: o.seed, outDir: exportsDir, ...(o.tiers === 'seeds' ? { followerTiers: SEED_FOLLOWER_TIERS } : {}) });
}
const generateSeconds = (performance.now() - t0) / 1000;

// every account that carries a planted code on any day is a violator; the others handled are innocent
const violator = new Set<string>();
for (const day of JSON.parse(readFileSync(join(exportsDir, 'days.json'), 'utf8')).days as Array<{ date: string }>) {
  for (const line of readFileSync(join(exportsDir, day.date, 'labels.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const l = JSON.parse(line) as { accountId: string; codes: string[] };
    if (l.codes.length) violator.add(l.accountId);
  }
}

const stateDir = join(base, 'state');
await rm(stateDir, { recursive: true, force: true });
await mkdir(stateDir, { recursive: true });
const stack = await startEmbeddedStack({ stateDir, quiet: true });
const result = await (async () => {
  try {
    const policy = defaultPolicy();
    const end = new Date(Date.parse(`${DEFAULT_START}T00:00:00Z`) + (o.days - 1) * 86_400_000).toISOString().slice(0, 10);
    const campaign = parseCampaign(
      {
        campaignId: 'bench',
        version: 1,
        title: `${o.days}-day crackdown, ${o.accounts} accounts`,
        period: { start: DEFAULT_START, end },
        schedule: { at: '08:00', timeZone: 'Asia/Shanghai' },
        policyVersion: policy.policyVersion,
        snapshotTemplate: join(exportsDir, '{date}'),
      },
      'bench',
    );
    const store = new DynamoCampaignStore();
    await store.addVersion({ campaign, policy, createdAt: '2026-11-17T00:00:00Z' });
    await store.setState(initialState('bench', '2026-11-17T00:00:00Z', 'bench'), undefined);
    const t1 = performance.now();
    // the stages' progress bars stay off (a JSON output), but each day's start is a line on stderr: a run takes an hour
    const quiet = makeOutput(true);
    const out: Output = { ...quiet, info: (line) => (line.startsWith('[campaign]') ? process.stderr.write(`${line}\n`) : undefined) };
    const signal = new AbortController().signal;
    // a day the review or the guard holds is judged by the labels and closed, as a reviewer would, and the campaign goes on
    const played = new Map<string, PlayedDay>();
    const reviews: Array<{ day: string; cases: number; verdicts: LabelledReview['verdicts']; heldRules: string[] }> = [];
    for (;;) {
      const ran = await playCampaign('bench', { workers: o.workers }, out, signal);
      for (const d of ran) if (d.outcome !== 'already swept') played.set(d.day, d);
      const last = ran.at(-1);
      if (!last?.outcome.startsWith('held for review')) break;
      const r = await reviewByLabels(last.sweepId, readDayLabels(join(exportsDir, last.day, 'labels.jsonl')));
      reviews.push({ day: last.day, cases: r.cases, verdicts: r.verdicts, heldRules: r.gate.heldRules });
      process.stderr.write(`[bench:campaign] ${last.day}: review of ${r.cases} cases judged by the labels ${JSON.stringify(r.verdicts)}; held rules: ${r.gate.heldRules.join(', ') || 'none'}\n`);
      const resumed = await resumeSweep(last.sweepId, out, signal, o.workers);
      played.set(last.day, { ...last, outcome: 'paused' in resumed ? last.outcome : `swept after review: ${resumed.enforcement.applied} applied` });
      if ('paused' in resumed) break;
    }
    const playSeconds = (performance.now() - t1) / 1000;
    const { report } = await gatherCampaign('bench');
    if (report.mode !== 'enforce') throw new Error('bench campaign is not enforcing');
    // each handled account's highest follower count among the acts the report counts
    const counted = new Set(report.report.statementsOfReasons.map((s) => s.puid));
    const followers = new Map<string, number>();
    for (const day of campaignDays(campaign)) {
      for (const e of await auditRepository().ledgerForSweep(sweepIdFor(campaign, day))) {
        if (e.step === 'enforce' && counted.has(`${e.sweepId}/${e.accountId}`)) followers.set(e.accountId, Math.max(followers.get(e.accountId) ?? 0, e.followerCount ?? 0));
      }
    }
    const innocent = [...followers].filter(([a]) => !violator.has(a));
    const innocentByTier: Record<string, number> = {};
    for (const [, f] of innocent) innocentByTier[followerTier(f)] = (innocentByTier[followerTier(f)] ?? 0) + 1;
    return { played: [...played.values()], reviews, playSeconds, report, innocent: innocent.length, innocentByTier };
  } finally {
    await stack.stop();
  }
})();

const a = result.report.accountsHandled;
const summary = {
  scale: { accounts: o.accounts, days: o.days, seed: o.seed, tiers: o.tiers, accountSweeps: o.accounts * o.days },
  seconds: { generate: Math.round(generateSeconds), play: Math.round(result.playSeconds) },
  days: { swept: result.played.filter((d) => d.outcome.startsWith('swept')).length, reviewed: result.reviews, notSwept: result.played.filter((d) => !d.outcome.startsWith('swept')) },
  handled: a.accounts,
  over10k: { accounts: a.over10k, share: a.accounts ? a.over10k / a.accounts : 0, seeds: SEEDS.over10k / SEEDS.handled },
  over100k: { accounts: a.over100k, share: a.accounts ? a.over100k / a.accounts : 0, seeds: SEEDS.over100k / SEEDS.handled },
  // what the seeds' shares predict at this many handled accounts (below 1, the scale cannot show the tier)
  expectedAtSeedShares: { over10k: (a.accounts * SEEDS.over10k) / SEEDS.handled, over100k: (a.accounts * SEEDS.over100k) / SEEDS.handled },
  innocent: { accounts: result.innocent, share: a.accounts ? result.innocent / a.accounts : 0, byTier: result.innocentByTier },
  violatorsPlanted: violator.size,
  held: result.report.held,
  byCode: a.byCode,
  byAction: a.byAction,
  announcement: result.report.announcement,
};
await writeFile(resolve(o.out, `campaign-scale-${o.accounts}-${o.seed}-${o.days}d-${o.tiers}.json`), JSON.stringify(summary, null, 2) + '\n');
console.log(
  [
    `${o.days}-day campaign over ${o.accounts} accounts (seed ${o.seed}, follower tiers: ${o.tiers}): generated in ${summary.seconds.generate} s, played in ${summary.seconds.play} s`,
    `  days swept ${summary.days.swept}/${o.days}${summary.days.notSwept.length ? `; not swept: ${summary.days.notSwept.map((d) => `${d.day} ${d.outcome}`).join('; ')}` : ''}`,
    `  handled ${a.accounts} accounts (of ${violator.size} planted violators)`,
    `  over 10k followers:  ${a.over10k} = ${pct(a.over10k, a.accounts)} of handled (seeds ${pct(SEEDS.over10k, SEEDS.handled)}; expected here ${summary.expectedAtSeedShares.over10k.toFixed(1)})`,
    `  over 100k followers: ${a.over100k} = ${pct(a.over100k, a.accounts)} of handled (seeds ${pct(SEEDS.over100k, SEEDS.handled)}; expected here ${summary.expectedAtSeedShares.over100k.toFixed(2)})`,
    `  innocent (no planted code on any day): ${result.innocent} = ${pct(result.innocent, a.accounts)} of handled; by tier ${JSON.stringify(result.innocentByTier)}`,
    ...result.reviews.map((r) => `  ${r.day}: held, its ${r.cases} review cases judged by the labels ${JSON.stringify(r.verdicts)}; rules the gate held: ${r.heldRules.join(', ') || 'none'}`),
    `  held by review ${result.report.held.byReview}, by the blast-radius guard ${result.report.held.byGuard} (tripped on ${result.report.held.daysGuardTripped} day(s))`,
    '',
    result.report.announcement.zh,
    result.report.announcement.en,
  ].join('\n'),
);
