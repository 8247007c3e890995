/**
 * Praise bursts: several distinct accounts posting near-identical comments (same fingerprint)
 * within a short window, or selling/amplifying together whatever the words; short generic
 * praise needs a tighter window and more accounts. A burst is cut into lockstep runs, and each
 * member gets one signal per note naming everyone it burst with.
 */
import type { Signal } from '../../finding.ts';
import { capped, signal } from '../common.ts';
import type { Row } from './commentRow.ts';
import { CHANNEL_NOTE_COMMENTS, CODE, RULE_PRAISE } from './rules.ts';

export function praiseBursts(noteId: string, rows: Row[], author: string | undefined, th: Record<string, number>): Signal[] {
  const byPrint = new Map<number, Row[]>();
  for (const r of rows) {
    if (r.l < 2 || r.a === author) continue;
    let list = byPrint.get(r.h);
    if (!list) byPrint.set(r.h, (list = []));
    list.push(r);
  }
  const members = new Map<string, Set<string>>(); // account → its comment ids in bursts
  const bystandersOf = new Map<string, number>(); // account → fewest bystanders among its runs
  const groups: string[][] = [];
  for (const list of byPrint.values()) {
    if (list.length < Math.min(th.minAccounts, th.genericMinAccounts)) continue;
    const generic = list[0].l <= th.genericMaxLength;
    const window = generic ? th.genericWindowSeconds : th.windowSeconds;
    const need = generic ? th.genericMinAccounts : th.minAccounts;
    // sliding window over time (rows already sorted); collect members of qualifying windows
    const inBurst = new Set<number>();
    let lo = 0;
    const counts = new Map<string, number>();
    for (let hi = 0; hi < list.length; hi++) {
      counts.set(list[hi].a, (counts.get(list[hi].a) ?? 0) + 1);
      while (list[hi].t - list[lo].t > window) {
        const a = list[lo].a;
        const n = counts.get(a)! - 1;
        if (n === 0) counts.delete(a);
        else counts.set(a, n);
        lo += 1;
      }
      if (counts.size >= need) for (let i = lo; i <= hi; i++) inBurst.add(i);
    }
    for (const run of lockstepRuns(list, inBurst, th.lockstepGapSeconds, need)) groups.push(addRun(rows, list, run, members, bystandersOf));
  }
  // activity bursts: several accounts selling or amplifying on the note within the window, whatever the words
  const promo = rows.filter((r) => r.k === 1 && r.a !== author);
  if (promo.length >= th.minAccounts) {
    const inBurst = new Set<number>();
    let lo = 0;
    const counts = new Map<string, number>();
    for (let hi = 0; hi < promo.length; hi++) {
      counts.set(promo[hi].a, (counts.get(promo[hi].a) ?? 0) + 1);
      while (promo[hi].t - promo[lo].t > th.windowSeconds) {
        const a = promo[lo].a;
        const n = counts.get(a)! - 1;
        if (n === 0) counts.delete(a);
        else counts.set(a, n);
        lo += 1;
      }
      // a ring's burst is nearly all selling/amplifying; on a busy note the organic stream around a few such comments is not
      if (counts.size >= th.minAccounts && promoShare(rows, promo[lo].t, promo[hi].t, hi - lo + 1) >= th.promoMinShare) for (let i = lo; i <= hi; i++) inBurst.add(i);
    }
    for (const run of lockstepRuns(promo, inBurst, th.lockstepGapSeconds, th.minAccounts)) groups.push(addRun(rows, promo, run, members, bystandersOf));
  }
  // one signal per member per note, naming everyone it burst with
  const partnersOf = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const a of g) {
      let set = partnersOf.get(a);
      if (!set) partnersOf.set(a, (set = new Set()));
      for (const b of g) if (b !== a) set.add(b);
    }
  }
  const out: Signal[] = [];
  for (const a of [...partnersOf.keys()].sort()) {
    {
      const related = [...partnersOf.get(a)!];
      const g = related;
      out.push(
        signal(a, CHANNEL_NOTE_COMMENTS, CODE, RULE_PRAISE, noteId, Math.min(0.9, 0.4 + 0.05 * g.length), {
          summary: `one of ${g.length + 1} accounts commenting in a coordinated burst`,
          noteIds: [noteId],
          commentIds: capped(members.get(a)!, 10),
          relatedAccountIds: capped(related, 50),
          // read by ring-associate: a one-time member of a run interleaved with organic traffic is not told apart from it
          clusterKey: `bystanders:${bystandersOf.get(a) ?? 0}`,
        }),
      );
    }
  }
  return out;
}

/**
 * The lockstep runs of a burst: its comments (indices into `list`, sorted by time) split wherever
 * two consecutive ones are more than `gap` seconds apart; only runs with ≥ `need` accounts count.
 * A ring posts one after another within a minute or two; an organic comment 20 minutes before or
 * after (still inside the burst window) is not part of it, and two runs on one note by different
 * groups are two groups, not one.
 */
function lockstepRuns(list: Row[], inBurst: Set<number>, gap: number, need: number): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  const flush = () => {
    if (new Set(run.map((i) => list[i].a)).size >= need) runs.push(run);
    run = [];
  };
  for (const i of [...inBurst].sort((x, y) => x - y)) {
    if (run.length > 0 && list[i].t - list[run[run.length - 1]].t > gap) flush();
    run.push(i);
  }
  flush();
  return runs;
}

/**
 * Records a run's comments under their authors, and for each author the fewest bystanders of its
 * runs: comments by other accounts posted within the run's span. A ring on a quiet note has none;
 * on a busy note the run is interleaved with ordinary traffic, and whoever of that traffic used a
 * selling word is in the run too. Returns the run's accounts (sorted).
 */
function addRun(rows: Row[], list: Row[], run: number[], members: Map<string, Set<string>>, bystandersOf: Map<string, number>): string[] {
  const accounts = new Set<string>();
  for (const i of run) {
    const r = list[i];
    accounts.add(r.a);
    let set = members.get(r.a);
    if (!set) members.set(r.a, (set = new Set()));
    set.add(r.c);
  }
  const from = list[run[0]].t;
  const to = list[run[run.length - 1]].t;
  let bystanders = 0;
  for (const r of rows) if (r.t >= from && r.t <= to && !accounts.has(r.a)) bystanders += 1;
  for (const a of accounts) bystandersOf.set(a, Math.min(bystandersOf.get(a) ?? Infinity, bystanders));
  return [...accounts].sort();
}

/** Share of all comments in [from, to] (rows sorted by time) that are the `n` selling/amplifying ones. */
function promoShare(rows: Row[], from: number, to: number, n: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].t < from) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let i = lo; i < rows.length && rows[i].t <= to; i++) total += 1;
  return total === 0 ? 0 : n / total;
}
