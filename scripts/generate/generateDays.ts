/**
 * An evolving platform, one full snapshot per day: `<out>/<YYYY-MM-DD>/` (CONTRACT §1, takenAt that day at
 * 00:00 UTC, with its own labels.jsonl) for N consecutive days, and `<out>/days.json` listing them. Each day is
 * a full cumulative export: every account registered by then and every record created by then, so day d+1
 * holds day d's records plus that day's activity. During the run, new farms register (and rings recruit them),
 * and violators stop, go quiet and come back (violatorLifecycle.ts), recorded per day in the labels.
 *
 * The platform is generated once, as of the last day, cohort by cohort; each cohort is then written into every
 * day's folder before the next is made. Memory: one cohort (a few thousand accounts) plus one open gzip stream
 * per part per day (days × (5 × parts + 1) streams, about 0.6 MB each: 28 days × 2 parts measured +170 MB over a
 * single day's run). Output size grows with the days (the sum of N cumulative snapshots).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RECORD_KINDS, type RecordKind } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import { CohortDays } from './cohortDays.ts';
import type { GenEnv } from './cohort.ts';
import { cohortBounds } from './cohortOutput.ts';
import { generateCohort, planCohort } from './generateCohort.ts';
import { COHORT_SIZE, defaultPartsPerKind, snapshotIdFor } from './generateSnapshot.ts';
import { IdFactory } from './ids.ts';
import { hashString } from './random.ts';
import { SnapshotWriter } from './snapshotWriter.ts';
import { DAY, iso } from './time.ts';
import { HISTORY_DAYS } from './organicAccounts.ts';
import { validateFollowerTiers, type FollowerTierShares } from './followerTiers.ts';
import { DEFAULT_LIFECYCLE, ViolatorLifecycles, type LifecycleShares } from './violatorLifecycle.ts';
import { GroupPlanner, resolveMix, type ViolationMix } from './violationMix.ts';

export interface GenerateDaysOptions {
  /** Number of consecutive daily snapshots. */
  days: number;
  /** First day, YYYY-MM-DD (default 2026-11-18, the crackdown's first day). */
  start?: string;
  /** Accounts on the platform by the last day (a few of them register during the run). */
  accounts: number;
  seed: number | string;
  /** Receives one folder per day and days.json. */
  outDir: string;
  partsPerKind?: number;
  gzip?: boolean;
  mix?: Partial<ViolationMix>;
  cohortSize?: number;
  /**
   * Share of device and network farms that register during the run instead of before it. Default 2 % per day of
   * the run after the first, at most half: about five times the rate at which farms register before the run.
   */
  farmArrivalShare?: number;
  /** Shares of violators that stop, or pause and return (default 0.3 and 0.15). */
  lifecycle?: Partial<LifecycleShares>;
  /** Opt-in follower tiers for violators (followerTiers.ts, e.g. SEED_FOLLOWER_TIERS); unset, the default audiences. */
  followerTiers?: FollowerTierShares;
  onDay?: (day: DaySummary) => void;
  onProgress?: (accountsDone: number) => void;
}

export interface DaySummary {
  /** YYYY-MM-DD; also the folder name. */
  date: string;
  snapshotId: string;
  takenAt: string;
  accounts: number;
  notes: number;
  comments: number;
  follows: number;
  reports: number;
  /** Accounts present that day with any code. */
  violators: number;
  byCode: Record<string, number>;
  /** Violators first present that day (registered since the previous day), per code and in all. */
  newViolators: number;
  newByCode: Record<string, number>;
  /** Violators that stopped for good, went quiet, or came back that day. */
  stopped: number;
  quiet: number;
  returned: number;
}

export interface DaysSummary {
  format: 'crackdown-days/1';
  seed: string;
  start: string;
  days: DaySummary[];
}

export const DEFAULT_START = '2026-11-18';
export function defaultFarmArrivalShare(days: number): number {
  return Math.min(0.5, 0.02 * (days - 1));
}
export const MAX_DAYS = 366;

function share(name: string, v: number | undefined): void {
  if (v !== undefined && !(v >= 0 && v <= 1)) throw new Error(`${name} must be a share in 0..1, got ${v}`);
}

