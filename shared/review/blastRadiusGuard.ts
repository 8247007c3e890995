/**
 * The blast-radius guard: a sweep about to act on far more accounts than a crackdown plausibly
 * should is stopped before a single action, and goes to human review whatever its review mode.
 *
 * A detector that misfires on ordinary behaviour (generic reviews, a payment app mentioned in
 * passing) does not produce a few wrong decisions: it produces tens of thousands, all alike. So
 * the guard looks at rates, not at single decisions:
 * - per rule: its share of the judged accounts, and its growth over the same rule's rate in
 *   earlier sweeps (a rule that suddenly fires three times as often has likely met new data);
 * - per sweep: the share of judged accounts it acts on at all;
 * - per follower tier: how many high-reach accounts it would act on without a person looking.
 * Pure: the tally and the history in, the verdict out.
 */
import type { GuardPolicy } from '#shared/policy/policySchema';

export interface GuardTally {
  /** Accounts the sweep judged (resolved), the denominator of every share. */
  judged: number;
  /** Accounts with an action (not `none`). */
  acted: number;
  /** Accounts with an action, per rule that contributed to it. */
  byRule: Record<string, number>;
  /** Accounts with an action, per follower cap (`atLeast`). */
  byFollowerTier: Record<string, number>;
}

/** One earlier sweep's rates, as the guard recorded them (rules it held are left out). */
export interface GuardHistoryEntry {
  sweepId: string;
  takenAt: string;
  judged: number;
  byRule: Record<string, number>;
}

export interface HeldRule {
  ruleId: string;
  accounts: number;
  share: number;
  reason: string;
}

export interface GuardReport {
  tripped: boolean;
  judged: number;
  acted: number;
  actedShare: number;
  heldRules: HeldRule[];
  /** Set when the whole sweep is over its ceiling. */
  sweepReason?: string;
  /** Follower tiers over their cap: every decision at or above the lowest such tier is reviewed in full. */
  followerTiers: Array<{ atLeast: number; accounts: number; maxActions: number }>;
  /** The earlier sweeps the growth check compared against. */
  historySweeps: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function assessBlastRadius(tally: GuardTally, history: GuardHistoryEntry[], guard: GuardPolicy): GuardReport {
  const judged = Math.max(tally.judged, 1);
  const heldRules: HeldRule[] = [];
  const past = history.slice(-guard.historySweeps);
  for (const ruleId of Object.keys(tally.byRule).sort()) {
    const accounts = tally.byRule[ruleId];
    if (accounts < guard.minRuleAccounts) continue;
    const share = accounts / judged;
    const reasons: string[] = [];
    if (share > guard.maxRuleShare) reasons.push(`acts on ${pct(share)} of ${tally.judged} judged accounts (ceiling ${pct(guard.maxRuleShare)})`);
    if (past.length > 0) {
      const before = past.reduce((s, h) => s + (h.byRule[ruleId] ?? 0) / Math.max(h.judged, 1), 0) / past.length;
      if (share > guard.maxRuleGrowth * before) {
        reasons.push(
          before === 0
            ? `never acted in the last ${past.length} sweep(s), now ${pct(share)}`
            : `${(share / before).toFixed(1)}× its rate in the last ${past.length} sweep(s) (${pct(before)} → ${pct(share)}; ceiling ${guard.maxRuleGrowth}×)`,
        );
      }
    }
    if (reasons.length) heldRules.push({ ruleId, accounts, share, reason: reasons.join('; ') });
  }
  const actedShare = tally.acted / judged;
  const sweepReason =
    tally.acted >= guard.minSweepAccounts && actedShare > guard.maxSweepShare
      ? `acts on ${pct(actedShare)} of ${tally.judged} judged accounts (ceiling ${pct(guard.maxSweepShare)})`
      : guard.maxSweepActions !== undefined && tally.acted > guard.maxSweepActions
        ? `acts on ${tally.acted} accounts (ceiling ${guard.maxSweepActions} per sweep)`
        : undefined;
  const followerTiers = guard.followerCaps
    .map((c) => ({ atLeast: c.atLeast, accounts: tally.byFollowerTier[String(c.atLeast)] ?? 0, maxActions: c.maxActions }))
    .filter((t) => t.accounts > t.maxActions)
    .sort((a, b) => a.atLeast - b.atLeast);
  return {
    tripped: heldRules.length > 0 || sweepReason !== undefined || followerTiers.length > 0,
    judged: tally.judged,
    acted: tally.acted,
    actedShare,
    heldRules,
    ...(sweepReason ? { sweepReason } : {}),
    followerTiers,
    historySweeps: past.map((h) => h.sweepId),
  };
}

/** Adds one decision to the tally (streamed: the guard never holds a sweep's decisions). */
export function tallyDecision(tally: GuardTally, d: { action: string; ruleIds: string[]; followerCount: number }, guard: GuardPolicy): void {
  if (d.action === 'none') return;
  tally.acted += 1;
  for (const r of d.ruleIds) tally.byRule[r] = (tally.byRule[r] ?? 0) + 1;
  for (const c of guard.followerCaps) if (d.followerCount >= c.atLeast) tally.byFollowerTier[String(c.atLeast)] = (tally.byFollowerTier[String(c.atLeast)] ?? 0) + 1;
}

export const emptyTally = (judged: number): GuardTally => ({ judged, acted: 0, byRule: {}, byFollowerTier: {} });

/** What this sweep adds to the history: the rates of the rules it did not hold. */
export function historyEntry(sweepId: string, takenAt: string, tally: GuardTally, report: GuardReport): GuardHistoryEntry {
  const held = new Set(report.heldRules.map((h) => h.ruleId));
  const byRule: Record<string, number> = {};
  if (!report.sweepReason) for (const [r, n] of Object.entries(tally.byRule)) if (!held.has(r)) byRule[r] = n;
  return { sweepId, takenAt, judged: tally.judged, byRule };
}
