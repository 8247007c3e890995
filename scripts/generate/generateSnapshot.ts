/**
 * The synthetic snapshot generator: a believable platform (organic majority, brands, professionals) with
 * black/grey-market behaviour planted for every violation code, hard negatives, and exact ground truth in
 * labels.jsonl. Deterministic per (seed, options); streams cohort by cohort, so memory stays flat however
 * many accounts are asked for.
 */
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { RECORD_KINDS, type RecordKind } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import type { CohortTask } from './cohortOutput.ts';
import { inProcessSource, workerSource } from './cohortPool.ts';
import { hashString } from './random.ts';
import { SnapshotWriter } from './snapshotWriter.ts';
import { resolveMix, type ViolationMix } from './violationMix.ts';

export type { ViolationMix } from './violationMix.ts';

export interface GenerateOptions {
  /** Number of accounts. */
  accounts: number;
  /** Same seed and options give byte-identical output. */
  seed: number | string;
  /** Receives manifest.json, the parts, and labels.jsonl. */
  outDir: string;
  /** Parts per record kind; default max(2, ceil(accounts / 50 000)). */
  partsPerKind?: number;
  /** Default true: `.jsonl.gz` parts; false: `.jsonl`. */
  gzip?: boolean;
  /** Fraction of accounts planted per code, and relative weight per variant (see violationMix.ts). */
  mix?: Partial<ViolationMix>;
  /** Extra deliberately invalid lines (malformed JSON, missing fields, bad timestamps, wrong types); default 0. */
  invalidRecords?: number;
  /** Snapshot time; default 2026-11-20T00:00:00Z. */
  takenAt?: string;
  onProgress?: (accountsDone: number) => void;
  /**
   * Worker threads producing cohorts in parallel (0 = in this thread). Default: none below 20 000 accounts,
   * otherwise one per CPU up to 4. Output is byte-identical whatever the number.
   */
  workers?: number;
  /** Accounts generated together (default 4000). Cross-account structures live within one cohort; changes the output. */
  cohortSize?: number;
}

export interface GenerateSummary {
  snapshotId: string;
  accounts: number;
  notes: number;
  comments: number;
  follows: number;
  reports: number;
  invalidRecords: number;
  labelsPath: string;
  /** Accounts labelled with each code (every code present, 0 when none). */
  byCode: Record<string, number>;
}

export const DEFAULT_TAKEN_AT = '2026-11-20T00:00:00Z';
/** Accounts generated (and held in memory) together; cross-account structures live within one cohort. */
export const COHORT_SIZE = 4000;

export function defaultWorkers(accounts: number): number {
  return accounts < 20_000 ? 0 : Math.max(1, Math.min(4, availableParallelism()));
}

export function defaultPartsPerKind(accounts: number): number {
  return Math.max(2, Math.ceil(accounts / 50_000));
}

/**
 * `2026-11-20-gen-<seed>-<accounts>[-o<hash>]`: readable, and distinct whenever the records differ (seeds that
 * are not plain slugs get a hash; a non-default mix, cohort size or invalid-record count adds one). Part layout
 * and compression do not change the records, so they do not change the id.
 */
export function snapshotIdFor(seed: string, accounts: number, takenAt: string, variations: { mix?: Partial<ViolationMix>; cohortSize?: number; invalidRecords?: number } = {}): string {
  const slug = seed
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
  const seedPart = slug && slug === seed ? slug : `${slug ? slug + '-' : ''}${hashString(seed)[0].toString(36)}`;
  const mix = variations.mix && Object.keys(variations.mix).length ? Object.entries(variations.mix).sort() : undefined;
  const cohortSize = variations.cohortSize !== undefined && variations.cohortSize !== COHORT_SIZE ? variations.cohortSize : undefined;
  const invalid = variations.invalidRecords ? variations.invalidRecords : undefined;
  const varied = mix || cohortSize || invalid ? `-o${hashString(JSON.stringify([mix, cohortSize, invalid]))[1].toString(36)}` : '';
  return `${takenAt.slice(0, 10)}-gen-${seedPart}-${accounts}${varied}`;
}

