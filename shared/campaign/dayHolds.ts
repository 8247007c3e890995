/**
 * What kept a campaign day's decisions from being enforced: the review (a rule whose sampled precision was too
 * low, or an account a reviewer found wrong) or the blast-radius guard (a rule or the whole day over its
 * ceilings, sent to human review; while that review is open every decision of the day waits). Pure: the day's
 * decisions, its review sample and its guard verdict in, one count per account.
 */
import { isDecisionHeld } from '#shared/policy/consequences';
import type { Action } from '#shared/contract/decisionExport';

export interface DayReview {
  /** Absent: the day never reached its review. */
  sample?: { status?: 'open' | 'closed' | 'timed-out'; heldRules: string[]; heldAccounts?: string[] };
  guard?: { tripped: boolean; heldRules: Array<{ ruleId: string }> };
}

export type HoldReason = 'review' | 'guard';

/** Whether Enforce acts on a decision with an action (`undefined`) or what holds it. */
export function holdOf(d: { accountId: string; ruleIds: string[] }, day: DayReview): HoldReason | undefined {
  const { sample, guard } = day;
  const released = sample !== undefined && sample.status !== 'open' && sample.status !== 'timed-out';
  if (!released) return guard?.tripped ? 'guard' : 'review';
  const byRule = isDecisionHeld(d.ruleIds, new Set(sample.heldRules));
  if (!byRule && !(sample.heldAccounts ?? []).includes(d.accountId)) return undefined;
  const guardRules = new Set((guard?.heldRules ?? []).map((h) => h.ruleId));
  return byRule && guardRules.size > 0 && isDecisionHeld(d.ruleIds, guardRules) ? 'guard' : 'review';
}

export interface DayHolds {
  /** The day's review has released it to Enforce. */
  released: boolean;
  guardTripped: boolean;
  heldByReview: number;
  heldByGuard: number;
}

export function countDayHolds(decisions: Iterable<{ accountId: string; action: Action; ruleIds: string[] }>, day: DayReview): DayHolds {
  const out: DayHolds = {
    released: day.sample !== undefined && day.sample.status !== 'open' && day.sample.status !== 'timed-out',
    guardTripped: day.guard?.tripped ?? false,
    heldByReview: 0,
    heldByGuard: 0,
  };
  for (const d of decisions) {
    if (d.action === 'none') continue;
    const hold = holdOf(d, day);
    if (hold === 'review') out.heldByReview += 1;
    else if (hold === 'guard') out.heldByGuard += 1;
  }
  return out;
}
