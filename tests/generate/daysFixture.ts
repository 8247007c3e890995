/** Generates small multi-day runs into temp folders and reads each day back (see snapshotFixture.ts). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordSchemas, type RecordKind } from '#shared/contract/snapshotRecords';
import { generateDays, type DaysSummary, type GenerateDaysOptions } from '#scripts/generate/generateDays';
import { readLabels, readLines, records, type Label, type Line } from './snapshotFixture.ts';

export interface DayLabel extends Label {
  activity?: 'new' | 'continuing' | 'stopped' | 'quiet' | 'returned';
  stoppedAt?: string;
  quietFrom?: string;
  returnedAt?: string;
}

export interface DaysFixture {
  dir: string;
  summary: DaysSummary;
  cleanup(): Promise<void>;
}

export async function makeDays(opts: Omit<GenerateDaysOptions, 'outDir'>): Promise<DaysFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-days-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    return { dir, summary: await generateDays({ ...opts, outDir: dir }), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export interface Day {
  date: string;
  dir: string;
  lines: Line[];
  labels: DayLabel[];
  of<T = Record<string, unknown>>(kind: RecordKind): T[];
}

export function readDay(fx: DaysFixture, date: string): Day {
  const dir = join(fx.dir, date);
  const lines = readLines(dir);
  return { date, dir, lines, labels: readLabels(dir) as DayLabel[], of: (kind) => records(lines, kind) };
}

/** The sweep's own per-record validation (CONTRACT §1 schemas). */
export function isValidLine(line: Line): boolean {
  try {
    return recordSchemas[line.kind].safeParse(JSON.parse(line.text)).success;
  } catch {
    return false;
  }
}

/** Who wrote a record and when, for any kind (follows are written by the follower, reports by the reporter). */
export function authored(day: Day): { accountId: string; at: number; kind: RecordKind }[] {
  const out: { accountId: string; at: number; kind: RecordKind }[] = [];
  for (const n of day.of<{ accountId: string; createdAt: string }>('notes')) out.push({ accountId: n.accountId, at: Date.parse(n.createdAt), kind: 'notes' });
  for (const c of day.of<{ accountId: string; createdAt: string }>('comments')) out.push({ accountId: c.accountId, at: Date.parse(c.createdAt), kind: 'comments' });
  for (const f of day.of<{ followerId: string; createdAt: string }>('follows')) out.push({ accountId: f.followerId, at: Date.parse(f.createdAt), kind: 'follows' });
  for (const r of day.of<{ reporterId: string; createdAt: string }>('reports')) out.push({ accountId: r.reporterId, at: Date.parse(r.createdAt), kind: 'reports' });
  return out;
}
