/**
 * Penalty precedence, the one rule for "which of two penalties counts": the stronger action
 * wins; of two equal actions, the one that lasts longer (no end: never ends). Enforcement merges
 * a new penalty with this rule, a reversal refolds the remaining ones with it, and deciding picks
 * between the ladder's step and the brand points consequence with it. Pure.
 */
import { ACTION_RANK, type Action } from '#shared/contract/decisionExport';

export interface RankedPenalty {
  action: Action;
  /** When it ends (ISO time); undefined for penalties without an end (warn, ban). */
  until?: string;
}

/** True when `a` takes precedence over `b`; a tie is false, so the penalty already in place stays. */
export function outranks(a: RankedPenalty, b: RankedPenalty): boolean {
  const ra = ACTION_RANK[a.action];
  const rb = ACTION_RANK[b.action];
  if (ra !== rb) return ra > rb;
  if (b.until === undefined) return false;
  return a.until === undefined || a.until > b.until;
}

export const isTimed = (action: Action): boolean => action === 'limit' || action === 'suspend';

/** When a penalty taking effect at `effectiveAt` ends: timed actions only. */
export function penaltyEnd(action: Action, effectiveAt: string, durationDays: number | undefined): string | undefined {
  return isTimed(action) ? new Date(Date.parse(effectiveAt) + (durationDays ?? 0) * 86_400_000).toISOString() : undefined;
}
