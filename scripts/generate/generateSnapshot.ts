/**
 * The synthetic snapshot generator: a believable platform (organic majority, brands, professionals) with
 * black/grey-market behaviour planted for every violation code, hard negatives, and exact ground truth in
 * labels.jsonl. Deterministic per (seed, options); streams cohort by cohort, so memory stays flat however
 * many accounts are asked for.
 */
import { join } from 'node:path';
import type { RecordKind } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import type { Cohort, GenEnv } from './cohort.ts';
import { generateCohort } from './generateCohort.ts';
import { IdFactory } from './ids.ts';
import { invalidKind, invalidLine, invalidShare } from './invalidRecords.ts';
import { Rng, hashString } from './random.ts';
import { accountRecord, commentRecord, followRecord, labelRecord, noteRecord, reportRecord } from './recordSerializer.ts';
import { SnapshotWriter } from './snapshotWriter.ts';
import { GroupPlanner, resolveMix, type ViolationMix } from './violationMix.ts';

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

export function defaultPartsPerKind(accounts: number): number {
  return Math.max(2, Math.ceil(accounts / 50_000));
}

/** `2026-11-20-gen-<seed>-<accounts>[-<mix hash>]`: readable, and distinct for distinct seeds and sizes. */
export function snapshotIdFor(seed: string, accounts: number, takenAt: string, mix?: Partial<ViolationMix>): string {
  const slug = seed.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 24);
  const seedPart = slug && slug === seed.toLowerCase() ? slug : `${slug ? slug + '-' : ''}${hashString(seed)[0].toString(36)}`;
  const mixPart = mix && Object.keys(mix).length ? `-m${hashString(JSON.stringify(Object.entries(mix).sort()))[1].toString(36)}` : '';
  return `${takenAt.slice(0, 10)}-gen-${seedPart}-${accounts}${mixPart}`;
}

function validate(opts: GenerateOptions): void {
  if (!Number.isInteger(opts.accounts) || opts.accounts < 1) throw new Error(`accounts must be a positive integer, got ${opts.accounts}`);
  if (opts.accounts > 2 ** 40) throw new Error('accounts: too many');
  if (opts.partsPerKind !== undefined && (!Number.isInteger(opts.partsPerKind) || opts.partsPerKind < 1 || opts.partsPerKind > 10_000)) throw new Error(`partsPerKind must be an integer in 1..10000, got ${opts.partsPerKind}`);
  if (opts.invalidRecords !== undefined && (!Number.isInteger(opts.invalidRecords) || opts.invalidRecords < 0)) throw new Error(`invalidRecords must be a non-negative integer, got ${opts.invalidRecords}`);
  if (String(opts.seed).length === 0) throw new Error('seed must not be empty');
  if (!opts.outDir) throw new Error('outDir is required');
}

function parseTakenAt(text: string): number {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms)) throw new Error(`takenAt must be an ISO-8601 UTC timestamp, got ${text}`);
  return ms;
}

/** Shuffles a cohort's records of each kind (so parts are not in generation order) and queues them. */
function writeCohort(writer: SnapshotWriter, cohort: Cohort, rng: Rng, byCode: Record<string, number>): void {
  for (const a of rng.shuffle(cohort.accounts.slice())) writer.add('accounts', JSON.stringify(accountRecord(cohort, rng, a)));
  for (const n of rng.shuffle(cohort.notes)) writer.add('notes', JSON.stringify(noteRecord(n)));
  for (const c of rng.shuffle(cohort.comments)) writer.add('comments', JSON.stringify(commentRecord(c)));
  for (const f of rng.shuffle(cohort.follows)) writer.add('follows', JSON.stringify(followRecord(f)));
  for (const r of rng.shuffle(cohort.reports)) writer.add('reports', JSON.stringify(reportRecord(r)));
  for (const a of cohort.accounts) {
    writer.addLabel(JSON.stringify(labelRecord(a)));
    for (const code of a.codes) byCode[code]++;
  }
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
  const env: GenEnv = { seed, takenAt, ids: new IdFactory(seed), mix, totalAccounts: total };
  const planner = new GroupPlanner(mix);
  const writer = new SnapshotWriter(opts.outDir, parts, gzip, Rng.derive(seed, 'parts'));
  const snapshotId = snapshotIdFor(seed, total, takenAtText, opts.mix);
  const byCode: Record<string, number> = Object.fromEntries(VIOLATION_CODES.map((c) => [c, 0]));
  await writer.open();

  const cohorts = Math.ceil(total / COHORT_SIZE);
  let first = 0;
  let invalidWritten = 0;
  for (let k = 0; k < cohorts; k++) {
    const size = Math.floor(((k + 1) * total) / cohorts) - Math.floor((k * total) / cohorts);
    const cohort = generateCohort(env, planner, k, first, size);
    writeCohort(writer, cohort, Rng.derive(seed, 'write', k), byCode);
    const bad = invalidShare(invalidTotal, cohorts, k);
    const badRng = Rng.derive(seed, 'invalid', k);
    for (let i = 0; i < bad; i++) {
      const kind: RecordKind = invalidKind(badRng);
      writer.add(kind, invalidLine(cohort, badRng, kind, i).line, false, badRng);
      invalidWritten++;
    }
    first += size;
    await writer.flush();
    opts.onProgress?.(first);
  }

  await writer.close({ format: 'crackdown-snapshot/1', snapshotId, takenAt: takenAtText });
  return {
    snapshotId,
    accounts: writer.counts.accounts,
    notes: writer.counts.notes,
    comments: writer.counts.comments,
    follows: writer.counts.follows,
    reports: writer.counts.reports,
    invalidRecords: invalidWritten,
    labelsPath: join(opts.outDir, 'labels.jsonl'),
    byCode,
  };
}
