/**
 * What a shadow campaign would have done: its days' decisions as the enforce entries an enforcing campaign
 * would have written. A decision counts when it has an action and its day's review released it without
 * holding it (dayHolds.ts), and, as Enforce would across days (docs/enforcement.md), not when an earlier
 * would-have entry of the same account already covered every piece of its evidence (the same notes found again
 * the next day are one act). A decision found again whose evidence another campaign's sweeps already acted on
 * (`alreadyActed`) is no act, but the account is listed as found. Pure.
 *
 * Limit: a shadow campaign writes no ledger, so its later days decide as first offenses; an enforcing
 * campaign would have escalated accounts with new evidence. Counting each account once under its strongest
 * action (accountsHandled.ts) keeps the accounts right and may under-state the actions' strength.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';
import { holdOf, type DayReview } from './dayHolds.ts';

export interface ShadowDecision {
  accountId: string;
  codes: ViolationCode[];
  action: Action;
  durationDays?: number;
  ruleIds: string[];
  followerCount: number;
  evidenceKeys?: string[];
  alreadyActed?: { sweepIds: string[] };
}

export interface WouldHaveEntry {
  accountId: string;
  sweepId: string;
  day: string;
  codes: ViolationCode[];
  action: Action;
  durationDays?: number;
  ruleIds: string[];
  followerCount: number;
  evidenceKeys: string[];
}

export interface ShadowDay extends DayReview {
  day: string;
  sweepId: string;
  decisions: Iterable<ShadowDecision>;
}

export interface WouldHave {
  entries: WouldHaveEntry[];
  /** Decisions that rested only on evidence an earlier day's would-have entry already covered. */
  repeated: number;
  /** Accounts found again whose evidence other sweeps (an enforcing campaign's) already acted on. */
  alreadyActed: Set<string>;
}

/** `days` in campaign order. */
export function wouldHaveEntries(days: Iterable<ShadowDay>): WouldHave {
  const out: WouldHave = { entries: [], repeated: 0, alreadyActed: new Set() };
  const covered = new Map<string, Set<string>>();
  for (const day of days) {
    for (const d of day.decisions) {
      if (d.action === 'none') {
        if (d.alreadyActed) out.alreadyActed.add(d.accountId);
        continue;
      }
      if (holdOf(d, day) !== undefined) continue;
      const keys = d.evidenceKeys ?? [];
      const before = covered.get(d.accountId);
      if (keys.length > 0 && before && keys.every((k) => before.has(k))) {
        out.repeated += 1;
        continue;
      }
      const set = before ?? new Set<string>();
      for (const k of keys) set.add(k);
      covered.set(d.accountId, set);
      out.entries.push({
        accountId: d.accountId,
        sweepId: day.sweepId,
        day: day.day,
        codes: d.codes,
        action: d.action,
        ...(d.durationDays !== undefined ? { durationDays: d.durationDays } : {}),
        ruleIds: d.ruleIds,
        followerCount: d.followerCount,
        evidenceKeys: keys,
      });
    }
  }
  return out;
}
