/**
 * Independent snapshot generator (written blind from CONTRACT.md and the seed
 * articles only; see README.md).
 *
 *   node --import tsx scripts/independentGenerator/generate.ts --accounts N --seed S --out DIR [--parts P]
 *
 * Writes DIR/manifest.json, DIR/<kind>/part-*.jsonl.gz and DIR/labels.jsonl.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mkdir } from 'node:fs/promises';
import { BrandBook } from './brands.ts';
import { buildCohort, emitCohort, rememberCohort } from './cohort.ts';
import { Memory } from './memory.ts';
import { IdMinter } from './opaqueIds.ts';
import { planCohorts } from './population.ts';
import { hash32, Rng } from './prng.ts';
import { SnapshotWriter, type Kind } from './snapshotWriter.ts';
import type { Env } from './world.ts';

export interface GenerateOptions {
  accounts: number;
  seed: number;
  out: string;
  parts?: number;
  takenAt?: string;
  cohortSize?: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  counts: Record<Kind, number>;
  cohorts: number;
  snapshotId: string;
}

export async function generateSnapshot(opts: GenerateOptions): Promise<GenerateResult> {
  const takenAt = opts.takenAt ?? '2026-11-20T00:00:00Z';
  const takenMs = Date.parse(takenAt);
  if (!Number.isFinite(takenMs)) throw new Error(`bad --taken-at ${takenAt}`);
  if (!Number.isInteger(opts.accounts) || opts.accounts < 1) throw new Error('--accounts must be a positive integer');
  const parts = opts.parts ?? Math.max(4, Math.min(64, Math.ceil(opts.accounts / 50_000)));
  const seed = opts.seed >>> 0;
  await mkdir(opts.out, { recursive: true });
  const ids = new IdMinter(seed);
  const env: Env = {
    seed,
    takenMs,
    population: opts.accounts,
    ids,
    brands: new BrandBook(seed, ids),
    memory: new Memory(),
    natPool: Math.max(3000, Math.floor(opts.accounts / 4)),
  };
  const writer = new SnapshotWriter(opts.out, parts, Rng.derive(seed, 'parts'));
  await writer.open();
  let pending: Promise<void> = Promise.resolve();
  let cohorts = 0;
  for (const cohort of planCohorts(Rng.derive(seed, 'plan'), opts.accounts, opts.cohortSize ?? 2000)) {
    const world = buildCohort(env, cohort);
    await pending;
    emitCohort(world, writer, cohort.index);
    rememberCohort(world, cohort.index);
    pending = writer.flush();
    cohorts++;
    if (opts.log && cohorts % 25 === 0) opts.log(`cohort ${cohorts}: ${writer.counts.accounts} accounts`);
  }
  await pending;
  const snapshotId = `${takenAt.slice(0, 10)}-independent-s${seed}-n${opts.accounts}`;
  await writer.close({ snapshotId, takenAt });
  return { counts: { ...writer.counts }, cohorts, snapshotId };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      parts: { type: 'string' },
      'taken-at': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (!values.accounts || !values.out) {
    process.stderr.write('usage: generate.ts --accounts N --seed S --out DIR [--parts P] [--taken-at ISO]\n');
    process.exit(2);
  }
  const log = values.quiet ? undefined : (line: string) => process.stderr.write(`${line}\n`);
  const result = await generateSnapshot({
    accounts: Number(values.accounts),
    seed: /^\d+$/.test(values.seed ?? '') ? Number(values.seed) : hash32(values.seed ?? ''),
    out: values.out,
    parts: values.parts ? Number(values.parts) : undefined,
    takenAt: values['taken-at'],
    log,
  });
  log?.(`wrote ${values.out}: ${JSON.stringify(result.counts)} in ${result.cohorts} cohorts (${result.snapshotId})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
