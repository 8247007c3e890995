/**
 * Over a run, the platform evolves as the labels say: farms register during the run (violators absent from
 * day 1), violators that stop write nothing after their stop day, paused ones write nothing while quiet and
 * write again once back. A counterfactual run of the same seed with no stops or pauses shows the removed
 * activity was really there to remove.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Note } from '#shared/contract/snapshotRecords';
import { readLabels as readEvaluationLabels } from '#shared/evaluation/labels';
import { authored, makeDays, readDay, type Day, type DayLabel, type DaysFixture } from './daysFixture.ts';
import { readLabels } from './snapshotFixture.ts';

const DAYS = 16;
const OPTIONS = { days: DAYS, accounts: 800, seed: 'evolve', farmArrivalShare: 0.6 };
let fx: DaysFixture;
let counterfactual: DaysFixture;
let labelsByDay: DayLabel[][];
let last: Day;
let lastWithoutLifecycle: Day;

beforeAll(async () => {
  [fx, counterfactual] = await Promise.all([makeDays({ ...OPTIONS, lifecycle: { stop: 0.35, pause: 0.35 } }), makeDays({ ...OPTIONS, lifecycle: { stop: 0, pause: 0 } })]);
  labelsByDay = fx.summary.days.map((d) => readLabels(join(fx.dir, d.date)) as DayLabel[]);
  last = readDay(fx, fx.summary.days[DAYS - 1].date);
  lastWithoutLifecycle = readDay(counterfactual, counterfactual.summary.days[DAYS - 1].date);
}, 300_000); // two 16-day runs: about a minute on a busy two-core machine
afterAll(async () => {
  await Promise.all([fx?.cleanup(), counterfactual?.cleanup()]);
});

function lastLabels(activity: DayLabel['activity']): DayLabel[] {
  return labelsByDay[DAYS - 1].filter((l) => l.activity === activity);
}

function writtenBy(day: Day): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of authored(day)) {
    const list = out.get(r.accountId);
    if (list) list.push(r.at);
    else out.set(r.accountId, [r.at]);
  }
  return out;
}

describe('generateDays: violators over the run', () => {
  it('brings new violators on later days: labelled accounts absent from day 1, marked new on their first day', () => {
    const day1 = new Set(labelsByDay[0].map((l) => l.accountId));
    const arrived = labelsByDay[DAYS - 1].filter((l) => !day1.has(l.accountId) && l.codes.length > 0);
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.some((l) => l.codes.includes('fake-account'))).toBe(true);
    for (const l of arrived) {
      const first = labelsByDay.findIndex((day) => day.some((x) => x.accountId === l.accountId));
      expect(first).toBeGreaterThan(0);
      expect(labelsByDay[first].find((x) => x.accountId === l.accountId)!.activity).toBe('new');
    }
    expect(fx.summary.days.reduce((s, d) => s + d.newViolators, 0)).toBeGreaterThanOrEqual(arrived.length);
    expect(fx.summary.days.slice(1).reduce((s, d) => s + d.newByCode['fake-account'], 0)).toBeGreaterThan(0);
  });

  it('keeps labels ground truth across days: same codes and variants for an account every day, readable by the evaluation', async () => {
    const first = new Map<string, string>();
    for (const day of labelsByDay) {
      for (const l of day) {
        const truth = JSON.stringify([l.codes, l.variants, l.hardNegative]);
        expect(first.get(l.accountId) ?? truth).toBe(truth);
        first.set(l.accountId, truth);
        expect(l.activity === undefined).toBe(l.codes.length === 0);
      }
    }
    const parsed = await readEvaluationLabels(createReadStream(join(last.dir, 'labels.jsonl')));
    expect(parsed.size).toBe(labelsByDay[DAYS - 1].length);
  });

  it('moves each violator through its states in order: never back from stopped, returned only after quiet', () => {
    const seq = new Map<string, string[]>();
    for (const day of labelsByDay) for (const l of day) if (l.activity) seq.set(l.accountId, [...(seq.get(l.accountId) ?? []), l.activity]);
    const next: Record<string, string[]> = {
      new: ['continuing', 'stopped', 'quiet'],
      continuing: ['continuing', 'stopped', 'quiet'],
      stopped: ['stopped'],
      quiet: ['quiet', 'returned'],
      returned: ['returned'],
    };
    const bad: string[] = [];
    for (const [id, states] of seq) for (let i = 1; i < states.length; i++) if (!next[states[i - 1]].includes(states[i])) bad.push(`${id}: ${states.join(' → ')}`);
    expect(bad.slice(0, 5)).toEqual([]);
    for (const kind of ['stopped', 'quiet', 'returned'] as const)
      expect(
        fx.summary.days.reduce((s, d) => s + d[kind], 0),
        kind,
      ).toBeGreaterThan(0);
  });

  it('shows nothing written by a stopped violator after its stop day, though it would have written more', () => {
    const stopped = lastLabels('stopped');
    expect(stopped.length).toBeGreaterThan(0);
    const written = writtenBy(last);
    const wouldHave = writtenBy(lastWithoutLifecycle);
    let silenced = 0;
    for (const l of stopped) {
      const at = Date.parse(l.stoppedAt!);
      expect((written.get(l.accountId) ?? []).filter((t) => t > at)).toEqual([]);
      if ((wouldHave.get(l.accountId) ?? []).some((t) => t > at)) silenced++;
    }
    expect(silenced).toBeGreaterThan(0);
  });

  it('shows nothing written while quiet, and writing again after a returned violator came back', () => {
    const written = writtenBy(last);
    const wouldHave = writtenBy(lastWithoutLifecycle);
    const quiet = lastLabels('quiet');
    for (const l of quiet) expect((written.get(l.accountId) ?? []).filter((t) => t > Date.parse(l.quietFrom!))).toEqual([]);
    const returned = lastLabels('returned');
    expect(returned.length).toBeGreaterThan(0);
    let silenced = 0;
    let back = 0;
    for (const l of returned) {
      const [from, until] = [Date.parse(l.quietFrom!), Date.parse(l.returnedAt!)];
      expect(until - from).toBeGreaterThanOrEqual(7 * 86_400_000);
      expect(until - from).toBeLessThanOrEqual(14 * 86_400_000);
      const times = written.get(l.accountId) ?? [];
      expect(times.filter((t) => t > from && t <= until)).toEqual([]);
      if (times.some((t) => t > until)) back++;
      if ((wouldHave.get(l.accountId) ?? []).some((t) => t > from && t <= until)) silenced++;
    }
    expect(back).toBeGreaterThan(0);
    expect(silenced).toBeGreaterThan(0);
  });

  it('rolls fields back to the day: nicknames before later renames, notes not yet deleted or hidden', () => {
    const first = readDay(fx, fx.summary.days[0].date);
    const day1 = Date.parse(`${first.date}T00:00:00Z`);
    const early = new Map(first.of<Account>('accounts').map((a) => [a.accountId, a]));
    let renamed = 0;
    for (const a of last.of<Account>('accounts')) {
      const then = early.get(a.accountId);
      const later = (a.nicknameHistory ?? []).findIndex((h) => Date.parse(h.changedAt) > day1);
      if (!then || later < 0) continue;
      renamed++;
      expect(then.nickname).toBe(a.nicknameHistory![later].nickname);
      expect(then.nicknameHistory ?? []).toEqual(a.nicknameHistory!.slice(0, later));
    }
    const earlyNotes = new Map(first.of<Note>('notes').map((n) => [n.noteId, n]));
    let undone = 0;
    for (const n of last.of<Note>('notes')) {
      const then = earlyNotes.get(n.noteId);
      const gone = n.deletedAt ?? n.hiddenAt;
      if (!then || !gone || Date.parse(gone) <= day1) continue;
      undone++;
      expect([then.deletedAt, then.hiddenAt]).toEqual([undefined, undefined]);
    }
    expect(renamed + undone).toBeGreaterThan(0);
  });
});
