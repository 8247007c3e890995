/**
 * Turns cohort k into the bytes it contributes to each part, plus its labels and counts. The result depends
 * only on (task, k), never on which thread made it or what was made before, so cohorts can be produced in
 * parallel and written in order with byte-identical output.
 */
import { RECORD_KINDS, type RecordKind } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import type { Cohort, GenEnv } from './cohort.ts';
import { generateCohort, planCohort } from './generateCohort.ts';
import { IdFactory } from './ids.ts';
import { invalidKind, invalidLine, invalidShare } from './invalidRecords.ts';
import { Rng } from './random.ts';
import { accountLine, commentLine, followLine, labelRecord, noteLine, reportLine } from './recordSerializer.ts';
import { GroupPlanner, type ViolationMix } from './violationMix.ts';

/** Everything a producer needs; plain data so it can be posted to a worker. */
export interface CohortTask {
  seed: string;
  takenAt: number;
  accounts: number;
  cohorts: number;
  mix: ViolationMix;
  partsPerKind: number;
  invalidRecords: number;
}

export interface CohortOutput {
  index: number;
  /** Accounts generated so far, this cohort included. */
  accountsDone: number;
  /** UTF-8 JSON Lines per kind and part (empty when the cohort put nothing in that part). */
  parts: Record<RecordKind, Uint8Array[]>;
  labels: Uint8Array;
  counts: Record<RecordKind, number>;
  byCode: Record<string, number>;
  invalid: number;
}

export function cohortBounds(accounts: number, cohorts: number, k: number): { first: number; size: number } {
  const first = Math.floor((k * accounts) / cohorts);
  return { first, size: Math.floor(((k + 1) * accounts) / cohorts) - first };
}

const EMPTY = new Uint8Array(0);

/**
 * Lines → UTF-8 bytes. Lines are appended to a string and encoded every ~32K characters: much cheaper than
 * joining a whole cohort (which flattens hundreds of thousands of concatenated strings at once).
 */
class LineEncoder {
  private text = '';
  private readonly chunks: Buffer[] = [];
  add(line: string): void {
    this.text += line + '\n';
    if (this.text.length > 32_768) {
      this.chunks.push(Buffer.from(this.text));
      this.text = '';
    }
  }
  finish(): Uint8Array {
    if (this.text) this.chunks.push(Buffer.from(this.text));
    this.text = '';
    return this.chunks.length === 0 ? EMPTY : this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
  }
}

export class CohortProducer {
  private readonly env: GenEnv;
  private readonly planner: GroupPlanner;
  private planned = 0;

  constructor(private readonly task: CohortTask) {
    this.env = { seed: task.seed, takenAt: task.takenAt, ids: new IdFactory(task.seed), mix: task.mix, totalAccounts: task.accounts };
    this.planner = new GroupPlanner(task.mix);
  }

  /** Cohorts must be asked for in increasing order (the planner replays any skipped ones). */
  produce(k: number): CohortOutput {
    const { accounts, cohorts, seed } = this.task;
    if (k < this.planned) throw new Error(`cohort ${k} requested after ${this.planned - 1}`);
    for (; this.planned < k; this.planned++) planCohort(this.planner, seed, this.planned, cohortBounds(accounts, cohorts, this.planned).size);
    const { first, size } = cohortBounds(accounts, cohorts, k);
    const plans = planCohort(this.planner, seed, k, size);
    this.planned = k + 1;
    const cohort = generateCohort(this.env, plans, k, first, size);
    return this.serialise(cohort, first + size);
  }

  private serialise(cohort: Cohort, accountsDone: number): CohortOutput {
    const k = cohort.index;
    const parts = this.task.partsPerKind;
    const order = Rng.derive(this.task.seed, 'order', k);
    const placement = Rng.derive(this.task.seed, 'parts', k);
    const buffers = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, Array.from({ length: parts }, () => new LineEncoder())])) as Record<RecordKind, LineEncoder[]>;
    const counts: Record<RecordKind, number> = { accounts: 0, notes: 0, comments: 0, follows: 0, reports: 0 };
    const put = (kind: RecordKind, line: string, rng: Rng) => buffers[kind][Math.floor(rng.next() * parts)].add(line);
    const add = (kind: RecordKind, line: string) => {
      put(kind, line, placement);
      counts[kind]++;
    };
    // Shuffled so parts are not in generation order.
    for (const a of order.shuffle(cohort.accounts.slice())) add('accounts', accountLine(cohort, order, a));
    for (const n of order.shuffle(cohort.notes)) add('notes', noteLine(n));
    for (const c of order.shuffle(cohort.comments)) add('comments', commentLine(c));
    for (const f of order.shuffle(cohort.follows)) add('follows', followLine(f));
    for (const r of order.shuffle(cohort.reports)) add('reports', reportLine(r));

    // Deliberately invalid lines: own stream, own id ranges, so valid records are the same with or without them.
    const bad = invalidShare(this.task.invalidRecords, this.task.cohorts, k);
    const badRng = Rng.derive(this.task.seed, 'invalid', k);
    for (let i = 0; i < bad; i++) {
      const kind = invalidKind(badRng);
      put(kind, invalidLine(cohort, badRng, kind, i).line, badRng);
    }

    const byCode: Record<string, number> = Object.fromEntries(VIOLATION_CODES.map((c) => [c, 0]));
    const labels = new LineEncoder();
    for (const a of cohort.accounts) {
      labels.add(JSON.stringify(labelRecord(a)));
      for (const code of a.codes) byCode[code]++;
    }
    return {
      index: k,
      accountsDone,
      parts: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, buffers[kind].map((b) => b.finish())])) as Record<RecordKind, Uint8Array[]>,
      labels: labels.finish(),
      counts,
      byCode,
      invalid: bad,
    };
  }
}