function validate(o: GenerateDaysOptions): number {
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > MAX_DAYS) throw new Error(`days must be an integer in 1..${MAX_DAYS}, got ${o.days}`);
  const start = o.start ?? DEFAULT_START;
  const ms = Date.parse(`${start}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(ms) || iso(ms).slice(0, 10) !== start) throw new Error(`start must be a day YYYY-MM-DD, got ${start}`);
  if (!Number.isInteger(o.accounts) || o.accounts < 1) throw new Error(`accounts must be a positive integer, got ${o.accounts}`);
  if (String(o.seed).length === 0) throw new Error('seed must not be empty');
  if (!o.outDir) throw new Error('outDir is required');
  if (o.partsPerKind !== undefined && (!Number.isInteger(o.partsPerKind) || o.partsPerKind < 1 || o.partsPerKind > 10_000))
    throw new Error(`partsPerKind must be an integer in 1..10000, got ${o.partsPerKind}`);
  if (o.cohortSize !== undefined && (!Number.isInteger(o.cohortSize) || o.cohortSize < 50 || o.cohortSize > 100_000))
    throw new Error(`cohortSize must be an integer in 50..100000, got ${o.cohortSize}`);
  share('farmArrivalShare', o.farmArrivalShare);
  share('lifecycle.stop', o.lifecycle?.stop);
  share('lifecycle.pause', o.lifecycle?.pause);
  if (o.followerTiers) validateFollowerTiers(o.followerTiers);
  if ((o.lifecycle?.stop ?? DEFAULT_LIFECYCLE.stop) + (o.lifecycle?.pause ?? DEFAULT_LIFECYCLE.pause) > 1) throw new Error('lifecycle.stop + lifecycle.pause must not exceed 1');
  return ms;
}

/** Day ids extend the single-snapshot id (date, seed, accounts, mix) with the day's place in the run and any non-default evolution. */
function dayIdSuffix(d: number, days: number, o: GenerateDaysOptions): string {
  const evolution = o.farmArrivalShare !== undefined || o.lifecycle ? [o.farmArrivalShare, o.lifecycle?.stop, o.lifecycle?.pause] : undefined;
  const tiers = o.followerTiers ? `-t${hashString(JSON.stringify([o.followerTiers.over10k, o.followerTiers.over100k]))[0].toString(36)}` : '';
  return `-day${d + 1}of${days}${evolution ? `-e${hashString(JSON.stringify(evolution))[0].toString(36)}` : ''}${tiers}`;
}

export async function generateDays(o: GenerateDaysOptions): Promise<DaysSummary> {
  const startMs = validate(o);
  const seed = String(o.seed);
  const start = o.start ?? DEFAULT_START;
  const dayTimes = Array.from({ length: o.days }, (_, d) => startMs + d * DAY);
  const horizon = dayTimes[o.days - 1];
  const mix = resolveMix(o.mix);
  const parts = o.partsPerKind ?? defaultPartsPerKind(o.accounts);
  const gzip = o.gzip ?? true;
  const cohorts = Math.ceil(o.accounts / (o.cohortSize ?? COHORT_SIZE));
  const env: GenEnv = {
    seed,
    takenAt: horizon,
    ids: new IdFactory(seed),
    mix,
    totalAccounts: o.accounts,
    farmArrivals: o.days > 1 ? { from: dayTimes[0], share: o.farmArrivalShare ?? defaultFarmArrivalShare(o.days) } : undefined,
    ...(o.followerTiers ? { followerTiers: o.followerTiers } : {}),
    // each day's snapshot carries a month of follower samples, as a platform's daily export would: the first day's
    // too (cut from a window ending on the last day, it held 2 days, so rules that read follower curves could not act
    // until they had a few, then acted at once on a backlog; the blast-radius guard held the second day at 60k accounts)
    ...(o.days > 1 ? { historyDays: HISTORY_DAYS + o.days - 1 } : {}),
  };
  const lifecycles = new ViolatorLifecycles(seed, dayTimes, { ...DEFAULT_LIFECYCLE, ...o.lifecycle });
  const planner = new GroupPlanner(mix);

  const summaries: DaySummary[] = dayTimes.map((t, d) => {
    const takenAt = iso(t);
    const zero = () => Object.fromEntries(VIOLATION_CODES.map((c) => [c, 0]));
    return {
      date: takenAt.slice(0, 10),
      snapshotId: snapshotIdFor(seed, o.accounts, takenAt, { mix: o.mix, cohortSize: o.cohortSize }) + dayIdSuffix(d, o.days, o),
      takenAt,
      accounts: 0,
      notes: 0,
      comments: 0,
      follows: 0,
      reports: 0,
      violators: 0,
      byCode: zero(),
      newViolators: 0,
      newByCode: zero(),
      stopped: 0,
      quiet: 0,
      returned: 0,
    };
  });
  await mkdir(o.outDir, { recursive: true });
  const writers = summaries.map((s) => new SnapshotWriter(join(o.outDir, s.date), parts, gzip));
  for (const w of writers) await w.open();
  try {
    for (let k = 0; k < cohorts; k++) {
      const { first, size } = cohortBounds(o.accounts, cohorts, k);
      const cohort = generateCohort(env, planCohort(planner, seed, k, size), k, first, size);
      lifecycles.apply(cohort);
      const view = new CohortDays(cohort, seed, dayTimes, parts, lifecycles);
      for (let d = 0; d < o.days; d++) {
        const out = view.render(d);
        await writers[d].write(out.parts, out.labels);
        const s = summaries[d];
        for (const kind of RECORD_KINDS) s[kind as RecordKind] += out.counts[kind];
        for (const code of VIOLATION_CODES) {
          s.byCode[code] += out.byCode[code];
          s.newByCode[code] += out.newByCode[code];
        }
        s.stopped += out.stopped;
        s.quiet += out.quiet;
        s.returned += out.returned;
        s.violators += out.violators;
        s.newViolators += out.newViolators;
      }
      o.onProgress?.(first + size);
    }
  } catch (error) {
    await Promise.allSettled(writers.map((w) => w.abort()));
    throw error;
  }
  for (let d = 0; d < o.days; d++) {
    await writers[d].close({ format: 'crackdown-snapshot/1', snapshotId: summaries[d].snapshotId, takenAt: summaries[d].takenAt });
    o.onDay?.(summaries[d]);
  }
  const summary: DaysSummary = { format: 'crackdown-days/1', seed, start, days: summaries };
  await writeFile(join(o.outDir, 'days.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