function validate(opts: GenerateOptions): void {
  if (!Number.isInteger(opts.accounts) || opts.accounts < 1) throw new Error(`accounts must be a positive integer, got ${opts.accounts}`);
  if (opts.accounts > 2 ** 40) throw new Error('accounts: too many');
  if (opts.partsPerKind !== undefined && (!Number.isInteger(opts.partsPerKind) || opts.partsPerKind < 1 || opts.partsPerKind > 10_000))
    throw new Error(`partsPerKind must be an integer in 1..10000, got ${opts.partsPerKind}`);
  if (opts.invalidRecords !== undefined && (!Number.isInteger(opts.invalidRecords) || opts.invalidRecords < 0))
    throw new Error(`invalidRecords must be a non-negative integer, got ${opts.invalidRecords}`);
  if (String(opts.seed).length === 0) throw new Error('seed must not be empty');
  if (!opts.outDir) throw new Error('outDir is required');
  if (opts.cohortSize !== undefined && (!Number.isInteger(opts.cohortSize) || opts.cohortSize < 50 || opts.cohortSize > 100_000))
    throw new Error(`cohortSize must be an integer in 50..100000, got ${opts.cohortSize}`);
  if (opts.workers !== undefined && (!Number.isInteger(opts.workers) || opts.workers < 0 || opts.workers > 64)) throw new Error(`workers must be an integer in 0..64, got ${opts.workers}`);
}

function parseTakenAt(text: string): number {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms)) throw new Error(`takenAt must be an ISO-8601 UTC timestamp, got ${text}`);
  return ms;
}

export async function generateSnapshot(opts: GenerateOptions): Promise<GenerateSummary> {
  validate(opts);
  const seed = String(opts.seed);
  const takenAtText = opts.takenAt ?? DEFAULT_TAKEN_AT;
  const takenAt = parseTakenAt(takenAtText);
  const mix = resolveMix(opts.mix);
  const total = opts.accounts;
  const gzip = opts.gzip ?? true;
  const parts = opts.partsPerKind ?? defaultPartsPerKind(total);
  const invalidTotal = opts.invalidRecords ?? 0;
  const cohorts = Math.ceil(total / (opts.cohortSize ?? COHORT_SIZE));
  const workers = Math.max(0, Math.min(opts.workers ?? defaultWorkers(total), cohorts));
  const task: CohortTask = { seed, takenAt, accounts: total, cohorts, mix, partsPerKind: parts, invalidRecords: invalidTotal };
  const snapshotId = snapshotIdFor(seed, total, takenAtText, { mix: opts.mix, cohortSize: opts.cohortSize, invalidRecords: invalidTotal });
  const byCode: Record<string, number> = Object.fromEntries(VIOLATION_CODES.map((c) => [c, 0]));
  const counts: Record<RecordKind, number> = { accounts: 0, notes: 0, comments: 0, follows: 0, reports: 0 };
  let invalid = 0;

  const writer = new SnapshotWriter(opts.outDir, parts, gzip);
  await writer.open();
  const source = workers > 0 ? workerSource(task, workers) : inProcessSource(task);
  try {
    for (let out = await source.next(); out; out = await source.next()) {
      await writer.write(out.parts, out.labels);
      for (const kind of RECORD_KINDS) counts[kind] += out.counts[kind];
      for (const code of VIOLATION_CODES) byCode[code] += out.byCode[code];
      invalid += out.invalid;
      opts.onProgress?.(out.accountsDone);
    }
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    await source.close();
  }
  await writer.close({ format: 'crackdown-snapshot/1', snapshotId, takenAt: takenAtText });
  return {
    snapshotId,
    accounts: counts.accounts,
    notes: counts.notes,
    comments: counts.comments,
    follows: counts.follows,
    reports: counts.reports,
    invalidRecords: invalid,
    labelsPath: join(opts.outDir, 'labels.jsonl'),
    byCode,
  };
}
